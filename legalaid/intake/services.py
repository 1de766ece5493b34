"""Intake operations: receive a request, then accept, ask for papers, refuse or transfer it.

Each function is one transaction, checks the rules with their legal references, and writes the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.models import LegalAidCase
from legalaid.cases.services import case_open
from legalaid.core import audit, calendar
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.models import LegalParameter
from legalaid.core.scoping import scope_of
from legalaid.intake.choices import (
    DecisionKind,
    ProceduralStatus,
    RegisterKind,
    RequestStatus,
    UrgencyReason,
)
from legalaid.intake.models import (
    LegalAidRequest,
    Referral,
    RequestDecision,
    SimpleMatter,
)
from legalaid.intake.numbering import case_code, next_number
from legalaid.lib.text import fold

OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.AWAITING_PAPERS)


def _unit_of(actor):
    """The Centre and branch an actor works for (the receiving unit of what they enter)."""
    org = actor.organisation
    if org is None or actor.centre is None:
        raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
    if scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    return actor.centre, (org if org.kind == OrganisationKind.BRANCH else None)


def _check_version(request: LegalAidRequest, expected_version: int | None) -> None:
    if expected_version is not None and request.version != expected_version:
        raise ValidationError(
            _("Yêu cầu này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."),
            code="stale",
        )


def _lock(request: LegalAidRequest, expected_version: int | None) -> LegalAidRequest:
    locked = LegalAidRequest.objects.select_for_update().get(pk=request.pk)
    _check_version(locked, expected_version)
    return locked


def _decide(*, actor, request: LegalAidRequest, kind: str, **fields) -> RequestDecision:
    decision = RequestDecision(request=request, kind=kind, decided_by=actor, **fields)
    decision.full_clean()
    decision.save()
    return decision


def _save_request(*, actor, request: LegalAidRequest, before: dict, message: str) -> None:
    request.version += 1
    request.full_clean()
    request.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=request, before=before, message=message)


# --- Receiving ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralData:
    agency: object
    procedural_status: str
    requested_at_agency: dt.datetime
    officer_name: str = ""
    referral_number: str = ""
    referral_date: dt.date | None = None


def referral_notify_hours(procedural_status: str, on_date: dt.date) -> int:
    """Law Art. 31(3): 12 hours for arrested or held persons, 24 hours for suspects, defendants and victims."""
    code = (
        "intake.referral_notify_hours_arrested_held"
        if procedural_status in (ProceduralStatus.ARRESTED, ProceduralStatus.HELD)
        else "intake.referral_notify_hours_other"
    )
    return LegalParameter.int_on(code, on_date)


@transaction.atomic
def request_receive(
    *,
    actor,
    request: LegalAidRequest,
    categories=(),
    referral: ReferralData | None = None,
) -> LegalAidRequest:
    """Record a request as received by the actor's unit (Law Art. 29)."""
    request.centre, request.branch = _unit_of(actor)
    request.received_by = actor
    if request.field_of_law_id and not request.field_of_law.in_scope:
        raise ValidationError(
            {"field_of_law": _("Lĩnh vực kinh doanh, thương mại không thuộc phạm vi trợ giúp pháp lý (Điều 27).")}
        )
    for person in (request.requester, request.beneficiary):
        if person.centre_id != request.centre.pk:
            raise PermissionDenied(_("Người này thuộc Trung tâm khác."))
    request.counterpart_key = fold(request.counterpart_name)
    request.court_case_reference = request.court_case_reference.strip()
    request.full_clean()
    request.save()
    request.categories.set(categories)
    audit.record(actor=actor, action=AuditAction.CREATE, instance=request)
    if referral is not None:
        hours = referral_notify_hours(referral.procedural_status, timezone.localdate(referral.requested_at_agency))
        row = Referral(
            request=request,
            agency=referral.agency,
            officer_name=referral.officer_name,
            referral_number=referral.referral_number,
            referral_date=referral.referral_date,
            procedural_status=referral.procedural_status,
            requested_at_agency=referral.requested_at_agency,
            notify_hours=hours,
            notify_due_at=referral.requested_at_agency + dt.timedelta(hours=hours),
        )
        row.full_clean()
        row.save()
        audit.record(actor=actor, action=AuditAction.CREATE, instance=row, centre_id=request.centre_id)
    return request


# --- Urgency and conflicts ---------------------------------------------------------------------------------------


def urgency_reasons(request: LegalAidRequest, today: dt.date | None = None) -> list[str]:
    """The grounds for immediate acceptance that the recorded facts show (Law Art. 30(4); TT 12/2018 Art. 6)."""
    today = today or timezone.localdate()
    threshold = LegalParameter.int_on("intake.immediate_threshold_working_days", today)
    reasons = []
    if request.limitation_ends_on and calendar.working_days_between(today, request.limitation_ends_on) < threshold:
        reasons.append(UrgencyReason.LIMITATION)
    if request.trial_date and calendar.working_days_between(today, request.trial_date) < threshold:
        reasons.append(UrgencyReason.TRIAL_SOON)
    if request.court_appointed or hasattr(request, "referral"):
        reasons.append(UrgencyReason.COURT_APPOINTED)
    return reasons


