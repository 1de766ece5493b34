"""Operations on surveys and on the register of feedback and complaints.

Surveys: ``invitation_create`` (a one-time link, token shown once), ``response_submit_by_link`` (the public page),
``response_enter`` (a paper form typed in by staff). Register: ``entry_register`` (staff), ``entry_register_from_web``
(the seam for the public portal), ``entry_assign``, ``entry_add_action``, ``entry_resolve`` (feedback and
suggestions), ``complaint_decide`` (Law Art. 45, either level), ``complaint_escalate`` (to the Department of Justice),
``entry_withdraw``.

Each function is one transaction, checks the actor's right (``PermissionDenied``), validates (``ValidationError``,
keyed by form field) and writes the audit trail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction
from legalaid.core.scoping import scope_of
from legalaid.lib.formatting import format_date

from . import deadlines
from .choices import (
    AUDIENCE_OF,
    COMPLAINT_KINDS,
    ActionKind,
    EntryKind,
    EntryStatus,
    Level,
    QuestionKind,
    Source,
    SurveyChannel,
)
from .models import (
    ComplaintDecision,
    FeedbackAction,
    FeedbackEntry,
    QuestionnaireVersion,
    ScaleOption,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
)

# --- Common -------------------------------------------------------------------------------------------------------


def _require(actor, perm: str, obj=None) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _visible_case(actor, case):
    from legalaid.cases.models import LegalAidCase

    if case is None:
        return None
    if not LegalAidCase.objects.visible_to(actor).filter(pk=case.pk).exists():
        raise PermissionDenied(_("Vụ việc không thuộc phạm vi của bạn."))
    return case


def _lock(entry: FeedbackEntry, expected_version: int | None) -> FeedbackEntry:
    locked = FeedbackEntry.objects.select_for_update().get(pk=entry.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."), code="stale"
        )
    return locked


def hash_token(token: str) -> str:
    """The stored form of a survey token: its SHA-256 (the raw token is never stored)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- Questionnaires -----------------------------------------------------------------------------------------------


def current_version(audience: str, on_date: dt.date | None = None) -> QuestionnaireVersion | None:
    """The version in use for ``audience`` on ``on_date``: the latest active one already in force."""
    on_date = on_date or timezone.localdate()
    return (
        QuestionnaireVersion.objects.filter(questionnaire__audience=audience, is_active=True, valid_from__lte=on_date)
        .select_related("questionnaire")
        .order_by("-valid_from", "-number")
        .first()
    )


def version_has_answers(version: QuestionnaireVersion) -> bool:
    return SurveyResponse.objects.filter(version=version).exists()


# --- Invitations --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: SurveyInvitation
    token: str  # shown once, on the printed invitation; only its hash is stored


@transaction.atomic
def invitation_create(*, actor, case, respondent: str) -> IssuedInvitation:
    """A one-time link for ``respondent`` to answer the questionnaire of their audience about ``case``.

    An earlier unused invitation of the same case and respondent is revoked (a lost paper is replaced, never doubled).
    """
    _require(actor, "feedback.enter_survey")
    _visible_case(actor, case)
    audience = AUDIENCE_OF.get(respondent)
    version = current_version(audience) if audience else None
    if version is None:
        raise ValidationError({"respondent": _("Chưa có phiếu khảo sát đang dùng cho người trả lời này.")})
    now = timezone.now()
    SurveyInvitation.objects.filter(
        case=case, respondent=respondent, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    limit = deadlines.time_limit(deadlines.SURVEY_LINK, timezone.localdate())
    token = secrets.token_urlsafe(32)
    invitation = SurveyInvitation(
        case=case,
        centre_id=case.centre_id,
        branch_id=case.branch_id,
        version=version,
        respondent=respondent,
        token_hash=hash_token(token),
        expires_at=now + dt.timedelta(days=max(limit.days, 1)),
        created_by=actor,
    )
    invitation.full_clean()
    invitation.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=invitation)
    return IssuedInvitation(invitation, token)


#: Why a link cannot be used (the public page says so in plain words).
UNKNOWN, EXPIRED, USED, REVOKED = "unknown", "expired", "used", "revoked"


