"""Pages of the providers app: the list of providers (with export), a provider's page and form, the workload page
for choosing a provider for a case (assign, change), and the decision downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from legalaid.cases.models import LegalAidCase
from legalaid.cases.next_step import decided
from legalaid.core import audit, confirm
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.intake.documents import DOCX_CONTENT_TYPE
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_id
from legalaid.lib.xlsx import xlsx_response

from . import documents, selectors, services
from .choices import ChangeApplicationStatus
from .filters import ProviderFilter
from .forms import (
    AssignForm,
    ChangeApplicationForm,
    ChangeForm,
    ChangeRejectForm,
    ContractForm,
    ProviderForm,
    QuotaForm,
)
from .models import Assignment, ChangeApplication, Provider

EXPORT_MAX_ROWS = 5000


def case_url(case) -> str:
    """The case's page: the cases app's when it exists, intake's otherwise."""
    try:
        return reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        return reverse("cases:case_detail", kwargs={"pk": case.pk})


# --- The list of providers ----------------------------------------------------------------------------------------


@login_required
@permission_required("providers.view_provider", raise_exception=True)
def provider_list(request):
    filterset = ProviderFilter(request.GET, queryset=selectors.provider_list(user=request.user), user=request.user)
    if request.GET.get("export") == "xlsx":
        if not request.user.has_perm("providers.export_provider"):
            raise PermissionDenied
        today = timezone.localdate()
        rows = list(filterset.qs[:EXPORT_MAX_ROWS])
        headers = [
            _("Họ và tên"),
            _("Loại người thực hiện"),
            _("Đơn vị"),
            _("Tổ chức tham gia"),
            _("Số thẻ / chứng chỉ"),
            _("Ngày cấp"),
            _("Có giá trị đến"),
            _("Hợp đồng còn hiệu lực"),
            _("Lĩnh vực chuyên sâu"),
            _("Ngôn ngữ"),
            _("Đang thực hiện trợ giúp pháp lý"),
            _("Không thể cử hôm nay vì"),
        ]
        data = (
            (
                p.full_name,
                p.get_kind_display(),
                str(p.unit),
                str(p.partner or ""),
                p.card_number,
                p.card_issued_on,
                p.card_valid_until,
                ", ".join(c.number for c in p.contracts.all() if c.in_force_on(today)),
                ", ".join(f.name for f in p.fields_of_law.all()),
                ", ".join(lang.name for lang in p.languages.all()),
                _("Có") if p.is_active else _("Không"),
                " ".join(services.assignability(p, today)),
            )
            for p in rows
        )
        return xlsx_response("nguoi-thuc-hien-tgpl.xlsx", _("Người thực hiện TGPL"), headers, data)
    page = paginate(request, filterset.qs)
    today = timezone.localdate()
    template = (
        "providers/_provider_table.html"
        if request.htmx and not request.htmx.boosted
        else "providers/provider_list.html"
    )
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "reasons": {p.pk: services.assignability(p, today) for p in page},
            "can_manage": request.user.has_perm("providers.manage_provider"),
            "can_export": request.user.has_perm("providers.export_provider"),
        },
    )


def _visible_provider(user, pk: int) -> Provider:
    return get_object_or_404(selectors.provider_list(user=user), pk=pk)


def _quota_row(provider: Provider, year: int):
    if provider.kind != "officer":
        return None
    rows = selectors.quota_progress(provider.centre, year, providers=Provider.objects.filter(pk=provider.pk))
    return rows[0] if rows else None


def _render_detail(request, provider: Provider, *, contract_form=None, quota_form=None, status=200):
    today = timezone.localdate()
    can_manage = request.user.has_perm("providers.manage_provider")
    assignments = (
        Assignment.objects.filter(provider=provider, case__in=LegalAidCase.objects.visible_to(request.user))
        .select_related("case", "case__beneficiary", "case__form_of_aid", "case__field_of_law", "issuer")
        .order_by("-is_active", "-decision_date", "-id")
    )
    return render(
        request,
        "providers/provider_detail.html",
        {
            "provider": provider,
            "today": today,
            "reasons": services.assignability(provider, today),
            "warnings": services.provider_warnings(provider, today),
            "contracts": provider.contracts.all(),
            "quotas": provider.quotas.all(),
            "progress": _quota_row(provider, today.year),
            "assignments": assignments[:100],
            "can_manage": can_manage,
            "contract_form": contract_form or (ContractForm(prefix="contract") if can_manage else None),
            "quota_form": quota_form or (QuotaForm(prefix="quota") if can_manage else None),
        },
        status=status,
    )


