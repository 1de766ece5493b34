from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EligibilityConfig(AppConfig):
    name = "legalaid.eligibility"
    label = "eligibility"
    verbose_name = _("Diện người được trợ giúp pháp lý")
