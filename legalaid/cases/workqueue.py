"""The cases' sections of the work queue (``legalaid.core.workqueue``).

- Director, deputy, branch head: accepted cases awaiting a provider (with their age in working days); files to hand
  over after the case ended (Law Art. 39).
- Administration (Phòng Hành chính – Tổng hợp): files handed over and waiting to be archived.
- Legal aid officers, lawyers, collaborators: their own cases by status, with the next hearing, the last activity and
  "no activity for N days" (N: ``LegalParameter`` "cases.inactivity_alert_days", a Centre setting).
- Department of Justice officer: what is overdue in each Centre it oversees (read only).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseArchive, Hearing, LegalAidCase, WorkLogEntry
from legalaid.cases.selectors import overdue_cases_q
from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.models import LegalParameter, Organisation
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date, format_datetime

MANAGER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)
PROVIDER_ROLES = (Role.OFFICER, Role.LAWYER, Role.COLLABORATOR)

#: No numeric time limit to assign a provider was found (DOMAIN.md 1.6, UNCONFIRMED: "immediately"); the Centre's own
#: setting says after how many working days an accepted case without a provider shows red.
ASSIGNMENT_PARAMETER = "cases.assignment_alert_working_days"
DEFAULT_ASSIGNMENT_WORKING_DAYS = 1
#: After how many days without a logged activity an open case is flagged on its provider's queue (a Centre setting).
INACTIVITY_PARAMETER = "cases.inactivity_alert_days"
DEFAULT_INACTIVITY_DAYS = 30


def _parameter(code: str, today: dt.date, default: int) -> int:
    try:
        return LegalParameter.int_on(code, today)
    except LookupError:
        return default


def _case_url(pk: int) -> str:
    return reverse("cases:case_detail", kwargs={"pk": pk})


@section("cases_awaiting_assignment", roles=MANAGER_ROLES, order=10)
def cases_awaiting_assignment(user, today: dt.date) -> Section:
    """Accepted cases with no provider yet, oldest first: the director (branch head for a branch) signs the
    assignment decision (Law Art. 30; TT 12/2018 Art. 11)."""
    waiting = LegalAidCase.objects.visible_to(user).filter(status=CaseStatus.ACCEPTED)
    rows = list(waiting.select_related("beneficiary", "form_of_aid").order_by("accepted_at", "pk")[:LIMIT])
    alert = _parameter(ASSIGNMENT_PARAMETER, today, DEFAULT_ASSIGNMENT_WORKING_DAYS)
    items = []
    for c in rows:
        accepted_on = timezone.localdate(c.accepted_at)
        age = calendar.working_days_between(accepted_on, today)
        items.append(
            Item(
                title=_("Cử người thực hiện"),
                subject=f"{c.code} · {c.beneficiary.full_name}",
                url=reverse("providers:case_assign", kwargs={"pk": c.pk}),
                detail=(
                    _("%(form)s, thụ lý %(date)s, đã %(n)s ngày làm việc")
                    % {"form": c.form_of_aid, "date": format_date(accepted_on), "n": age}
                    if age
                    else _("%(form)s, thụ lý hôm nay") % {"form": c.form_of_aid}
                ),
                due=accepted_on,
                tone="overdue" if age > alert else ("soon" if age else ""),
                action=_("Cử người thực hiện"),
            )
        )
    return Section(
        code="cases_awaiting_assignment",
        title=_("Vụ việc chờ cử người thực hiện"),
        items=items,
        total=total_of(waiting, rows),
        list_url=reverse("cases:case_list") + "?status=accepted",
        note=_("Giám đốc (Trưởng Chi nhánh với vụ việc của Chi nhánh) ký quyết định cử người thực hiện."),
    )


def _archives(user):
    return CaseArchive.objects.filter(case__in=LegalAidCase.objects.visible_to(user).values("pk"))


@section("handovers_due", roles=MANAGER_ROLES, order=30)
def handovers_due(user, today: dt.date) -> Section:
    """Cases ended whose file the provider has not handed over yet, by due date (Law Art. 39: within 30 days)."""
    waiting = _archives(user).filter(handed_over_on__isnull=True)
    rows = list(waiting.select_related("case", "case__beneficiary").order_by("handover_due_on", "pk")[:LIMIT])
    soon_until = calendar.add_working_days(today, 2)
    items = [
        Item(
            title=_("Nhận bàn giao hồ sơ"),
            subject=f"{a.case.code} · {a.case.beneficiary.full_name}",
            url=reverse("cases:archive_handover", kwargs={"pk": a.case_id}),
            detail=_("Hạn bàn giao %(date)s") % {"date": format_date(a.handover_due_on)},
            due=a.handover_due_on,
            tone=tone_of(a.handover_due_on, today, soon_until),
            action=_("Ghi nhận bàn giao"),
        )
        for a in rows
    ]
    return Section(
        code="handovers_due",
        title=_("Hồ sơ chờ bàn giao sau khi kết thúc"),
        items=items,
        total=total_of(waiting, rows),
        note=_("Người thực hiện bàn giao hồ sơ trong 30 ngày kể từ ngày kết thúc vụ việc (Điều 39 Luật TGPL)."),
    )


@section("files_to_archive", roles=(Role.ADMIN_STAFF, Role.DIRECTOR, Role.DEPUTY_DIRECTOR), order=40)
def files_to_archive(user, today: dt.date) -> Section:
    """Files handed over and not yet archived: the administration numbers and stores them."""
    waiting = _archives(user).filter(handed_over_on__isnull=False, archived_on__isnull=True)
    rows = list(waiting.select_related("case", "case__beneficiary").order_by("handed_over_on", "pk")[:LIMIT])
    items = [
        Item(
            title=_("Lưu trữ hồ sơ"),
            subject=f"{a.case.code} · {a.case.beneficiary.full_name}",
            url=reverse("cases:case_archive", kwargs={"pk": a.case_id}),
            detail=_("Đã bàn giao %(date)s") % {"date": format_date(a.handed_over_on)},
            due=a.handed_over_on,
            action=_("Lưu trữ"),
        )
        for a in rows
    ]
    return Section(
        code="files_to_archive",
        title=_("Hồ sơ đã bàn giao, chờ lưu trữ"),
        items=items,
        total=total_of(waiting, rows),
        note=_("Phòng Hành chính – Tổng hợp kiểm tra danh mục, đánh số và lưu trữ hồ sơ (Điều 39 Luật TGPL)."),
    )


#: What the provider does next, by the case's status.
NEXT_FOR_PROVIDER = {
    CaseStatus.ASSIGNED: lambda: _("Bắt đầu thực hiện"),
    CaseStatus.IN_PROGRESS: lambda: _("Ghi nhận công việc"),
    CaseStatus.SUSPENDED: lambda: _("Tiếp tục khi có thể"),
    CaseStatus.COMPLETED: lambda: _("Bàn giao hồ sơ"),
    CaseStatus.DISCONTINUED: lambda: _("Bàn giao hồ sơ"),
}


@section("my_cases", roles=PROVIDER_ROLES, order=10)
def my_cases(user, today: dt.date) -> Section:
    """The cases the person works on (an active assignment) and those they must still hand over, by status, each
    with the next hearing, the last activity and a flag after N days without activity."""
    from legalaid.providers.models import Assignment

    mine = Assignment.objects.filter(provider__user_id=user.pk).filter(
        Q(is_active=True) | Q(end_reason="case_ended", case__archive__handed_over_on__isnull=True)
    )
    cases = (
        LegalAidCase.objects.visible_to(user)
        .filter(pk__in=mine.values("case_id"))
        .exclude(status=CaseStatus.ARCHIVED)
        .exclude(Q(archive__handed_over_on__isnull=False))
    )
    next_hearing = Hearing.objects.filter(case=OuterRef("pk"), starts_at__gte=timezone.now()).order_by("starts_at")
    rows = list(
        cases.select_related("beneficiary", "form_of_aid")
        .annotate(
            next_hearing_at=Subquery(next_hearing.values("starts_at")[:1]),
            last_activity_on=Subquery(
                WorkLogEntry.objects.filter(case=OuterRef("pk")).order_by("-date").values("date")[:1]
            ),
        )
        .order_by("status", "accepted_at", "pk")[: LIMIT * 2]
    )
    idle_days = _parameter(INACTIVITY_PARAMETER, today, DEFAULT_INACTIVITY_DAYS)
    items = []
    for c in rows:
        parts = [c.get_status_display()]
        tone = ""
        if c.next_hearing_at:
            parts.append(_("phiên tiếp theo %(time)s") % {"time": format_datetime(c.next_hearing_at)})
            if timezone.localdate(c.next_hearing_at) <= calendar.add_working_days(today, 2):
                tone = "soon"
        last = c.last_activity_on or timezone.localdate(c.accepted_at)
        idle = (today - last).days
        if c.last_activity_on:
            parts.append(_("công việc gần nhất %(date)s") % {"date": format_date(c.last_activity_on)})
        if c.status in (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS) and idle >= idle_days:
            parts.append(_("không có hoạt động %(n)s ngày") % {"n": idle})
            tone = "overdue"
        items.append(
            Item(
                title=str(NEXT_FOR_PROVIDER.get(c.status, lambda: _("Xem vụ việc"))()),
                subject=f"{c.code} · {c.beneficiary.full_name}",
                url=_case_url(c.pk),
                detail=" · ".join(str(p) for p in parts),
                tone=tone,
                action=_("Mở vụ việc"),
            )
        )
    return Section(
        code="my_cases",
        title=_("Vụ việc tôi đang thực hiện"),
        items=items,
        total=total_of(cases, rows, LIMIT * 2),
        list_url=reverse("cases:case_list"),
        note=_("Không có hoạt động sau %(n)s ngày thì vụ việc được đánh dấu đỏ.") % {"n": idle_days},
    )


@section("doj_overdue", roles=(Role.DOJ_OFFICER,), order=10)
def doj_overdue(user, today: dt.date) -> Section:
    """For the Department: per Centre it oversees, the cases whose papers are overdue, the files past their handover
    date and the accepted cases waiting for a provider beyond the Centre's setting (read only)."""
    alert = _parameter(ASSIGNMENT_PARAMETER, today, DEFAULT_ASSIGNMENT_WORKING_DAYS)
    # The last acceptance day that is already late: ``alert`` working days before today (a datetime bound: no date
    # cast in the WHERE clause).
    late_before = _start_of(_working_days_before(today, alert))
    cases = LegalAidCase.objects.visible_to(user)
    per_centre = (
        cases.values("centre_id")
        .annotate(
            papers=Count("pk", filter=overdue_cases_q(today)),
            handover=Count("pk", filter=Q(archive__handed_over_on__isnull=True, archive__handover_due_on__lt=today)),
            unassigned=Count("pk", filter=Q(status=CaseStatus.ACCEPTED, accepted_at__lt=late_before)),
            oldest=Min("accepted_at", filter=Q(status=CaseStatus.ACCEPTED)),
        )
        .filter(Q(papers__gt=0) | Q(handover__gt=0) | Q(unassigned__gt=0))
        .order_by("centre_id")
    )
    rows = list(per_centre)
    names = dict(Organisation.objects.filter(pk__in=[r["centre_id"] for r in rows]).values_list("pk", "name"))
    base = reverse("cases:case_list")
    # (count, what is late, the list that shows it, the unit counted)
    kinds = (
        ("unassigned", _("Vụ việc chậm cử người thực hiện"), f"{base}?status=accepted", _("%(n)s vụ việc")),
        ("papers", _("Vụ việc quá hạn bổ sung giấy tờ"), f"{base}?overdue=1", _("%(n)s vụ việc")),
        (
            "handover",
            _("Hồ sơ quá hạn bàn giao (Điều 39)"),
            f"{base}?status=completed&status=discontinued",
            _("%(n)s hồ sơ"),
        ),
    )
    items = [
        Item(
            title=title,
            subject=names.get(r["centre_id"], ""),
            url=url,
            detail=unit % {"n": r[key]},
            tone="overdue",
            action=_("Xem danh sách"),
        )
        for r in rows
        for key, title, url, unit in kinds
        if r[key]
    ]
    return Section(
        code="doj_overdue",
        title=_("Việc quá hạn tại các Trung tâm"),
        items=items[: LIMIT * 2],
        total=sum(r["papers"] + r["handover"] + r["unassigned"] for r in rows),
        note=_("Sở Tư pháp theo dõi để quản lý nhà nước; Trung tâm là đơn vị xử lý."),
        read_only=True,
    )


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _working_days_before(today: dt.date, n: int) -> dt.date:
    day, left = today, n
    while left > 0:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            left -= 1
    return day
