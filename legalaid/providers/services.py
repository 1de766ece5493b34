"""Operations on providers and assignments. Each one is a transaction, checks the rule of law it applies (with its
reference) and writes the audit trail.

- ``assignability(provider, on_date, form_of_aid)``: why a provider cannot be assigned on a day, to a form of aid
  (empty: they can); who may perform which form is data (``ProviderFormRule``, Law Arts 31-33);
- ``conflicts_of(provider, case)``: why the provider would aid the opposing party in the same matter (Art. 25(2)(a));
- ``case_assign``: the assignment decision (quyết định cử người thực hiện TGPL) and the move accepted -> assigned;
- ``case_change_provider``: the change decision on the beneficiary's application (DOMAIN 1.8; TT 12/2018 Art. 11);
- ``change_application_record``, ``change_application_reject``: the beneficiary's application to change the provider,
  pending until the signer answers within 03 working days (a change decision, or a refusal with reasons);
- ``case_assign_preview``, ``case_change_preview``: the same checks, writing nothing and taking no number (the page
  shows the decision and asks for confirmation first, issue 8 item 4);
- ``assignments_end_with_case``: the case ended or was archived, its assignments end (called by the cases app);
- ``provider_save``, ``contract_save``, ``quota_set``: the list of providers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.choices import CaseStatus, EventKind
from legalaid.cases.models import LegalAidCase
from legalaid.cases.notifications import notify_assigned
from legalaid.cases.workflow import (
    case_transition,
    check_transition,
    check_version,
    lock_case,
    record_event,
    require_case_access,
)
from legalaid.core import audit, calendar
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.models import LegalParameter, Organisation
from legalaid.core.scoping import scope_of
from legalaid.intake.services import find_conflicts
from legalaid.lib.formatting import format_date
from legalaid.lib.text import fold

from .choices import (
    CONTRACT_KINDS,
    PARTNER_KINDS,
    AssignmentEnd,
    AssignmentKind,
    ChangeApplicationStatus,
    ChangeGround,
    ProviderKind,
)
from .models import (
    Assignment,
    ChangeApplication,
    DecisionCounter,
    LitigationQuota,
    Provider,
    ProviderContract,
    ProviderFormRule,
)

#: The symbol of the decisions (Decree 30/2020, Appendix III: "QĐ" + the issuer's abbreviation). UNCONFIRMED: the
#: Centre's own abbreviation may differ; branches use the Centre's.
DECISION_SYMBOL = "QĐ-TGPL"
#: Statuses in which an assignment is current work (the workload counts them).
WORKING_STATUSES = (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED)
#: Statuses in which the provider may be changed (the case is not yet completed or closed).
CHANGE_STATUSES = WORKING_STATUSES


def _card_name(kind: str) -> str:
    return {
        ProviderKind.OFFICER: _("Thẻ trợ giúp viên pháp lý"),
        ProviderKind.CONTRACTED_LAWYER: _("Thẻ luật sư"),
        ProviderKind.PARTNER_LAWYER: _("Thẻ luật sư"),
        ProviderKind.CONSULTANT: _("Thẻ tư vấn viên pháp luật"),
        ProviderKind.COLLABORATOR: _("Thẻ cộng tác viên trợ giúp pháp lý"),
    }[kind]


# --- Who can be assigned ------------------------------------------------------------------------------------------


def form_rules_on(on_date: dt.date) -> dict[tuple[str, int], ProviderFormRule]:
    """The rules of Law Arts 31-33 in force on ``on_date`` (``ProviderFormRule``), by (provider kind, form of aid id):
    one query, for a whole list of providers."""
    rules: dict[tuple[str, int], ProviderFormRule] = {}
    for rule in ProviderFormRule.objects.on(on_date).select_related("form_of_aid").order_by("valid_from", "id"):
        rules[(rule.provider_kind, rule.form_of_aid_id)] = rule  # the latest in force wins
    return rules


def form_refusal(provider: Provider, form_of_aid, on_date: dt.date, rules=None) -> str | None:
    """Why ``provider`` may not perform ``form_of_aid`` (a FormOfAid) on ``on_date``, with the reference of the rule;
    None when they may or when no rule is in force for the pair (Law on Legal Aid 2017 Arts 31-33)."""
    if form_of_aid is None:
        return None
    rules = form_rules_on(on_date) if rules is None else rules
    rule = rules.get((provider.kind, form_of_aid.pk))
    if rule is None or rule.allowed:
        return None
    message = _("%(kind)s không được thực hiện trợ giúp pháp lý bằng hình thức %(form)s (%(reference)s).") % {
        "kind": provider.get_kind_display(),
        "form": str(form_of_aid).lower(),
        "reference": rule.reference,
    }
    if not rule.confirmed:
        message += " " + _("Quy định này chưa được xác nhận theo văn bản.")
    return message


def assignability(provider: Provider, on_date: dt.date, form_of_aid=None, *, form_rules=None) -> list[str]:
    """The reasons, in Vietnamese, why ``provider`` cannot be assigned on ``on_date``; empty when they can. With
    ``form_of_aid`` (the case's), also whether their kind may perform it (``form_refusal``; pass ``form_rules`` from
    ``form_rules_on`` for lists).

    Reads ``provider.contracts.all()`` and ``provider.partner`` (prefetch them for lists).

    - the kind of provider may not perform the form of aid (Law Art. 31: litigation by legal aid officers and
      lawyers; Art. 32: advice by every provider; Art. 33: out-of-court representation by officers and lawyers);

    - not active (title withdrawn, card revoked, contract ended: Law Art. 25(1)(b), Art. 22);
    - the card or certificate is missing, not yet valid or expired (Law Art. 17, 19, 24);
    - contracted lawyers and collaborators: a contract in force on the day (TT 08/2017 Art. 8, 14);
    - lawyers and consultants of a participating organisation: the organisation's contract or registration in force
      on the day (Law Art. 14-16).
    """
    reasons: list[str] = []
    refusal = form_refusal(provider, form_of_aid, on_date, form_rules)
    if refusal:
        reasons.append(refusal)
    if not provider.is_active:
        reasons.append(_("Người này không còn thực hiện trợ giúp pháp lý (Điều 25(1))."))
    card = _card_name(provider.kind)
    if provider.kind != ProviderKind.CONSULTANT and not provider.card_number:
        reasons.append(_("Chưa có số %(card)s.") % {"card": card.lower()})
    if provider.card_issued_on and on_date < provider.card_issued_on:
        reasons.append(
            _("%(card)s chưa có giá trị vào ngày %(day)s (cấp ngày %(issued)s).")
            % {"card": card, "day": format_date(on_date), "issued": format_date(provider.card_issued_on)}
        )
    if provider.card_valid_until and on_date > provider.card_valid_until:
        reasons.append(
            _("%(card)s đã hết giá trị từ sau ngày %(until)s.")
            % {"card": card, "until": format_date(provider.card_valid_until)}
        )
    if provider.kind in CONTRACT_KINDS and not any(c.in_force_on(on_date) for c in provider.contracts.all()):
        reasons.append(
            _(
                "Không có hợp đồng thực hiện trợ giúp pháp lý còn hiệu lực vào ngày %(day)s "
                "(Thông tư 08/2017 Điều 8, 14)."
            )
            % {"day": format_date(on_date)}
        )
    if provider.kind in PARTNER_KINDS:
        partner = provider.partner
        if partner is None or not partner.is_valid_on(on_date):
            reasons.append(
                _(
                    "Hợp đồng hoặc đăng ký tham gia trợ giúp pháp lý của %(org)s không còn hiệu lực vào ngày "
                    "%(day)s (Điều 16)."
                )
                % {"org": partner.name if partner else _("tổ chức"), "day": format_date(on_date)}
            )
    return reasons


def conflict_map(case: LegalAidCase, provider_ids) -> dict[int, list[str]]:
    """Law Art. 25(2)(a): a provider must refuse when they aid or have aided a person with opposing interests in the
    same matter. The matters are those ``intake.services.find_conflicts`` finds for the case's request; a provider is
    in conflict when they are or were assigned to one of them. {provider id: [reasons]}, for many providers at once."""
    conflicts = find_conflicts(case.request)
    if not conflicts:
        return {}
    by_request = {c.request.pk: c for c in conflicts}
    rows = (
        Assignment.objects.filter(provider_id__in=provider_ids, case__request_id__in=by_request)
        .exclude(case=case)
        .select_related("case", "provider")
        .order_by("case__code")
    )
    found: dict[int, list[str]] = {}
    for row in rows:
        reason = _("Xung đột quyền lợi (Điều 25(2)(a)): %(name)s đã được cử thực hiện vụ việc %(code)s – %(why)s.") % {
            "name": row.provider.full_name,
            "code": row.case.code,
            "why": by_request[row.case.request_id].reason,
        }
        if reason not in found.setdefault(row.provider_id, []):
            found[row.provider_id].append(reason)
    return found


def conflicts_of(provider: Provider, case: LegalAidCase) -> list[str]:
    """The conflict-of-interest reasons (Law Art. 25(2)(a)) of one provider for one case."""
    return conflict_map(case, [provider.pk]).get(provider.pk, [])


def provider_warnings(provider: Provider, on_date: dt.date) -> list[str]:
    """Facts the Centre should act on, which do not by themselves stop an assignment:

    - a legal aid officer with no litigation case for 2 consecutive years loses the title unless for objective
      reasons (Law Art. 22(1)(d); ``providers.officer_no_litigation_years``);
    - a collaborator signs the contract within 30 days of the card (TT 08/2017 Art. 8; 35 with good reason), or the
      card is revoked (Decree 144/2017 Art. 18; ``providers.collaborator_contract_days``).
    """
    warnings = []
    if not provider.is_active:
        return warnings
    if provider.kind == ProviderKind.OFFICER:
        years = LegalParameter.int_on("providers.officer_no_litigation_years", on_date)
        since = on_date - dt.timedelta(days=round(365.25 * years))
        started = provider.card_issued_on or provider.created_at.date()
        if (
            started <= since
            and not Assignment.objects.filter(
                provider=provider, case__form_of_aid__code="litigation", decision_date__gt=since
            ).exists()
        ):
            warnings.append(
                _(
                    "Không thực hiện vụ việc tham gia tố tụng nào trong %(years)s năm liên tiếp: trợ giúp viên bị "
                    "miễn nhiệm trừ trường hợp có lý do khách quan (Điều 22(1)(d))."
                )
                % {"years": years}
            )
    if provider.kind == ProviderKind.COLLABORATOR and provider.card_issued_on:
        days = LegalParameter.int_on("providers.collaborator_contract_days", on_date)
        due = provider.card_issued_on + dt.timedelta(days=days)
        if on_date > due and not any(c.signed_on <= due for c in provider.contracts.all()):
            warnings.append(
                _(
                    "Chưa ký hợp đồng trong %(days)s ngày kể từ ngày cấp thẻ (hạn %(due)s; Thông tư 08/2017 Điều 8): "
                    "thẻ cộng tác viên có thể bị thu hồi (Nghị định 144/2017 Điều 18)."
                )
                % {"days": days, "due": format_date(due)}
            )
    return warnings


# --- Decisions ----------------------------------------------------------------------------------------------------


def next_decision_number(*, organisation: Organisation, year: int) -> int:
    """The next decision number of a unit and year, never repeated nor skipped: the counter row is locked and
    incremented inside the caller's transaction (the pattern of ``legalaid.intake.numbering``)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_decision_number() must run inside a transaction")
    DecisionCounter.objects.bulk_create([DecisionCounter(organisation=organisation, year=year)], ignore_conflicts=True)
    counter = DecisionCounter.objects.select_for_update().get(organisation=organisation, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _require_signer(actor, case: LegalAidCase) -> None:
    require_case_access(actor, case)
    if not actor.has_perm("providers.assign_case", case):
        raise PermissionDenied(
            _(
                "Chỉ Giám đốc, Phó Giám đốc Trung tâm hoặc Trưởng Chi nhánh (vụ việc của Chi nhánh) "
                "được cử người thực hiện."
            )
        )


def _require_assignable(actor, case: LegalAidCase, provider: Provider, on_date: dt.date) -> None:
    if provider.centre_id != case.centre_id or not Provider.objects.visible_to(actor).filter(pk=provider.pk).exists():
        raise PermissionDenied(_("Người thực hiện này không thuộc Trung tâm của vụ việc."))
    reasons = assignability(provider, on_date, case.form_of_aid) + conflicts_of(provider, case)
    if reasons:
        raise ValidationError({"provider": reasons}, code="not_assignable")


def _new_assignment(*, actor, case, provider, kind, on_date, **fields) -> Assignment:
    issuer = case.branch or case.centre
    number = next_decision_number(organisation=issuer, year=on_date.year)
    assignment = Assignment(
        case=case,
        provider=provider,
        kind=kind,
        issuer=issuer,
        decision_year=on_date.year,
        decision_number=number,
        decision_code=f"{number}/{DECISION_SYMBOL}",
        decision_date=on_date,
        decided_by=actor,
        started_on=on_date,
        **fields,
    )
    assignment.full_clean()
    assignment.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=assignment, centre_id=case.centre_id)
    return assignment


