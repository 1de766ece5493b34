"""Public reads of the portal: the offices (Centres, branches and the communes they serve).

These are the organisation data that a Centre publishes, read without a user: only Centres and branches that are
active, and only their public fields (name, address, phone, e-mail, hours). Never a member of staff, never a person,
never a request (issue 12 item 7: no enumeration of offices' staff). The status lookup reads one request through its
receipt code in ``services``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import BranchCommune, Commune, Organisation, Province


def _in_force(on_date: dt.date) -> Q:
    return Q(valid_from__lte=on_date) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))


def public_units():
    return Organisation.objects.filter(
        kind__in=[OrganisationKind.CENTRE, OrganisationKind.BRANCH], is_active=True
    ).select_related("province", "commune")


def centres(on_date: dt.date | None = None) -> list[Organisation]:
    """Every active Centre with its active branches, and each branch's communes in force on the day (3 queries)."""
    on_date = on_date or timezone.localdate()
    served = BranchCommune.objects.filter(_in_force(on_date)).select_related("commune").order_by("commune__name")
    branches = (
        public_units()
        .filter(kind=OrganisationKind.BRANCH)
        .prefetch_related(Prefetch("served_communes", queryset=served, to_attr="communes_now"))
        .order_by("name")
    )
    return list(
        public_units()
        .filter(kind=OrganisationKind.CENTRE)
        .prefetch_related(Prefetch("members", queryset=branches, to_attr="branches"))
        .order_by("province__name", "name")
    )


def provinces_with_centre():
    """The provinces that have an active Centre (the only ones a request can be sent to)."""
    return Province.objects.filter(
        pk__in=Organisation.objects.filter(kind=OrganisationKind.CENTRE, is_active=True).values("province_id")
    ).order_by("name")


def communes_of(province_id: int | None):
    if not province_id:
        return Commune.objects.none()
    return Commune.objects.filter(province_id=province_id).order_by("name")


@dataclass(frozen=True)
class Office:
    """The office that serves a commune: the branch whose territory holds it on the day, else the Centre."""

    centre: Organisation
    branch: Organisation | None

    @property
    def unit(self) -> Organisation:
        return self.branch or self.centre


def centre_of_province(province_id: int | None) -> Organisation | None:
    if not province_id:
        return None
    return public_units().filter(kind=OrganisationKind.CENTRE, province_id=province_id).order_by("pk").first()


def office_for(
    *, province_id: int | None, commune_id: int | None = None, on_date: dt.date | None = None
) -> Office | None:
    """Which office serves the commune (or, without one, the province): None when the province has no Centre."""
    on_date = on_date or timezone.localdate()
    if commune_id and not province_id:
        province_id = Commune.objects.filter(pk=commune_id).values_list("province_id", flat=True).first()
    centre = centre_of_province(province_id)
    if centre is None:
        return None
    branch = None
    if commune_id:
        link = (
            BranchCommune.objects.filter(
                _in_force(on_date),
                commune_id=commune_id,
                branch__is_active=True,
                branch__centre=centre,
            )
            .select_related("branch", "branch__province", "branch__commune")
            .order_by("valid_from", "pk")
            .last()
        )
        branch = link.branch if link else None
    return Office(centre=centre, branch=branch)