def invitation_state(invitation: SurveyInvitation | None, now: dt.datetime | None = None) -> str:
    """ "" when the invitation can be answered, else why not."""
    if invitation is None:
        return UNKNOWN
    if invitation.used_at is not None:
        return USED
    if invitation.revoked_at is not None:
        return REVOKED
    if invitation.expires_at <= (now or timezone.now()):
        return EXPIRED
    return ""


def invitation_for_token(token: str) -> SurveyInvitation | None:
    """The invitation of a raw token, or None (a malformed, tampered or unknown token)."""
    if not token or len(token) > 100:
        return None
    return (
        SurveyInvitation.objects.select_related("centre", "version__questionnaire")
        .filter(token_hash=hash_token(token))
        .first()
    )


class LinkUnusable(Exception):
    """The link cannot be answered (``state``: unknown, expired, used, revoked)."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


# --- Responses ----------------------------------------------------------------------------------------------------


def _build_answers(version: QuestionnaireVersion, answers: dict) -> list[SurveyAnswer]:
    """Check ``answers`` ({question id: option id or text}) against the version's questions; errors keyed
    ``q<id>``."""
    questions = list(version.questions.select_related("scale").order_by("position"))
    options = {o.pk: o for o in ScaleOption.objects.filter(scale_id__in={q.scale_id for q in questions if q.scale_id})}
    errors, built = {}, []
    for q in questions:
        raw = answers.get(q.pk)
        key = f"q{q.pk}"
        if q.kind == QuestionKind.SCALE:
            if raw in (None, ""):
                if q.required:
                    errors[key] = _("Hãy chọn một mức cho câu hỏi này.")
                continue
            try:
                option = options.get(int(raw))
            except (TypeError, ValueError):
                option = None
            if option is None or option.scale_id != q.scale_id:
                errors[key] = _("Mức đã chọn không thuộc thang đo của câu hỏi.")
                continue
            built.append(
                SurveyAnswer(
                    question=q,
                    option=option,
                    option_label=option.label,
                    score=option.score,
                    satisfied=option.satisfied,
                )
            )
        else:
            text = (raw or "").strip()
            if not text:
                if q.required:
                    errors[key] = _("Hãy trả lời câu hỏi này.")
                continue
            built.append(SurveyAnswer(question=q, text=text[:4000]))
    if errors:
        raise ValidationError(errors)
    return built


def _save_response(response: SurveyResponse, answers: list[SurveyAnswer]) -> SurveyResponse:
    case = response.case
    response.centre_id, response.branch_id = case.centre_id, case.branch_id
    response.comment = (response.comment or "").strip()[:4000]
    if response.comment_is_complaint and not response.comment:
        raise ValidationError({"comment": _("Hãy ghi nội dung phản ánh, khiếu nại.")})
    response.full_clean()
    response.save()
    for answer in answers:
        answer.response = response
    SurveyAnswer.objects.bulk_create(answers)
    provider_ids = list(case.assignments.of_record().values_list("provider_id", flat=True).distinct())
    response.providers.set(provider_ids)
    return response


def _entry_from_comment(response: SurveyResponse, actor) -> FeedbackEntry:
    """A survey comment marked as a complaint becomes an entry of the register (source "survey comment")."""
    entry = FeedbackEntry(
        centre_id=response.centre_id,
        branch_id=response.branch_id,
        source=Source.SURVEY,
        kind=EntryKind.FEEDBACK,
        received_on=response.answered_on,
        content=response.comment,
        case=response.case,
        survey_response=response,
    )
    providers = list(response.providers.all()[:2])
    if len(providers) == 1:
        entry.provider = providers[0]
    return _entry_create(entry, actor=actor)


@transaction.atomic
def response_submit_by_link(
    *, token: str, answers: dict, comment: str = "", comment_is_complaint: bool = False
) -> SurveyResponse:
    """Answers given through a one-time link (no login). The invitation row is locked: a second submission of the
    same link (two tabs, a double click) finds it used and saves nothing (``LinkUnusable``)."""
    found = invitation_for_token(token)
    if found is None:
        raise LinkUnusable(UNKNOWN)
    invitation = SurveyInvitation.objects.select_for_update().get(pk=found.pk)
    state = invitation_state(invitation)
    if state:
        raise LinkUnusable(state)
    built = _build_answers(invitation.version, answers)
    now = timezone.now()
    invitation.used_at = now
    invitation.save(update_fields=["used_at", "updated_at"])
    response = SurveyResponse(
        case=invitation.case,
        version=invitation.version,
        respondent=invitation.respondent,
        channel=SurveyChannel.LINK,
        invitation=invitation,
        answered_on=timezone.localdate(now),
        comment=comment,
        comment_is_complaint=bool(comment_is_complaint),
    )
    try:
        with transaction.atomic():
            _save_response(response, built)
    except IntegrityError as exc:  # the one-to-one on the invitation: answered in between
        raise LinkUnusable(USED) from exc
    audit.record(actor=None, action=AuditAction.CREATE, instance=response, message="survey link")
    if response.comment_is_complaint:
        _entry_from_comment(response, actor=None)
    return response


@transaction.atomic
def response_enter(
    *,
    actor,
    case,
    respondent: str,
    answered_on: dt.date,
    answers: dict,
    comment: str = "",
    comment_is_complaint: bool = False,
    version: QuestionnaireVersion | None = None,
) -> SurveyResponse:
    """A paper questionnaire typed in by staff, linked to ``case`` (and through it its providers and unit)."""
    _require(actor, "feedback.enter_survey")
    _visible_case(actor, case)
    if answered_on > timezone.localdate():
        raise ValidationError({"answered_on": _("Ngày trả lời không thể sau hôm nay.")})
    audience = AUDIENCE_OF.get(respondent)
    version = version or (current_version(audience, answered_on) if audience else None)
    if version is None:
        raise ValidationError({"respondent": _("Chưa có phiếu khảo sát đang dùng cho người trả lời này.")})
    if version.questionnaire.audience != audience:
        raise ValidationError({"respondent": _("Phiếu khảo sát này không dành cho người trả lời đã chọn.")})
    built = _build_answers(version, answers)
    response = SurveyResponse(
        case=case,
        version=version,
        respondent=respondent,
        channel=SurveyChannel.PAPER,
        answered_on=answered_on,
        entered_by=actor,
        comment=comment,
        comment_is_complaint=bool(comment_is_complaint),
    )
    _save_response(response, built)
    audit.record(actor=actor, action=AuditAction.CREATE, instance=response)
    if response.comment_is_complaint:
        _entry_from_comment(response, actor=actor)
    return response


# --- The register -------------------------------------------------------------------------------------------------


def _next_number(centre_id: int, year: int) -> int:
    # The Centre's row is locked so that two entries registered at once do not take the same number.
    from legalaid.core.models import Organisation

    Organisation.objects.select_for_update().filter(pk=centre_id).first()
    last = FeedbackEntry.objects.filter(centre_id=centre_id, year=year).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


def _log(entry: FeedbackEntry, kind: str, text: str, actor, on: dt.date | None = None) -> FeedbackAction:
    action = FeedbackAction(entry=entry, kind=kind, text=text[:4000], actor=actor, on=on or timezone.localdate())
    action.full_clean()
    action.save()
    return action


def _entry_create(entry: FeedbackEntry, *, actor, second_received_on: dt.date | None = None) -> FeedbackEntry:
    """Number and save a new entry at the first level, or at the second when ``second_received_on`` is given (a
    complaint sent straight to the Department), with its deadline counted from the day its level was received."""
    if entry.received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày nhận không thể sau hôm nay.")})
    entry.content = (entry.content or "").strip()
    if entry.kind not in COMPLAINT_KINDS:
        entry.ground = ""
    elif not entry.ground:
        raise ValidationError({"ground": _("Khiếu nại phải nêu căn cứ theo Điều 45 khoản 1 Luật Trợ giúp pháp lý.")})
    if entry.case_id and entry.case.centre_id != entry.centre_id:
        raise ValidationError({"case": _("Vụ việc thuộc Trung tâm khác.")})
    if entry.provider_id and entry.provider.centre_id != entry.centre_id:
        raise ValidationError({"provider": _("Người thực hiện thuộc Trung tâm khác.")})
    if entry.responsible_id and (entry.responsible.centre is None or entry.responsible.centre.pk != entry.centre_id):
        raise ValidationError({"responsible": _("Người phụ trách phải là cán bộ của Trung tâm.")})
    if entry.case_id and not entry.branch_id:
        entry.branch_id = entry.case.branch_id
    entry.year = entry.received_on.year
    entry.level = Level.SECOND if second_received_on else Level.FIRST
    entry.second_received_on = second_received_on
    entry.status = EntryStatus.OPEN
    entry.due_on = deadlines.due_date(entry.kind, entry.level, second_received_on or entry.received_on)
    entry.created_by = actor if actor is not None and actor.is_authenticated else None
    entry.number = 0
    entry.full_clean(exclude=["number"])
    entry.number = _next_number(entry.centre_id, entry.year)
    entry.save()
    text = _("Vào sổ số %(code)s, hạn giải quyết %(due)s.") % {
        "code": entry.code,
        "due": entry.due_on.strftime("%d/%m/%Y"),
    }
    if deadlines.filed_late(entry.kind, entry.received_on, entry.event_on):
        text += " " + _("Đơn nhận sau thời hiệu khiếu nại (tham số chưa xác nhận): xem xét trước khi thụ lý.")
    _log(entry, ActionKind.REGISTERED, text, entry.created_by, entry.received_on)
    audit.record(actor=entry.created_by, action=AuditAction.CREATE, instance=entry)
    return entry


@transaction.atomic
def entry_register(*, actor, entry: FeedbackEntry) -> FeedbackEntry:
    """Enter feedback, a suggestion or a complaint in the register of the actor's Centre (branch staff: their
    branch). The deadline is counted from the day received (``deadlines.due_date``)."""
    _require(actor, "feedback.add_entry")
    _visible_case(actor, entry.case if entry.case_id else None)
    if actor.is_superuser and entry.case_id:
        entry.centre_id = entry.case.centre_id
    elif actor.centre is None:
        raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
    else:
        entry.centre_id = actor.centre.pk
        scope = scope_of(actor)
        if scope.branch_id:
            entry.branch_id = scope.branch_id
    return _entry_create(entry, actor=actor)


@transaction.atomic
def complaint_register_at_department(
    *, actor, entry: FeedbackEntry, centre, second_received_on: dt.date, first_decision: str = ""
) -> FeedbackEntry:
    """A complaint the complainant sent straight to the Director of the Department of Justice as the second level
    (Law on Legal Aid 2017 Art. 45(3)): after the Centre's first-level decision (``first_decision``: its number and
    date as written) or when the Centre did not decide in time. It enters the Centre's register at the second level,
    due from the day the Department received it; the Department decides it (``complaint_decide``)."""
    _require(actor, "feedback.register_second_level")
    if centre is None or (not actor.is_superuser and centre.pk not in scope_of(actor).centre_ids):
        raise ValidationError({"centre": _("Chỉ chọn Trung tâm do Sở quản lý.")})
    if entry.kind not in COMPLAINT_KINDS:
        raise ValidationError({"kind": _("Sở Tư pháp chỉ vào sổ khiếu nại lần hai (Điều 45 khoản 3).")})
    if second_received_on is None:
        raise ValidationError({"second_received_on": _("Hãy nhập ngày Sở nhận khiếu nại lần hai.")})
    if second_received_on > timezone.localdate():
        raise ValidationError({"second_received_on": _("Ngày nhận không thể sau hôm nay.")})
    entry.received_on = entry.received_on or second_received_on
    if entry.received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày nhận không thể sau hôm nay.")})
    if second_received_on < entry.received_on:
        raise ValidationError(
            {"second_received_on": _("Ngày nhận khiếu nại lần hai không thể trước ngày nhận khiếu nại lần đầu.")}
        )
    entry.centre_id = centre.pk
    entry.responsible = None
    if entry.case_id:
        _visible_case(actor, entry.case)
    entry = _entry_create(entry, actor=actor, second_received_on=second_received_on)
    first = first_decision.strip() or _("chưa có quyết định giải quyết lần đầu")
    _log(
        entry,
        ActionKind.ESCALATED,
        _("Khiếu nại lần hai gửi thẳng Giám đốc Sở Tư pháp (lần đầu: %(first)s), nhận ngày %(day)s, hạn %(due)s.")
        % {"first": first[:200], "day": format_date(second_received_on), "due": format_date(entry.due_on)},
        actor,
        second_received_on,
    )
    return entry


@transaction.atomic
def entry_register_from_web(
    *,
    centre,
    content: str,
    sender_name: str = "",
    sender_contact: str = "",
    kind: str = EntryKind.FEEDBACK,
    ground: str = "",
    received_on: dt.date | None = None,
) -> FeedbackEntry:
    """The seam for the public portal (a later issue): feedback sent through the website, source "web", no actor.
    It lands unassigned on the director's work queue."""
    entry = FeedbackEntry(
        centre=centre,
        source=Source.WEB,
        kind=kind,
        ground=ground,
        received_on=received_on or timezone.localdate(),
        content=content,
        sender_name=sender_name.strip()[:120],
        sender_contact=sender_contact.strip()[:200],
    )
    return _entry_create(entry, actor=None)


