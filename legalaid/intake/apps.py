from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "legalaid.intake"
    label = "intake"
    verbose_name = _("Tiếp nhận, thụ lý")

    def ready(self):
        from . import workqueue  # noqa: F401  (registers its sections of the work queue)
