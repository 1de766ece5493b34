"""Pages of the core app: home, units, users, administrative units, calendar, audit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.core import calendar, otp, services, workqueue
from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.filters import AccessLogFilter, AuditFilter, CommuneFilter, OrganisationFilter, UserFilter
from legalaid.core.forms import (
    BranchCommuneForm,
    CalendarOverrideForm,
    CommuneFlagForm,
    OrganisationForm,
    UserForm,
    WorkingDaysForm,
)
from legalaid.core.models import (
    AccessLogEntry,
    AuditChainHead,
    AuditEntry,
    BranchCommune,
    CalendarOverride,
    Commune,
    CommuneFlag,
    Organisation,
    PublicHoliday,
    User,
)
from legalaid.core.scoping import scope_of
from legalaid.intake import selectors as intake_selectors
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_id
from legalaid.lib.xlsx import xlsx_response


def apply_form_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (or at the top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Home --------------------------------------------------------------------------------------------------------


@login_required
def home(request):
    """A home page per role: what the user is, where, today's calendar facts; later modules add their panels."""
    user = request.user
    today = timezone.localdate()
    scope = scope_of(user)
    context = {
        "today": today,
        "today_is_working_day": calendar.is_working_day(today),
        "next_working_day": calendar.add_working_days(today, 1),
        "in_five_working_days": calendar.add_working_days(today, 5),
        "upcoming_holidays": PublicHoliday.objects.filter(date__gte=today)[:5],
        "scope": scope,
    }
    if user.has_perm("core.view_units"):
        context["unit_staff"] = (
            Organisation.objects.visible_to(user)
            .filter(kind__in=[OrganisationKind.CENTRE, OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH])
            .annotate(staff_count=Count("users", filter=Q(users__is_active=True)))
            .order_by("kind", "name")
        )
    if user.has_perm("core.view_audit"):
        context["recent_changes"] = AuditEntry.objects.visible_to(user).select_related("actor")[:8]
    context["intake_panel"] = intake_selectors.home_panel(user)
    # Panels of the apps built on core, imported here so that core does not depend on them at import time.
    from legalaid.cases.deadlines import deadlines_for
    from legalaid.providers.views_quota import home_quota
    from legalaid.quality.views import home_coverage
    from legalaid.training.views import home_training

    context["work_queue"] = workqueue.queue_for(user, today)
    context["work_queue_total"] = sum(s.total for s in context["work_queue"])
    context["deadlines"] = deadlines_for(user, today)
    context["quota_panel"] = home_quota(user, today)
    context["coverage_panel"] = home_coverage(user, today)
    context["training_panel"] = home_training(user, today)
    from legalaid.outreach.views import home_targets

    context["outreach_targets"] = home_targets(user, today)
    return render(request, f"home/{home_template(user)}.html", context)


@login_required
def work_count(request):
    """The menu's badge: how many items wait in the user's work queue (loaded by htmx after the page; cached)."""
    count = workqueue.count_for(request.user)
    return render(request, "home/_work_count.html", {"count": count})


def home_template(user) -> str:
    if user.is_superuser or user.role == Role.SYSADMIN:
        return "sysadmin"
    if user.role in (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD):
        return "manager"
    if user.role == Role.DOJ_OFFICER:
        return "doj"
    if user.role in (Role.LAWYER, Role.COLLABORATOR):
        return "provider"
    if user.role == Role.AGENCY_OFFICER:
        return "agency"
    return "staff"


# --- Organisations -----------------------------------------------------------------------------------------------


@login_required
@permission_required("core.view_units", raise_exception=True)
def organisation_list(request):
    queryset = Organisation.objects.visible_to(request.user).select_related("parent", "province")
    filterset = OrganisationFilter(request.GET, queryset=queryset)
    if request.GET.get("export") == "xlsx":
        rows = (
            (
                o.get_kind_display(),
                o.name,
                o.code,
                o.parent.name if o.parent else "",
                o.address_display,
                o.phone,
                o.email,
                _("Có") if o.is_active else _("Không"),
            )
            for o in filterset.qs
        )
        headers = [
            _("Loại"),
            _("Tên"),
            _("Ký hiệu"),
            _("Đơn vị cấp trên"),
            _("Địa chỉ"),
            _("Điện thoại"),
            _("Thư điện tử"),
            _("Đang hoạt động"),
        ]
        return xlsx_response("don-vi.xlsx", _("Đơn vị"), headers, rows)
    page = paginate(request, filterset.qs)
    return render(request, "core/organisation_list.html", {"filter": filterset, "page": page})


@login_required
@permission_required("core.view_units", raise_exception=True)
def organisation_detail(request, pk: int):
    organisation = get_object_or_404(
        Organisation.objects.visible_to(request.user).select_related("parent", "centre", "province", "commune"),
        pk=pk,
    )
    context = {
        "organisation": organisation,
        "children": Organisation.objects.visible_to(request.user).filter(parent=organisation),
        "staff": User.objects.visible_to(request.user).staff().filter(organisation=organisation)[:50],
        "served_communes": organisation.served_communes.select_related("commune", "commune__province"),
        "commune_form": BranchCommuneForm(branch=organisation) if organisation.is_branch else None,
        "can_manage": request.user.has_perm("core.manage_units"),
    }
    return render(request, "core/organisation_detail.html", context)


