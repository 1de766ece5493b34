"""The FilterSet of the provider list, shared by the page and its export."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.filters import BaseFilterSet
from legalaid.core.models import Organisation
from legalaid.intake.models import FieldOfLaw

from .choices import CONTRACT_KINDS, PARTNER_KINDS, ProviderKind
from .models import Language, Provider, ProviderContract

YES = [("1", _("Có"))]


def valid_on_q(on_date) -> Q:
    """The database form of ``assignability(provider, on_date) == []``: active, card valid on the day, a contract in
    force for contracted lawyers and collaborators, the partner organisation in force for its lawyers and
    consultants."""
    card = (Q(card_issued_on__isnull=True) | Q(card_issued_on__lte=on_date)) & (
        Q(card_valid_until__isnull=True) | Q(card_valid_until__gte=on_date)
    )
    card &= Q(kind=ProviderKind.CONSULTANT) | ~Q(card_number="")
    contract = Exists(
        ProviderContract.objects.filter(provider_id=OuterRef("pk"), valid_from__lte=on_date).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on_date)
        )
    )
    partner = (
        Q(partner__is_active=True)
        & (Q(partner__valid_from__isnull=True) | Q(partner__valid_from__lte=on_date))
        & (Q(partner__valid_to__isnull=True) | Q(partner__valid_to__gte=on_date))
    )
    return Q(is_active=True) & card & (~Q(kind__in=CONTRACT_KINDS) | contract) & (~Q(kind__in=PARTNER_KINDS) | partner)


class ProviderFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Họ tên"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Loại người thực hiện"), choices=ProviderKind.choices)
    branch = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Organisation.objects.none(), method="filter_branch"
    )
    field_of_law = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"), queryset=FieldOfLaw.objects.filter(in_scope=True), method="filter_field"
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Ngôn ngữ"), queryset=Language.objects.all(), method="filter_language"
    )
    valid_today = django_filters.ChoiceFilter(label=_("Đủ điều kiện hôm nay"), choices=YES, method="filter_valid")

    class Meta:
        model = Provider
        fields = ["q", "kind", "branch", "field_of_law", "language", "valid_today"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["branch"].queryset = (
            Organisation.objects.visible_to(user)
            .filter(kind__in=[OrganisationKind.CENTRE, OrganisationKind.BRANCH])
            .order_by("kind", "name")
        )

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_branch(self, queryset, name, value):
        if value.kind == OrganisationKind.BRANCH:
            return queryset.filter(branch=value)
        return queryset.filter(centre=value, branch__isnull=True)

    def filter_field(self, queryset, name, value):
        through = Provider.fields_of_law.through
        return queryset.filter(Exists(through.objects.filter(provider_id=OuterRef("pk"), fieldoflaw=value)))

    def filter_language(self, queryset, name, value):
        through = Provider.languages.through
        return queryset.filter(Exists(through.objects.filter(provider_id=OuterRef("pk"), language=value)))

    def filter_valid(self, queryset, name, value):
        return queryset.filter(valid_on_q(timezone.localdate())) if value else queryset
