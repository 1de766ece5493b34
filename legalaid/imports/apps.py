from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "legalaid.imports"
    label = "imports"
    verbose_name = _("Nhập sổ sách cũ")

    def ready(self):
        from . import rules, workqueue  # noqa: F401  (the permission; the section of the work queue)
