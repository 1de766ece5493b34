"""The dates each person must keep, gathered in one place for their home page and the daily reminder e-mail.

``deadlines_for(user, today)`` returns ``{"today": [...], "this_week": [...], "overdue": [...]}`` of ``Deadline``:

- hearings and sessions with a procedure-conducting agency of open cases (``Hearing.starts_at``);
- the file handover within 30 days of the end of the case (Law Art. 39; ``CaseArchive.handover_due_on`` while
  ``handed_over_on`` is empty);
- papers still due after an immediate acceptance (Law Art. 30(4); TT 12/2018 Art. 6; ``LegalAidCase.papers_due_on``)
  until the papers are recorded as received (``LegalAidCase.papers_completed_on``, see ``case_papers_received``);
- requests awaiting papers (Law Art. 30(2); ``LegalAidRequest.papers_due_on``);
- requests referred by a procedure-conducting agency and not yet decided: the Centre accepts and assigns at once
  (Law Art. 31(3)), so they are due the day they were received.

A change of provider (DOMAIN 1.8, 03 working days) is not listed: ``providers.Assignment.change_due_on`` is written
with the change decision itself, so no pending application exists to remind of.

Whose deadlines (responsibility, within ``visible_to(user)``):

- legal aid officers, lawyers and collaborators: the cases assigned to them;
- intake staff: the papers and referrals of their unit (their branch, or the head office);
- branch heads: their branch; directors and deputies: the whole Centre;
- the administration (Phòng Hành chính – Tổng hợp), who receive the files: the handovers of the Centre;
- others (system administrators, Department of Justice and agency officers): none (``None``, no panel).

A fixed number of queries whatever the number of records: one per kind, and one for the providers' names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.models import CaseArchive, Hearing, LegalAidCase
from legalaid.cases.workflow import OPEN_STATUSES
from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.intake.choices import RequestStatus
from legalaid.intake.models import LegalAidRequest

#: Due dates within this many working days are shown amber (STYLE.md, "Status and deadlines").
SOON_WORKING_DAYS = 2
#: At most this many rows of one kind are read (the oldest first); a panel shows fewer still.
MAX_PER_KIND = 200


class Kind:
    """The kinds of deadline (stable codes: tests and the e-mail use them)."""

    HEARING = "hearing"
    HANDOVER = "handover"
    CASE_PAPERS = "case_papers"
    REQUEST_PAPERS = "request_papers"
    REFERRAL = "referral"

    ALL = frozenset({HEARING, HANDOVER, CASE_PAPERS, REQUEST_PAPERS, REFERRAL})


@dataclass(frozen=True)
class Deadline:
    """One date to keep: what (``label``), when (``due``: a date, or a datetime for hearings), for which record
    (``subject`` and ``url``) and who must act (``responsible``)."""

    kind: str
    label: str
    due: dt.date | dt.datetime
    subject: str
    url: str
    responsible: str
    case_id: int | None = None
    request_id: int | None = None
    tone: str = ""  # "overdue" (red), "soon" (amber, within 2 working days) or ""

    @property
    def due_date(self) -> dt.date:
        return timezone.localdate(self.due) if isinstance(self.due, dt.datetime) else self.due

    @property
    def is_datetime(self) -> bool:
        return isinstance(self.due, dt.datetime)


# --- Responsibility ----------------------------------------------------------------------------------------------

ASSIGNED = "assigned"
UNIT = "unit"
CENTRE = "centre"

_RESPONSIBILITY = {
    Role.OFFICER: (ASSIGNED, Kind.ALL),
    Role.LAWYER: (ASSIGNED, Kind.ALL),
    Role.COLLABORATOR: (ASSIGNED, Kind.ALL),
    Role.INTAKE: (UNIT, frozenset({Kind.CASE_PAPERS, Kind.REQUEST_PAPERS, Kind.REFERRAL})),
    Role.BRANCH_HEAD: (CENTRE, Kind.ALL),
    Role.DIRECTOR: (CENTRE, Kind.ALL),
    Role.DEPUTY_DIRECTOR: (CENTRE, Kind.ALL),
    Role.ADMIN_STAFF: (CENTRE, frozenset({Kind.HANDOVER})),
}

#: Roles that may have deadlines (the reminder command looks only at these users).
RESPONSIBLE_ROLES = tuple(_RESPONSIBILITY)


def responsibility(user) -> tuple[str, frozenset[str]] | None:
    """How ``user``'s deadlines are chosen (ASSIGNED, UNIT or CENTRE) and which kinds; None: no deadlines."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    return _RESPONSIBILITY.get(user.role)


