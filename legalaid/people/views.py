"""Pages of the people app: the list (with its export), the detail page, the form, and two htmx fragments."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from legalaid.core import audit, exports
from legalaid.core.views import apply_form_errors
from legalaid.lib.citizen_id import check_citizen_id, normalise
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_date, parse_id, parse_int
from legalaid.lib.xlsx import xlsx_response

from . import services
from .choices import CorrectionDecision, IdType
from .filters import PersonFilter
from .forms import CorrectionDecisionForm, CorrectionRequestForm, PersonForm
from .models import CorrectionRequest, Person

#: An export larger than this must be narrowed by filters (long exports will become background tasks).
EXPORT_MAX_ROWS = 5000


def _list_queryset(user):
    return Person.objects.visible_to(user).select_related("ethnicity", "province", "commune", "branch")


@login_required
@permission_required("people.view_person", raise_exception=True)
def person_list(request):
    filterset = PersonFilter(request.GET, queryset=_list_queryset(request.user), user=request.user)
    if request.GET.get("export") == "xlsx":
        return _export(request, filterset)
    page = paginate(request, filterset.qs)
    template = "people/_person_table.html" if request.htmx and not request.htmx.boosted else "people/person_list.html"
    return render(request, template, {"filter": filterset, "page": page})


def _export(request, filterset):
    if not request.user.has_perm("people.export_person"):
        raise PermissionDenied
    people = list(filterset.qs[: EXPORT_MAX_ROWS + 1])
    if len(people) > EXPORT_MAX_ROWS:
        messages.error(
            request,
            _("Danh sách có hơn %(n)s người: hãy lọc bớt rồi xuất lại.") % {"n": EXPORT_MAX_ROWS},
        )
        params = getattr(request, "url_params", request.GET).copy()
        params.pop("export", None)
        return redirect(f"{request.path}?{params.urlencode()}")
    # Exporting personal data is itself logged, one row per person exported.
    exports.log_export(request.user, people, Person)
    headers = [
        _("Họ và tên"),
        _("Giới tính"),
        _("Ngày sinh"),
        _("Năm sinh"),
        _("Loại giấy tờ"),
        _("Số giấy tờ"),
        _("Dân tộc"),
        _("Quốc tịch"),
        _("Địa chỉ"),
        _("Địa chỉ cũ"),
        _("Điện thoại"),
        _("Người khuyết tật"),
        _("Đơn vị đăng ký"),
    ]
    data = (
        (
            p.full_name,
            p.get_sex_display(),
            p.date_of_birth,
            p.year_of_birth,
            p.get_id_type_display(),
            p.id_number,
            str(p.ethnicity or ""),
            p.nationality,
            p.address_display,
            p.old_address,
            p.phone,
            _("Có") if p.has_disability else _("Không"),
            str(p.branch or _("Trung tâm")),
        )
        for p in people
    )
    return xlsx_response("nguoi-duoc-tro-giup.xlsx", _("Người được trợ giúp"), headers, data)


@login_required
def person_detail(request, pk: int):
    """Any role reaches only the persons ``visible_to`` them (404 otherwise); each view is written to the access log."""
    person = audit.visible_or_404(
        request.user,
        Person.objects.visible_to(request.user).select_related(
            "ethnicity", "province", "commune", "centre", "branch", "id_confirmed_by"
        ),
        pk,
    )
    audit.log_access(user=request.user, instance=person)
    user = request.user
    can_decide = user.has_perm("people.exercise_data_rights")
    can_record = user.has_perm("people.record_correction")
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "can_edit": user.has_perm("people.change_person"),
            "can_view_audit": user.has_perm("core.view_audit"),
            "can_decide": can_decide,
            "can_record": can_record,
            "corrections": list(person.correction_requests.select_related("decided_by")[:20])
            if can_decide or can_record
            else [],
        },
    )


# --- Personal data rights (docs/privacy.md) ----------------------------------------------------------------------


@never_cache
@login_required
@permission_required("people.exercise_data_rights", raise_exception=True)
def person_data_export(request, pk: int):
    """Everything held about the person, as a .zip, for a data subject's request; audited, never cached."""
    person = audit.visible_or_404(request.user, Person.objects.visible_to(request.user), pk)
    content = services.subject_export(actor=request.user, person=person)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{person.pk}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@permission_required("people.record_correction", raise_exception=True)
def correction_create(request, pk: int):
    person = audit.visible_or_404(request.user, Person.objects.visible_to(request.user), pk)
    form = CorrectionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correction_request_create(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Đã ghi nhận yêu cầu chỉnh sửa. Việc tiếp theo: Giám đốc, Phó Giám đốc hoặc cán bộ bảo vệ dữ liệu "
                    "cá nhân xem xét và quyết định (việc này có trong danh sách việc cần làm của họ)."
                ),
            )
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/correction_form.html", {"form": form, "person": person})