@transaction.atomic
def entry_assign(*, actor, entry: FeedbackEntry, responsible, expected_version: int | None = None) -> FeedbackEntry:
    locked = _lock(entry, expected_version)
    _require(actor, "feedback.work_entry", locked)
    if locked.status != EntryStatus.OPEN:
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if responsible is None or responsible.centre is None or responsible.centre.pk != locked.centre_id:
        raise ValidationError({"responsible": _("Người phụ trách phải là cán bộ của Trung tâm.")})
    before = audit.snapshot(locked)
    locked.responsible = responsible
    locked.version += 1
    locked.save()
    _log(locked, ActionKind.REASSIGNED, _("Giao %(name)s phụ trách.") % {"name": responsible.full_name}, actor)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before)
    return locked


@transaction.atomic
def entry_add_action(*, actor, entry: FeedbackEntry, text: str, on: dt.date | None = None) -> FeedbackAction:
    locked = _lock(entry, None)
    _require(actor, "feedback.work_entry", locked)
    if locked.status != EntryStatus.OPEN:
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if not (text or "").strip():
        raise ValidationError({"text": _("Hãy ghi việc đã làm.")})
    if on and on > timezone.localdate():
        raise ValidationError({"on": _("Ngày không thể sau hôm nay.")})
    action = _log(locked, ActionKind.NOTE, text.strip(), actor, on)
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    audit.record(actor=actor, action=AuditAction.ACTION, instance=locked, message="action")
    return action


