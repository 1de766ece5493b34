from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "legalaid.people"
    label = "people"
    verbose_name = _("Người được trợ giúp pháp lý")