@login_required
@permission_required("providers.view_provider", raise_exception=True)
def provider_detail(request, pk: int):
    return _render_detail(request, _visible_provider(request.user, pk))


@login_required
@permission_required("providers.manage_provider", raise_exception=True)
def provider_edit(request, pk: int | None = None):
    instance = _visible_provider(request.user, pk) if pk else Provider()
    form = ProviderForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            provider = services.provider_save(
                actor=request.user,
                provider=form.save(commit=False),
                fields_of_law=form.cleaned_data["fields_of_law"],
                languages=form.cleaned_data["languages"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã lưu người thực hiện %(name)s.") % {"name": provider.full_name})
            return redirect("providers:provider_detail", pk=provider.pk)
    return render(request, "providers/provider_form.html", {"form": form, "provider": instance})


@login_required
@require_POST
@permission_required("providers.manage_provider", raise_exception=True)
def contract_add(request, pk: int):
    provider = _visible_provider(request.user, pk)
    form = ContractForm(request.POST, prefix="contract")
    if form.is_valid():
        contract = form.save(commit=False)
        contract.provider = provider
        try:
            services.contract_save(actor=request.user, contract=contract)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã thêm hợp đồng %(number)s.") % {"number": contract.number})
            return redirect("providers:provider_detail", pk=provider.pk)
    return _render_detail(request, provider, contract_form=form)


@login_required
@require_POST
@permission_required("providers.manage_provider", raise_exception=True)
def quota_set(request, pk: int):
    provider = _visible_provider(request.user, pk)
    form = QuotaForm(request.POST, prefix="quota")
    if form.is_valid():
        try:
            services.quota_set(actor=request.user, provider=provider, **form.cleaned_data)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu định mức năm %(year)s.") % {"year": form.cleaned_data["year"]})
            return redirect("providers:provider_detail", pk=provider.pk)
    return _render_detail(request, provider, quota_form=form)


# --- Choosing a provider for a case -------------------------------------------------------------------------------


def _case_for_decision(request, pk: int) -> LegalAidCase:
    """The case (404 when not visible), and 403 unless the user signs decisions for it."""
    case = get_object_or_404(
        LegalAidCase.objects.visible_to(request.user).select_related(
            "centre", "branch", "beneficiary", "form_of_aid", "field_of_law", "request"
        ),
        pk=pk,
    )
    if not request.user.has_perm("providers.assign_case", case):
        raise PermissionDenied
    return case


def _render_choice(request, case, *, change: bool, form, errors=(), status=200, application=None):
    order = "name" if request.GET.get("order") == "name" else "load"
    rows = selectors.workload(
        case.centre,
        timezone.localdate(),
        providers=Provider.objects.visible_to(request.user),
        case=case,
        order=order,
    )
    current = list(
        Assignment.objects.filter(case=case, is_active=True).select_related("provider").order_by("decision_date", "id")
    )
    if application is not None:
        # The application's date is the one the decision counts from (DOMAIN 1.8).
        form.fields["requested_on"].widget.attrs["readonly"] = True
    return render(
        request,
        "providers/case_choose.html",
        {
            "case": case,
            "rows": rows,
            "order": order,
            "change": change,
            "form": form,
            "errors": list(errors),
            "current": current,
            "case_url": case_url(case),
            "application": application,
        },
        status=status,
    )


def _chosen_provider(request, provider_id) -> Provider | None:
    return Provider.objects.visible_to(request.user).filter(pk=provider_id).first() if provider_id else None


def _preview_page(request, case, preview: services.DecisionPreview, form, *, change: bool):
    """The decision as it will be made, with "Xác nhận và cấp số" and "Quay lại" (``core/confirm.html``)."""
    provider = preview.provider
    rows = [
        (_("Vụ việc"), f"{case.code} – {case.beneficiary.full_name}"),
        (_("Hình thức, lĩnh vực"), f"{case.form_of_aid} · {case.field_of_law}"),
        (_("Người thực hiện được cử"), f"{provider.full_name} ({provider.get_kind_display()})"),
    ]
    if change:
        rows[2:2] = [(_("Người được thay"), preview.replaces.provider.full_name)]
        if form.cleaned_data.get("application"):
            rows.append((_("Giải quyết đơn đề nghị"), _("Đơn đề nghị được chấp nhận bằng quyết định này.")))
        rows += [
            (_("Lý do thay đổi"), form.cleaned_data["reason"]),
            (
                _("Đơn đề nghị nhận ngày"),
                _("%(day)s, hạn trả lời %(due)s")
                % {"day": format_date(form.cleaned_data["requested_on"]), "due": format_date(preview.due_on)},
            ),
        ]
    rows += [
        (_("Đơn vị ra quyết định"), str(preview.issuer)),
        (_("Ngày quyết định"), format_date(preview.on_date)),
        (_("Số quyết định"), _("Số quyết định được cấp khi xác nhận.")),
    ]
    notes = [
        _(
            "Số quyết định được cấp khi xác nhận, theo thứ tự liên tục trong năm; xem trước không giữ số. "
            "Sau khi xác nhận, quyết định không sửa được."
        )
    ]
    if change and preview.late:
        notes.append(_("Lưu ý: quá thời hạn 03 ngày làm việc (hạn %(due)s).") % {"due": format_date(preview.due_on)})
    title = _("Xác nhận quyết định thay đổi người thực hiện") if change else _("Xác nhận quyết định cử người thực hiện")
    return render(
        request,
        "core/confirm.html",
        {
            "preview": confirm.Preview(
                title=title,
                action=request.path,
                hidden=confirm.replay(form),
                rows=rows,
                grounds=preview.grounds,
                notes=notes,
                confirm_label=_("Xác nhận và cấp số"),
                breadcrumbs=[(_("Vụ việc"), reverse("cases:case_list")), (case.code, case_url(case))],
            )
        },
    )


def _decision_errors(form, error: ValidationError) -> list[str]:
    """A service's ValidationError: the provider's reasons and general messages for the page, the rest beside the
    form's fields."""
    if not hasattr(error, "error_dict"):
        return error.messages
    errors = error.message_dict
    messages_ = list(errors.pop("provider", [])) + list(errors.pop("__all__", []))
    if errors:
        apply_form_errors(form, ValidationError(errors))
    return messages_


@login_required
def case_assign(request, pk: int):
    """GET: the workload table with a "Cử người thực hiện" button per assignable provider. The button's POST shows the
    decision for confirmation (nothing written, no number taken); the confirming POST assigns (a numbered decision)."""
    case = _case_for_decision(request, pk)
    if request.method != "POST":
        return _render_choice(request, case, change=False, form=AssignForm(initial={"version": case.version}))
    form = AssignForm(request.POST)
    step = confirm.step_of(request)
    errors: list[str] = []
    if not form.is_valid():
        errors.append(_("Hãy chọn một người thực hiện trong danh sách."))
    elif step != confirm.BACK:
        provider = _chosen_provider(request, form.cleaned_data["provider"])
        version = form.cleaned_data["version"]
        if provider is None:
            errors.append(_("Hãy chọn một người thực hiện trong danh sách."))
        else:
            try:
                if step == confirm.PREVIEW:
                    preview = services.case_assign_preview(
                        actor=request.user, case=case, provider=provider, expected_version=version
                    )
                    return _preview_page(request, case, preview, form, change=False)
                assignment = services.case_assign(
                    actor=request.user, case=case, provider=provider, expected_version=version
                )
            except ValidationError as error:
                errors = _decision_errors(form, error)
            else:
                messages.success(
                    request,
                    decided(
                        _("Đã cử %(name)s thực hiện vụ việc %(case)s, Quyết định số %(code)s.")
                        % {"name": provider.full_name, "case": case.code, "code": assignment.decision_code},
                        "assign",
                    ),
                )
                return redirect(case_url(case))
    case.refresh_from_db()
    return _render_choice(
        request, case, change=False, form=AssignForm(initial={"version": case.version}), errors=errors
    )


@login_required
def case_change(request, pk: int):
    """The change of provider (DOMAIN 1.8): the application's date and reason, then the new provider's button; the
    decision is shown for confirmation before it is made (a numbered decision)."""
    case = _case_for_decision(request, pk)
    if request.method != "POST":
        application = _pending_application(case, request.GET.get("application"))
        initial = {"version": case.version, "requested_on": timezone.localdate()}
        if application is not None:
            initial.update(
                requested_on=application.received_on,
                reason=application.ground_text,
                replaces=application.assignment_id,
                application=application.pk,
            )
        form = ChangeForm(initial=initial)
        return _render_choice(request, case, change=True, form=form, application=application)
    form = ChangeForm(request.POST)
    step = confirm.step_of(request)
    errors: list[str] = []
    application = _pending_application(case, request.POST.get("application"))
    if request.POST.get("application") and application is None:
        errors.append(_("Đơn đề nghị này đã được giải quyết."))
    elif form.is_valid() and step != confirm.BACK:
        provider = _chosen_provider(request, form.cleaned_data["provider"])
        replaces = None
        if form.cleaned_data.get("replaces"):
            replaces = Assignment.objects.filter(case=case, pk=form.cleaned_data["replaces"]).first()
        if provider is None:
            errors.append(_("Hãy chọn người thực hiện mới trong danh sách."))
        else:
            arguments = {
                "actor": request.user,
                "case": case,
                "new_provider": provider,
                "reason": form.cleaned_data["reason"],
                "requested_on": form.cleaned_data["requested_on"],
                "replaces": replaces,
                "expected_version": form.cleaned_data["version"],
                "application": application,
            }
            if application is not None:
                arguments["requested_on"] = application.received_on
            try:
                if step == confirm.PREVIEW:
                    preview = services.case_change_preview(**arguments)
                    return _preview_page(request, case, preview, form, change=True)
                assignment = services.case_change_provider(**arguments)
            except ValidationError as error:
                errors = _decision_errors(form, error)
            else:
                message = _("Đã thay đổi người thực hiện vụ việc %(case)s, Quyết định số %(code)s.") % {
                    "case": case.code,
                    "code": assignment.decision_code,
                }
                if assignment.change_late:
                    message += " " + _("Lưu ý: quá thời hạn 03 ngày làm việc (hạn %(due)s).") % {
                        "due": assignment.change_due_on.strftime("%d/%m/%Y")
                    }
                messages.success(request, decided(message, "change", name=provider.full_name))
                return redirect(case_url(case))
    return _render_choice(request, case, change=True, form=form, errors=errors, application=application)


def _pending_application(case, pk) -> ChangeApplication | None:
    """The case's pending application to change the provider named by the page's ``application`` parameter."""
    pk = parse_id(pk)
    if pk is None:
        return None
    return ChangeApplication.objects.pending().filter(case=case, pk=pk).select_related("assignment__provider").first()


# --- The beneficiary's application to change the provider (DOMAIN 1.8) --------------------------------------------


def application_url(application: ChangeApplication) -> str:
    """The application on its case's page (the providers panel)."""
    return f"{case_url(application.case)}#change-application-{application.pk}"


@login_required
def change_application_create(request, pk: int):
    """Record the beneficiary's application to change the provider, received by the case's Centre or branch: staff of
    that unit (``providers.record_change_application``); the signer answers it within 03 working days."""
    case = get_object_or_404(
        LegalAidCase.objects.visible_to(request.user).select_related("centre", "branch", "beneficiary"), pk=pk
    )
    if not request.user.has_perm("providers.record_change_application", case):
        raise PermissionDenied
    current = list(
        Assignment.objects.filter(case=case, is_active=True).select_related("provider").order_by("decision_date", "id")
    )
    form = ChangeApplicationForm(
        request.POST or None,
        assignments=current,
        initial={"received_on": timezone.localdate(), "applicant": case.beneficiary.full_name},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next((a for a in current if a.pk == form.cleaned_data["assignment"]), None)
        data = {k: v for k, v in form.cleaned_data.items() if k != "assignment"}
        try:
            application = services.change_application_record(actor=request.user, case=case, assignment=chosen, **data)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            message = _(
                "Đã ghi nhận đơn đề nghị thay đổi người thực hiện %(name)s của vụ việc %(case)s, nhận ngày %(day)s."
            ) % {
                "name": application.assignment.provider.full_name,
                "case": case.code,
                "day": format_date(application.received_on),
            }
            key = "change_application_branch" if case.branch_id else "change_application"
            messages.success(request, decided(message, key, due=format_date(application.due_on)))
            return redirect(application_url(application))
    return render(
        request,
        "providers/change_application_form.html",
        {"case": case, "form": form, "current": current, "case_url": case_url(case)},
    )


@login_required
def change_application_reject(request, pk: int):
    """Refuse an application to change the provider, with the written answer's reasons (the signer only)."""
    application = get_object_or_404(
        ChangeApplication.objects.visible_to(request.user).select_related(
            "case__beneficiary", "case__centre", "case__branch", "assignment__provider"
        ),
        pk=pk,
    )
    case = application.case
    if not request.user.has_perm("providers.assign_case", case):
        raise PermissionDenied
    if application.status != ChangeApplicationStatus.PENDING:
        messages.info(request, _("Đơn đề nghị này đã được giải quyết."))
        return redirect(application_url(application))
    form = ChangeRejectForm(request.POST or None, initial={"version": application.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_application_reject(
                actor=request.user,
                application=application,
                reasons=form.cleaned_data["reasons"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            application.refresh_from_db()
            message = _("Đã từ chối đề nghị thay đổi người thực hiện của vụ việc %(case)s.") % {"case": case.code}
            if application.answered_late:
                message += " " + _("Lưu ý: quá thời hạn 03 ngày làm việc (hạn %(due)s).") % {
                    "due": format_date(application.due_on)
                }
            messages.success(request, decided(message, "change_reject", name=application.assignment.provider.full_name))
            return redirect(application_url(application))
    return render(
        request,
        "providers/change_application_reject.html",
        {"case": case, "application": application, "form": form, "case_url": case_url(case)},
    )


@login_required
@permission_required("providers.view_workload", raise_exception=True)
def workload(request):
    """The workload of the Centre's providers, least loaded first (the director's overview)."""
    user = request.user
    centre = user.centre
    if centre is None:
        raise PermissionDenied
    today = timezone.localdate()
    order = "name" if request.GET.get("order") == "name" else "load"
    rows = selectors.workload(centre, today, providers=Provider.objects.visible_to(user), order=order)
    return render(
        request,
        "providers/workload.html",
        {"rows": rows, "order": order, "today": today, "centre": centre},
    )


# --- Decisions ----------------------------------------------------------------------------------------------------


@login_required
@require_safe
def decision_docx(request, pk: int):
    """The assignment or change decision as .docx; the download is logged against the case (personal data)."""
    assignment = get_object_or_404(
        Assignment.objects.visible_to(request.user).select_related(
            "case__centre__parent",
            "case__centre__province",
            "case__branch__province",
            "case__beneficiary",
            "case__form_of_aid",
            "case__field_of_law",
            "provider",
            "issuer__province",
            "issuer__centre__province",
            "decided_by",
            "replaces__provider",
        ),
        pk=pk,
    )
    audit.log_access(user=request.user, instance=assignment.case, action=AccessAction.DOWNLOAD)
    data = documents.decision_docx(assignment)
    stem = "quyet-dinh-thay-doi" if assignment.replaces_id else "quyet-dinh-cu"
    response = HttpResponse(data, content_type=DOCX_CONTENT_TYPE)
    filename = f"{stem}-{assignment.decision_number}-{assignment.decision_year}.docx"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