@transaction.atomic
def entry_resolve(
    *, actor, entry: FeedbackEntry, resolution: str, on: dt.date, expected_version: int | None = None
) -> FeedbackEntry:
    """Close feedback or a suggestion with its answer. Complaints are closed by a decision (``complaint_decide``)."""
    locked = _lock(entry, expected_version)
    _require(actor, "feedback.work_entry", locked)
    if locked.is_complaint:
        raise ValidationError(_("Khiếu nại được giải quyết bằng quyết định (Điều 45 Luật Trợ giúp pháp lý)."))
    if locked.status != EntryStatus.OPEN:
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if not (resolution or "").strip():
        raise ValidationError({"resolution": _("Hãy ghi kết quả giải quyết.")})
    if on > timezone.localdate() or on < locked.received_on:
        raise ValidationError({"on": _("Ngày giải quyết phải từ ngày nhận đến hôm nay.")})
    before = audit.snapshot(locked)
    locked.status, locked.resolution, locked.resolved_on = EntryStatus.RESOLVED, resolution.strip(), on
    locked.version += 1
    locked.save()
    _log(locked, ActionKind.RESOLVED, locked.resolution, actor, on)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before)
    return locked


@transaction.atomic
def complaint_decide(
    *, actor, entry: FeedbackEntry, decision: ComplaintDecision, expected_version: int | None = None
) -> ComplaintDecision:
    """Record the decision on a complaint at its current level: the head of the organisation (first level, Law Art.
    45(2)) or the Director of the Department of Justice (second level, Art. 45(3), final within the administration:
    the complainant may then sue in court)."""
    locked = _lock(entry, expected_version)
    if not locked.is_complaint:
        raise ValidationError(_("Chỉ khiếu nại mới có quyết định giải quyết."))
    perm = "feedback.decide_first_level" if locked.level == Level.FIRST else "feedback.decide_second_level"
    _require(actor, perm, locked)
    if locked.status != EntryStatus.OPEN:
        raise ValidationError(_("Khiếu nại này không chờ giải quyết."))
    received = locked.received_on if locked.level == Level.FIRST else locked.second_received_on
    if decision.decided_on > timezone.localdate() or (received and decision.decided_on < received):
        raise ValidationError({"decided_on": _("Ngày quyết định phải từ ngày nhận khiếu nại đến hôm nay.")})
    decision.entry = locked
    decision.level = locked.level
    decision.decided_by = actor
    decision.reasoning = (decision.reasoning or "").strip()
    decision.late = bool(locked.due_on and decision.decided_on > locked.due_on)
    decision.full_clean()
    decision.save()
    before = audit.snapshot(locked)
    locked.status, locked.resolution, locked.resolved_on = EntryStatus.RESOLVED, decision.reasoning, decision.decided_on
    locked.version += 1
    locked.save()
    _log(
        locked,
        ActionKind.DECIDED,
        _("%(level)s: %(result)s.") % {"level": decision.get_level_display(), "result": decision.get_result_display()},
        actor,
        decision.decided_on,
    )
    audit.record(actor=actor, action=AuditAction.CREATE, instance=decision, centre_id=locked.centre_id)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before)
    return decision