@login_required
@permission_required("people.exercise_data_rights", raise_exception=True)
def correction_decide(request, pk: int):
    correction = audit.visible_or_404(
        request.user, CorrectionRequest.objects.visible_to(request.user).select_related("person", "received_by"), pk
    )
    person = correction.person
    form = CorrectionDecisionForm(request.POST or None)
    person_form = PersonForm(request.POST or None, instance=person, user=request.user, prefix="person")
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        refused = decision == CorrectionDecision.REFUSED
        if refused or person_form.is_valid():
            try:
                services.correction_request_decide(
                    actor=request.user,
                    correction=correction,
                    decision=decision,
                    reason=form.cleaned_data["reason"],
                    person=None if refused else person_form.save(commit=False),
                    version=None if refused else person_form.cleaned_data.get("version"),
                )
            except ValidationError as error:
                apply_form_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Đã ghi quyết định về yêu cầu chỉnh sửa. Việc tiếp theo: báo kết quả (và lý do, nếu từ chối) "
                        "cho người yêu cầu."
                    ),
                )
                return redirect("people:person_detail", pk=person.pk)
    context = {"form": form, "person_form": person_form, "correction": correction, "person": person}
    context["changes"] = _labelled_changes(correction.changes)
    return render(request, "people/correction_decide.html", context)


def _labelled_changes(changes: dict) -> list[tuple[str, str, str]]:
    """(field label, before, after) of a decided correction, as people read them."""
    from django.utils.text import capfirst

    from legalaid.core.audit_display import display_value

    fields = {f.attname: f for f in Person._meta.concrete_fields}
    rows = []
    for name, (before, after) in changes.items():
        field = fields.get(name)
        label = capfirst(field.verbose_name) if field is not None else name
        rows.append((str(label), display_value(field, before), display_value(field, after)))
    return rows


@login_required
@permission_required("people.add_person", raise_exception=True)
def person_create(request):
    return _person_form(request, Person())


@login_required
@permission_required("people.change_person", raise_exception=True)
def person_edit(request, pk: int):
    person = audit.visible_or_404(request.user, Person.objects.visible_to(request.user), pk)
    return _person_form(request, person)


def _person_form(request, instance: Person):
    form = PersonForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if instance.pk:
                person = services.person_update(
                    actor=request.user, person=form.save(commit=False), version=form.cleaned_data.get("version")
                )
            else:
                person = services.person_create(actor=request.user, person=form.save(commit=False))
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã lưu thông tin của %(name)s.") % {"name": person.full_name})
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": instance})


@login_required
@permission_required("people.add_person", raise_exception=True)
@require_POST
def duplicates(request):
    """htmx: persons of the user's Centre who may be the one being entered.

    Reads the person form's fields, sent by POST so that no name or ID number goes into a URL (with ``prefix`` when
    the form has one). Candidates the user may see are shown
    with a link; for the others (another branch's), only the reason is shown.
    """
    prefix = request.POST.get("prefix", "")
    get = lambda name: (request.POST.get(f"{prefix}-{name}" if prefix else name) or "").strip()  # noqa: E731
    centre = request.user.centre
    found = []
    id_check = None
    if get("id_number"):
        id_check = check_citizen_id(
            get("id_number"),
            date_of_birth=_parse_date(get("date_of_birth")),
            birth_year=_parse_int(get("birth_year")),
            sex=get("sex"),
            id_type=get("id_type") or IdType.CCCD,
        )
    if centre is not None:
        commune = get("commune")
        exclude = get("exclude") or request.POST.get("exclude", "")
        found = services.find_duplicates(
            centre=centre,
            id_number=normalise(get("id_number")),
            full_name=get("full_name"),
            date_of_birth=_parse_date(get("date_of_birth")),
            birth_year=_parse_int(get("birth_year")),
            commune=parse_id(commune),
            exclude_pk=parse_id(exclude),
        )
    visible_ids = set(
        Person.objects.visible_to(request.user).filter(pk__in=[d.person.pk for d in found]).values_list("pk", flat=True)
    )
    shown = [d for d in found if d.person.pk in visible_ids]
    hidden = [d for d in found if d.person.pk not in visible_ids]
    return render(request, "people/_duplicates.html", {"shown": shown, "hidden": hidden, "id_check": id_check})


def _parse_date(text: str) -> dt.date | None:
    return parse_date(text)


def _parse_int(text: str) -> int | None:
    return parse_int(text, min_value=0, max_value=9999)
