from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "legalaid.training"
    label = "training"
    verbose_name = _("Tập huấn, trực tại tòa")

    def ready(self):
        from . import metrics, rules, workqueue  # noqa: F401  (its figures, permissions and work queue sections)
