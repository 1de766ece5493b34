"""Business operations of the payments app: keyword-only, in a transaction, permission checked, audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legalaid.cases.models import LegalAidCase
from legalaid.core import audit
from legalaid.core.choices import AuditAction

from . import rules, selectors
from .choices import TRANSITIONS, PaymentMethod, PaymentStatus
from .models import AppraisalDecision, BaseSalary, Payment


@transaction.atomic
def base_salary_add(*, actor, salary: BaseSalary) -> BaseSalary:
    """Add a base salary value (lương cơ sở) from a new decree. Only a system administrator; the value is positive,
    starts on the first of a month, and starts after every value already in the table (history is not rewritten from
    the page: a payment may already rest on it), and no two values start on the same day (the periods cannot
    overlap: each runs until the next starts)."""
    if not actor.has_perm("payments.manage_rates"):
        raise PermissionDenied
    if salary.pk:
        raise ValidationError(_("Chỉ thêm mức mới; không sửa mức đã có trên trang này."))
    latest = BaseSalary.objects.select_for_update().order_by("-valid_from").first()
    if latest is not None and salary.valid_from and salary.valid_from <= latest.valid_from:
        raise ValidationError(
            {
                "valid_from": _("Mức mới phải áp dụng sau ngày %(day)s (mức hiện có gần nhất).")
                % {"day": latest.valid_from.strftime("%d/%m/%Y")}
            }
        )
    salary.created_by = actor
    salary.full_clean()
    salary.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=salary, message=_("Thêm mức lương cơ sở"))
    return salary


# --- Payments -----------------------------------------------------------------------------------------------------


def _require(actor, perm: str, obj) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def _lock(payment: Payment, expected_version: int | None) -> Payment:
    """The row locked for the transition; a stale version (someone else acted first) is refused."""
    locked = Payment.objects.select_for_update().get(pk=payment.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Đề nghị thanh toán vừa được người khác cập nhật. Hãy tải lại trang để xem trạng thái mới."),
            code="stale",
        )
    return locked


def _move(*, actor, payment: Payment, to_status: str, expected_version: int | None, fields: dict, message: str):
    locked = _lock(payment, expected_version)
    if to_status not in TRANSITIONS[locked.status]:
        raise ValidationError(
            _("Không thể chuyển đề nghị thanh toán từ “%(source)s” sang “%(target)s”.")
            % {"source": locked.get_status_display(), "target": PaymentStatus(to_status).label},
            code="illegal_transition",
        )
    before = audit.snapshot(locked)
    locked.status = to_status
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.full_clean()
    locked.save()
    audit.record(actor=actor, action=AuditAction.ACTION, instance=locked, before=before, message=message)
    payment.refresh_from_db()
    return locked


#: A case that changed hands with no time in its work log: the appraised sessions cannot be shared.
SPLIT_UNKNOWN = gettext_lazy(
    "Vụ việc có nhiều người thực hiện (thay đổi người thực hiện): mỗi người được thanh toán theo thời gian đã làm "
    "(Điều 8 Thông tư 02/2021/TT-BTP). Hãy ghi thời gian làm việc của từng người trong nhật ký vụ việc để chia số "
    "buổi được thẩm định."
)


@transaction.atomic
def payment_propose(
    *, actor, case, provider=None, method: str = PaymentMethod.PER_SESSION, lump_multiple=None, today=None
) -> Payment:
    """Propose the payment of ``case``'s provider: the amount by the rule of Decree 144/2017 Art. 13 on the appraised
    sessions, at the rates of the day ``PAYMENTS_RATE_DATE`` names. Refused when the case is not owed anything (not
    completed, not appraised, already proposed or paid) or is blocked by an unsatisfactory appraisal without a
    decision. A case is paid once (the database refuses a second open payment)."""
    _require(actor, "payments.propose_payment", None)
    today = today or timezone.localdate()
    LegalAidCase.objects.select_for_update().filter(pk=case.pk).first()  # one proposal per case at a time
    found = selectors.candidate_cases(actor).filter(pk=case.pk).first()
    if found is None:
        if Payment.objects.open().filter(case_id=case.pk).exists():
            raise ValidationError(
                _("Vụ việc này đã có đề nghị thanh toán: mỗi người thực hiện chỉ được thanh toán một lần.")
            )
        raise ValidationError(
            _("Vụ việc chưa đủ điều kiện thanh toán: phải kết thúc, được thẩm định xong và chưa được đề nghị.")
        )
    rows = selectors.owed_rows_for(found, today=today, with_fee=False)
    if provider is not None:
        rows = [r for r in rows if r.provider is not None and r.provider.pk == provider.pk]
        if not rows:
            raise ValidationError(_("Người thực hiện này không có khoản cần thanh toán của vụ việc."))
    elif len(rows) > 1:
        raise ValidationError(_("Vụ việc có nhiều người thực hiện: hãy chọn người được thanh toán."))
    owed = rows[0]
    _require(actor, "payments.propose_payment", owed if owed.payer else None)
    if owed.problem == "no_provider":
        raise ValidationError(_("Vụ việc không có người thực hiện để thanh toán."))
    if owed.problem == "not_paid_by_state":
        raise ValidationError(_("Người thực hiện thuộc tổ chức đăng ký tham gia: không chi trả thù lao (Điều 15)."))
    if owed.problem == "split_unknown":
        raise ValidationError(SPLIT_UNKNOWN)
    if owed.problem:
        raise ValidationError(_("Vụ việc chưa được thẩm định xong."))
    if owed.blocked:
        raise ValidationError(
            _(
                "Kết quả thẩm định không đạt: chưa thể đề nghị thanh toán cho đến khi có quyết định của người có thẩm "
                "quyền (ghi quyết định kèm lý do)."
            )
        )
    provider = owed.provider
    day = rules.rate_date(completed_on=found.completion.completed_on, proposed_on=today)
    tables = {"salaries": rules.load_salaries(), "rates": rules.load_rates(provider.kind, found.form_of_aid.code)}
    common = {"kind": provider.kind, "form": found.form_of_aid.code, "on_date": day, **tables}
    try:
        if method == PaymentMethod.LUMP_SUM:
            if owed.shared:
                message = _("Vụ việc có nhiều người thực hiện: thanh toán theo buổi làm việc của từng người.")
                raise ValidationError({"lump_multiple": message})
            if lump_multiple is None:
                raise ValidationError({"lump_multiple": _("Hãy nhập mức khoán (từ 3 đến 10 lần lương cơ sở).")})
            fee = rules.lump_sum_breakdown(multiple=lump_multiple, **common)
        else:
            fee = rules.fee_breakdown(sessions=owed.sessions, **common)
    except rules.NoRate as error:
        raise ValidationError(str(error)) from error
    except ValueError as error:
        raise ValidationError({"lump_multiple": str(error)}) from error
    payment = Payment(
        centre_id=found.centre_id,
        branch_id=found.branch_id,
        case=found,
        provider=provider,
        payee_organisation=owed.payee_organisation,
        payer=owed.payer,
        provider_kind=provider.kind,
        form_code=found.form_of_aid.code,
        method=method,
        sessions_claimed=owed.sessions,
        sessions_paid=fee.sessions_paid,
        lump_multiple=fee.lump_multiple,
        rate_date=day,
        base_salary=fee.base_salary.amount,
        base_salary_from=fee.base_salary.valid_from,
        base_salary_reference=fee.base_salary.reference,
        session_coefficient=fee.rate.session_coefficient,
        share_percent=fee.rate.share_percent,
        max_sessions=fee.rate.max_sessions,
        lump_min=fee.rate.lump_min,
        lump_max=fee.rate.lump_max,
        rate_reference=fee.rate.reference,
        amount=fee.amount,
        proposed_at=timezone.now(),
        proposed_by=actor,
    )
    payment.full_clean()
    try:
        with transaction.atomic():
            payment.save()
    except IntegrityError as error:
        raise ValidationError(
            _("Người thực hiện này đã có đề nghị thanh toán của vụ việc: mỗi người chỉ được thanh toán một lần.")
        ) from error
    audit.record(actor=actor, action=AuditAction.CREATE, instance=payment, message=_("Đề nghị thanh toán"))
    return payment


@transaction.atomic
def payment_approve(*, actor, payment: Payment, expected_version: int | None = None) -> Payment:
    """The director (or, for a contracted organisation, a Department officer other than the proposer) approves."""
    _require(actor, "payments.approve_payment", payment)
    return _move(
        actor=actor,
        payment=payment,
        to_status=PaymentStatus.APPROVED,
        expected_version=expected_version,
        fields={"approved_by": actor, "approved_at": timezone.now()},
        message=_("Duyệt thanh toán"),
    )


@transaction.atomic
def payment_reject(*, actor, payment: Payment, reason: str, expected_version: int | None = None) -> Payment:
    """The approver returns a proposal with the reason; the case can then be proposed again, corrected."""
    _require(actor, "payments.approve_payment", payment)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Hãy ghi rõ lý do trả lại.")})
    return _move(
        actor=actor,
        payment=payment,
        to_status=PaymentStatus.REJECTED,
        expected_version=expected_version,
        fields={"rejected_by": actor, "rejected_at": timezone.now(), "reject_reason": reason.strip()},
        message=_("Trả lại đề nghị thanh toán"),
    )


@transaction.atomic
def payment_mark_paid(
    *, actor, payment: Payment, paid_on, voucher: str = "", expected_version: int | None = None
) -> Payment:
    """The accounts record the payment made: the day and the voucher number."""
    _require(actor, "payments.pay_payment", payment)
    if paid_on is None:
        raise ValidationError({"paid_on": _("Hãy nhập ngày chi.")})
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _("Ngày chi không được sau ngày hôm nay.")})
    if payment.approved_at and paid_on < timezone.localdate(payment.approved_at):
        raise ValidationError({"paid_on": _("Ngày chi không được trước ngày duyệt.")})
    return _move(
        actor=actor,
        payment=payment,
        to_status=PaymentStatus.PAID,
        expected_version=expected_version,
        fields={"paid_by": actor, "paid_at": timezone.now(), "paid_on": paid_on, "voucher": voucher.strip()},
        message=_("Ghi nhận đã chi trả"),
    )


@transaction.atomic
def appraisal_decision_record(*, actor, case, outcome: str, reason: str) -> AppraisalDecision:
    """Record what is decided about a case whose appraisal was not satisfactory: pay anyway or not, with the reason.
    Only for a blocked case; by the director (Centre) or a Department officer (contracted organisation)."""
    _require(actor, "payments.decide_appraisal", None)
    LegalAidCase.objects.select_for_update().filter(pk=case.pk).first()
    found = selectors.candidate_cases(actor).filter(pk=case.pk).first()
    if found is None:
        raise ValidationError(_("Vụ việc không có khoản thanh toán đang chờ."))
    owed = selectors.owed_for(found, with_fee=False)
    _require(actor, "payments.decide_appraisal", owed if owed.payer else None)
    if owed.payer is None:
        raise ValidationError(_("Vụ việc không có khoản thanh toán đang chờ."))
    if not owed.blocked:
        raise ValidationError(_("Vụ việc không bị tạm dừng thanh toán vì kết quả thẩm định."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Hãy ghi rõ lý do của quyết định.")})
    decision = AppraisalDecision(
        centre_id=found.centre_id,
        branch_id=found.branch_id,
        case=found,
        outcome=outcome,
        reason=reason.strip(),
        decided_at=timezone.now(),
        decided_by=actor,
    )
    decision.full_clean()
    decision.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=decision, message=_("Quyết định về thanh toán"))
    return decision
