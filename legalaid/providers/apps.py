from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "legalaid.providers"
    label = "providers"
    verbose_name = _("Người thực hiện trợ giúp pháp lý")

    def ready(self):
        from . import workqueue  # noqa: F401  (registers its sections of the work queue)