@transaction.atomic
def complaint_escalate(
    *, actor, entry: FeedbackEntry, received_on: dt.date, expected_version: int | None = None
) -> FeedbackEntry:
    """The complainant takes the complaint to the Director of the Department of Justice (Law Art. 45(3)): after the
    first-level decision, or when the head of the organisation did not decide within the time limit."""
    locked = _lock(entry, expected_version)
    _require(actor, "feedback.escalate_entry", locked)
    if not locked.is_complaint or locked.level != Level.FIRST:
        raise ValidationError(_("Chỉ khiếu nại đang ở lần đầu mới được khiếu nại lần hai."))
    today = timezone.localdate()
    decided = locked.status == EntryStatus.RESOLVED
    overdue = locked.status == EntryStatus.OPEN and locked.due_on is not None and locked.due_on < received_on
    if not (decided or overdue):
        raise ValidationError(
            _(
                "Chỉ khiếu nại lần hai khi đã có quyết định giải quyết lần đầu hoặc đã hết thời hạn giải quyết "
                "lần đầu (Điều 45 Luật Trợ giúp pháp lý)."
            )
        )
    if received_on > today or received_on < locked.received_on:
        raise ValidationError({"received_on": _("Ngày nhận phải từ ngày nhận khiếu nại lần đầu đến hôm nay.")})
    before = audit.snapshot(locked)
    locked.level = Level.SECOND
    locked.status = EntryStatus.OPEN
    locked.second_received_on = received_on
    locked.due_on = deadlines.due_date(locked.kind, Level.SECOND, received_on)
    locked.responsible = None
    locked.version += 1
    locked.save()
    _log(
        locked,
        ActionKind.ESCALATED,
        _("Khiếu nại lần hai gửi Giám đốc Sở Tư pháp, nhận ngày %(day)s, hạn %(due)s.")
        % {"day": received_on.strftime("%d/%m/%Y"), "due": locked.due_on.strftime("%d/%m/%Y")},
        actor,
        received_on,
    )
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before)
    return locked


@transaction.atomic
def entry_withdraw(
    *, actor, entry: FeedbackEntry, reason: str, on: dt.date, expected_version: int | None = None
) -> FeedbackEntry:
    locked = _lock(entry, expected_version)
    _require(actor, "feedback.work_entry", locked)
    if locked.status != EntryStatus.OPEN:
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Hãy ghi lý do rút đơn.")})
    before = audit.snapshot(locked)
    locked.status, locked.resolved_on, locked.resolution = EntryStatus.WITHDRAWN, on, reason.strip()
    locked.version += 1
    locked.save()
    _log(locked, ActionKind.WITHDRAWN, reason.strip(), actor, on)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before)
    return locked
