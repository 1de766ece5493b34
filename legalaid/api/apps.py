from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "legalaid.api"
    label = "api"
    verbose_name = _("API kết nối")

    def ready(self) -> None:
        from legalaid.api import schema  # noqa: F401  (registers the OpenAPI extension of the key authentication)
