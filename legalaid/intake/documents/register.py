"""The register prints: the book of accepted cases (Mẫu 01-TP-TGPL) and the book of simple matters, one per
organisation (the Centre or a branch) and year, as .xlsx and as a landscape .docx table.

The columns are in ``columns.py`` (UNCONFIRMED for Mẫu 01, see there).
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from legalaid.cases.models import LegalAidCase
from legalaid.intake.choices import RegisterKind
from legalaid.intake.documents.columns import COLUMNS, FORM_NUMBERS, TITLES
from legalaid.intake.documents.letterhead import unit_heading
from legalaid.intake.documents.rendering import render_docx
from legalaid.intake.models import SimpleMatter
from legalaid.lib.formatting import format_date


def _check_kind(kind: str) -> None:
    if kind not in RegisterKind.values:
        raise ValueError(f"Unknown register kind: {kind!r}")


def register_entries(organisation, year: int, kind: str) -> list[dict]:
    """The entries of one book in number order, as plain values (numbers as int, dates as dates)."""
    _check_kind(kind)
    where = {"register__organisation": organisation, "register__year": year, "register__kind": kind}
    if kind == RegisterKind.SIMPLE_MATTERS:
        matters = (
            SimpleMatter.objects.filter(**where)
            .select_related("person", "field_of_law", "answered_by")
            .order_by("number")
        )
        return [
            {
                "number": m.number,
                "date": timezone.localdate(m.answered_at),
                "person": m.person.full_name,
                "field": m.field_of_law.name,
                "question": m.question,
                "answer": m.answer,
                "answered_by": m.answered_by.full_name,
            }
            for m in matters
        ]
    from legalaid.cases.choices import CaseStatus, EventKind
    from legalaid.cases.models import CaseEvent
    from legalaid.providers.models import Assignment

    cases = (
        LegalAidCase.objects.filter(**where)
        .select_related(
            "beneficiary__province", "beneficiary__commune", "field_of_law", "form_of_aid", "completion", "imported"
        )
        .prefetch_related(
            "request__categories",
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("provider").order_by("decision_date", "id"),
                to_attr="register_assignments",
            ),
            Prefetch(
                "events",
                queryset=CaseEvent.objects.filter(kind=EventKind.TRANSITION, to_status=CaseStatus.DISCONTINUED),
                to_attr="register_discontinued",
            ),
        )
        .order_by("number")
    )
    rows = []
    for case in cases:
        result, closed_on = _end_of(case)
        person = case.beneficiary
        note = ""
        if case.immediate:
            note = "Thụ lý ngay"
            if case.papers_due_on:
                note += f"; hạn bổ sung giấy tờ {format_date(case.papers_due_on)}"
        rows.append(
            {
                "number": case.number,
                "accepted_on": timezone.localdate(case.accepted_at),
                "code": case.code,
                "name": person.full_name,
                "birth_year": person.year_of_birth or "",
                "sex": person.get_sex_display(),
                "address": person.address_display or person.old_address,
                "categories": "; ".join(c.short_label for c in case.request.categories.all()),
                "field": case.field_of_law.name,
                "form": case.form_of_aid.name,
                "provider": _providers_of(case),
                "result": result,
                "closed_on": closed_on,
                "note": note,
            }
        )
    return rows


def _imported(case):
    """The register row a case was imported from (``legalaid.imports``), or None."""
    try:
        return case.imported  # selected with the case
    except ObjectDoesNotExist:
        return None


def _providers_of(case) -> str:
    """Everyone assigned to the case, in the order of the decisions (a change of provider adds the new one); for a
    case imported from an old register with no assignment, the provider as the register wrote it."""
    if not case.register_assignments and _imported(case) is not None:
        return case.imported.provider
    names = []
    for assignment in case.register_assignments:
        if assignment.provider.full_name not in names:
            names.append(assignment.provider.full_name)
    return "; ".join(names)


def _end_of(case) -> tuple[str, dt.date | None]:
    """The result and the end date of a case that has ended: the recorded outcome and date of a completed case
    (Law Art. 38), or "Không tiếp tục thực hiện" with its reason and date (Law Art. 37), or for a case imported from
    an old register, what that register wrote."""
    try:
        completion = case.completion  # selected with the case
    except ObjectDoesNotExist:
        completion = None
    if completion is not None:
        return completion.outcome.strip(), completion.completed_on
    if case.register_discontinued:
        event = case.register_discontinued[-1]
        reason = event.reason.strip()
        ended_on = (event.data or {}).get("ended_on")
        ended = dt.date.fromisoformat(ended_on) if ended_on else timezone.localdate(event.at)
        return (f"Không tiếp tục thực hiện: {reason}" if reason else "Không tiếp tục thực hiện"), ended
    imported = _imported(case)
    if imported is not None:  # the result and end date as the old register wrote them
        return imported.result, imported.closed_on
    return "", None


def _printable(value) -> str:
    if isinstance(value, dt.date):
        return format_date(value)
    return "" if value is None else str(value)


def register_context(organisation, year: int, kind: str) -> dict:
    return {
        **unit_heading(organisation),
        "unit_name": organisation.name,
        "form_number": FORM_NUMBERS[kind],
        "title": TITLES[kind],
        "year": year,
        "rows": [
            {key: _printable(value) for key, value in row.items()} for row in register_entries(organisation, year, kind)
        ],
        "printed_on": format_date(timezone.localdate()),
    }


def register_docx(organisation, year: int, kind: str) -> bytes:
    """The book as a landscape A4 Word table (template ``register_cases.docx`` or ``register_simple.docx``)."""
    _check_kind(kind)
    return render_docx(f"register_{kind}.docx", register_context(organisation, year, kind))


#: The row of the column headers in the .xlsx print (above it: the unit, the title and the year).
XLSX_HEADER_ROW = 6


def register_xlsx(organisation, year: int, kind: str) -> bytes:
    """The book as a spreadsheet: the unit's heading, the title, one header row, one row per entry in number
    order; numbers stay numbers and dates stay dates (dd/mm/yyyy), so the book can be sorted and counted."""
    _check_kind(kind)
    columns = COLUMNS[kind]
    heading = unit_heading(organisation)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{'So thu ly' if kind == RegisterKind.CASES else 'So viec TGPL'} {year}"
    last = get_column_letter(len(columns))
    bold = Font(name="Times New Roman", bold=True, size=12)
    plain = Font(name="Times New Roman", size=11)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    top = Alignment(vertical="top", wrap_text=True)
    ws["A1"], ws["A2"] = heading["superior_name"], heading["issuer_name"]
    ws["A1"].font, ws["A2"].font = Font(name="Times New Roman", size=12), bold
    ws[f"{last}1"] = FORM_NUMBERS[kind]
    ws[f"{last}1"].font = Font(name="Times New Roman", italic=True, size=11)
    ws.merge_cells(f"A3:{last}3")
    ws["A3"] = TITLES[kind]
    ws.merge_cells(f"A4:{last}4")
    ws["A4"] = f"Năm {year}"
    for ref in ("A3", "A4"):
        ws[ref].font, ws[ref].alignment = Font(name="Times New Roman", bold=True, size=14), center
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=XLSX_HEADER_ROW, column=index, value=column.header)
        cell.font, cell.alignment, cell.border = bold, center, border
        ws.column_dimensions[get_column_letter(index)].width = max(8, round(column.width_mm / 1.8))
    for offset, row in enumerate(register_entries(organisation, year, kind), start=1):
        for index, column in enumerate(columns, start=1):
            value = row[column.key]
            cell = ws.cell(row=XLSX_HEADER_ROW + offset, column=index, value=value if value != "" else None)
            cell.font, cell.alignment, cell.border = plain, top, border
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    ws.freeze_panes = ws.cell(row=XLSX_HEADER_ROW + 1, column=1)
    ws.print_title_rows = f"{XLSX_HEADER_ROW}:{XLSX_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