def _event_data(assignment: Assignment) -> dict:
    return {
        "assignment": assignment.pk,
        "provider": assignment.provider_id,
        "provider_name": assignment.provider.full_name,
        "decision": assignment.decision_code,
        "decision_date": assignment.decision_date.isoformat(),
    }


@dataclass(frozen=True)
class DecisionPreview:
    """An assignment or change decision as it would be made today, before it is confirmed. It has no number: the
    number is taken when the decision is confirmed, so that the register of decisions has no gap."""

    case: LegalAidCase
    provider: Provider
    issuer: Organisation
    on_date: dt.date
    grounds: list[str] = field(default_factory=list)
    replaces: Assignment | None = None
    due_on: dt.date | None = None
    late: bool = False


def decision_grounds(case: LegalAidCase) -> list[str]:
    """The grounds an assignment or change decision cites (the "Căn cứ" lines of the .docx templates,
    ``documents/build_templates._grounds``)."""
    return [
        _("Luật Trợ giúp pháp lý số 11/2017/QH14"),
        _(
            "Thông tư số 12/2018/TT-BTP hướng dẫn một số hoạt động nghiệp vụ trợ giúp pháp lý và quản lý chất lượng "
            "vụ việc trợ giúp pháp lý (Điều 11 khoản 2 điểm b)"
        ),
        _("Hồ sơ vụ việc trợ giúp pháp lý mã số %(code)s, thụ lý ngày %(day)s")
        % {"code": case.code, "day": format_date(case.accepted_at)},
    ]


