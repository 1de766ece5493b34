"""Excel exports: one header row, one row per record, Vietnamese formats, streamed from an iterator."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_workbook(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    return build_workbook_sheets([(title, headers, rows)])


def build_workbook_sheets(sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """A workbook of several sheets, each (title, headers, rows) laid out as ``build_workbook`` lays out one."""
    wb = Workbook(write_only=False)
    wb.remove(wb.active)
    used: set[str] = set()
    for title, headers, rows in sheets:
        name = "".join(" " if c in "\\/?*[]:" else c for c in str(title))[:31]
        n = 1
        while name.lower() in used:  # sheet names are unique, case-insensitively
            n += 1
            name = f"{name[: 31 - len(str(n)) - 1]}~{n}"
        used.add(name.lower())
        _fill(wb.create_sheet(name), headers, rows)
    if not wb.worksheets:
        wb.create_sheet("-")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _fill(ws, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    ws.append([str(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(str(h)) for h in headers]
    for row in rows:
        values = []
        for i, value in enumerate(row):
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                value = value.replace(tzinfo=None)
            values.append(str(value) if hasattr(value, "_proxy____cast") else value)
            widths[i] = min(60, max(widths[i], len(str(value or ""))))
        ws.append(values)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width + 2
        for cell in ws[get_column_letter(i)][1:]:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    ws.freeze_panes = "A2"


def xlsx_response(filename: str, title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(build_workbook(title, headers, rows), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def stream_workbook(handle, title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write one sheet row by row into the open binary file ``handle`` (openpyxl write-only mode): memory stays flat
    whatever the number of rows (background exports, ``legalaid.core.tasks.run_export``). Dates in dd/mm/yyyy."""
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    name = "".join(" " if c in "\\/?*[]:" else c for c in str(title))[:31] or "-"
    ws = wb.create_sheet(name)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=str(h))
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    for row in rows:
        values = []
        for value in row:
            if isinstance(value, dt.datetime):
                cell = WriteOnlyCell(ws, value=value.replace(tzinfo=None))
                cell.number_format = "dd/mm/yyyy hh:mm"
                values.append(cell)
            elif isinstance(value, dt.date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "dd/mm/yyyy"
                values.append(cell)
            else:
                values.append(str(value) if hasattr(value, "_proxy____cast") else value)
        ws.append(values)
    wb.save(handle)
