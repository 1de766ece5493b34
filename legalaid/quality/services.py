"""Operations of quality management. Each function is one transaction, checks the actor's right
(``PermissionDenied``), validates (``ValidationError`` naming the field), saves and writes the audit trail.

Appraisal (thẩm định, TT 12/2018/TT-BTP Art. 16; DOMAIN.md 3, 12): ``appraisal_assign`` names the appraiser of a
completed case (not one of its providers), ``appraisal_complete`` records the points per criterion, the appraised
working time in sessions, the result level and the conclusion. The payments app reads the result.

Evaluation (đánh giá, TT 12/2018 Art. 15 as amended): the Department's ``plan_save``, ``plan_sample`` (the proposal of
``sampling.propose``), ``plan_approve`` (one evaluation per sampled case), ``evaluation_start`` (a trigger, due in
working days), ``team_member_add``, ``opinion_record``, ``evaluation_conclude`` (with follow-ups) and the Centre's
``follow_up_done``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.models import LegalAidCase
from legalaid.core import audit, calendar
from legalaid.core.choices import AuditAction, Role
from legalaid.core.models import LegalParameter
from legalaid.core.scoping import scope_of
from legalaid.lib.formatting import format_number

from . import sampling
from .choices import (
    TRIGGER_ORIGINS,
    AppraisalStatus,
    EvaluationOrigin,
    EvaluationPlanStatus,
    EvaluationStatus,
    FollowUpStatus,
    TeamRole,
)
from .models import (
    Appraisal,
    AppraisalDelegation,
    AppraisalScore,
    CriteriaSet,
    Evaluation,
    EvaluationPlan,
    FollowUp,
    ResultLevel,
    TeamMember,
)
from .sampling import Candidate, Sample
from .selectors import completed_cases_q

#: Who may appraise: the Centre's professional staff (DOMAIN.md 12: "who" is UNCONFIRMED; a Centre setting later).
APPRAISER_ROLES = frozenset({Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.OFFICER, Role.BRANCH_HEAD})
#: Managers assign by their role; the director delegates to a legal aid officer of the Centre.
DELEGATE_ROLES = frozenset({Role.OFFICER})
APPRAISAL_DAYS_PARAMETER = "quality.appraisal_working_days"
#: TT 02/2021/TT-BTP Art. 8: at most 30 sessions per litigation case and 20 per representation case.
MAX_SESSIONS_PARAMETER = {
    "litigation": "cases.max_sessions_litigation",
    "representation": "cases.max_sessions_representation",
}


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        if scope_of(actor).read_only:
            raise PermissionDenied(_("Bạn chỉ có quyền xem."))
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _parameter(code: str, on_date: dt.date, default: int) -> int:
    try:
        return LegalParameter.int_on(code, on_date)
    except LookupError:
        return default


def _stale() -> ValidationError:
    return ValidationError(
        _("Bản ghi vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."), code="stale"
    )


# --- Appraisal -----------------------------------------------------------------------------------------------------


def is_provider_of(case: LegalAidCase, user) -> bool:
    """Whether ``user`` was ever assigned to ``case`` (any decision, a replaced provider included)."""
    from legalaid.providers.models import Assignment

    return Assignment.objects.filter(case=case, provider__user_id=user.pk).exists()


def appraiser_error(case: LegalAidCase, appraiser) -> str | None:
    """Why ``appraiser`` may not appraise ``case`` (None: they may)."""
    if appraiser is None:
        return _("Hãy chọn người thẩm định.")
    if not appraiser.is_active or appraiser.role not in APPRAISER_ROLES:
        return _("Người thẩm định phải là lãnh đạo hoặc Trợ giúp viên pháp lý của Trung tâm.")
    centre = appraiser.centre
    if centre is None or centre.pk != case.centre_id:
        return _("Người thẩm định phải thuộc Trung tâm thực hiện vụ việc.")
    if is_provider_of(case, appraiser):
        return _(
            "%(name)s là người thực hiện trợ giúp pháp lý của vụ việc này nên không được thẩm định vụ việc "
            "(người thẩm định phải độc lập với người thực hiện)."
        ) % {"name": appraiser.full_name or appraiser.username}
    return None


@transaction.atomic
def appraisal_assign(*, actor, case: LegalAidCase, appraiser, expected_version: int | None = None) -> Appraisal:
    """Name (or change) the appraiser of a completed litigation or representation case. The appraisal is due within
    ``quality.appraisal_working_days`` working days (a Centre setting, UNCONFIRMED)."""
    _require(actor, "quality.assign_appraiser", case)
    locked = LegalAidCase.objects.select_for_update().get(pk=case.pk)
    if not LegalAidCase.objects.filter(completed_cases_q(), pk=locked.pk).exists():
        raise ValidationError(
            _("Chỉ thẩm định vụ việc tham gia tố tụng, đại diện ngoài tố tụng đã kết thúc và có kết quả."),
            code="not_appraisable",
        )
    error = appraiser_error(locked, appraiser)
    if error:
        raise ValidationError({"appraiser": error}, code="appraiser")
    today = timezone.localdate()
    appraisal = Appraisal.objects.select_for_update().filter(case=locked).first()
    before = audit.snapshot(appraisal) if appraisal else None
    if appraisal is None:
        appraisal = Appraisal(case=locked, centre_id=locked.centre_id, branch_id=locked.branch_id)
    else:
        if appraisal.status == AppraisalStatus.DONE:
            raise ValidationError(_("Vụ việc đã được thẩm định xong."), code="done")
        if expected_version is not None and appraisal.version != expected_version:
            raise _stale()
        appraisal.version += 1
    appraisal.appraiser = appraiser
    appraisal.assigned_by = actor
    appraisal.assigned_on = today
    days = _parameter(APPRAISAL_DAYS_PARAMETER, today, 10)
    appraisal.due_on = calendar.add_working_days(today, days)
    appraisal.full_clean()
    appraisal.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        instance=appraisal,
        before=before,
        message="Phân công thẩm định",
    )
    return appraisal


def suggested_level(total: Decimal) -> ResultLevel | None:
    """The highest active level whose threshold ``total`` reaches (the thresholds are data, UNCONFIRMED)."""
    for level in ResultLevel.objects.filter(is_active=True, min_points__isnull=False).order_by("-min_points"):
        if total >= level.min_points:
            return level
    return None


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@transaction.atomic
def appraisal_complete(
    *,
    actor,
    appraisal: Appraisal,
    scores: Mapping[str, Decimal],
    appraised_sessions: Decimal,
    conclusion: str,
    result_level: ResultLevel | None = None,
    expected_version: int | None = None,
) -> Appraisal:
    """Record the appraisal: ``scores`` maps each criterion's code (of the set in force today) to its points; the
    total decides the result level unless one is given, which the total must then reach; the appraised working time
    in sessions is at most the cap of TT 02/2021/TT-BTP Art. 8 for the form of aid."""
    _require(actor, "quality.appraise", appraisal)
    locked = Appraisal.objects.select_for_update().select_related("case", "case__form_of_aid").get(pk=appraisal.pk)
    if expected_version is not None and locked.version != expected_version:
        raise _stale()
    if locked.status != AppraisalStatus.ASSIGNED:
        raise ValidationError(_("Thẩm định này đã hoàn thành."), code="done")
    before = audit.snapshot(locked)
    today = timezone.localdate()
    criteria_set = CriteriaSet.in_force_on(today)
    if criteria_set is None:
        raise ValidationError(_("Chưa có bộ tiêu chí thẩm định có hiệu lực; hãy báo quản trị hệ thống."))
    errors: dict[str, str] = {}
    points: dict[int, Decimal] = {}
    total = Decimal(0)
    for criterion in criteria_set.criteria.all():
        value = _decimal(scores.get(criterion.code))
        key = f"score_{criterion.code}"
        if value is None:
            errors[key] = _("Hãy chấm điểm tiêu chí này.")
        elif value < 0 or value > criterion.max_points:
            errors[key] = _("Điểm phải từ 0 đến %(max)s.") % {"max": format_number(criterion.max_points, 1)}
        else:
            points[criterion.pk] = value
            total += value
    sessions = _decimal(appraised_sessions)
    cap_code = MAX_SESSIONS_PARAMETER.get(locked.case.form_of_aid.code)
    cap = _parameter(cap_code, today, 30) if cap_code else None
    if sessions is None:
        errors["appraised_sessions"] = _("Hãy ghi số buổi làm việc được thẩm định.")
    elif sessions < 0 or sessions * 2 != (sessions * 2).to_integral_value():
        errors["appraised_sessions"] = _("Số buổi là số không âm, tính theo nửa buổi (ví dụ 3,5).")
    elif cap is not None and sessions > cap:
        errors["appraised_sessions"] = _(
            "Tối đa %(cap)s buổi cho một vụ việc %(form)s (Điều 8 Thông tư 02/2021/TT-BTP)."
        ) % {"cap": cap, "form": str(locked.case.form_of_aid).lower()}
    if not (conclusion or "").strip():
        errors["conclusion"] = _("Hãy ghi kết luận thẩm định.")
    level = result_level
    if not errors:
        if level is None:
            level = suggested_level(total)
            if level is None:
                errors["result_level"] = _("Hãy chọn mức kết quả.")
        elif level.min_points is not None and total < level.min_points:
            errors["result_level"] = _("Tổng điểm %(total)s chưa đạt mức “%(level)s” (từ %(min)s điểm).") % {
                "total": format_number(total, 1),
                "level": level.name,
                "min": format_number(level.min_points, 1),
            }
    if errors:
        raise ValidationError(errors)
    locked.scores.all().delete()
    AppraisalScore.objects.bulk_create(
        [AppraisalScore(appraisal=locked, criterion_id=pk, points=value) for pk, value in points.items()]
    )
    locked.criteria_set = criteria_set
    locked.total_points = total
    locked.result_level = level
    locked.appraised_sessions = sessions
    locked.conclusion = conclusion.strip()
    locked.status = AppraisalStatus.DONE
    locked.completed_at = timezone.now()
    locked.version += 1
    locked.full_clean()
    locked.save()
    audit.record(actor=actor, action=AuditAction.ACTION, instance=locked, before=before, message="Hoàn thành thẩm định")
    for name in ("status", "version", "completed_at", "result_level", "total_points", "appraised_sessions"):
        setattr(appraisal, name, getattr(locked, name))
    return locked


@transaction.atomic
def delegation_grant(*, actor, delegate, valid_from: dt.date, valid_to: dt.date | None = None) -> AppraisalDelegation:
    """The director delegates the assignment of appraisers to a member of their Centre for a period."""
    _require(actor, "quality.delegate_assignment", None)
    centre = actor.centre
    if centre is None or (actor.role != Role.DIRECTOR and not actor.is_superuser):
        raise PermissionDenied(_("Chỉ Giám đốc Trung tâm ủy quyền phân công thẩm định."))
    if delegate.centre is None or delegate.centre.pk != centre.pk:
        raise ValidationError({"delegate": _("Người được ủy quyền phải thuộc Trung tâm.")})
    if delegate.role not in DELEGATE_ROLES:
        raise ValidationError({"delegate": _("Chỉ ủy quyền cho Trợ giúp viên pháp lý của Trung tâm.")})
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    delegation = AppraisalDelegation(
        centre=centre, delegate=delegate, granted_by=actor, valid_from=valid_from, valid_to=valid_to
    )
    delegation.full_clean()
    delegation.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=delegation)
    return delegation


@transaction.atomic
def delegation_end(*, actor, delegation: AppraisalDelegation, on: dt.date | None = None) -> AppraisalDelegation:
    """The director ends a delegation: from the day after ``on`` (today by default) the delegate no longer assigns."""
    if not actor.has_perm("quality.delegate_assignment", delegation):
        raise PermissionDenied(_("Chỉ Giám đốc Trung tâm chấm dứt ủy quyền phân công thẩm định."))
    locked = AppraisalDelegation.objects.select_for_update().get(pk=delegation.pk)
    on = on or timezone.localdate()
    if locked.valid_to is not None and locked.valid_to <= on:
        raise ValidationError(_("Ủy quyền này đã hết hiệu lực."))
    before = audit.snapshot(locked)
    if locked.valid_from > on:
        # Not begun yet: withdrawn whole, so it never applies (valid_to may not precede valid_from).
        audit.record(actor=actor, action=AuditAction.DELETE, instance=locked, before=before, message="Hủy ủy quyền")
        locked.delete()
        return locked
    locked.valid_to = on
    locked.save(update_fields=["valid_to", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, message="Chấm dứt ủy quyền")
    return locked


# --- Evaluation by the Department of Justice (TT 12/2018/TT-BTP Art. 15 as amended) --------------------------------

TRIGGER_DAYS_PARAMETER = "quality.trigger_evaluation_working_days"


def _department_of(actor) -> int:
    doj_id = scope_of(actor).doj_id
    if doj_id is None:
        raise PermissionDenied(_("Chỉ cán bộ Sở Tư pháp lập kế hoạch và đánh giá chất lượng vụ việc."))
    return doj_id


def _check_centres(actor, centres) -> None:
    allowed = scope_of(actor).centre_ids
    if not centres:
        raise ValidationError({"centres": _("Hãy chọn ít nhất một Trung tâm.")})
    if any(c.pk not in allowed for c in centres):
        raise ValidationError({"centres": _("Chỉ chọn Trung tâm do Sở quản lý.")})


@transaction.atomic
def plan_save(*, actor, plan: EvaluationPlan, centres, expected_version: int | None = None) -> EvaluationPlan:
    """Create or edit a draft evaluation plan: its Centres (those the Department oversees), the period of the cases,
    the sample ratio and the method. A new plan gets its random seed (kept, so that the sample is reproducible)."""
    _require(actor, "quality.manage_evaluation", plan if plan.pk else None)
    doj_id = _department_of(actor)
    before = None
    if plan.pk:
        locked = EvaluationPlan.objects.select_for_update().get(pk=plan.pk)
        if expected_version is not None and locked.version != expected_version:
            raise _stale()
        if locked.status != EvaluationPlanStatus.DRAFT:
            raise ValidationError(_("Kế hoạch đã phê duyệt không sửa được."), code="approved")
        before = audit.snapshot(locked)
        plan.version = locked.version + 1
        plan.seed = locked.seed
    else:
        plan.doj_id = doj_id
        plan.created_by = actor
        plan.seed = secrets.randbelow(2**31 - 1) + 1
    _check_centres(actor, list(centres))
    plan.full_clean()
    plan.save()
    plan.centres.set(centres)
    audit.record(actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, instance=plan, before=before)
    return plan


def plan_candidates(plan: EvaluationPlan) -> list[Candidate]:
    """The completed cases of the plan's Centres whose completion falls in its period, with their providers of
    record (those who finished them)."""
    from legalaid.providers.models import Assignment

    cases = LegalAidCase.objects.filter(
        completed_cases_q(),
        centre__in=plan.centres.all(),
        completion__completed_on__range=(plan.period_start, plan.period_end),
    )
    providers: dict[int, set[int]] = {pk: set() for pk in cases.values_list("pk", flat=True)}
    for case_id, provider_id in (
        Assignment.objects.of_record().filter(case_id__in=list(providers)).values_list("case_id", "provider_id")
    ):
        providers[case_id].add(provider_id)
    return [Candidate(pk, frozenset(p)) for pk, p in providers.items()]


def plan_sample(plan: EvaluationPlan) -> Sample:
    """The proposed sample of ``plan`` (pure draw over the candidates; a case evaluated before is never drawn)."""
    candidates = plan_candidates(plan)
    evaluated = set(
        Evaluation.objects.filter(case_id__in=[c.case_id for c in candidates]).values_list("case_id", flat=True)
    )
    return sampling.propose(candidates, ratio=plan.sample_ratio, seed=plan.seed, evaluated=evaluated)


@transaction.atomic
def plan_approve(*, actor, plan: EvaluationPlan, expected_version: int | None = None) -> list[Evaluation]:
    """Approve the plan: its proposed sample becomes one open evaluation per case."""
    _require(actor, "quality.manage_evaluation", plan)
    locked = EvaluationPlan.objects.select_for_update().get(pk=plan.pk)
    if expected_version is not None and locked.version != expected_version:
        raise _stale()
    if locked.status != EvaluationPlanStatus.DRAFT:
        raise ValidationError(_("Kế hoạch đã được phê duyệt."), code="approved")
    sample = plan_sample(locked)
    if not sample.case_ids:
        raise ValidationError(_("Không có vụ việc nào trong phạm vi và thời gian của kế hoạch để chọn mẫu."))
    before = audit.snapshot(locked)
    cases = LegalAidCase.objects.filter(pk__in=sample.case_ids).only("pk", "centre_id", "branch_id")
    evaluations = [
        Evaluation(
            doj_id=locked.doj_id,
            centre_id=c.centre_id,
            branch_id=c.branch_id,
            case_id=c.pk,
            plan=locked,
            origin=EvaluationOrigin.SAMPLE,
            created_by=actor,
        )
        for c in cases
    ]
    Evaluation.objects.bulk_create(evaluations)
    locked.status = EvaluationPlanStatus.APPROVED
    locked.approved_by = actor
    locked.approved_at = timezone.now()
    locked.version += 1
    locked.save()
    audit.record(
        actor=actor,
        action=AuditAction.ACTION,
        instance=locked,
        before=before,
        message=f"Phê duyệt kế hoạch, chọn {len(evaluations)} vụ việc",
    )
    plan.status, plan.version = locked.status, locked.version
    return evaluations


@transaction.atomic
def evaluation_start(
    *, actor, case: LegalAidCase, origin: str, trigger_reference: str, received_on: dt.date
) -> Evaluation:
    """Start an evaluation from a trigger (a complaint, a request, an inspection): due within
    ``quality.trigger_evaluation_working_days`` working days of the day it was received (UNCONFIRMED, a Department
    setting), counted on the working-day calendar."""
    _require(actor, "quality.manage_evaluation", None)
    doj_id = _department_of(actor)
    errors = {}
    if origin not in TRIGGER_ORIGINS:
        errors["origin"] = _("Hãy chọn căn cứ: khiếu nại, đề nghị hoặc thanh tra.")
    if case.centre_id not in scope_of(actor).centre_ids:
        errors["case"] = _("Vụ việc không thuộc Trung tâm do Sở quản lý.")
    if not (trigger_reference or "").strip():
        errors["trigger_reference"] = _("Hãy ghi số, ngày của đơn hoặc văn bản.")
    if received_on is None:
        errors["trigger_received_on"] = _("Hãy ghi ngày nhận.")
    elif received_on > timezone.localdate():
        errors["trigger_received_on"] = _("Ngày nhận không được sau ngày hôm nay.")
    if Evaluation.objects.filter(case=case, status=EvaluationStatus.OPEN).exists():
        errors["case"] = _("Vụ việc đang được đánh giá.")
    if errors:
        raise ValidationError(errors)
    days = _parameter(TRIGGER_DAYS_PARAMETER, received_on, 15)
    evaluation = Evaluation(
        doj_id=doj_id,
        centre_id=case.centre_id,
        branch_id=case.branch_id,
        case=case,
        origin=origin,
        trigger_reference=trigger_reference.strip(),
        trigger_received_on=received_on,
        due_on=calendar.add_working_days(received_on, days),
        created_by=actor,
    )
    evaluation.full_clean()
    evaluation.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=evaluation)
    return evaluation


def _lock_open(actor, evaluation: Evaluation) -> Evaluation:
    _require(actor, "quality.manage_evaluation", evaluation)
    locked = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if locked.status != EvaluationStatus.OPEN:
        raise ValidationError(_("Đánh giá đã kết luận."), code="concluded")
    return locked


@transaction.atomic
def team_member_add(
    *, actor, evaluation: Evaluation, role: str, name: str, user=None, affiliation: str = ""
) -> TeamMember:
    """Add a member of the evaluation team or an invited expert (TT 12/2018 Art. 15: experts give written opinions)."""
    locked = _lock_open(actor, evaluation)
    if user is not None and not name:
        name = user.full_name or user.username
    member = TeamMember(evaluation=locked, role=role, user=user, name=(name or "").strip(), affiliation=affiliation)
    if role == TeamRole.LEAD and locked.team.filter(role=TeamRole.LEAD).exists():
        raise ValidationError({"role": _("Đoàn đã có trưởng đoàn.")})
    member.full_clean()
    member.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=member, centre_id=locked.centre_id)
    return member


@transaction.atomic
def opinion_record(*, actor, member: TeamMember, opinion: str, opinion_on: dt.date) -> TeamMember:
    """Record a member's or an expert's written opinion."""
    _lock_open(actor, member.evaluation)
    locked = TeamMember.objects.select_for_update().get(pk=member.pk)
    before = audit.snapshot(locked)
    errors = {}
    if not (opinion or "").strip():
        errors["opinion"] = _("Hãy ghi nội dung ý kiến.")
    if opinion_on is None:
        errors["opinion_on"] = _("Hãy ghi ngày của ý kiến.")
    elif opinion_on > timezone.localdate():
        errors["opinion_on"] = _("Ngày của ý kiến không được sau ngày hôm nay.")
    if errors:
        raise ValidationError(errors)
    locked.opinion = opinion.strip()
    locked.opinion_on = opinion_on
    locked.full_clean()
    locked.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, centre_id=member.evaluation.centre_id
    )
    return locked


@transaction.atomic
def evaluation_conclude(
    *,
    actor,
    evaluation: Evaluation,
    findings: str,
    conclusion: str,
    result_level: ResultLevel | None,
    follow_ups: list[tuple[str, dt.date]] = (),
    expected_version: int | None = None,
) -> Evaluation:
    """Conclude in writing: the findings, the conclusion, the result level and the follow-ups required of the Centre
    (each with a due date). The team needs a lead, and every invited expert must have given a written opinion
    (TT 12/2018 Art. 15 as amended)."""
    locked = _lock_open(actor, evaluation)
    if expected_version is not None and locked.version != expected_version:
        raise _stale()
    before = audit.snapshot(locked)
    errors: dict[str, str] = {}
    team = list(locked.team.all())
    if not any(m.role == TeamRole.LEAD for m in team):
        errors["__all__"] = _("Hãy ghi trưởng đoàn đánh giá trước khi kết luận.")
    missing = [m.name for m in team if m.role == TeamRole.EXPERT and not m.opinion]
    if missing:
        errors["__all__"] = _("Chưa có ý kiến bằng văn bản của chuyên gia: %(names)s.") % {"names": ", ".join(missing)}
    if not (findings or "").strip():
        errors["findings"] = _("Hãy ghi nhận xét, phát hiện.")
    if not (conclusion or "").strip():
        errors["conclusion"] = _("Hãy ghi kết luận.")
    if result_level is None:
        errors["result_level"] = _("Hãy chọn mức kết quả.")
    today = timezone.localdate()
    for text, due_on in follow_ups:
        if not (text or "").strip() or due_on is None:
            errors["follow_ups"] = _("Mỗi yêu cầu khắc phục cần nội dung và hạn thực hiện.")
        elif due_on < today:
            errors["follow_ups"] = _("Hạn thực hiện yêu cầu khắc phục không được trước ngày hôm nay.")
    if errors:
        raise ValidationError(errors)
    locked.findings = findings.strip()
    locked.conclusion = conclusion.strip()
    locked.result_level = result_level
    locked.status = EvaluationStatus.CONCLUDED
    locked.concluded_at = timezone.now()
    locked.concluded_by = actor
    locked.version += 1
    locked.full_clean()
    locked.save()
    FollowUp.objects.bulk_create(
        [FollowUp(evaluation=locked, text=text.strip(), due_on=due_on) for text, due_on in follow_ups]
    )
    audit.record(actor=actor, action=AuditAction.ACTION, instance=locked, before=before, message="Kết luận đánh giá")
    evaluation.status, evaluation.version = locked.status, locked.version
    return locked


@transaction.atomic
def follow_up_done(*, actor, follow_up: FollowUp, done_on: dt.date, note: str) -> FollowUp:
    """Record that a required follow-up is done: the Centre's director, deputy or branch head (for their Centre), or
    the Department's officer."""
    _require(actor, "quality.record_follow_up", follow_up)
    locked = FollowUp.objects.select_for_update().select_related("evaluation").get(pk=follow_up.pk)
    if locked.status == FollowUpStatus.DONE:
        raise ValidationError(_("Yêu cầu này đã được ghi nhận thực hiện xong."), code="done")
    before = audit.snapshot(locked)
    errors = {}
    if done_on is None:
        errors["done_on"] = _("Hãy ghi ngày thực hiện xong.")
    elif done_on > timezone.localdate():
        errors["done_on"] = _("Ngày thực hiện xong không được sau ngày hôm nay.")
    if not (note or "").strip():
        errors["done_note"] = _("Hãy ghi kết quả thực hiện.")
    if errors:
        raise ValidationError(errors)
    locked.status = FollowUpStatus.DONE
    locked.done_on = done_on
    locked.done_note = note.strip()
    locked.done_by = actor
    locked.full_clean()
    locked.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, centre_id=locked.evaluation.centre_id
    )
    follow_up.status = locked.status
    return locked