def case_assign_preview(
    *, actor, case: LegalAidCase, provider: Provider, expected_version: int | None = None
) -> DecisionPreview:
    """Check an assignment exactly as ``case_assign`` will (signer, version, status, assignability, conflicts),
    writing nothing and taking no decision number."""
    _require_signer(actor, case)
    check_version(case, expected_version)
    check_transition(actor, case, CaseStatus.ASSIGNED)
    today = timezone.localdate()
    _require_assignable(actor, case, provider, today)
    return DecisionPreview(
        case=case, provider=provider, issuer=case.branch or case.centre, on_date=today, grounds=decision_grounds(case)
    )


@transaction.atomic
def case_assign(*, actor, case: LegalAidCase, provider: Provider, expected_version: int | None = None) -> Assignment:
    """Assign ``provider`` to an accepted case by a numbered decision, and move the case accepted -> assigned.

    Refused (ValidationError on ``provider``, with every reason) when the provider cannot be assigned today
    (``assignability``) or would aid the opposing party in the same matter (Law Art. 25(2)(a)); PermissionDenied unless
    the actor signs for the case (director, deputy; branch head for a branch case).
    """
    _require_signer(actor, case)
    today = timezone.localdate()
    _require_assignable(actor, case, provider, today)
    event = case_transition(
        actor=actor,
        case=case,
        to_status=CaseStatus.ASSIGNED,
        expected_version=expected_version,
        data={"provider": provider.pk, "provider_name": provider.full_name},
    )
    assignment = _new_assignment(
        actor=actor, case=event.case, provider=provider, kind=AssignmentKind.ASSIGN, on_date=today
    )
    record_event(
        actor=actor,
        case=event.case,
        kind=EventKind.ASSIGNMENT,
        reason=_("Cử %(name)s thực hiện trợ giúp pháp lý, Quyết định số %(code)s")
        % {"name": provider.full_name, "code": assignment.decision_code},
        data=_event_data(assignment),
    )
    notify_assigned(provider=provider, case=event.case, decision_code=assignment.decision_code)
    return assignment


