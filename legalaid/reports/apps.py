from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "legalaid.reports"
    label = "reports"
    verbose_name = _("Báo cáo thống kê")

    def ready(self):
        from . import metrics  # noqa: F401  (measures the catalogue's figures the fact layer can measure)