@dataclass(frozen=True)
class Conflict:
    request: LegalAidRequest
    reason: str


def find_conflicts(request: LegalAidRequest) -> list[Conflict]:
    """Other matters the Centre aids whose interests may oppose this one (Law Art. 25(2)(a)).

    Signals: the same counterpart; the same court case reference; this beneficiary recorded as the other party of
    another request, or the other party of this one being aided.
    """
    others = (
        LegalAidRequest.objects.filter(centre_id=request.centre_id)
        .exclude(pk=request.pk)
        .exclude(beneficiary_id=request.beneficiary_id)
        .exclude(status__in=[RequestStatus.REFUSED, RequestStatus.TRANSFERRED])
        .select_related("beneficiary")
    )
    found: dict[int, Conflict] = {}

    def add(rows, reason):
        for row in rows[:20]:
            found.setdefault(row.pk, Conflict(row, reason))

    if request.court_case_reference:
        add(
            others.filter(court_case_reference__iexact=request.court_case_reference),
            _("Cùng vụ án %(ref)s") % {"ref": request.court_case_reference},
        )
    if request.counterpart_key:
        add(
            others.filter(counterpart_key=request.counterpart_key),
            _("Cùng bên đối lập: %(name)s") % {"name": request.counterpart_name},
        )
    add(
        others.filter(other_party_id=request.beneficiary_id),
        _("Người được trợ giúp là bên đối lập trong một yêu cầu khác"),
    )
    if request.other_party_id:
        add(others.filter(beneficiary_id=request.other_party_id), _("Bên đối lập đang được Trung tâm trợ giúp"))
    return list(found.values())


# --- Decisions ---------------------------------------------------------------------------------------------------


def _require_open(request: LegalAidRequest) -> None:
    if request.status not in OPEN_STATUSES:
        raise ValidationError(
            _("Yêu cầu đang ở trạng thái “%(status)s”, không thể quyết định lại.")
            % {"status": request.get_status_display()}
        )


def _require_same_centre(actor, request: LegalAidRequest) -> None:
    if not LegalAidRequest.objects.visible_to(actor).filter(pk=request.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền với yêu cầu này."))
    if scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))


def request_decision_check(*, actor, request: LegalAidRequest, expected_version: int | None = None) -> None:
    """The checks every decision on a request makes first (scope, version, still open), writing nothing: the preview
    of a refusal or a transfer before it is confirmed (issue 8 item 4). The decision checks them again under its
    lock."""
    _require_same_centre(actor, request)
    _check_version(request, expected_version)
    _require_open(request)


@transaction.atomic
def request_accept(
    *,
    actor,
    request: LegalAidRequest,
    form_of_aid=None,
    immediate: bool = False,
    urgency_reason: str = "",
    papers_due_on: dt.date | None = None,
    conflict_note: str = "",
    expected_version: int | None = None,
    note: str = "",
) -> LegalAidCase:
    """Accept (thụ lý) the request: enter it in the register and open the case (TT 12/2018 Art. 5(2)).

    - Art. 30(1): there must be a concrete matter of a person in an Art. 7 category (at least one category).
    - Art. 30(4), TT 12 Art. 6: immediate acceptance needs a ground; missing papers then get a deadline.
    - Art. 25(2)(a): a possible conflict of interest needs a recorded decision to go on.
    """
    _require_same_centre(actor, request)
    request = _lock(request, expected_version)
    _require_open(request)
    before = audit.snapshot(request)
    if not request.categories.exists():
        raise ValidationError(
            _("Chưa xác định được diện người được trợ giúp pháp lý (Điều 7), không thể thụ lý (Điều 30(1)).")
        )
    if not request.field_of_law.in_scope:
        raise ValidationError(_("Lĩnh vực kinh doanh, thương mại không thuộc phạm vi trợ giúp pháp lý (Điều 27)."))
    conflicts = find_conflicts(request)
    if conflicts and not conflict_note.strip():
        raise ValidationError(
            {
                "conflict_note": _(
                    "Có dấu hiệu xung đột quyền lợi (Điều 25(2)(a)); ghi rõ ý kiến quyết định để tiếp tục thụ lý."
                )
            },
            code="conflict",
        )
    today = timezone.localdate()
    if immediate:
        if not urgency_reason:
            raise ValidationError({"urgency_reason": _("Hãy chọn căn cứ thụ lý ngay (Điều 30(4)).")})
        if papers_due_on is None:
            papers_due_on = calendar.add_working_days(
                today, LegalParameter.int_on("intake.papers_after_immediate_working_days", today)
            )
    form_of_aid = form_of_aid or request.desired_form
    unit = request.branch or request.centre
    if not unit.code:
        raise ValidationError(
            _("Đơn vị %(unit)s chưa có ký hiệu dùng trong mã hồ sơ; quản trị hệ thống cần khai báo trước.")
            % {"unit": unit.name}
        )
    now = timezone.now()
    year = timezone.localdate(now).year
    register, number = next_number(organisation=unit, year=year, kind=RegisterKind.CASES)
    case = case_open(
        actor=actor,
        request=request,
        register=register,
        number=number,
        code=case_code(organisation_code=unit.code, form_code=form_of_aid.register_code, number=number, year=year),
        form_of_aid=form_of_aid,
        accepted_at=now,
        immediate=immediate,
        papers_due_on=papers_due_on if immediate else None,
    )
    _decide(
        actor=actor,
        request=request,
        kind=DecisionKind.ACCEPT_IMMEDIATELY if immediate else DecisionKind.ACCEPT,
        urgency_reason=urgency_reason if immediate else "",
        papers_due_on=papers_due_on if immediate else None,
        conflict_note=conflict_note,
        note=note,
        decided_at=now,
    )
    request.status = RequestStatus.ACCEPTED
    request.papers_due_on = papers_due_on if immediate else None
    _save_request(
        actor=actor, request=request, before=before, message=_("Thụ lý, mã hồ sơ %(code)s") % {"code": case.code}
    )
    return case


