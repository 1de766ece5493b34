"""Reads of providers and their workload, always from a queryset the caller has scoped.

- ``provider_list(user=...)``: the providers a user sees, ready for the list page and its export;
- ``workload(centre, on_date, ...)``: per provider, open cases by form and field, litigation cases this year against
  the quota, languages, branch and the reasons they cannot be assigned (the page for choosing a provider);
- ``quota_progress(centre, year)``: each legal aid officer's litigation quota and progress.

A fixed number of queries whatever the number of providers (tests pin them).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery

from legalaid.cases.models import LegalAidCase

from .choices import ProviderKind
from .models import Assignment, LitigationQuota, Provider
from .services import WORKING_STATUSES, assignability, conflict_map, form_rules_on

#: The form of aid whose cases count against an officer's quota (Law Art. 27: tham gia tố tụng).
LITIGATION = "litigation"


def provider_list(*, user):
    return (
        Provider.objects.visible_to(user)
        .select_related("centre", "branch", "partner", "user")
        .prefetch_related("contracts", "languages", "fields_of_law")
    )


@dataclass
class WorkloadRow:
    """One provider in the workload table."""

    provider: Provider
    open_cases: int = 0
    by_form: dict[str, int] = field(default_factory=dict)
    by_field: dict[str, int] = field(default_factory=dict)
    litigation_this_year: int = 0
    quota: int | None = None
    reasons: list[str] = field(default_factory=list)
    expert_in_field: bool = False
    speaks_language: bool = False

    @property
    def assignable(self) -> bool:
        return not self.reasons

    @property
    def quota_percent(self) -> int | None:
        if not self.quota:
            return None
        return round(100 * self.litigation_this_year / self.quota)


def _open_counts(provider_ids) -> dict[int, list[tuple[str, str, int]]]:
    rows = (
        Assignment.objects.filter(provider_id__in=provider_ids, is_active=True, case__status__in=WORKING_STATUSES)
        .values_list("provider_id", "case__form_of_aid__name", "case__field_of_law__name")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    out: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for provider_id, form, field_name, n in rows:
        out[provider_id].append((form, field_name, n))
    return out


def _litigation_counts(provider_ids, year: int) -> dict[int, int]:
    """Litigation cases a provider was assigned to in ``year`` (counted at the assignment decision; UNCONFIRMED
    whether the Centre counts at assignment or at completion)."""
    # The form of aid is read per assignment by a correlated subquery (the case by its primary key), which PostgreSQL
    # does not flatten into a join: the count walks the providers' assignments of the year (providers_asg_year_idx),
    # a few hundred rows, where a join let the planner hash every litigation case of the deployment (issue 11).
    form = LegalAidCase.objects.filter(pk=OuterRef("case_id")).order_by().values("form_of_aid__code")[:1]
    return dict(
        Assignment.objects.filter(provider_id__in=provider_ids, decision_year=year)
        .annotate(form_code=Subquery(form))
        .filter(form_code=LITIGATION)
        .values_list("provider_id")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )


def _quotas(provider_ids, year: int) -> dict[int, int]:
    return dict(
        LitigationQuota.objects.filter(provider_id__in=provider_ids, year=year).values_list("provider_id", "cases")
    )


def workload(
    centre,
    on_date: dt.date,
    *,
    providers=None,
    case: LegalAidCase | None = None,
    order: str = "load",
) -> list[WorkloadRow]:
    """The workload of the active providers of ``centre`` (or of the ``providers`` queryset, already scoped to the
    user), least loaded first. With ``case``: the reasons include whether the provider's kind may perform the case's
    form of aid (Law Arts 31-33) and conflicts of interest for that case (Art. 25(2)(a)),
    and each row says whether the provider knows the case's field and speaks the beneficiary's language."""
    qs = providers if providers is not None else Provider.objects.all()
    qs = (
        qs.filter(centre=centre, is_active=True)
        .select_related("branch", "partner", "user")
        .prefetch_related("contracts", "languages", "fields_of_law")
    )
    people = list(qs)
    ids = [p.pk for p in people]
    counts = _open_counts(ids)
    litigation = _litigation_counts(ids, on_date.year)
    quotas = _quotas(ids, on_date.year)
    conflicts = conflict_map(case, ids) if case is not None else {}
    case_form = case.form_of_aid if case is not None else None
    rules = form_rules_on(on_date) if case is not None else {}
    ethnicity_id = case.beneficiary.ethnicity_id if case is not None else None
    rows = []
    for provider in people:
        row = WorkloadRow(provider=provider)
        for form, field_name, n in counts.get(provider.pk, []):
            row.open_cases += n
            row.by_form[form] = row.by_form.get(form, 0) + n
            row.by_field[field_name] = row.by_field.get(field_name, 0) + n
        row.litigation_this_year = litigation.get(provider.pk, 0)
        if provider.kind == ProviderKind.OFFICER:
            row.quota = quotas.get(provider.pk)
        row.reasons = assignability(provider, on_date, case_form, form_rules=rules) + conflicts.get(provider.pk, [])
        if case is not None:
            row.expert_in_field = any(f.pk == case.field_of_law_id for f in provider.fields_of_law.all())
            row.speaks_language = bool(ethnicity_id) and any(
                lang.ethnicity_id == ethnicity_id for lang in provider.languages.all()
            )
        rows.append(row)
    if order == "name":
        rows.sort(key=lambda r: (r.provider.name_key, r.provider.pk))
    else:
        rows.sort(key=lambda r: (not r.assignable, r.open_cases, r.provider.name_key, r.provider.pk))
    return rows


@dataclass
class QuotaRow:
    provider: Provider
    quota: int | None
    done: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.quota) if self.quota else None


def quota_progress(centre, year: int, *, providers=None) -> list[QuotaRow]:
    """Each active legal aid officer of ``centre``: the year's litigation quota and the litigation cases assigned to
    them that year (3 queries)."""
    qs = providers if providers is not None else Provider.objects.all()
    officers = list(
        qs.filter(centre=centre, kind=ProviderKind.OFFICER, is_active=True)
        .select_related("branch")
        .order_by("name_key")
    )
    ids = [p.pk for p in officers]
    quotas = _quotas(ids, year)
    done = _litigation_counts(ids, year)
    return [QuotaRow(provider=p, quota=quotas.get(p.pk), done=done.get(p.pk, 0)) for p in officers]
