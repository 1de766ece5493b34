"""Intake's sections of the work queue (``legalaid.core.workqueue``): requests awaiting a decision, referrals to act on
at once, papers overdue; and, for a referring agency's officer, the referrals their agency sent and where each stands.

Intake staff see their own unit's requests (their branch, or the head office); the director's view is the case list.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.selectors import overdue_cases_q
from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.models import LegalParameter
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date, format_datetime

from .choices import RequestStatus
from .models import LegalAidRequest, Referral

#: Art. 30(2): the Centre checks the file and answers at once; the number of working days a Centre allows itself is
#: its own setting (UNCONFIRMED: no number in the Law; ``LegalParameter`` "intake.decision_working_days").
DECISION_PARAMETER = "intake.decision_working_days"
DEFAULT_DECISION_WORKING_DAYS = 1
INTAKE_ROLES = (Role.INTAKE,)


def decision_working_days(today: dt.date) -> int:
    try:
        return LegalParameter.int_on(DECISION_PARAMETER, today)
    except LookupError:
        return DEFAULT_DECISION_WORKING_DAYS


def _own_unit(user, queryset):
    """Intake staff act for their own unit: their branch, or the head office."""
    return queryset.filter(branch=user.branch) if user.branch else queryset.filter(branch__isnull=True)


def _request_url(pk: int) -> str:
    return reverse("intake:request_detail", kwargs={"pk": pk})


def _days_left(due: dt.date, today: dt.date) -> str:
    if due < today:
        return _("quá hạn %(n)s ngày làm việc") % {"n": calendar.working_days_between(due, today)}
    left = calendar.working_days_between(today, due)
    return _("hạn hôm nay") if left == 0 else _("còn %(n)s ngày làm việc") % {"n": left}


def _due_detail(due: dt.date, today: dt.date) -> str:
    return _("Hạn %(date)s, %(left)s") % {"date": format_date(due), "left": _days_left(due, today)}


@section("requests_awaiting_decision", roles=INTAKE_ROLES, order=10)
def requests_awaiting_decision(user, today: dt.date) -> Section:
    """Requests received and not yet decided (accept, ask for papers, refuse, transfer), oldest first (Art. 30(2))."""
    waiting = _own_unit(user, LegalAidRequest.objects.visible_to(user)).filter(
        status=RequestStatus.RECEIVED, referral__isnull=True
    )
    rows = list(waiting.select_related("beneficiary").order_by("received_at", "pk")[:LIMIT])
    days = decision_working_days(today)
    soon_until = calendar.add_working_days(today, 1)
    items = []
    for r in rows:
        due = calendar.add_working_days(timezone.localdate(r.received_at), days)
        items.append(
            Item(
                title=_("Xem xét, quyết định thụ lý"),
                subject=f"{r} · {r.beneficiary.full_name}",
                url=_request_url(r.pk),
                detail=_("Tiếp nhận %(date)s, %(left)s")
                % {"date": format_date(timezone.localdate(r.received_at)), "left": _days_left(due, today)},
                due=due,
                tone=tone_of(due, today, soon_until),
                action=_("Quyết định"),
            )
        )
    return Section(
        code="requests_awaiting_decision",
        title=_("Yêu cầu chờ quyết định thụ lý"),
        items=items,
        total=total_of(waiting, rows),
        list_url=reverse("intake:request_list") + "?status=received",
        note=_("Kiểm tra hồ sơ và trả lời ngay: thụ lý, yêu cầu bổ sung, từ chối hoặc chuyển (Điều 30 Luật TGPL)."),
    )


@section("referrals_to_act_on", roles=INTAKE_ROLES, order=5)
def referrals_to_act_on(user, today: dt.date) -> Section:
    """Requests referred by an investigation body, procuracy or court and not yet accepted: the Centre accepts and
    assigns at once (Law Art. 31(3); the agency's 12 h / 24 h notification window is shown)."""
    waiting = _own_unit(user, LegalAidRequest.objects.visible_to(user)).filter(
        status=RequestStatus.RECEIVED, referral__isnull=False
    )
    rows = list(
        waiting.select_related("beneficiary", "referral", "referral__agency").order_by("referral__notify_due_at", "pk")[
            :LIMIT
        ]
    )
    now = timezone.now()
    items = []
    for r in rows:
        due_at = r.referral.notify_due_at
        items.append(
            Item(
                title=_("Thụ lý ngay và cử người thực hiện"),
                subject=f"{r} · {r.beneficiary.full_name}",
                url=_request_url(r.pk),
                detail=_("%(agency)s chuyển đến, thời hạn %(hours)s giờ đến %(time)s")
                % {
                    "agency": r.referral.agency,
                    "hours": r.referral.notify_hours,
                    "time": format_datetime(due_at),
                },
                due=timezone.localdate(due_at),
                tone="overdue" if due_at < now else "soon",
                action=_("Thụ lý"),
            )
        )
    return Section(
        code="referrals_to_act_on",
        title=_("Yêu cầu do cơ quan tiến hành tố tụng chuyển đến"),
        items=items,
        total=total_of(waiting, rows),
        list_url=reverse("intake:request_list") + "?channel=referral&status=received",
        note=_("Trung tâm thụ lý và cử người thực hiện ngay (Điều 31(3) Luật TGPL)."),
    )


@section("papers_overdue", roles=INTAKE_ROLES, order=20)
def papers_overdue(user, today: dt.date) -> Section:
    """Papers past their deadline: requests awaiting papers (Art. 30(2)) and cases accepted immediately whose papers
    have not all arrived (Art. 30(4); TT 12/2018 Art. 6)."""
    from legalaid.cases.models import LegalAidCase

    requests = _own_unit(user, LegalAidRequest.objects.visible_to(user)).filter(
        status=RequestStatus.AWAITING_PAPERS, papers_due_on__lt=today
    )
    cases = _own_unit(user, LegalAidCase.objects.visible_to(user)).filter(overdue_cases_q(today))
    request_rows = list(requests.select_related("beneficiary").order_by("papers_due_on", "pk")[:LIMIT])
    case_rows = list(cases.select_related("beneficiary").order_by("papers_due_on", "pk")[:LIMIT])
    items = [
        Item(
            title=_("Giấy tờ bổ sung quá hạn"),
            subject=f"{r} · {r.beneficiary.full_name}",
            url=_request_url(r.pk),
            detail=_("Hạn %(date)s, %(left)s")
            % {"date": format_date(r.papers_due_on), "left": _days_left(r.papers_due_on, today)},
            due=r.papers_due_on,
            tone="overdue",
            action=_("Quyết định"),
        )
        for r in request_rows
    ] + [
        Item(
            title=_("Giấy tờ còn thiếu sau khi thụ lý ngay"),
            subject=f"{c.code} · {c.beneficiary.full_name}",
            url=reverse("cases:papers_received", kwargs={"pk": c.pk}),
            detail=_("Hạn %(date)s, %(left)s")
            % {"date": format_date(c.papers_due_on), "left": _days_left(c.papers_due_on, today)},
            due=c.papers_due_on,
            tone="overdue",
            action=_("Ghi nhận giấy tờ"),
        )
        for c in case_rows
    ]
    items.sort(key=lambda i: i.due)
    total = total_of(requests, request_rows) + (total_of(cases, case_rows))
    return Section(
        code="papers_overdue",
        title=_("Giấy tờ quá hạn bổ sung"),
        items=items[:LIMIT],
        total=total,
        list_url=reverse("intake:request_list") + "?overdue=1",
        note=_("Liên hệ người yêu cầu; khi nhận đủ thì ghi nhận, quá hạn thì quyết định (Điều 30 Luật TGPL)."),
    )


@section("agency_referrals", roles=(Role.AGENCY_OFFICER,), order=10)
def agency_referrals(user, today: dt.date) -> Section:
    """The referrals the officer's agency sent, newest first, and where each stands: received, accepted with its case
    code and provider, refused or transferred. Read through ``visible_to`` (an agency sees its own referrals only)."""
    from legalaid.providers.models import Assignment

    sent = Referral.objects.filter(request__in=LegalAidRequest.objects.visible_to(user))
    rows = list(
        sent.select_related("request", "request__beneficiary", "request__case").order_by(
            F("requested_at_agency").desc(nulls_last=True), "-pk"
        )[: LIMIT * 2]
    )
    case_ids = [r.request.case.pk for r in rows if _case_of(r) is not None]
    providers: dict[int, list[str]] = {}
    for case_id, name in Assignment.objects.filter(case_id__in=case_ids, is_active=True).values_list(
        "case_id", "provider__full_name"
    ):
        providers.setdefault(case_id, []).append(name)
    items = []
    for ref in rows:
        req = ref.request
        case = _case_of(ref)
        if case is not None:
            where = _("Đã thụ lý, mã hồ sơ %(code)s (%(status)s)") % {
                "code": case.code,
                "status": case.get_status_display(),
            }
            if case.pk in providers:
                where += " · " + _("Người thực hiện: %(names)s") % {"names": ", ".join(providers[case.pk])}
        else:
            where = req.get_status_display()
        items.append(
            Item(
                title=ref.referral_number or _("Văn bản chuyển"),
                subject=f"{req.beneficiary.full_name} · {ref.get_procedural_status_display()}",
                url="",
                detail=where,
                due=ref.referral_date,
            )
        )
    return Section(
        code="agency_referrals",
        title=_("Các trường hợp cơ quan đã chuyển đến Trung tâm"),
        items=items,
        total=total_of(sent, rows, LIMIT * 2),
        note=_("Trung tâm thụ lý và cử người thực hiện ngay khi nhận được (Điều 31(3) Luật TGPL)."),
    )


def _case_of(referral: Referral):
    try:
        return referral.request.case
    except ObjectDoesNotExist:  # not accepted (yet)
        return None
