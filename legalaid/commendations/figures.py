"""Figures the system measures for a nominee over a campaign's period, shown beside the achievements as written.

Individuals: requests they received, cases they accepted (intake), simple matters they answered, and the cases they
were assigned to as a provider (providers' assignments), with the litigation cases among them. Units: the same for
the unit's records (a branch's own book, a department through its members, the Centre as a whole).

Each figure is one ORM count that runs on SQLite and PostgreSQL; the catalogue is extended by adding a ``Figure``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.lib.dates import on_days

LITIGATION = "litigation"  # FormOfAid code of "Tham gia tố tụng" (Law Art. 27)


@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    #: (queryset-building function of (start, end), Q for an individual user, Q for a unit) — the Qs receive the
    #: nominee and return None when the figure does not apply.
    base: Callable[[dt.date, dt.date], QuerySet]
    for_user: Callable[[object], Q | None]
    for_unit: Callable[[object], Q | None]
    distinct: str | None = None

    def count(self, nominee, start: dt.date, end: dt.date) -> int | None:
        condition = self.for_unit(nominee) if _is_unit(nominee) else self.for_user(nominee)
        if condition is None:
            return None
        qs = self.base(start, end).filter(condition)
        if self.distinct:
            return qs.values(self.distinct).distinct().count()
        return qs.count()


def _is_unit(nominee) -> bool:
    from legalaid.core.models import Organisation

    return isinstance(nominee, Organisation)


def _unit_q(unit, *, centre: str, branch: str, member: str) -> Q | None:
    """Records of a unit: a Centre's all records, a branch's own, a department's through its members."""
    if unit.kind == OrganisationKind.CENTRE:
        return Q(**{centre: unit.pk})
    if unit.kind == OrganisationKind.BRANCH:
        return Q(**{branch: unit.pk})
    if unit.kind == OrganisationKind.DEPARTMENT:
        return Q(**{member: unit.pk})
    return None


def _requests(start, end):
    from legalaid.intake.models import LegalAidRequest

    return LegalAidRequest.objects.filter(**on_days("received_at", start, end))


def _cases(start, end):
    from legalaid.cases.models import LegalAidCase

    return LegalAidCase.objects.filter(**on_days("accepted_at", start, end))


def _matters(start, end):
    from legalaid.intake.models import SimpleMatter

    return SimpleMatter.objects.filter(**on_days("answered_at", start, end))


def _assignments(start, end):
    from legalaid.providers.models import Assignment

    return Assignment.objects.filter(started_on__range=(start, end))


def _litigation_assignments(start, end):
    return _assignments(start, end).filter(case__form_of_aid__code=LITIGATION)


CATALOGUE: list[Figure] = [
    Figure(
        "requests_received",
        _("Yêu cầu tiếp nhận"),
        _requests,
        lambda user: Q(received_by=user),
        lambda unit: _unit_q(unit, centre="centre", branch="branch", member="received_by__organisation"),
    ),
    Figure(
        "cases_accepted",
        _("Vụ việc thụ lý"),
        _cases,
        lambda user: Q(accepted_by=user),
        lambda unit: _unit_q(unit, centre="centre", branch="branch", member="accepted_by__organisation"),
    ),
    Figure(
        "simple_matters",
        _("Việc trợ giúp pháp lý (giải đáp ngay)"),
        _matters,
        lambda user: Q(answered_by=user),
        lambda unit: _unit_q(unit, centre="centre", branch="branch", member="answered_by__organisation"),
    ),
    Figure(
        "cases_assigned",
        _("Vụ việc được cử thực hiện"),
        _assignments,
        lambda user: Q(provider__user=user),
        lambda unit: _unit_q(unit, centre="case__centre", branch="case__branch", member="provider__user__organisation"),
        distinct="case_id",
    ),
    Figure(
        "litigation_assigned",
        _("Trong đó: vụ việc tham gia tố tụng"),
        _litigation_assignments,
        lambda user: Q(provider__user=user),
        lambda unit: _unit_q(unit, centre="case__centre", branch="case__branch", member="provider__user__organisation"),
        distinct="case_id",
    ),
]
LABELS = {f.code: f.label for f in CATALOGUE}


def compute(nominee, start: dt.date, end: dt.date) -> dict:
    """``{"period": [start, end], "values": {code: count}}`` for the nominee (a User or an Organisation)."""
    values = {}
    for figure in CATALOGUE:
        value = figure.count(nominee, start, end)
        if value is not None:
            values[figure.code] = value
    return {"period": [start.isoformat(), end.isoformat()], "values": values}


def labelled(figures: dict) -> list[tuple[str, int]]:
    """The stored figures as (label, value) in catalogue order, for pages and exports."""
    values = (figures or {}).get("values", {})
    return [(str(f.label), values[f.code]) for f in CATALOGUE if f.code in values]
