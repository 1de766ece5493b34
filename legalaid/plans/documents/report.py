"""The plan implementation report as .docx (template ``plan_report.docx``) and .xlsx, from ``selectors.plan_report``."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from legalaid.intake.documents.letterhead import letterhead
from legalaid.lib.formatting import format_date
from legalaid.plans.choices import UnitRole
from legalaid.plans.selectors import PlanReport, state_label, task_state

PACKAGED_DIR = Path(__file__).resolve().parent / "templates"


def _template_path(name: str) -> Path:
    override = getattr(settings, "DOCUMENT_TEMPLATE_DIR", "")
    if override and (Path(override) / name).is_file():
        return Path(override) / name
    return PACKAGED_DIR / name


def _number(value) -> str:
    if value is None:
        return ""
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return text.replace(".", ",")


def _leads(task) -> str:
    return "; ".join(u.text for u in task.units.all() if u.role == UnitRole.LEAD)


def _target_rows(report: PlanReport) -> list[dict]:
    rows = []
    for result in report.targets:
        target = result.target
        # A number and its unit never part at a line's end (a no-break space between them).
        goal = f"{target.get_comparison_display()} {_number(target.value)}\u00a0{target.unit}".strip()
        if result.metric is None:
            actual = _("không gắn số liệu")
        elif result.actual is None:
            actual = _("chưa đo được")
        else:
            actual = f"{_number(result.actual)}\u00a0{result.metric.unit}"
        verdict = {True: _("Đạt"), False: _("Chưa đạt"), None: ""}[result.met]
        rows.append(
            {
                "ref": target.task.ref,
                "text": target.text,
                "goal": goal if target.value is not None else "",
                "actual": actual,
                "result": verdict,
                "metric": str(result.metric.label) if result.metric else "",
            }
        )
    return rows


def report_context(report: PlanReport) -> dict:
    plan, today = report.plan, report.today
    unit = plan.centre
    reference = _("Kế hoạch số %(number)s ngày %(date)s về %(title)s") % {
        "number": plan.number or "...",
        "date": format_date(plan.date, "..."),
        "title": plan.title,
    }
    return {
        **letterhead(unit, on_date=today, symbol="BC-TGPL"),
        "plan_name": (_("Kế hoạch số %(number)s") % {"number": plan.number}) if plan.number else plan.title,
        "plan_reference": reference,
        "as_of": format_date(today),
        "total": report.total,
        "by_status": [{"code": code, "label": label, "count": count} for code, label, count in report.by_status],
        "tasks": [
            {
                "ref": t.ref,
                "content": t.content,
                "lead": _leads(t),
                "timeframe": t.timeframe_text,
                "status": state_label(task_state(t, today)),
                "completed_on": format_date(t.completed_on) if t.completed_on else "",
            }
            for t in report.tasks
        ],
        "late": [
            {"ref": t.ref, "content": t.content, "deadline": format_date(t.deadline), "lead": _leads(t)}
            for t in report.late
        ],
        "targets": _target_rows(report),
        "recipients": ["Sở Tư pháp", "Lãnh đạo Trung tâm", "Lưu: VT"],
    }


def plan_report_docx(report: PlanReport) -> bytes:
    """The official paper is written in Vietnamese whatever the reader's interface language."""
    template = DocxTemplate(_template_path("plan_report.docx"))
    with translation.override("vi"):
        context = report_context(report)
    template.render(context, jinja_env=ImmutableSandboxedEnvironment(autoescape=True))
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _sheet(ws, headers: list[str], rows: list[list], widths: list[int]) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        for cell in ws[get_column_letter(i)][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "dd/mm/yyyy"
    ws.freeze_panes = "A2"


def plan_report_xlsx(report: PlanReport) -> bytes:
    """Three sheets: the tasks (status derived as on the page), the late tasks, the targets against actuals."""
    today = report.today
    wb = Workbook()
    tasks = wb.active
    tasks.title = _("Nhiệm vụ")[:31]
    _sheet(
        tasks,
        [
            _("TT"),
            _("Nhiệm vụ"),
            _("Đơn vị chủ trì"),
            _("Đơn vị phối hợp"),
            _("Thời gian thực hiện"),
            _("Từ ngày"),
            _("Đến ngày"),
            _("Kết quả, sản phẩm"),
            _("Trạng thái"),
            _("Ngày hoàn thành"),
        ],
        [
            [
                t.ref,
                t.content,
                _leads(t),
                "; ".join(u.text for u in t.units.all() if u.role == UnitRole.PARTNER),
                t.timeframe_text,
                t.start,
                t.end,
                t.expected_output,
                state_label(task_state(t, today)),
                t.completed_on,
            ]
            for t in report.tasks
        ],
        [8, 60, 25, 25, 22, 12, 12, 30, 16, 14],
    )
    late = wb.create_sheet(_("Chậm tiến độ")[:31])
    _sheet(
        late,
        [_("TT"), _("Nhiệm vụ"), _("Đơn vị chủ trì"), _("Hạn hoàn thành")],
        [[t.ref, t.content, _leads(t), t.deadline] for t in report.late],
        [8, 60, 25, 14],
    )
    targets = wb.create_sheet(_("Chỉ tiêu")[:31])
    rows = _target_rows(report)
    _sheet(
        targets,
        [_("Nhiệm vụ"), _("Chỉ tiêu"), _("Số liệu đo được"), _("Mục tiêu"), _("Thực tế"), _("Đánh giá")],
        [[r["ref"], r["text"], r["metric"], r["goal"], r["actual"], r["result"]] for r in rows],
        [10, 50, 40, 18, 18, 12],
    )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