def change_due_on(requested_on: dt.date) -> dt.date:
    """The day by which a change of provider must be answered: 03 working days after the application (DOMAIN 1.8)."""
    days = LegalParameter.int_on("providers.change_provider_working_days", requested_on)
    return calendar.add_working_days(requested_on, days)


def _change_checks(
    actor, case: LegalAidCase, new_provider: Provider, reason: str, requested_on, replaces, *, lock: bool
) -> Assignment:
    """The rules of a change of provider (DOMAIN 1.8) shared by the preview and the decision; the assignment that
    is replaced."""
    today = timezone.localdate()
    errors = {}
    if not reason:
        errors["reason"] = _("Hãy ghi rõ lý do thay đổi người thực hiện.")
    if requested_on is None:
        errors["requested_on"] = _("Hãy nhập ngày nhận đơn đề nghị thay đổi.")
    elif requested_on > today:
        errors["requested_on"] = _("Ngày nhận đơn không được sau ngày hôm nay.")
    if errors:
        raise ValidationError(errors)
    current = Assignment.objects.filter(case=case, is_active=True).select_related("provider")
    current = list(current.select_for_update() if lock else current)
    if replaces is None:
        if len(current) != 1:
            raise ValidationError(
                _("Vụ việc chưa có người thực hiện để thay đổi.")
                if not current
                else _("Vụ việc có nhiều người thực hiện: hãy chọn người được thay.")
            )
        replaces = current[0]
    elif replaces.pk not in {a.pk for a in current}:
        raise ValidationError(_("Người được thay không còn thực hiện vụ việc này."))
    if new_provider.pk in {a.provider_id for a in current}:
        raise ValidationError({"provider": [_("Người này đang thực hiện vụ việc.")]})
    _require_assignable(actor, case, new_provider, today)
    if case.status not in CHANGE_STATUSES:
        raise ValidationError(
            _("Không thể thay đổi người thực hiện khi vụ việc ở trạng thái “%(status)s”.")
            % {"status": case.get_status_display()}
        )
    return next(a for a in current if a.pk == replaces.pk)


