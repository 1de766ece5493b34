"""The FilterSet of the plan list, shared by the page and its export."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.filters import BaseFilterSet, YearFilter

from .choices import PlanStatus


class PlanFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Số, ký hiệu hoặc trích yếu"), method="search")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=PlanStatus.choices)
    year = YearFilter(label=_("Năm ban hành"), field_name="date", lookup_expr="year")

    class Meta:
        from .models import Plan

        model = Plan
        fields = ["q", "status", "year"]

    def search(self, queryset, name, value):
        text = " ".join((value or "").split())
        if not text:
            return queryset
        return queryset.filter(Q(number__icontains=text) | Q(title__icontains=text) | Q(issuer_name__icontains=text))