@transaction.atomic
def request_ask_papers(
    *,
    actor,
    request: LegalAidRequest,
    missing_papers: list[str],
    papers_due_on: dt.date | None = None,
    expected_version: int | None = None,
    note: str = "",
) -> RequestDecision:
    """Tell the requester which papers are missing and by when (Law Art. 30(2))."""
    _require_same_centre(actor, request)
    request = _lock(request, expected_version)
    _require_open(request)
    if not [p for p in missing_papers if p.strip()]:
        raise ValidationError({"missing_papers": _("Hãy ghi rõ giấy tờ còn thiếu.")})
    today = timezone.localdate()
    if papers_due_on is None:
        papers_due_on = calendar.add_working_days(
            today, LegalParameter.int_on("intake.missing_papers_working_days", today)
        )
    if papers_due_on < today:
        raise ValidationError({"papers_due_on": _("Hạn bổ sung không được trước ngày hôm nay.")})
    before = audit.snapshot(request)
    decision = _decide(
        actor=actor,
        request=request,
        kind=DecisionKind.ASK_PAPERS,
        missing_papers=[p.strip() for p in missing_papers if p.strip()],
        papers_due_on=papers_due_on,
        note=note,
    )
    request.status = RequestStatus.AWAITING_PAPERS
    request.papers_due_on = papers_due_on
    _save_request(actor=actor, request=request, before=before, message=_("Yêu cầu bổ sung giấy tờ"))
    return decision


@transaction.atomic
def request_refuse(
    *, actor, request: LegalAidRequest, ground: str, note: str = "", expected_version: int | None = None
) -> RequestDecision:
    """Refuse in writing with one of the four grounds of Law Art. 30(3)."""
    _require_same_centre(actor, request)
    request = _lock(request, expected_version)
    _require_open(request)
    if not note.strip():
        raise ValidationError({"note": _("Văn bản từ chối phải nêu rõ lý do (Điều 30(3)).")})
    before = audit.snapshot(request)
    decision = _decide(actor=actor, request=request, kind=DecisionKind.REFUSE, refusal_ground=ground, note=note)
    request.status = RequestStatus.REFUSED
    request.papers_due_on = None
    _save_request(actor=actor, request=request, before=before, message=_("Từ chối"))
    return decision


@transaction.atomic
def request_transfer(
    *, actor, request: LegalAidRequest, transfer_to: str, note: str = "", expected_version: int | None = None
) -> RequestDecision:
    """Forward the request to the organisation or body that should handle it."""
    _require_same_centre(actor, request)
    request = _lock(request, expected_version)
    _require_open(request)
    if not transfer_to.strip():
        raise ValidationError({"transfer_to": _("Hãy ghi nơi chuyển yêu cầu đến.")})
    before = audit.snapshot(request)
    decision = _decide(actor=actor, request=request, kind=DecisionKind.TRANSFER, transfer_to=transfer_to, note=note)
    request.status = RequestStatus.TRANSFERRED
    request.papers_due_on = None
    _save_request(actor=actor, request=request, before=before, message=_("Chuyển yêu cầu"))
    return decision


@transaction.atomic
def simple_matter_record(*, actor, matter: SimpleMatter) -> SimpleMatter:
    """Enter a simple answered question in the book of simple matters (Law Art. 32(2); TT 12/2018)."""
    matter.centre, matter.branch = _unit_of(actor)
    matter.answered_by = actor
    unit = matter.branch or matter.centre
    year = timezone.localdate(matter.answered_at).year
    matter.register, matter.number = next_number(organisation=unit, year=year, kind=RegisterKind.SIMPLE_MATTERS)
    matter.full_clean()
    matter.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=matter)
    return matter
