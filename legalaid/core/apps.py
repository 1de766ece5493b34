from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "legalaid.core"
    label = "core"
    verbose_name = _("Nền tảng")

    def ready(self):
        from legalaid.core import checks  # noqa: F401  (registers the security checks)
        from legalaid.core.converters import register_converters

        register_converters()
