"""The FilterSet of the study list, shared by the page and its export."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.filters import BaseFilterSet, YearFilter
from legalaid.core.models import Organisation
from legalaid.lib.text import fold

from .choices import LATE, StudyStatus
from .models import ThematicStudy

STATUS_CHOICES = [*StudyStatus.choices, (LATE, _("Chậm tiến độ"))]


class StudyFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Tên chuyên đề"), method="search")
    year = YearFilter(label=_("Năm"))
    department = django_filters.ModelChoiceFilter(
        label=_("Đơn vị chủ trì"), queryset=Organisation.objects.none(), method="filter_department"
    )
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=STATUS_CHOICES, method="filter_status")

    class Meta:
        model = ThematicStudy
        fields = ["q", "year", "department", "status"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["department"].queryset = (
            Organisation.objects.visible_to(user)
            .filter(kind__in=[OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH])
            .order_by("kind", "name")
        )

    def search(self, queryset, name, value):
        condition = Q()
        for word in fold(value or "").split():
            condition &= Q(title_key__contains=word)
        return queryset.filter(condition)

    def filter_department(self, queryset, name, value):
        return queryset.filter(lead_department=value) if value else queryset

    def filter_status(self, queryset, name, value):
        if value == LATE:
            return queryset.late_on(timezone.localdate())
        return queryset.filter(status=value) if value else queryset
