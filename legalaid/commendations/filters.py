"""The FilterSet of the campaign list, shared by the page and its export."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.filters import BaseFilterSet, YearFilter
from legalaid.lib.text import fold

from .choices import CampaignStatus
from .models import Campaign


class CampaignFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Tên phong trào"), method="search")
    year = YearFilter(label=_("Năm"), method="filter_year")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=CampaignStatus.choices)

    class Meta:
        model = Campaign
        fields = ["q", "year", "status"]

    def search(self, queryset, name, value):
        condition = Q()
        for word in fold(value or "").split():
            condition &= Q(title_key__contains=word)
        return queryset.filter(condition)

    def filter_year(self, queryset, name, value):
        """Campaigns that run at some time in the year."""
        if not value:
            return queryset
        return queryset.filter(period_start__year__lte=value, period_end__year__gte=value)
