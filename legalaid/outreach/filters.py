"""The FilterSets of the outreach lists (sessions, hotline calls)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from legalaid.core.filters import BaseFilterSet
from legalaid.core.models import Organisation

from .choices import CallerType, CallOutcome, OutreachForm
from .models import HotlineCall, OutreachSession


def _branches(request):
    if request is None:
        return Organisation.objects.none()
    return Organisation.objects.visible_to(request.user).filter(kind="branch").only("pk", "name")


class SessionFilter(BaseFilterSet):
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="date", lookup_expr="lte")
    form = django_filters.ChoiceFilter(label=_("Hình thức"), choices=OutreachForm.choices)
    difficult = django_filters.BooleanFilter(label=_("Tại xã đặc biệt khó khăn"), field_name="difficult")
    ethnic_area = django_filters.BooleanFilter(label=_("Vùng đồng bào dân tộc thiểu số"), field_name="ethnic_area")
    branch = django_filters.ModelChoiceFilter(label=_("Chi nhánh"), queryset=lambda request: _branches(request))

    class Meta:
        model = OutreachSession
        fields = ["date_from", "date_to", "form", "difficult", "ethnic_area", "branch"]


class CallFilter(BaseFilterSet):
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="called_at__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="called_at__date", lookup_expr="lte")
    caller_type = django_filters.ChoiceFilter(label=_("Người gọi là"), choices=CallerType.choices)
    outcome = django_filters.ChoiceFilter(label=_("Kết quả"), choices=CallOutcome.choices)

    class Meta:
        model = HotlineCall
        fields = ["date_from", "date_to", "caller_type", "outcome"]