@login_required
@permission_required("core.manage_units", raise_exception=True)
def organisation_edit(request, pk: int | None = None):
    instance = get_object_or_404(Organisation.objects.visible_to(request.user), pk=pk) if pk else Organisation()
    form = OrganisationForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_save(actor=request.user, organisation=form.save(commit=False))
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã lưu đơn vị %(name)s.") % {"name": organisation.name})
            return redirect("core:organisation_detail", pk=organisation.pk)
    return render(request, "core/organisation_form.html", {"form": form, "organisation": instance})


@login_required
def commune_options(request):
    """htmx: the communes of the chosen province for any address form (``?province=ID`` or a prefixed field name
    such as ``person-province``); public reference data, open to every signed-in user."""
    province_id = next((v for k, v in request.GET.items() if k == "province" or k.endswith("-province")), "")
    province_id = parse_id(province_id)
    communes = Commune.objects.filter(province_id=province_id).only("id", "name") if province_id else []
    return render(request, "core/_commune_options.html", {"communes": communes})


@login_required
@require_POST
@permission_required("core.manage_units", raise_exception=True)
def branch_commune_add(request, pk: int):
    branch = get_object_or_404(Organisation.objects.visible_to(request.user), pk=pk, kind=OrganisationKind.BRANCH)
    form = BranchCommuneForm(request.POST, branch=branch)
    if form.is_valid():
        try:
            services.branch_commune_add(actor=request.user, branch=branch, **form.cleaned_data)
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
    if form.errors:
        for error in form.errors.values():
            messages.error(request, " ".join(error))
    else:
        messages.success(request, _("Đã thêm xã vào địa bàn Chi nhánh."))
    return redirect("core:organisation_detail", pk=branch.pk)


