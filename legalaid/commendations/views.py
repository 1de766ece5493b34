"""Campaign pages: the list (filters, export), a campaign with its units, nominations (and their figures), decisions
and awards, and the forms to propose, decide and record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.lib.downloads import file_response
from legalaid.lib.pagination import paginate
from legalaid.lib.xlsx import xlsx_response

from . import selectors, services
from .choices import CAMPAIGN_TRANSITIONS, CampaignStatus, NominationStatus
from .figures import labelled
from .filters import CampaignFilter
from .forms import CampaignForm, DecideForm, DecisionForm, NominationForm
from .models import Campaign

EXPORT_MAX_ROWS = 5000
#: The button of each move of a campaign.
TRANSITION_LABELS = {
    CampaignStatus.LAUNCHED: gettext_lazy("Phát động"),
    CampaignStatus.CLOSED: gettext_lazy("Tổng kết phong trào"),
}


def _visible_campaign(user, pk: int) -> Campaign:
    return get_object_or_404(selectors.campaign_detail(user=user), pk=pk)


def _units_text(units) -> str:
    return "; ".join(u.text for u in units)


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
def campaign_list(request):
    filterset = CampaignFilter(request.GET, queryset=selectors.campaign_list(user=request.user))
    if request.GET.get("export") == "xlsx":
        if not request.user.has_perm("commendations.export_campaign"):
            raise PermissionDenied
        rows = list(filterset.qs[: EXPORT_MAX_ROWS + 1])
        if len(rows) > EXPORT_MAX_ROWS:
            messages.error(
                request, _("Danh sách có hơn %(n)s dòng: hãy lọc bớt rồi xuất lại.") % {"n": EXPORT_MAX_ROWS}
            )
            params = getattr(request, "url_params", request.GET).copy()
            params.pop("export", None)
            return redirect(f"{request.path}?{params.urlencode()}")
        headers = [
            _("Tên phong trào"),
            _("Chủ đề"),
            _("Từ ngày"),
            _("Đến ngày"),
            _("Đơn vị chủ trì"),
            _("Đơn vị phối hợp"),
            _("Trạng thái"),
            _("Số đề nghị"),
            _("Được xét duyệt"),
            _("Số khen thưởng"),
        ]
        data = (
            (
                c.title,
                c.theme,
                c.period_start,
                c.period_end,
                _units_text(c.lead_units),
                _units_text(c.partner_units),
                c.get_status_display(),
                c.nomination_count,
                c.approved_count,
                c.award_count,
            )
            for c in rows
        )
        return xlsx_response("thi-dua-khen-thuong.xlsx", _("Thi đua, khen thưởng"), headers, data)
    page = paginate(request, filterset.qs)
    template = (
        "commendations/_campaign_table.html"
        if request.htmx and not request.htmx.boosted
        else "commendations/campaign_list.html"
    )
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "can_add": request.user.has_perm("commendations.manage_campaign"),
        },
    )


def _campaign_form_view(request, campaign: Campaign | None):
    form = CampaignForm(request.POST or None, instance=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        try:
            if campaign is None:
                obj = services.campaign_create(
                    actor=request.user,
                    campaign=obj,
                    lead_units=form.cleaned_data["lead_units"],
                    partner_units=form.cleaned_data["partner_units"],
                )
            else:
                obj = services.campaign_update(
                    actor=request.user,
                    campaign=obj,
                    lead_units=form.cleaned_data["lead_units"],
                    partner_units=form.cleaned_data["partner_units"],
                    expected_version=form.cleaned_data.get("version"),
                )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect("commendations:campaign_detail", pk=obj.pk)
    return render(request, "commendations/campaign_form.html", {"form": form, "campaign": campaign})


@login_required
@permission_required("commendations.manage_campaign", raise_exception=True)
def campaign_create(request):
    return _campaign_form_view(request, None)


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
def campaign_update(request, pk: int):
    campaign = _visible_campaign(request.user, pk)
    if not request.user.has_perm("commendations.manage_campaign", campaign):
        raise PermissionDenied
    return _campaign_form_view(request, campaign)


def _plan_link(campaign: Campaign) -> str | None:
    try:
        if campaign.plan_task_id:
            return reverse("plans:task_detail", kwargs={"pk": campaign.plan_task_id})
        if campaign.plan_id:
            return reverse("plans:plan_detail", kwargs={"pk": campaign.plan_id})
    except NoReverseMatch:
        return None
    return None


def _render_detail(request, campaign: Campaign, bound: dict | None = None):
    user = request.user
    can_manage = user.has_perm("commendations.manage_campaign", campaign)
    nominations = list(campaign.nominations.all())
    decide_forms = {}
    if can_manage:
        for n in nominations:
            if n.status == NominationStatus.PROPOSED:
                decide_forms[n.pk] = (bound or {}).get(n.pk) or DecideForm(prefix=f"n{n.pk}")
    context = {
        "campaign": campaign,
        "nominations": [(n, labelled(n.figures)) for n in nominations],
        "decisions": list(campaign.decisions.all()),
        "can_manage": can_manage,
        "can_propose": user.has_perm("commendations.propose_nomination", campaign)
        and campaign.status == CampaignStatus.LAUNCHED,
        "transitions": [
            (status, TRANSITION_LABELS[status]) for status in CAMPAIGN_TRANSITIONS[CampaignStatus(campaign.status)]
        ]
        if can_manage
        else [],
        "decide_forms": decide_forms,
        "has_approved": any(n.status == NominationStatus.APPROVED for n in nominations),
        "plan_link": _plan_link(campaign),
    }
    return render(request, "commendations/campaign_detail.html", context)


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
def campaign_detail(request, pk: int):
    return _render_detail(request, _visible_campaign(request.user, pk))


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
@require_POST
def campaign_transition(request, pk: int):
    campaign = _visible_campaign(request.user, pk)
    if not request.user.has_perm("commendations.manage_campaign", campaign):
        raise PermissionDenied
    to_status = request.POST.get("to_status", "")
    if to_status not in CampaignStatus.values:
        raise Http404
    try:
        services.campaign_transition(actor=request.user, campaign=campaign, to_status=to_status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Phong trào: %(status)s.") % {"status": CampaignStatus(to_status).label})
    return redirect("commendations:campaign_detail", pk=campaign.pk)


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
def nomination_create(request, pk: int):
    campaign = _visible_campaign(request.user, pk)
    if not request.user.has_perm("commendations.propose_nomination", campaign):
        raise PermissionDenied
    form = NominationForm(request.POST or None, user=request.user, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        nomination = form.save(commit=False)
        nomination.nominee_user = form.cleaned_data.get("nominee_user")
        nomination.nominee_unit = form.cleaned_data.get("nominee_unit")
        try:
            services.nomination_propose(actor=request.user, nomination=nomination)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã gửi đề nghị khen thưởng."))
            return redirect("commendations:campaign_detail", pk=campaign.pk)
    return render(request, "commendations/nomination_form.html", {"form": form, "campaign": campaign})


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
@require_POST
def nomination_decide(request, pk: int):
    nomination = get_object_or_404(selectors.nomination_visible(user=request.user), pk=pk)
    if not request.user.has_perm("commendations.manage_campaign", nomination.campaign):
        raise PermissionDenied
    form = DecideForm(request.POST, prefix=f"n{nomination.pk}")
    if form.is_valid():
        try:
            services.nomination_decide(
                actor=request.user,
                nomination=nomination,
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả xét đề nghị."))
            return redirect("commendations:campaign_detail", pk=nomination.campaign_id)
    return _render_detail(request, _visible_campaign(request.user, nomination.campaign_id), {nomination.pk: form})


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
@require_POST
def nomination_refresh(request, pk: int):
    nomination = get_object_or_404(selectors.nomination_visible(user=request.user), pk=pk)
    if not request.user.has_perm("commendations.propose_nomination", nomination.campaign):
        raise PermissionDenied
    services.nomination_refresh_figures(actor=request.user, nomination=nomination)
    messages.success(request, _("Đã tính lại số liệu."))
    return redirect("commendations:campaign_detail", pk=nomination.campaign_id)


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
def decision_create(request, pk: int):
    campaign = _visible_campaign(request.user, pk)
    if not request.user.has_perm("commendations.manage_campaign", campaign):
        raise PermissionDenied
    form = DecisionForm(request.POST or None, request.FILES or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        decision = form.save(commit=False)
        lines = [services.AwardLine(nomination=n) for n in form.cleaned_data["nominations"]]
        try:
            services.decision_record(
                actor=request.user, decision=decision, awards=lines, file=form.cleaned_data.get("upload")
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "file" in error.error_dict:
                error = ValidationError({"upload": error.error_dict["file"]})
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã ghi quyết định khen thưởng."))
            return redirect("commendations:campaign_detail", pk=campaign.pk)
    return render(request, "commendations/decision_form.html", {"form": form, "campaign": campaign})


@login_required
@permission_required("commendations.view_campaign", raise_exception=True)
def decision_download(request, pk: int):
    decision = get_object_or_404(selectors.decision_visible(user=request.user), pk=pk)
    if not decision.file:
        raise Http404
    audit.log_access(user=request.user, instance=decision, action=AccessAction.DOWNLOAD)
    return file_response(decision.file, filename=decision.original_name or "quyet-dinh")
