from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityConfig(AppConfig):
    name = "legalaid.quality"
    label = "quality"
    verbose_name = _("Quản lý chất lượng")

    def ready(self):
        from . import metrics, workqueue  # noqa: F401  (registers its figures and its sections of the work queue)
