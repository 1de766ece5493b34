"""Operations of quality management. Each function is one transaction, checks the actor's right
(``PermissionDenied``), validates (``ValidationError`` naming the field), saves and writes the audit trail.

Appraisal (thẩm định, TT 12/2018/TT-BTP Art. 16; DOMAIN.md 3, 12): ``appraisal_assign`` names the appraiser of a
completed case (not one of its providers), ``appraisal_complete`` records the points per criterion, the appraised
working time in sessions, the result level and the conclusion. The payments app reads the result.
"""

from __future__ import annotations

import datetime as dt
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

from .choices import AppraisalStatus
from .models import Appraisal, AppraisalDelegation, AppraisalScore, CriteriaSet, ResultLevel
from .selectors import completed_cases_q

#: Who may appraise: the Centre's professional staff (DOMAIN.md 12: "who" is UNCONFIRMED; a Centre setting later).
APPRAISER_ROLES = frozenset({Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.OFFICER, Role.BRANCH_HEAD})
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
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    delegation = AppraisalDelegation(
        centre=centre, delegate=delegate, granted_by=actor, valid_from=valid_from, valid_to=valid_to
    )
    delegation.full_clean()
    delegation.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=delegation)
    return delegation
