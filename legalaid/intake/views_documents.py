"""Downloads of intake's official papers (.docx) and register prints (.xlsx, .docx), and the registers page.

Every download reads its record through the scoping layer (404 when not visible) and writes the access log.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.models import Organisation
from legalaid.intake import documents, papers
from legalaid.intake.choices import RegisterKind
from legalaid.intake.forms import RegisterChoiceForm
from legalaid.intake.models import Register
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE


def _attachment(data: bytes, filename: str, content_type: str = documents.DOCX_CONTENT_TYPE) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _visible_requests(user):
    return papers.requests_for_papers(user).select_related(
        "centre__parent",
        "centre__province",
        "branch__province",
        "field_of_law",
        "desired_form",
        "received_by",
        "requester__ethnicity",
        "requester__province",
        "requester__commune",
        "beneficiary__ethnicity",
        "beneficiary__province",
        "beneficiary__commune",
    )


@login_required
@require_safe
def request_form_docx(request, pk: int):
    """Mẫu 02-TP-TGPL filled in from the request, for the requester to sign."""
    obj = get_object_or_404(_visible_requests(request.user), pk=pk)
    audit.log_access(user=request.user, instance=obj, action=AccessAction.DOWNLOAD)
    return _attachment(documents.request_form_docx(obj), f"don-yeu-cau-tgpl-{obj.pk}.docx")


@login_required
@require_safe
def acceptance_notice_docx(request, pk: int):
    """The acceptance notice of a case."""
    case = get_object_or_404(
        papers.cases_for_papers(request.user).select_related(
            "centre__parent", "centre__province", "branch__province", "field_of_law", "form_of_aid", "beneficiary"
        ),
        pk=pk,
    )
    audit.log_access(user=request.user, instance=case, action=AccessAction.DOWNLOAD)
    return _attachment(documents.acceptance_notice_docx(case), f"thong-bao-thu-ly-{case.code}.docx")


@login_required
@require_safe
def decision_docx(request, pk: int):
    """The paper of a decision on a request: the missing-papers, refusal or transfer notice, by its kind."""
    decision = get_object_or_404(papers.decisions_for_papers(request.user).select_related("request"), pk=pk)
    try:
        stem, data = documents.decision_docx(decision)
    except ValueError:
        raise Http404("Quyết định này không có văn bản riêng.") from None
    # The paper carries the request's personal data: the access is logged against the request.
    audit.log_access(user=request.user, instance=decision.request, action=AccessAction.DOWNLOAD)
    return _attachment(data, f"{stem}-{decision.request_id}-{decision.pk}.docx")


def _register_unit(request, org_pk: int, kind: str) -> Organisation:
    """The Centre or branch whose book the user may print (``papers.register_units``); 404 otherwise."""
    if kind not in RegisterKind.values:
        raise Http404("Không có loại sổ này.")
    return get_object_or_404(
        papers.register_units(request.user).select_related("parent", "centre", "province"), pk=org_pk
    )


def _log_register(request, unit: Organisation, year: int, kind: str) -> None:
    book = Register.objects.filter(organisation=unit, year=year, kind=kind).first()
    audit.log_access(user=request.user, instance=book or unit, action=AccessAction.DOWNLOAD)


@login_required
@require_safe
def register_xlsx(request, org_pk: int, year: int, kind: str):
    """The book of one unit and year as a spreadsheet."""
    unit = _register_unit(request, org_pk, kind)
    _log_register(request, unit, year, kind)
    data = documents.register_xlsx(unit, year, kind)
    return _attachment(data, f"so-{kind}-{unit.code or unit.pk}-{year}.xlsx", XLSX_CONTENT_TYPE)


@login_required
@require_safe
def register_docx(request, org_pk: int, year: int, kind: str):
    """The book of one unit and year as a landscape Word table."""
    unit = _register_unit(request, org_pk, kind)
    _log_register(request, unit, year, kind)
    return _attachment(documents.register_docx(unit, year, kind), f"so-{kind}-{unit.code or unit.pk}-{year}.docx")


@login_required
@permission_required("intake.print_register", raise_exception=True)
@require_safe
def registers(request):
    """The registers page ("Sổ sách"): the user picks a unit they may print for and a year, and gets the prints of
    the case register (Mẫu 01) and of the book of simple matters."""
    # "centre" sorts after "branch": the Centre first, then its branches by name.
    units = papers.register_units(request.user).select_related("centre").order_by("-kind", "name")
    if not units.exists():
        raise PermissionDenied
    initial = {"unit": papers.default_register_unit(request.user, units), "year": papers.current_year()}
    form = RegisterChoiceForm(request.GET or None, units=units, initial=initial)
    unit, year = initial["unit"], initial["year"]
    if form.is_bound and form.is_valid():
        unit, year = form.cleaned_data["unit"], form.cleaned_data["year"]
    prints = papers.register_papers(unit, year) if not form.is_bound or form.is_valid() else []
    return render(request, "intake/registers.html", {"form": form, "unit": unit, "year": year, "prints": prints})