def case_change_preview(
    *,
    actor,
    case: LegalAidCase,
    new_provider: Provider,
    reason: str,
    requested_on: dt.date,
    replaces: Assignment | None = None,
    expected_version: int | None = None,
    application: ChangeApplication | None = None,
) -> DecisionPreview:
    """Check a change of provider exactly as ``case_change_provider`` will, writing nothing and taking no number."""
    _require_signer(actor, case)
    check_version(case, expected_version)
    requested_on, replaces = _from_application(case, application, requested_on, replaces)
    replaces = _change_checks(actor, case, new_provider, (reason or "").strip(), requested_on, replaces, lock=False)
    today = timezone.localdate()
    due = change_due_on(requested_on)
    return DecisionPreview(
        case=case,
        provider=new_provider,
        issuer=case.branch or case.centre,
        on_date=today,
        grounds=decision_grounds(case),
        replaces=replaces,
        due_on=due,
        late=today > due,
    )


@transaction.atomic
def case_change_provider(
    *,
    actor,
    case: LegalAidCase,
    new_provider: Provider,
    reason: str,
    requested_on: dt.date | None = None,
    replaces: Assignment | None = None,
    expected_version: int | None = None,
    application: ChangeApplication | None = None,
) -> Assignment:
    """Put ``new_provider`` in the place of the current provider by a change decision (quyết định thay đổi người thực
    hiện TGPL, TT 12/2018 Art. 11(2)(b)) on the beneficiary's application of ``requested_on``.

    DOMAIN 1.8: the organisation answers within 03 working days (``providers.change_provider_working_days``); the
    decision records its due date and whether it came late. The old assignment ends today.

    With ``application`` (a pending ``ChangeApplication`` of the case), the application's date and the provider it
    concerns are used, and the application is closed as granted by this decision in the same transaction.
    """
    _require_signer(actor, case)
    today = timezone.localdate()
    reason = (reason or "").strip()
    if application is not None:
        application = _lock_pending(application)
    requested_on, replaces = _from_application(case, application, requested_on, replaces)
    replaces = _change_checks(actor, case, new_provider, reason, requested_on, replaces, lock=True)
    if application is None:
        # A pending application against the replaced provider is answered by this decision.
        application = ChangeApplication.objects.pending().select_for_update().filter(assignment=replaces).first()
    if case.status == CaseStatus.ASSIGNED:
        event = case_transition(
            actor=actor,
            case=case,
            to_status=CaseStatus.ASSIGNED,
            reason=reason,
            expected_version=expected_version,
            data={"provider": new_provider.pk, "replaces": replaces.provider_id},
        )
        case = event.case
    else:
        # The work goes on (in progress, suspended): the status stays, the version still guards against a
        # concurrent change.
        case = lock_case(case, expected_version)
    before = audit.snapshot(replaces)
    replaces.is_active = False
    replaces.ended_on = today
    replaces.end_reason = AssignmentEnd.CHANGED
    replaces.full_clean()
    replaces.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=replaces, before=before, centre_id=case.centre_id)
    due = change_due_on(requested_on)
    assignment = _new_assignment(
        actor=actor,
        case=case,
        provider=new_provider,
        kind=AssignmentKind.CHANGE,
        on_date=today,
        replaces=replaces,
        change_reason=reason,
        change_requested_on=requested_on,
        change_due_on=due,
        change_late=today > due,
    )
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.ASSIGNMENT,
        reason=_("Thay %(old)s bằng %(new)s, Quyết định số %(code)s. Lý do: %(reason)s")
        % {
            "old": replaces.provider.full_name,
            "new": new_provider.full_name,
            "code": assignment.decision_code,
            "reason": reason,
        },
        data={**_event_data(assignment), "replaces": replaces.pk, "late": assignment.change_late},
    )
    if application is not None:
        _answer(actor, application, ChangeApplicationStatus.GRANTED, today, decision=assignment)
    notify_assigned(provider=new_provider, case=case, decision_code=assignment.decision_code)
    return assignment


