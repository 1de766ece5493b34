"""Reads of quality management, through ``visible_to(user)``.

Which cases are appraised: DOMAIN.md 3 ("from memory: litigation and out-of-court representation cases") and 12
(which cases, who and deadlines: UNCONFIRMED, kept as settings): the forms of aid are the setting
``QUALITY_APPRAISED_FORMS`` (default: litigation, representation). A case enters the appraisal queue when it is
completed with its outcome recorded (Law Art. 38); it stays in the figures once archived.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import LegalAidCase

from .choices import AppraisalStatus
from .models import Appraisal

DEFAULT_APPRAISED_FORMS = ("litigation", "representation")
#: A completed case stays completed once archived (the archive keeps its outcome).
ENDED_COMPLETED = (CaseStatus.COMPLETED, CaseStatus.ARCHIVED)


def appraised_forms() -> tuple[str, ...]:
    return tuple(getattr(settings, "QUALITY_APPRAISED_FORMS", DEFAULT_APPRAISED_FORMS))


def completed_cases_q(prefix: str = "") -> Q:
    """The completed cases of the appraised forms (``prefix``: the path to the case, e.g. ``"case__"``)."""
    return Q(
        **{
            f"{prefix}status__in": ENDED_COMPLETED,
            f"{prefix}completion__isnull": False,
            f"{prefix}form_of_aid__code__in": appraised_forms(),
        }
    )


def appraisable_cases(user):
    """The completed litigation and representation cases ``user`` sees."""
    return LegalAidCase.objects.visible_to(user).filter(completed_cases_q())


def cases_awaiting_appraiser(user):
    """Completed cases of the appraised forms that have no appraiser yet, oldest completion first.

    ``NOT EXISTS`` rather than a left join with ``IS NULL``: PostgreSQL then walks the completions by date and stops
    at the first rows it needs (1 ms at a million cases) instead of joining every completed case to the appraisals
    and sorting them (0.8 s; docs/performance.md)."""
    has_appraisal = Appraisal.objects.filter(case=OuterRef("pk"))
    return appraisable_cases(user).filter(~Exists(has_appraisal)).order_by("completion__completed_on", "pk")


def appraisals_to_do(user):
    """The appraisals assigned to ``user`` and not done yet, by due date."""
    return (
        Appraisal.objects.visible_to(user)
        .filter(appraiser=user, status=AppraisalStatus.ASSIGNED)
        .order_by("due_on", "pk")
    )


def appraisal_list(user):
    return Appraisal.objects.visible_to(user).select_related(
        "case", "case__form_of_aid", "case__completion", "appraiser", "result_level", "centre", "branch"
    )


def coverage(cases, *, by: str | None = None) -> list[dict]:
    """Appraisal coverage of ``cases`` (a queryset of completed cases): appraised (done) / completed, in one query,
    overall (``by`` None) or grouped by ``"unit"`` (Centre head office or branch) or ``"provider"`` (each provider of
    record of the case: a case shared by two providers counts for both)."""
    done = Q(appraisal__status=AppraisalStatus.DONE)
    if by is None:
        row = cases.aggregate(completed=Count("pk", distinct=True), appraised=Count("pk", filter=done, distinct=True))
        return [_with_pct(row)]
    if by == "unit":
        keys = ("centre__name", "branch__name")
    elif by == "provider":
        keys = ("assignments__provider_id", "assignments__provider__full_name")
        cases = cases.filter(Q(assignments__is_active=True) | Q(assignments__end_reason="case_ended"))
    else:
        raise ValueError(by)
    rows = (
        cases.values(*keys)
        .annotate(completed=Count("pk", distinct=True), appraised=Count("pk", filter=done, distinct=True))
        .order_by(*keys)
    )
    return [_with_pct(dict(r)) for r in rows]


def _with_pct(row: dict) -> dict:
    from decimal import ROUND_HALF_UP, Decimal

    completed = row.get("completed") or 0
    appraised = row.get("appraised") or 0
    row["pct"] = (
        (Decimal(appraised) * 100 / Decimal(completed)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if completed
        else None
    )
    return row


def completed_between(cases, start: dt.date, end: dt.date):
    """The cases completed on a day of the period (both days included)."""
    return cases.filter(completion__completed_on__range=(start, end))
