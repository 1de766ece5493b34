from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "legalaid.portal"
    label = "portal"
    verbose_name = _("Cổng dịch vụ công trực tuyến")

    def ready(self) -> None:
        from legalaid.portal import figures  # noqa: F401  (registers the metrics)