@login_required
@require_POST
@permission_required("core.manage_units", raise_exception=True)
def branch_commune_end(request, pk: int):
    link = get_object_or_404(
        BranchCommune.objects.filter(branch__in=Organisation.objects.visible_to(request.user)), pk=pk
    )
    try:
        services.branch_commune_end(actor=request.user, link=link, valid_to=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã kết thúc địa bàn từ hôm nay."))
    return redirect("core:organisation_detail", pk=link.branch_id)


# --- Users -------------------------------------------------------------------------------------------------------


@login_required
@permission_required("core.view_users", raise_exception=True)
def user_list(request):
    queryset = User.objects.visible_to(request.user).staff().select_related("organisation")
    filterset = UserFilter(request.GET, queryset=queryset, user=request.user)
    if request.GET.get("export") == "xlsx":
        if not request.user.has_perm("core.export_users"):
            raise PermissionDenied
        rows = (
            (
                u.full_name,
                u.username,
                u.get_role_display(),
                str(u.organisation or ""),
                u.job_title,
                u.email,
                u.phone,
                _("Có") if u.is_active else _("Không"),
            )
            for u in filterset.qs
        )
        headers = [
            _("Họ và tên"),
            _("Tên đăng nhập"),
            _("Vai trò"),
            _("Đơn vị"),
            _("Chức danh"),
            _("Thư điện tử"),
            _("Điện thoại"),
            _("Đang hoạt động"),
        ]
        return xlsx_response("nguoi-dung.xlsx", _("Người dùng"), headers, rows)
    page = paginate(request, filterset.qs)
    template = "core/_user_table.html" if request.htmx and not request.htmx.boosted else "core/user_list.html"
    return render(request, template, {"filter": filterset, "page": page})


@login_required
@permission_required("core.view_users", raise_exception=True)
def user_detail(request, pk: int):
    account = get_object_or_404(User.objects.visible_to(request.user).select_related("organisation"), pk=pk)
    can_manage = request.user.has_perm("core.manage_users")
    return render(
        request,
        "core/user_detail.html",
        {
            "account": account,
            "can_manage": can_manage,
            # The second factor's state, for whoever may reset it.
            "otp_enrolled": otp.is_enrolled(account) if can_manage else None,
        },
    )


@login_required
@permission_required("core.manage_users", raise_exception=True)
def user_edit(request, pk: int | None = None):
    instance = get_object_or_404(User.objects.visible_to(request.user).staff(), pk=pk) if pk else User()
    form = UserForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            account = services.user_save(
                actor=request.user, user=form.save(commit=False), password=form.cleaned_data.get("password")
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã lưu tài khoản %(name)s.") % {"name": account.full_name})
            return redirect("core:user_detail", pk=account.pk)
    return render(request, "core/user_form.html", {"form": form, "account": instance})


# --- Administrative units ----------------------------------------------------------------------------------------


@login_required
def commune_list(request):
    queryset = Commune.objects.select_related("province").prefetch_related("flags")
    filterset = CommuneFilter(request.GET, queryset=queryset)
    page = paginate(request, filterset.qs)
    return render(request, "core/commune_list.html", {"filter": filterset, "page": page, "today": timezone.localdate()})


@login_required
def commune_detail(request, pk: int):
    commune = get_object_or_404(Commune.objects.select_related("province"), pk=pk)
    can_manage = request.user.has_perm("core.manage_communes")
    form = CommuneFlagForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            flag = form.save(commit=False)
            flag.commune = commune
            try:
                services.commune_flag_save(actor=request.user, flag=flag)
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                messages.success(request, _("Đã thêm đặc điểm cho %(name)s.") % {"name": commune.name})
                return redirect("core:commune_detail", pk=commune.pk)
    return render(
        request,
        "core/commune_detail.html",
        {
            "commune": commune,
            "flags": commune.flags.all(),
            "form": form,
            "can_manage": can_manage,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
@permission_required("core.manage_communes", raise_exception=True)
def commune_flag_delete(request, pk: int):
    flag = get_object_or_404(CommuneFlag, pk=pk)
    services.commune_flag_delete(actor=request.user, flag=flag)
    messages.success(request, _("Đã xóa đặc điểm."))
    return redirect("core:commune_detail", pk=flag.commune_id)


# --- Calendar ----------------------------------------------------------------------------------------------------


@login_required
def calendar_year(request, year: int | None = None):
    year = year or timezone.localdate().year
    if not 2000 <= year <= 2100:
        raise PermissionDenied
    can_manage = request.user.has_perm("core.manage_calendar")
    form = CalendarOverrideForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.calendar_override_save(actor=request.user, override=form.save(commit=False))
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                messages.success(request, _("Đã lưu ngày điều chỉnh."))
                return redirect("core:calendar_year", year=form.cleaned_data["date"].year)
    return render(
        request,
        "core/calendar.html",
        {
            "year": year,
            "holidays": PublicHoliday.objects.filter(date__year=year),
            "overrides": CalendarOverride.objects.filter(date__year=year).select_related("created_by"),
            "form": form,
            "can_manage": can_manage,
            "calculator": WorkingDaysForm(initial={"start": timezone.localdate(), "days": 5}),
        },
    )


@login_required
@require_POST
@permission_required("core.manage_calendar", raise_exception=True)
def calendar_override_delete(request, pk: int):
    override = get_object_or_404(CalendarOverride, pk=pk)
    services.calendar_override_delete(actor=request.user, override=override)
    messages.success(request, _("Đã xóa ngày điều chỉnh."))
    return redirect("core:calendar_year", year=override.date.year)


@login_required
@require_POST
@permission_required("core.manage_calendar", raise_exception=True)
def calendar_load_year(request, year: int):
    added, swaps = services.holidays_load_year(actor=request.user, year=year)
    messages.success(
        request,
        _("Đã nạp %(added)s ngày lễ và %(swaps)s ngày làm bù của năm %(year)s.")
        % {"added": added, "swaps": swaps, "year": year},
    )
    return redirect("core:calendar_year", year=year)


@login_required
def working_days(request):
    """htmx: the date N working days after a start date (the calculator on the calendar page)."""
    form = WorkingDaysForm(request.GET or None)
    result = None
    if form.is_valid():
        result = calendar.add_working_days(form.cleaned_data["start"], form.cleaned_data["days"])
    return render(request, "core/_working_days_result.html", {"form": form, "result": result})


# --- Audit -------------------------------------------------------------------------------------------------------


@login_required
@permission_required("core.view_audit", raise_exception=True)
def audit_list(request):
    queryset = AuditEntry.objects.visible_to(request.user).select_related("content_type")
    filterset = AuditFilter(request.GET, queryset=queryset, user=request.user)
    page = paginate(request, filterset.qs)
    return render(request, "core/audit_list.html", {"filter": filterset, "page": page, "chain_head": _chain_head()})


def _chain_head() -> AuditChainHead | None:
    """The last run of ``manage.py verify_audit``, for the status line of the audit pages (one query)."""
    return AuditChainHead.objects.filter(pk=1).first()


@login_required
@permission_required("core.view_audit", raise_exception=True)
def audit_detail(request, pk: int):
    entry = get_object_or_404(AuditEntry.objects.visible_to(request.user), pk=pk)
    return render(request, "core/audit_detail.html", {"entry": entry})


@login_required
@permission_required("core.view_audit", raise_exception=True)
def access_log_list(request):
    queryset = AccessLogEntry.objects.visible_to(request.user).select_related("content_type")
    filterset = AccessLogFilter(request.GET, queryset=queryset, user=request.user)
    page = paginate(request, filterset.qs)
    context = {"filter": filterset, "page": page, "chain_head": _chain_head()}
    return render(request, "core/access_log_list.html", context)
