"""The FilterSet of the request list, shared by the page and its export; its helpers serve the case list too."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.filters import BaseFilterSet, DayFilter
from legalaid.core.models import Organisation
from legalaid.eligibility.models import Category
from legalaid.lib.text import name_words_q

from .choices import Channel, RequestStatus
from .models import FieldOfLaw, FormOfAid, LegalAidRequest
from .selectors import overdue_requests_q

YES_NO = [("", "---------"), ("1", _("Có"))]


def units(user):
    return (
        Organisation.objects.visible_to(user)
        .filter(kind__in=[OrganisationKind.CENTRE, OrganisationKind.BRANCH])
        .order_by("kind", "name")
    )


def search_people(queryset, value: str, *, code_field: str | None):
    """One box: the folded beneficiary name (every word), the ID number, or the case code."""
    text = (value or "").strip()
    if not text:
        return queryset
    compact = "".join(text.split()).upper()
    condition = Q(beneficiary__id_number=compact)
    name_q = name_words_q("beneficiary__name_key", text)
    if name_q is not None:
        condition |= name_q
    if code_field:
        condition |= Q(**{f"{code_field}__iexact": text})
    return queryset.filter(condition)


def by_unit(queryset, unit):
    if unit is None:
        return queryset
    if unit.kind == OrganisationKind.BRANCH:
        return queryset.filter(branch=unit)
    return queryset.filter(centre=unit, branch__isnull=True)


class RequestFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Họ tên, số giấy tờ, mã hồ sơ"), method="search")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=RequestStatus.choices)
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị tiếp nhận"), queryset=Organisation.objects.none(), method="filter_unit"
    )
    channel = django_filters.ChoiceFilter(label=_("Hình thức tiếp nhận"), choices=Channel.choices)
    category = django_filters.ModelChoiceFilter(
        label=_("Diện"), queryset=Category.objects.all(), method="filter_category"
    )
    field_of_law = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=FieldOfLaw.objects.all())
    desired_form = django_filters.ModelChoiceFilter(label=_("Hình thức trợ giúp"), queryset=FormOfAid.objects.all())
    received_from = DayFilter(label=_("Tiếp nhận từ ngày"), field_name="received_at", lookup_expr="gte")
    received_to = DayFilter(label=_("Tiếp nhận đến ngày"), field_name="received_at", lookup_expr="lte")
    overdue = django_filters.ChoiceFilter(label=_("Quá hạn"), choices=YES_NO[1:], method="filter_overdue")

    class Meta:
        model = LegalAidRequest
        fields = [
            "q",
            "status",
            "unit",
            "channel",
            "category",
            "field_of_law",
            "desired_form",
            "received_from",
            "received_to",
            "overdue",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units(user)

    def search(self, queryset, name, value):
        return search_people(queryset, value, code_field="case__code")

    def filter_unit(self, queryset, name, value):
        return by_unit(queryset, value)

    def filter_category(self, queryset, name, value):
        through = LegalAidRequest.categories.through
        return queryset.filter(Exists(through.objects.filter(legalaidrequest_id=OuterRef("pk"), category=value)))

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue_requests_q(timezone.localdate())) if value else queryset