@transaction.atomic
def assignments_end_with_case(*, actor, case: LegalAidCase, ended_on: dt.date | None = None) -> list[Assignment]:
    """End the active assignments of a case that has ended (completion, Law Art. 38; discontinuation, Art. 37) or is
    archived (Art. 39), in the caller's transaction, each one audited. ``end_reason`` is ``case_ended``: such an
    assignment still lets the provider read the case (``Assignment.objects.granting_access``), to hand the file over
    within 30 days (Art. 39); one ended by a change of provider does not."""
    ended_on = ended_on or timezone.localdate()
    ended = []
    for assignment in Assignment.objects.select_for_update().filter(case=case, is_active=True).order_by("pk"):
        before = audit.snapshot(assignment)
        assignment.is_active = False
        assignment.ended_on = max(ended_on, assignment.started_on)
        assignment.end_reason = AssignmentEnd.CASE_ENDED
        assignment.full_clean()
        assignment.save()
        audit.record(
            actor=actor, action=AuditAction.UPDATE, instance=assignment, before=before, centre_id=case.centre_id
        )
        ended.append(assignment)
    return ended


# --- The beneficiary's application to change the provider (DOMAIN 1.8) --------------------------------------------


def _from_application(case, application, requested_on, replaces):
    """The application's date and the assignment it concerns, for a change decision made on it."""
    if application is None:
        return requested_on, replaces
    if application.case_id != case.pk:
        raise ValidationError(_("Đơn đề nghị này không thuộc vụ việc."))
    if application.status != ChangeApplicationStatus.PENDING:
        raise ValidationError(_("Đơn đề nghị này đã được giải quyết."), code="answered")
    return application.received_on, replaces or application.assignment


def _lock_pending(application: ChangeApplication) -> ChangeApplication:
    locked = ChangeApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ChangeApplicationStatus.PENDING:
        raise ValidationError(_("Đơn đề nghị này đã được giải quyết."), code="answered")
    return locked


def _answer(actor, application: ChangeApplication, status: str, today: dt.date, **fields) -> ChangeApplication:
    before = audit.snapshot(application)
    application.status = status
    application.answered_on = today
    application.answered_late = today > application.due_on
    application.decided_by = actor
    application.version += 1
    for name, value in fields.items():
        setattr(application, name, value)
    application.full_clean()
    application.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=application,
        before=before,
        centre_id=application.case.centre_id,
    )
    return application


def _require_recorder(actor, case: LegalAidCase) -> None:
    require_case_access(actor, case)
    if not actor.has_perm("providers.record_change_application", case):
        raise PermissionDenied(
            _("Chỉ cán bộ của Trung tâm hoặc Chi nhánh đang giải quyết vụ việc được ghi nhận đơn đề nghị.")
        )


