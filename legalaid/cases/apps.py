from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "legalaid.cases"
    label = "cases"
    verbose_name = _("Vụ việc")

    def ready(self):
        from . import workqueue  # noqa: F401  (registers its sections of the work queue)
