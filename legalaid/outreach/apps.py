from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "legalaid.outreach"
    label = "outreach"
    verbose_name = _("Truyền thông, trợ giúp pháp lý lưu động, đường dây nóng")

    def ready(self):
        from . import figures  # noqa: F401  (registers its figures in the plans' catalogue)
