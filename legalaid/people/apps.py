from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "legalaid.people"
    label = "people"
    verbose_name = _("Người được trợ giúp pháp lý")

    def ready(self):
        from django.utils.translation import gettext_lazy

        from legalaid.core import audit_display

        from . import workqueue  # noqa: F401  (registers its section of the work queue)

        audit_display.MESSAGES["subject_export"] = gettext_lazy(
            "Xuất toàn bộ dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu"
        )
