"""Pages of quality management: the appraisal queue, assigning the appraiser, the appraisal form and report, the list
of appraisals (the drill-down of the figures) and the coverage table."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.intake.documents import DOCX_CONTENT_TYPE
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate

from . import documents, selectors, services
from .choices import AppraisalStatus
from .filters import AppraisalFilter
from .forms import AppraisalForm, AssignAppraiserForm, DelegationForm
from .models import Appraisal, AppraisalDelegation, CriteriaSet


def _appraisal(user, pk: int) -> Appraisal:
    return get_object_or_404(selectors.appraisal_list(user).select_related("case__beneficiary"), pk=pk)


@login_required
@permission_required("quality.view_appraisal", raise_exception=True)
def appraisal_queue(request):
    """Completed litigation and representation cases waiting for an appraiser (the work queue's full list)."""
    cases = selectors.cases_awaiting_appraiser(request.user).select_related("beneficiary", "form_of_aid", "completion")
    return render(
        request,
        "quality/appraisal_queue.html",
        {"page": paginate(request, cases), "can_assign": request.user.has_perm("quality.assign_appraiser")},
    )


@login_required
@permission_required("quality.assign_appraiser", raise_exception=True)
def appraisal_assign(request, case_pk: int):
    case = get_object_or_404(
        selectors.appraisable_cases(request.user).select_related("beneficiary", "form_of_aid", "completion"),
        pk=case_pk,
    )
    if not request.user.has_perm("quality.assign_appraiser", case):
        raise PermissionDenied
    current = Appraisal.objects.filter(case=case).select_related("appraiser").first()
    if current is not None and current.status == AppraisalStatus.DONE:
        messages.info(request, _("Vụ việc đã được thẩm định xong."))
        return redirect("quality:appraisal_detail", pk=current.pk)
    initial = {"version": current.version, "appraiser": current.appraiser_id} if current else {}
    form = AssignAppraiserForm(request.POST or None, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            appraisal = services.appraisal_assign(
                actor=request.user,
                case=case,
                appraiser=form.cleaned_data["appraiser"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Đã phân công %(name)s thẩm định vụ việc %(code)s. Tiếp theo: %(name)s chấm điểm theo tiêu chí, "
                    "ghi số buổi và kết luận trước ngày %(date)s."
                )
                % {
                    "name": appraisal.appraiser.full_name or appraisal.appraiser.username,
                    "code": case.code,
                    "date": format_date(appraisal.due_on),
                },
            )
            return redirect("quality:appraisal_detail", pk=appraisal.pk)
    return render(request, "quality/appraisal_assign.html", {"case": case, "form": form, "current": current})


@login_required
@permission_required("quality.view_appraisal", raise_exception=True)
def appraisal_list(request):
    """Every appraisal the user sees, filtered: the drill-down of the coverage and pending figures."""
    filterset = AppraisalFilter(request.GET, queryset=selectors.appraisal_list(request.user), request=request)
    page = paginate(request, filterset.qs.order_by("-assigned_on", "-pk"))
    return render(request, "quality/appraisal_list.html", {"filter": filterset, "page": page})


@login_required
@permission_required("quality.view_appraisal", raise_exception=True)
def appraisal_detail(request, pk: int):
    appraisal = _appraisal(request.user, pk)
    audit.log_access(user=request.user, instance=appraisal.case)
    scores = list(appraisal.scores.select_related("criterion"))
    return render(
        request,
        "quality/appraisal_detail.html",
        {
            "appraisal": appraisal,
            "scores": scores,
            "can_appraise": appraisal.status == AppraisalStatus.ASSIGNED
            and request.user.has_perm("quality.appraise", appraisal),
            "can_assign": appraisal.status == AppraisalStatus.ASSIGNED
            and request.user.has_perm("quality.assign_appraiser", appraisal.case),
        },
    )


@login_required
def appraisal_complete(request, pk: int):
    appraisal = _appraisal(request.user, pk)
    if not request.user.has_perm("quality.appraise", appraisal):
        raise PermissionDenied
    if appraisal.status != AppraisalStatus.ASSIGNED:
        messages.info(request, _("Thẩm định này đã hoàn thành."))
        return redirect("quality:appraisal_detail", pk=appraisal.pk)
    criteria_set = CriteriaSet.in_force_on(timezone.localdate())
    form = AppraisalForm(request.POST or None, criteria_set=criteria_set, initial={"version": appraisal.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = services.appraisal_complete(
                actor=request.user,
                appraisal=appraisal,
                scores=form.scores(),
                appraised_sessions=data["appraised_sessions"],
                conclusion=data["conclusion"],
                result_level=data.get("result_level"),
                expected_version=data.get("version"),
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            if done.is_satisfactory:
                follow = _("Tiếp theo: bộ phận kế toán lập hồ sơ thanh toán thù lao, bồi dưỡng cho người thực hiện.")
            else:
                follow = _(
                    "Kết quả không đạt: Giám đốc Trung tâm xem xét, quyết định việc thanh toán và xử lý tiếp theo."
                )
            messages.success(
                request,
                _("Đã thẩm định vụ việc %(code)s: %(level)s, %(total)s điểm. %(next)s")
                % {"code": done.case.code, "level": done.result_level.name, "total": done.total_points, "next": follow},
            )
            return redirect("quality:appraisal_detail", pk=done.pk)
    return render(
        request,
        "quality/appraisal_form.html",
        {"appraisal": appraisal, "form": form, "criteria_set": criteria_set},
    )


@login_required
@permission_required("quality.view_appraisal", raise_exception=True)
def appraisal_report(request, pk: int):
    appraisal = _appraisal(request.user, pk)
    if appraisal.status != AppraisalStatus.DONE:
        raise PermissionDenied
    audit.log_access(user=request.user, instance=appraisal.case, action=AccessAction.DOWNLOAD)
    response = HttpResponse(documents.appraisal_report_docx(appraisal), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"bao-cao-tham-dinh-{appraisal.pk}.docx"
    )
    return response


# --- Coverage --------------------------------------------------------------------------------------------------


def _period(request) -> tuple[dt.date, dt.date]:
    """The period of the coverage table: ?from=&to= as dd/mm/yyyy, the current year by default."""
    from django import forms

    today = timezone.localdate()
    field = forms.DateField(required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    try:
        start = field.clean(request.GET.get("from")) or today.replace(month=1, day=1)
        end = field.clean(request.GET.get("to")) or today
    except ValidationError:
        start, end = today.replace(month=1, day=1), today
    if end < start:
        start, end = end, start
    return start, end


@login_required
@permission_required("quality.view_appraisal", raise_exception=True)
def coverage(request):
    """Appraisal coverage (appraised / completed) in a period, overall, by unit and by provider."""
    start, end = _period(request)
    cases = selectors.completed_between(selectors.appraisable_cases(request.user), start, end)
    context = {
        "start": start,
        "end": end,
        "overall": selectors.coverage(cases)[0],
        "by_unit": selectors.coverage(cases, by="unit"),
        "by_provider": selectors.coverage(cases, by="provider"),
    }
    return render(request, "quality/coverage.html", context)


def home_coverage(user, today: dt.date) -> dict | None:
    """The director's home panel: this year's coverage, with the link to the table (one query)."""
    from legalaid.core.choices import Role

    if user.is_superuser or user.role not in (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD):
        return None
    start = today.replace(month=1, day=1)
    cases = selectors.completed_between(selectors.appraisable_cases(user), start, today)
    return {"start": start, "end": today, **selectors.coverage(cases)[0]}


@login_required
@permission_required("quality.delegate_assignment", raise_exception=True)
def delegation_list(request):
    """The director's delegations of the appraisal assignment (current and past), with the form to grant one and a
    button to end one. TT 12/2018 Art. 16 names the director; the delegation is the Centre's practice (UNCONFIRMED)."""
    centre = request.user.centre
    if centre is None:
        raise PermissionDenied
    form = DelegationForm(request.POST or None, centre=centre, initial={"valid_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            delegation = services.delegation_grant(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Đã ủy quyền cho %(name)s phân công thẩm định từ ngày %(date)s. Tiếp theo: vụ việc chờ phân công "
                    "hiện trong danh sách công việc của %(name)s."
                )
                % {"name": delegation.delegate.full_name, "date": format_date(delegation.valid_from)},
            )
            return redirect("quality:delegation_list")
    delegations = AppraisalDelegation.objects.filter(centre=centre).select_related("delegate", "granted_by")
    return render(
        request,
        "quality/delegation_list.html",
        {"form": form, "page": paginate(request, delegations), "today": timezone.localdate()},
    )


@login_required
@permission_required("quality.delegate_assignment", raise_exception=True)
def delegation_end(request, pk: int):
    if request.method != "POST":
        return redirect("quality:delegation_list")
    delegation = get_object_or_404(AppraisalDelegation.objects.filter(centre=request.user.centre), pk=pk)
    try:
        services.delegation_end(actor=request.user, delegation=delegation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã chấm dứt ủy quyền của %(name)s. Từ ngày mai, Giám đốc hoặc Phó Giám đốc phân công thẩm định.")
            % {"name": delegation.delegate.full_name},
        )
    return redirect("quality:delegation_list")
