"""Pages of the Department's quality evaluation: plans with their proposed sample, evaluations (started from a plan
or a trigger) with the team, the experts' written opinions and the conclusion, and the follow-ups required of the
Centres, tracked to done. Department officers write them for the Centres they oversee; Centre staff read the
concluded evaluations of their own Centre and record their follow-ups as done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.cases.models import LegalAidCase
from legalaid.core.views import apply_form_errors
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate
from legalaid.providers.models import Provider

from . import services
from .choices import EvaluationPlanStatus, EvaluationStatus, FollowUpStatus
from .filters import EvaluationFilter, FollowUpFilter
from .forms import (
    ConcludeForm,
    FollowUpDoneForm,
    OpinionForm,
    PlanForm,
    TeamMemberForm,
    TriggerForm,
)
from .models import Evaluation, EvaluationPlan, FollowUp, TeamMember


def _can_manage(user) -> bool:
    return user.has_perm("quality.manage_evaluation")


# --- Plans -----------------------------------------------------------------------------------------------------


@login_required
def plan_list(request):
    if not _can_manage(request.user):
        raise PermissionDenied
    plans = EvaluationPlan.objects.visible_to(request.user).prefetch_related("centres").order_by("-period_end", "-pk")
    return render(request, "quality/plan_list.html", {"page": paginate(request, plans)})


@login_required
def plan_create(request):
    if not _can_manage(request.user):
        raise PermissionDenied
    form = PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_save(actor=request.user, plan=form.instance, centres=form.cleaned_data["centres"])
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Đã lập kế hoạch. Tiếp theo: Sở Tư pháp xem mẫu vụ việc hệ thống đề xuất rồi phê duyệt kế hoạch "
                    "để bắt đầu đánh giá."
                ),
            )
            return redirect("quality:plan_detail", pk=plan.pk)
    return render(request, "quality/plan_form.html", {"form": form})


@login_required
def plan_detail(request, pk: int):
    if not _can_manage(request.user):
        raise PermissionDenied
    plan = get_object_or_404(EvaluationPlan.objects.visible_to(request.user).prefetch_related("centres"), pk=pk)
    context = {"plan": plan}
    if plan.status == EvaluationPlanStatus.DRAFT:
        sample = services.plan_sample(plan)
        context["sample"] = sample
        context["sample_cases"] = (
            LegalAidCase.objects.filter(pk__in=sample.case_ids)
            .select_related("centre", "form_of_aid", "completion")
            .order_by("centre__name", "code")
        )
        context["uncovered"] = Provider.objects.filter(pk__in=sample.uncovered_provider_ids).order_by("full_name")
    else:
        context["evaluations"] = paginate(
            request, plan.evaluations.select_related("case", "centre", "result_level").order_by("centre__name", "pk")
        )
    return render(request, "quality/plan_detail.html", context)


@login_required
@require_POST
def plan_approve(request, pk: int):
    plan = get_object_or_404(EvaluationPlan.objects.visible_to(request.user), pk=pk)
    try:
        evaluations = services.plan_approve(
            actor=request.user, plan=plan, expected_version=int(request.POST.get("version") or 0) or None
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "Đã phê duyệt kế hoạch: %(n)s vụ việc được chọn đánh giá. Tiếp theo: cán bộ Sở lập đoàn đánh giá, "
                "mời chuyên gia (nếu cần) và kết luận từng vụ việc."
            )
            % {"n": len(evaluations)},
        )
    return redirect("quality:plan_detail", pk=plan.pk)


# --- Evaluations -----------------------------------------------------------------------------------------------


def _evaluation(user, pk: int) -> Evaluation:
    return get_object_or_404(
        Evaluation.objects.visible_to(user).select_related(
            "case", "case__form_of_aid", "centre", "branch", "plan", "result_level", "concluded_by"
        ),
        pk=pk,
    )


@login_required
@permission_required("quality.view_evaluation", raise_exception=True)
def evaluation_list(request):
    queryset = Evaluation.objects.visible_to(request.user).select_related(
        "case", "centre", "branch", "plan", "result_level"
    )
    filterset = EvaluationFilter(request.GET, queryset=queryset, request=request)
    page = paginate(request, filterset.qs.order_by("status", "due_on", "-pk"))
    return render(
        request,
        "quality/evaluation_list.html",
        {"filter": filterset, "page": page, "can_manage": _can_manage(request.user)},
    )


@login_required
def evaluation_start(request):
    if not _can_manage(request.user):
        raise PermissionDenied
    form = TriggerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            evaluation = services.evaluation_start(
                actor=request.user,
                case=data["case"],
                origin=data["origin"],
                trigger_reference=data["trigger_reference"],
                received_on=data["trigger_received_on"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã mở đánh giá vụ việc %(code)s, hạn %(date)s. Tiếp theo: cán bộ Sở lập đoàn đánh giá và kết luận.")
                % {"code": evaluation.case.code, "date": format_date(evaluation.due_on)},
            )
            return redirect("quality:evaluation_detail", pk=evaluation.pk)
    return render(request, "quality/evaluation_start.html", {"form": form})


@login_required
@permission_required("quality.view_evaluation", raise_exception=True)
def evaluation_detail(request, pk: int, *, forms: dict | None = None):
    evaluation = _evaluation(request.user, pk)
    can_manage = evaluation.status == EvaluationStatus.OPEN and request.user.has_perm(
        "quality.manage_evaluation", evaluation
    )
    forms = forms or {}
    context = {
        "evaluation": evaluation,
        "team": list(evaluation.team.all()),
        "follow_ups": list(evaluation.follow_ups.all()),
        "can_manage": can_manage,
        "can_follow_up": request.user.has_perm("quality.record_follow_up", FollowUp(evaluation=evaluation)),
    }
    if can_manage:
        context["member_form"] = forms.get("member") or TeamMemberForm()
        context["opinion_forms"] = {
            m.pk: forms["opinion"] if forms.get("opinion_member") == m.pk else OpinionForm(prefix=f"m{m.pk}")
            for m in context["team"]
            if not m.opinion
        }
        context["conclude_form"] = forms.get("conclude") or ConcludeForm(initial={"version": evaluation.version})
    return render(request, "quality/evaluation_detail.html", context)


@login_required
@require_POST
def team_add(request, pk: int):
    evaluation = _evaluation(request.user, pk)
    form = TeamMemberForm(request.POST)
    if form.is_valid():
        try:
            services.team_member_add(
                actor=request.user,
                evaluation=evaluation,
                role=form.cleaned_data["role"],
                name=form.cleaned_data["name"],
                affiliation=form.cleaned_data["affiliation"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã thêm thành viên đoàn đánh giá."))
            return redirect("quality:evaluation_detail", pk=evaluation.pk)
    return evaluation_detail(request, pk, forms={"member": form})


@login_required
@require_POST
def opinion_record(request, pk: int, member_pk: int):
    evaluation = _evaluation(request.user, pk)
    member = get_object_or_404(TeamMember, pk=member_pk, evaluation=evaluation)
    form = OpinionForm(request.POST, prefix=f"m{member.pk}")
    if form.is_valid():
        try:
            services.opinion_record(
                actor=request.user,
                member=member,
                opinion=form.cleaned_data["opinion"],
                opinion_on=form.cleaned_data["opinion_on"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã ghi ý kiến của %(name)s.") % {"name": member.name})
            return redirect("quality:evaluation_detail", pk=evaluation.pk)
    return evaluation_detail(request, pk, forms={"opinion": form, "opinion_member": member.pk})


@login_required
@require_POST
def evaluation_conclude(request, pk: int):
    evaluation = _evaluation(request.user, pk)
    form = ConcludeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.evaluation_conclude(
                actor=request.user,
                evaluation=evaluation,
                findings=data["findings"],
                conclusion=data["conclusion"],
                result_level=data["result_level"],
                follow_ups=form.follow_ups(),
                expected_version=data.get("version"),
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            n = len(form.follow_ups())
            if n:
                follow = _(
                    "Tiếp theo: Giám đốc %(centre)s thực hiện %(n)s yêu cầu khắc phục và ghi nhận khi xong; "
                    "Sở theo dõi đến khi hoàn thành."
                ) % {"centre": evaluation.centre.name, "n": n}
            else:
                follow = _("Trung tâm xem kết quả trên hệ thống; không có yêu cầu khắc phục.")
            messages.success(
                request,
                _("Đã kết luận đánh giá vụ việc %(code)s. %(next)s")
                % {
                    "code": evaluation.case.code,
                    "next": follow,
                },
            )
            return redirect("quality:evaluation_detail", pk=evaluation.pk)
    return evaluation_detail(request, pk, forms={"conclude": form})


# --- Follow-ups ------------------------------------------------------------------------------------------------


@login_required
@permission_required("quality.view_evaluation", raise_exception=True)
def follow_up_list(request):
    queryset = FollowUp.objects.visible_to(request.user).select_related("evaluation__case", "evaluation__centre")
    filterset = FollowUpFilter(request.GET, queryset=queryset)
    page = paginate(request, filterset.qs.order_by("status", "due_on", "pk"))
    return render(request, "quality/follow_up_list.html", {"filter": filterset, "page": page})


@login_required
def follow_up_done(request, pk: int):
    follow_up = get_object_or_404(
        FollowUp.objects.visible_to(request.user).select_related("evaluation__case", "evaluation__centre"), pk=pk
    )
    if not request.user.has_perm("quality.record_follow_up", follow_up):
        raise PermissionDenied
    if follow_up.status == FollowUpStatus.DONE:
        messages.info(request, _("Yêu cầu này đã được ghi nhận thực hiện xong."))
        return redirect("quality:evaluation_detail", pk=follow_up.evaluation_id)
    form = FollowUpDoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_done(
                actor=request.user,
                follow_up=follow_up,
                done_on=form.cleaned_data["done_on"],
                note=form.cleaned_data["done_note"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã ghi nhận yêu cầu khắc phục thực hiện xong. Sở Tư pháp theo dõi kết quả trên hệ thống."),
            )
            return redirect("quality:follow_up_list")
    return render(request, "quality/follow_up_done.html", {"follow_up": follow_up, "form": form})
