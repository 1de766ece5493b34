from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "legalaid.payments"
    label = "payments"
    verbose_name = _("Thanh toán thù lao, bồi dưỡng")

    def ready(self):
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        from . import metrics, permissions, workqueue  # noqa: F401  (predicates and work-queue sections register)
        from .rules import RATE_DATE_RULES

        if getattr(settings, "PAYMENTS_RATE_DATE", "work") not in RATE_DATE_RULES:
            raise ImproperlyConfigured(f"PAYMENTS_RATE_DATE must be one of {RATE_DATE_RULES}")
        metrics.register()
