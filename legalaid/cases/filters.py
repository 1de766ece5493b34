"""The FilterSet of the case list, shared by the page and its export (STYLE.md rule 18)."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import LegalAidCase
from legalaid.cases.selectors import overdue_cases_q
from legalaid.core.filters import BaseFilterSet, DayFilter
from legalaid.core.models import Organisation
from legalaid.eligibility.models import Category
from legalaid.intake.choices import Channel
from legalaid.intake.filters import YES_NO, by_unit, search_people, units
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest


class CaseFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Họ tên, số giấy tờ, mã hồ sơ"), method="search")
    status = django_filters.MultipleChoiceFilter(label=_("Trạng thái"), choices=CaseStatus.choices)
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị thụ lý"), queryset=Organisation.objects.none(), method="filter_unit"
    )
    provider = django_filters.ModelChoiceFilter(label=_("Người thực hiện"), queryset=None, method="filter_provider")
    channel = django_filters.ChoiceFilter(
        label=_("Hình thức tiếp nhận"), choices=Channel.choices, field_name="request__channel"
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Diện"), queryset=Category.objects.all(), method="filter_category"
    )
    field_of_law = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=FieldOfLaw.objects.all())
    form_of_aid = django_filters.ModelChoiceFilter(label=_("Hình thức trợ giúp"), queryset=FormOfAid.objects.all())
    accepted_from = DayFilter(label=_("Thụ lý từ ngày"), field_name="accepted_at", lookup_expr="gte")
    accepted_to = DayFilter(label=_("Thụ lý đến ngày"), field_name="accepted_at", lookup_expr="lte")
    overdue = django_filters.ChoiceFilter(label=_("Quá hạn"), choices=YES_NO[1:], method="filter_overdue")

    class Meta:
        model = LegalAidCase
        fields = [
            "q",
            "status",
            "unit",
            "provider",
            "channel",
            "category",
            "field_of_law",
            "form_of_aid",
            "accepted_from",
            "accepted_to",
            "overdue",
        ]

    def __init__(self, *args, user=None, **kwargs):
        from legalaid.providers.models import Provider

        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units(user)
        self.filters["provider"].queryset = Provider.objects.visible_to(user).order_by("full_name")

    def filter_queryset(self, queryset):
        """A value the form refuses (an unknown status, a mistyped date) shows no case and its message, rather than
        being dropped silently and showing every case."""
        if self.is_bound and not self.form.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    def search(self, queryset, name, value):
        return search_people(queryset, value, code_field="code")

    def filter_unit(self, queryset, name, value):
        return by_unit(queryset, value)

    def filter_provider(self, queryset, name, value):
        """Cases the provider works on now, or worked on until the case ended (``Assignment.objects.of_record``)."""
        from legalaid.providers.models import Assignment

        return queryset.filter(Exists(Assignment.objects.of_record().filter(case=OuterRef("pk"), provider=value)))

    def filter_category(self, queryset, name, value):
        through = LegalAidRequest.categories.through
        return queryset.filter(
            Exists(through.objects.filter(legalaidrequest_id=OuterRef("request_id"), category=value))
        )

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue_cases_q(timezone.localdate())) if value else queryset