@transaction.atomic
def change_application_record(
    *,
    actor,
    case: LegalAidCase,
    received_on: dt.date | None,
    applicant: str,
    ground: str,
    ground_text: str,
    assignment: Assignment | None = None,
) -> ChangeApplication:
    """Record the beneficiary's application to change the provider (đơn đề nghị thay đổi người thực hiện TGPL, form
    of TT 10/2023), received by the Centre or branch of the case (DOMAIN 1.8; Law Art. 25(1)-(2)).

    Its answer is due 03 working days after it was received (``providers.change_provider_working_days``, counted by
    ``core.calendar``); it waits, pending, on the signer's work queue until a change decision
    (``case_change_provider(application=...)``) or a refusal with reasons (``change_application_reject``).
    """
    _require_recorder(actor, case)
    case = lock_case(case)
    today = timezone.localdate()
    applicant = " ".join((applicant or "").split())
    ground_text = (ground_text or "").strip()
    errors = {}
    if received_on is None:
        errors["received_on"] = _("Hãy nhập ngày nhận đơn đề nghị.")
    elif received_on > today:
        errors["received_on"] = _("Ngày nhận đơn không được sau ngày hôm nay.")
    elif case.accepted_at and received_on < timezone.localdate(case.accepted_at):
        errors["received_on"] = _("Ngày nhận đơn không được trước ngày thụ lý vụ việc.")
    if not applicant:
        errors["applicant"] = _("Hãy ghi người đề nghị (người được trợ giúp pháp lý hoặc người đại diện).")
    if ground not in ChangeGround.values:
        errors["ground"] = _("Hãy chọn căn cứ đề nghị.")
    if not ground_text:
        errors["ground_text"] = _("Hãy ghi lý do nêu trong đơn.")
    if errors:
        raise ValidationError(errors)
    if case.status not in CHANGE_STATUSES:
        raise ValidationError(
            _("Không thể đề nghị thay đổi người thực hiện khi vụ việc ở trạng thái “%(status)s”.")
            % {"status": case.get_status_display()}
        )
    current = list(Assignment.objects.filter(case=case, is_active=True).select_related("provider"))
    if assignment is None:
        if len(current) != 1:
            raise ValidationError(
                {
                    "assignment": _("Vụ việc chưa có người thực hiện để thay đổi.")
                    if not current
                    else _("Vụ việc có nhiều người thực hiện: hãy chọn người được đề nghị thay.")
                }
            )
        assignment = current[0]
    elif assignment.pk not in {a.pk for a in current}:
        raise ValidationError({"assignment": _("Người này không còn thực hiện vụ việc.")})
    if ChangeApplication.objects.pending().filter(assignment=assignment).exists():
        raise ValidationError(
            {"assignment": _("Đã có đề nghị thay đổi người thực hiện này đang chờ giải quyết.")}, code="pending"
        )
    application = ChangeApplication(
        case=case,
        assignment=assignment,
        received_on=received_on,
        applicant=applicant,
        ground=ground,
        ground_text=ground_text,
        due_on=change_due_on(received_on),
        recorded_by=actor,
    )
    application.full_clean()
    application.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=application, centre_id=case.centre_id)
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.ASSIGNMENT,
        reason=_("Nhận đơn đề nghị thay đổi người thực hiện %(name)s ngày %(day)s, hạn trả lời %(due)s")
        % {
            "name": assignment.provider.full_name,
            "day": format_date(received_on),
            "due": format_date(application.due_on),
        },
        data={"change_application": application.pk, "assignment": assignment.pk, "ground": ground},
    )
    return application


@transaction.atomic
def change_application_reject(
    *, actor, application: ChangeApplication, reasons: str, expected_version: int | None = None
) -> ChangeApplication:
    """Refuse the application: the organisation answers the applicant in writing with its reasons (DOMAIN 1.8;
    Law Art. 25), by the signer of the case's decisions, within 03 working days (a later answer is flagged)."""
    case = application.case
    _require_signer(actor, case)
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError({"reasons": _("Hãy nêu rõ lý do từ chối: văn bản trả lời người đề nghị phải có lý do.")})
    application = _lock_pending(application)
    if expected_version is not None and application.version != expected_version:
        raise ValidationError(
            _("Đơn đề nghị này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."),
            code="stale",
        )
    today = timezone.localdate()
    application = _answer(actor, application, ChangeApplicationStatus.REJECTED, today, reject_reasons=reasons)
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.ASSIGNMENT,
        reason=_("Từ chối đề nghị thay đổi người thực hiện. Lý do: %(reasons)s") % {"reasons": reasons},
        data={"change_application": application.pk, "late": application.answered_late},
    )
    return application


