"""Reads of the training app, always from what the user may see.

- ``officer_hours(user, centre, year)``: each active legal aid officer of the Centre (of the branch, for a branch
  head) with the hours attended in the year, the requirement (TT 12/2018 Art. 4) and the shortfall; one query for
  the rows, whatever their number.
- ``own_hours(user, year)``: the signed-in officer's own line.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, Sum, Value
from django.db.models.functions import Coalesce

from legalaid.core.choices import Role
from legalaid.providers.choices import ProviderKind
from legalaid.providers.models import Provider

from . import requirement


@dataclass
class HoursRow:
    provider: Provider
    hours: Decimal
    required: Decimal | None

    @property
    def shortfall(self) -> Decimal | None:
        return requirement.shortfall(self.hours, self.required)

    @property
    def reached(self) -> bool | None:
        return None if self.required is None else self.hours >= self.required

    @property
    def percent(self) -> int | None:
        if not self.required:
            return None
        return min(round(100 * self.hours / self.required), 100)


def officers_of(user, centre):
    """The active legal aid officers of ``centre`` as ``user`` sees them (a branch head: the branch's)."""
    officers = Provider.objects.visible_to(user).filter(centre=centre, kind=ProviderKind.OFFICER, is_active=True)
    if user.role == Role.BRANCH_HEAD and user.branch is not None:
        officers = officers.filter(branch=user.branch)
    return officers


def with_hours(providers, year: int):
    """``providers`` annotated with ``training_hours``: the hours of the events that ended in ``year``."""
    zero = Value(Decimal(0), output_field=DecimalField(max_digits=7, decimal_places=1))
    counted = requirement.counted_in(year, prefix="training_participations__event__")
    return providers.annotate(training_hours=Coalesce(Sum("training_participations__hours", filter=counted), zero))


def officer_hours(user, centre, year: int, *, short_only: bool = False):
    """A queryset of officers with ``training_hours`` (ordered by name); ``short_only``: those below the
    requirement."""
    qs = with_hours(officers_of(user, centre), year).select_related("branch").order_by("full_name", "pk")
    required = requirement.hours_required(year)
    if short_only:
        if required is None:
            return qs.none()
        qs = qs.filter(training_hours__lt=required).order_by("training_hours", "full_name", "pk")
    return qs


def rows(providers, year: int, required: Decimal | None = None) -> list[HoursRow]:
    if required is None:
        required = requirement.hours_required(year)
    return [HoursRow(provider=p, hours=p.training_hours, required=required) for p in providers]


def officer_rows(user, centre, year: int) -> list[HoursRow]:
    """Every officer's row for ``centre`` and ``year`` as ``user`` sees them, read once per request (the home page's
    panel and its work queue section share them: kept on the user object, which lives as long as the request)."""
    memo = user.__dict__.setdefault("_training_rows", {})
    key = (centre.pk, year)
    if key not in memo:
        memo[key] = rows(officer_hours(user, centre, year), year)
    return memo[key]


def summary(user, centre, year: int) -> dict:
    """How many officers there are and how many reached the requirement."""
    required = requirement.hours_required(year)
    all_rows = officer_rows(user, centre, year)
    total = len(all_rows)
    reached = sum(1 for r in all_rows if r.reached)
    return {
        "year": year,
        "officers": total,
        "reached": reached,
        "short": total - reached if required is not None else 0,
        "required": required,
        "percent": round(100 * reached / total) if total and required is not None else None,
    }


def short_rows(user, centre, year: int) -> list[HoursRow]:
    """The officers below the requirement, fewest hours first."""
    short = [r for r in officer_rows(user, centre, year) if r.reached is False]
    return sorted(short, key=lambda r: (r.hours, r.provider.full_name, r.provider.pk))


def own_hours(user, year: int) -> HoursRow | None:
    """The signed-in legal aid officer's own hours this year (None if they have no officer record); read once per
    request."""
    memo = user.__dict__.setdefault("_training_own", {})
    if year not in memo:
        provider = with_hours(Provider.objects.filter(user_id=user.pk, kind=ProviderKind.OFFICER), year).first()
        memo[year] = (
            None
            if provider is None
            else HoursRow(provider=provider, hours=provider.training_hours, required=requirement.hours_required(year))
        )
    return memo[year]
