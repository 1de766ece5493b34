"""Pages of court duty (trực tại tòa, điểm cầu phiên tòa trực tuyến): the roster (the drill-down of the figures),
putting a provider on duty, the duty page with the people helped, and recording them through intake's services
(a simple matter answered at once, or a new request)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from legalaid.core.scoping import scope_of
from legalaid.core.views import apply_form_errors
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate

from . import services
from .filters import DutyFilter
from .forms import DutyMatterForm, DutyRequestForm, DutySlotForm
from .models import DutyHelp, DutySlot
from .views import drilldown


def _slot(user, pk: int) -> DutySlot:
    return get_object_or_404(
        DutySlot.objects.visible_to(user).select_related("centre", "branch", "court", "provider"), pk=pk
    )


@login_required
@permission_required("training.view_duty", raise_exception=True)
@require_safe
def duty_list(request):
    slots = drilldown(request, DutySlot.objects.visible_to(request.user), "date")
    filterset = DutyFilter(request.GET, queryset=slots, request=request)
    qs = (
        filterset.qs.select_related("court", "provider", "branch")
        .annotate(n_helped=Count("helps"))
        .order_by("-date", "session", "pk")
    )
    return render(
        request,
        "training/duty_list.html",
        {
            "filter": filterset,
            "page": paginate(request, qs),
            "can_add": request.user.has_perm("training.manage_duty") and not scope_of(request.user).read_only,
        },
    )


@login_required
@permission_required("training.manage_duty", raise_exception=True)
def duty_create(request):
    form = DutySlotForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            slot = services.duty_schedule(actor=request.user, slot=form.save(commit=False))
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("Bạn không có quyền thực hiện thao tác này."))
        else:
            messages.success(
                request,
                _("Đã xếp lịch trực: %(name)s, %(session)s ngày %(date)s tại %(court)s.")
                % {
                    "name": slot.provider.full_name,
                    "session": slot.get_session_display().lower(),
                    "date": format_date(slot.date),
                    "court": slot.court.name,
                },
            )
            return redirect("training:duty_list")
    return render(request, "training/duty_form.html", {"form": form})


def _detail(request, slot: DutySlot, matter_form=None, request_form=None, status: int = 200):
    user = request.user
    can_record = slot.date <= timezone.localdate() and user.has_perm("training.record_duty_help", slot)
    helps = (
        DutyHelp.objects.visible_to(user)
        .filter(slot=slot)
        .select_related("person", "simple_matter", "request", "simple_matter__register__organisation")
    )
    context = {
        "slot": slot,
        "helps": paginate(request, helps),
        "can_record": can_record,
        "can_cancel": user.has_perm("training.manage_duty", slot),
    }
    if can_record:
        context["matter_form"] = matter_form or DutyMatterForm(user=user)
        context["request_form"] = request_form or DutyRequestForm(user=user)
    return render(request, "training/duty_detail.html", context, status=status)


@login_required
@permission_required("training.view_duty", raise_exception=True)
@require_safe
def duty_detail(request, pk: int):
    return _detail(request, _slot(request.user, pk))


def _recordable(request, pk: int) -> DutySlot:
    slot = _slot(request.user, pk)
    if not request.user.has_perm("training.record_duty_help", slot):
        raise PermissionDenied
    return slot


@login_required
@require_POST
def duty_help_matter(request, pk: int):
    slot = _recordable(request, pk)
    form = DutyMatterForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.duty_help_matter(actor=request.user, slot=slot, matter=form.save(commit=False))
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, PermissionDenied):
                form.add_error(None, str(error))
            else:
                apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã ghi vào sổ việc trợ giúp pháp lý và gắn với buổi trực."))
            return redirect("training:duty_detail", pk=slot.pk)
    return _detail(request, slot, matter_form=form, status=400)


@login_required
@require_POST
def duty_help_request(request, pk: int):
    slot = _recordable(request, pk)
    form = DutyRequestForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            received = services.duty_help_request(actor=request.user, slot=slot, request=form.save(commit=False))
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, PermissionDenied):
                form.add_error(None, str(error))
            else:
                apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã tiếp nhận yêu cầu số %(id)s. Tiếp theo: bộ phận tiếp nhận xem xét thụ lý (Điều 30 Luật TGPL).")
                % {"id": received.request.pk},
            )
            return redirect("training:duty_detail", pk=slot.pk)
    return _detail(request, slot, request_form=form, status=400)


@login_required
@require_POST
def duty_cancel(request, pk: int):
    slot = _slot(request.user, pk)
    if not request.user.has_perm("training.manage_duty", slot):
        raise PermissionDenied
    try:
        services.duty_cancel(actor=request.user, slot=slot)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("training:duty_detail", pk=slot.pk)
    messages.success(request, _("Đã hủy lịch trực."))
    return redirect("training:duty_list")
