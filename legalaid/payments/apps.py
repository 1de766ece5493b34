from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "legalaid.payments"
    label = "payments"
    verbose_name = _("Thanh toán thù lao, bồi dưỡng")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the permission predicates; rules.py is the fee rule)