def _cases(user, how: str):
    cases = LegalAidCase.objects.visible_to(user)
    if how == ASSIGNED:
        from legalaid.providers.models import Assignment

        # The provider keeps the handover after the case ends, whatever happens to the assignment then.
        mine = Assignment.objects.granting_access(user)
        cases = cases.filter(pk__in=mine.values("case_id"))
    elif how == UNIT:
        cases = cases.filter(branch=user.branch) if user.branch else cases.filter(branch__isnull=True)
    return cases


def _requests(user, how: str):
    if how == ASSIGNED:
        return LegalAidRequest.objects.none()
    requests = LegalAidRequest.objects.visible_to(user)
    if how == UNIT:
        requests = requests.filter(branch=user.branch) if user.branch else requests.filter(branch__isnull=True)
    return requests


# --- Links -------------------------------------------------------------------------------------------------------


def case_url(pk: int) -> str:
    return reverse("cases:case_detail", kwargs={"pk": pk})


def request_url(pk: int) -> str:
    return reverse("intake:request_detail", kwargs={"pk": pk})


# --- Gathering ---------------------------------------------------------------------------------------------------


def end_of_week(today: dt.date) -> dt.date:
    """The Sunday that ends ``today``'s week."""
    return today + dt.timedelta(days=6 - today.weekday())


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def collect(user, today: dt.date, until: dt.date) -> list[Deadline]:
    """Every deadline of ``user`` due on or before ``until`` (overdue ones included; hearings only from ``today``),
    soonest first."""
    found = responsibility(user)
    if found is None:
        return []
    how, kinds = found
    soon_until = calendar.add_working_days(today, SOON_WORKING_DAYS)
    cases = _cases(user, how)
    requests = _requests(user, how)
    case_ids = cases.values("pk")
    # (kind, label, due, case, request) before the providers' names are known.
    raw: list[tuple[str, str, dt.date | dt.datetime, LegalAidCase | None, LegalAidRequest | None]] = []

    if Kind.HEARING in kinds:
        hearings = (
            Hearing.objects.filter(
                case__in=case_ids,
                case__status__in=OPEN_STATUSES,
                starts_at__gte=_start_of(today),
                starts_at__lt=_start_of(until + dt.timedelta(days=1)),
            )
            .select_related("case")
            .order_by("starts_at", "pk")[:MAX_PER_KIND]
        )
        for h in hearings:
            label = _("%(kind)s tại %(place)s") % {"kind": h.get_kind_display(), "place": h.place}
            raw.append((Kind.HEARING, label, timezone.localtime(h.starts_at), h.case, None))

    if Kind.HANDOVER in kinds:
        archives = (
            CaseArchive.objects.filter(case__in=case_ids, handed_over_on__isnull=True, handover_due_on__lte=until)
            .select_related("case")
            .order_by("handover_due_on", "pk")[:MAX_PER_KIND]
        )
        for a in archives:
            raw.append(
                (Kind.HANDOVER, _("Bàn giao hồ sơ vụ việc (Điều 39 Luật TGPL)"), a.handover_due_on, a.case, None)
            )

    if Kind.CASE_PAPERS in kinds:
        late_papers = cases.filter(
            immediate=True, papers_completed_on__isnull=True, papers_due_on__isnull=False, papers_due_on__lte=until
        ).order_by("papers_due_on", "pk")[:MAX_PER_KIND]
        for c in late_papers:
            raw.append(
                (
                    Kind.CASE_PAPERS,
                    _("Bổ sung giấy tờ sau khi thụ lý ngay (Điều 30(4) Luật TGPL; Điều 6 Thông tư 12/2018)"),
                    c.papers_due_on,
                    c,
                    None,
                )
            )

    if Kind.REQUEST_PAPERS in kinds:
        awaiting = (
            requests.filter(status=RequestStatus.AWAITING_PAPERS, papers_due_on__isnull=False, papers_due_on__lte=until)
            .select_related("received_by")
            .order_by("papers_due_on", "pk")[:MAX_PER_KIND]
        )
        for r in awaiting:
            raw.append((Kind.REQUEST_PAPERS, _("Hạn bổ sung giấy tờ (Điều 30(2) Luật TGPL)"), r.papers_due_on, None, r))

    if Kind.REFERRAL in kinds:
        referred = (
            requests.filter(
                status=RequestStatus.RECEIVED,
                referral__isnull=False,
                received_at__lt=_start_of(until + dt.timedelta(days=1)),
            )
            .select_related("received_by")
            .order_by("received_at", "pk")[:MAX_PER_KIND]
        )
        for r in referred:
            raw.append(
                (
                    Kind.REFERRAL,
                    _("Yêu cầu do cơ quan tiến hành tố tụng chuyển đến, cần thụ lý ngay (Điều 31(3) Luật TGPL)"),
                    timezone.localdate(r.received_at),
                    None,
                    r,
                )
            )

    names = _providers_of({case.pk for _k, _l, _d, case, _r in raw if case is not None})
    out = []
    for kind, label, due, case, request in raw:
        due_date = timezone.localdate(due) if isinstance(due, dt.datetime) else due
        tone = "overdue" if due_date < today else "soon" if due_date <= soon_until else ""
        if case is not None:
            subject, url = case.code, case_url(case.pk)
            responsible = names.get(case.pk) or _("Chưa cử người thực hiện")
        else:
            subject, url = str(request), request_url(request.pk)
            responsible = str(request.received_by)
        out.append(
            Deadline(
                kind=kind,
                label=label,
                due=due,
                subject=subject,
                url=url,
                responsible=responsible,
                case_id=case.pk if case is not None else None,
                request_id=request.pk if request is not None else None,
                tone=tone,
            )
        )
    out.sort(key=lambda d: (d.due_date, d.due if d.is_datetime else _start_of(d.due), d.kind, d.subject))
    return out


def _providers_of(case_ids: set[int]) -> dict[int, str]:
    """The names of the providers assigned to each case, now or when it ended (one query)."""
    if not case_ids:
        return {}
    from legalaid.providers.models import Assignment

    names: dict[int, list[str]] = {}
    rows = (
        Assignment.objects.of_record()
        .filter(case_id__in=case_ids)
        .order_by("case_id", "started_on", "pk")
        .values_list("case_id", "provider__full_name")
    )
    for case_id, name in rows:
        names.setdefault(case_id, []).append(name)
    return {case_id: ", ".join(n) for case_id, n in names.items()}


def deadlines_for(user, today: dt.date | None = None) -> dict | None:
    """``user``'s deadlines grouped for the home page: ``today``, ``this_week`` (after today, to Sunday) and
    ``overdue``; None when the user has no deadlines to keep (no panel)."""
    if responsibility(user) is None:
        return None
    today = today or timezone.localdate()
    week_end = end_of_week(today)
    groups: dict = {"today": [], "this_week": [], "overdue": []}
    for deadline in collect(user, today, week_end):
        day = deadline.due_date
        groups["overdue" if day < today else "today" if day == today else "this_week"].append(deadline)
    groups["date"] = today
    groups["week_end"] = week_end
    return groups
