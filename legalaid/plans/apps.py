from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "legalaid.plans"
    label = "plans"
    verbose_name = _("Kế hoạch")

    def ready(self):
        # The catalogue of measured figures registers its built-in metrics on import; other apps add theirs with
        # ``legalaid.plans.metrics.register_metric`` from their own ready().
        from legalaid.plans import metrics, workqueue  # noqa: F401  (workqueue: its section of "Việc cần làm")