# --- The list of providers ----------------------------------------------------------------------------------------


def _require_manager(actor, centre_id: int | None) -> None:
    if not actor.has_perm("providers.manage_provider"):
        raise PermissionDenied(_("Bạn không có quyền cập nhật danh sách người thực hiện."))
    if actor.is_superuser:
        return
    scope = scope_of(actor)
    if centre_id not in scope.centre_ids or scope.branch_id:
        raise PermissionDenied(_("Người thực hiện này thuộc Trung tâm khác."))


@transaction.atomic
def provider_save(*, actor, provider: Provider, fields_of_law=None, languages=None) -> Provider:
    """Create or edit a provider of the actor's Centre. The branch, partner organisation and login account must
    belong to the same Centre."""
    if provider.centre_id is None and actor.centre is not None:
        provider.centre = actor.centre
    if provider.pk:
        stored = Provider.objects.get(pk=provider.pk)
        _require_manager(actor, stored.centre_id)
        provider.centre_id = stored.centre_id
        before = audit.snapshot(stored)
    else:
        before = None
    _require_manager(actor, provider.centre_id)
    errors = {}
    if provider.branch_id and (
        provider.branch.kind != OrganisationKind.BRANCH or provider.branch.centre_id != provider.centre_id
    ):
        errors["branch"] = _("Chi nhánh phải thuộc Trung tâm.")
    if provider.partner_id and (
        provider.partner.kind != OrganisationKind.PARTNER or provider.partner.centre_id != provider.centre_id
    ):
        errors["partner"] = _("Tổ chức phải là tổ chức tham gia trợ giúp pháp lý của Trung tâm.")
    if provider.user_id and getattr(provider.user.centre, "pk", None) != provider.centre_id:
        errors["user"] = _("Tài khoản đăng nhập phải thuộc Trung tâm.")
    if errors:
        raise ValidationError(errors)
    provider.full_name = " ".join(provider.full_name.split())
    provider.name_key = fold(provider.full_name)
    provider.full_clean()
    provider.save()
    if fields_of_law is not None:
        provider.fields_of_law.set(fields_of_law)
    if languages is not None:
        provider.languages.set(languages)
    audit.record(
        actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, instance=provider, before=before
    )
    return provider


@transaction.atomic
def contract_save(*, actor, contract: ProviderContract) -> ProviderContract:
    """Record a contract of a contracted lawyer or a collaborator with the Centre (TT 08/2017 Art. 8, 14)."""
    provider = contract.provider
    _require_manager(actor, provider.centre_id)
    if provider.kind not in CONTRACT_KINDS:
        raise ValidationError(_("Chỉ luật sư ký hợp đồng và cộng tác viên ký hợp đồng với Trung tâm."))
    before = audit.snapshot(contract) if contract.pk else None
    contract.full_clean()
    contract.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        instance=contract,
        before=before,
        centre_id=provider.centre_id,
    )
    return contract


@transaction.atomic
def quota_set(*, actor, provider: Provider, year: int, cases: int, reference: str = "") -> LitigationQuota:
    """Set a legal aid officer's litigation quota for a year (the figure the Centre sets; its source UNCONFIRMED)."""
    _require_manager(actor, provider.centre_id)
    if provider.kind != ProviderKind.OFFICER:
        raise ValidationError({"cases": _("Định mức vụ việc tham gia tố tụng chỉ áp dụng cho trợ giúp viên pháp lý.")})
    quota = LitigationQuota.objects.filter(provider=provider, year=year).first()
    before = audit.snapshot(quota) if quota else None
    quota = quota or LitigationQuota(provider=provider, year=year)
    quota.cases = cases
    quota.reference = reference
    quota.full_clean()
    quota.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        instance=quota,
        before=before,
        centre_id=provider.centre_id,
    )
    return quota
