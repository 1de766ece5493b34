from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "legalaid.feedback"
    label = "feedback"
    verbose_name = _("Khảo sát sự hài lòng, phản ánh, khiếu nại")

    def ready(self) -> None:
        from legalaid.feedback import figures, workqueue  # noqa: F401  (registers the metrics and the queue sections)
