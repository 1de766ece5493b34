"""A Ministry form as an .xlsx in the official layout: the form's number at the top left, the title centred over the
table, the period, the reporting and receiving units, the unit of count; a two-row header whose group headers are
merged across their columns (single columns merged down both rows); a row of column numbers; then the rows, totals
in bold."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .mappings import Table

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)

#: The first row of the table's header (rows above: the form's heading).
HEADER_ROW = 6


def form_workbook(table: Table, *, reporter: str, note: str = "") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = table.title.replace("/", "-")[:31]
    width = 2 + len(table.columns)
    last = get_column_letter(width)

    ws["A1"] = table.title
    ws["A1"].font = Font(bold=True)
    ws.merge_cells(f"C1:{last}1")
    ws["C1"] = table.name.upper()
    ws["C1"].font = Font(bold=True, size=13)
    ws["C1"].alignment = CENTRE
    ws.merge_cells(f"C2:{last}2")
    ws["C2"] = table.period.label
    ws["C2"].alignment = CENTRE
    ws["A3"] = _("Đơn vị báo cáo: %(name)s") % {"name": reporter}
    ws["A4"] = _("Đơn vị tính: %(unit)s") % {"unit": table.unit_label}
    if table.period.cutoff_note:
        ws.merge_cells(f"C3:{last}3")
        ws["C3"] = table.period.cutoff_note
        ws["C3"].alignment = CENTRE

    top, sub = HEADER_ROW, HEADER_ROW + 1
    _header(ws, top, 1, sub, 1, _("STT"))
    _header(ws, top, 2, sub, 2, _("Lĩnh vực, hình thức trợ giúp pháp lý"))
    column = 3
    for label, span in table.header_groups:
        if label:
            _header(ws, top, column, top, column + span - 1, label)
            for i in range(span):
                _header(ws, sub, column + i, sub, column + i, table.columns[column - 3 + i].label)
        else:
            _header(ws, top, column, sub, column, table.columns[column - 3].label)
        column += span
    numbers = sub + 1
    for i in range(width):
        cell = ws.cell(numbers, i + 1, f"({i + 1})" if i >= 2 else ("A" if i == 0 else "B"))
        cell.alignment = CENTRE
        cell.border = BOX
        cell.font = Font(italic=True)

    for r, row in enumerate(table.rows, start=numbers + 1):
        values = [row.number, row.label, *(c.value for c in row.cells)]
        for i, value in enumerate(values, start=1):
            cell = ws.cell(r, i, value)
            cell.border = BOX
            if row.level < 2:
                cell.font = Font(bold=True)
            if i == 2 and row.level == 2:
                cell.alignment = Alignment(indent=1)
    if note:
        ws.cell(numbers + len(table.rows) + 2, 1, note).font = Font(italic=True)

    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 42
    for i in range(3, width + 1):
        ws.column_dimensions[get_column_letter(i)].width = 12
    ws.row_dimensions[sub].height = 75
    ws.freeze_panes = ws.cell(numbers + 1, 3)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header(ws, row1: int, col1: int, row2: int, col2: int, label: str) -> None:
    if (row1, col1) != (row2, col2):
        ws.merge_cells(start_row=row1, start_column=col1, end_row=row2, end_column=col2)
    for r in range(row1, row2 + 1):
        for c in range(col1, col2 + 1):
            ws.cell(r, c).border = BOX
    cell = ws.cell(row1, col1, str(label))
    cell.font = Font(bold=True)
    cell.alignment = CENTRE


def case_figures_workbook(breakdowns, rows, *, titles, period_label: str, reporter: str) -> bytes:
    """The case figures page as an .xlsx: one sheet per breakdown (form, field, provider kind) with the measures as
    rows, the total and each column of the breakdown; a cell the measure has not (a request has no provider) is empty,
    as the page's "–"."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, title in titles:
        columns = breakdowns[name]
        ws = wb.create_sheet(str(title)[:31])
        last = get_column_letter(2 + len(columns))
        ws.merge_cells(f"A1:{last}1")
        ws["A1"] = _("BÁO CÁO SỐ LIỆU VỤ VIỆC TRỢ GIÚP PHÁP LÝ")
        ws["A1"].font = Font(bold=True, size=13)
        ws["A1"].alignment = CENTRE
        ws.merge_cells(f"A2:{last}2")
        ws["A2"] = period_label
        ws["A2"].alignment = CENTRE
        ws["A3"] = _("Đơn vị báo cáo: %(name)s") % {"name": reporter}
        ws["A4"] = str(title)
        ws["A4"].font = Font(bold=True)
        header = [_("Chỉ tiêu"), _("Tổng số"), *(c.label for c in columns)]
        for i, label in enumerate(header, start=1):
            _header(ws, HEADER_ROW, i, HEADER_ROW, i, label)
        for r, row in enumerate(rows, start=HEADER_ROW + 1):
            values = [str(row.measure.label), row.total.value, *(c.value for c in row.by[name])]
            for i, value in enumerate(values, start=1):
                ws.cell(r, i, value).border = BOX
        ws.column_dimensions["A"].width = 34
        for i in range(2, len(header) + 1):
            ws.column_dimensions[get_column_letter(i)].width = 14
        ws.row_dimensions[HEADER_ROW].height = 60
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 2)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
