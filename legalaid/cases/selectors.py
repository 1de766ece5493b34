"""Reads of cases for the case pages and the case list, always through ``visible_to(user)``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.cases.models import CaseEvent, Hearing, LegalAidCase, WorkLogEntry
from legalaid.core import audit


def case_for(user, pk: int, *, detail: bool = False) -> LegalAidCase:
    """The case ``pk`` if ``user`` sees it; 404 otherwise (another Centre's case is not confirmed to exist)."""
    qs = LegalAidCase.objects.visible_to(user).select_related("form_of_aid", "field_of_law", "centre", "branch")
    if detail:
        qs = qs.select_related(
            "beneficiary",
            "register",
            "register__organisation",
            "accepted_by",
            "request",
            "completion",
            "archive",
            "litigation",
            "litigation__agency",
            "representation",
            "advice",
        ).prefetch_related(
            Prefetch("events", queryset=CaseEvent.objects.select_related("actor")),
            "hearings",
            Prefetch("work_log", queryset=WorkLogEntry.objects.select_related("activity_type", "provider_user")),
            "attachments",
            "completion__success_criteria",
            "completion__complexity_criteria",
            "archive__checked_items",
            _case_assignments(user),
        )
    return audit.visible_or_404(user, qs, pk)  # another unit's case: a 404, and the attempt is logged


def _case_assignments(user) -> Prefetch:
    """Every assignment of the case for the providers panel (newest and active first), each marked ``paper_visible``
    when ``user`` may open its decision (``Assignment.visible_to``: a lawyer, the decisions that name them), so that
    the panel and the "Văn bản" panel (``case_papers``) share one query."""
    from legalaid.providers.models import Assignment

    visible = Assignment.objects.visible_to(user).filter(pk=OuterRef("pk"))
    return Prefetch(
        "assignments",
        queryset=Assignment.objects.select_related("provider", "replaces__provider")
        .annotate(paper_visible=Exists(visible))
        .order_by("-is_active", "-decision_date", "-id"),
        to_attr="all_assignments",
    )


def overdue_cases_q(today: dt.date) -> Q:
    """Accepted immediately and the papers still missing after their deadline, whatever the case's status now."""
    return Q(immediate=True, papers_due_on__lt=today, papers_completed_on__isnull=True)


def case_list(*, user):
    """The case list: every case the user sees, with what a row shows (providers, the next hearing, the handover)."""
    from legalaid.providers.models import Assignment

    next_hearing = Hearing.objects.filter(case=OuterRef("pk"), starts_at__gte=timezone.now()).order_by("starts_at")
    return (
        LegalAidCase.objects.visible_to(user)
        .select_related("beneficiary", "field_of_law", "form_of_aid", "centre", "branch", "register", "accepted_by")
        .annotate(
            next_hearing_at=Subquery(next_hearing.values("starts_at")[:1]),
            handover_due_on=Case(When(archive__handed_over_on__isnull=True, then=F("archive__handover_due_on"))),
        )
        .prefetch_related(
            Prefetch(
                "assignments",
                # Working on it now, or when it ended (completion ends the assignment, issue 8 item 5).
                queryset=Assignment.objects.of_record().select_related("provider"),
                to_attr="active_assignments",
            )
        )
    )


@dataclass(frozen=True)
class NextDeadline:
    """The nearest date a case must keep, and what it is."""

    due: dt.date
    label: str


def next_deadline(case: LegalAidCase) -> NextDeadline | None:
    """The nearest of: papers still owed after an immediate acceptance (Law Art. 30(4)), the next hearing, the file
    handover (Law Art. 39). Reads the annotations of ``case_list`` (no query)."""
    candidates = []
    if case.immediate and case.papers_due_on and not case.papers_completed_on:
        candidates.append(NextDeadline(case.papers_due_on, _("Bổ sung giấy tờ")))
    hearing_at = getattr(case, "next_hearing_at", None)
    if hearing_at:
        candidates.append(NextDeadline(timezone.localdate(hearing_at), _("Phiên làm việc, phiên tòa")))
    handover = getattr(case, "handover_due_on", None)
    if handover:
        candidates.append(NextDeadline(handover, _("Bàn giao hồ sơ")))
    return min(candidates, key=lambda d: d.due, default=None)


def case_papers(user, case: LegalAidCase) -> list:
    """The official papers of a case that ``user`` may open, for the page's "Văn bản" panel: the request form and the
    notices on the request, the acceptance notice, and each assignment or change decision the user sees
    (``Assignment.visible_to``: a lawyer sees the decisions that name them).

    ``case`` was read through ``LegalAidCase.visible_to(user)``, the queryset of the acceptance notice's route; its
    request is then visible too (``LegalAidRequest.visible_to`` scopes by the same Centre, branch and active
    assignment), so the request form's route opens. The decisions and assignments are read through their routes'
    querysets: no link leads to a 404. Two queries, whatever the number of papers (one when the case was read by
    ``case_for(detail=True)``, which read its assignments).
    """
    from legalaid.intake import papers
    from legalaid.providers.models import Assignment

    found = [papers.request_form_paper(case.request), *papers.decision_papers(user, case.request_id)]
    found.append(papers.acceptance_notice_paper(case))
    if hasattr(case, "all_assignments"):  # read with the case (``case_for(detail=True)``)
        assignments = sorted(
            (a for a in case.all_assignments if a.paper_visible), key=lambda a: (a.decision_date, a.pk)
        )
    else:
        assignments = (
            Assignment.objects.visible_to(user)
            .filter(case=case)
            .select_related("provider")
            .order_by("decision_date", "id")
        )
    for assignment in assignments:
        found.append(papers.assignment_paper(assignment))
    return found
