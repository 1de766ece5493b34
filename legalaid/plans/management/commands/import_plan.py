"""``manage.py import_plan FILE [--dry-run] [--json] [--centre CODE|ID]``: read a plan as a Centre writes it.

- ``--json`` prints the parsed plan as JSON (the shape of ``legalaid.plans.parsing.parse_plan``) and saves nothing.
- ``--dry-run`` prints a readable summary (header, then the task tree with units, time frames and targets).
- Without either, saves the plan for the Centre ``--centre`` through ``legalaid.plans.services.plan_import``
  (the same service as the upload page), as the operator (no acting user).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from legalaid.plans.parsing import parse_plan
from legalaid.plans.parsing.sources import PlanSourceError


def _summary(plan: dict) -> list[str]:
    lines = [
        f"Số: {plan['number'] or '-'}",
        f"Ngày: {plan['date'] or '-'}",
        f"Cơ quan ban hành: {plan['issuer'] or '-'}",
        f"Trích yếu: {plan['title'] or '-'}",
        f"Căn cứ: {len(plan['bases'])}, mục đích: {len(plan['purposes'])}, yêu cầu: {len(plan['requirements'])}",
    ]
    lines.extend(f"  căn cứ: {basis}" for basis in plan["bases"])
    count = leaves = 0

    def walk(tasks: list[dict], depth: int) -> None:
        nonlocal count, leaves
        for task in tasks:
            count += 1
            leaves += not task["children"]
            pad = "  " * depth
            first_line = task["content"].split("\n", 1)[0]
            lines.append(f"{pad}[{task['ref'] or '·'}] {first_line[:100]}")
            timeframe = task["timeframe"]
            when = timeframe["text"]
            if timeframe["start"] or timeframe["end"]:
                when += f" ({timeframe['start'] or '…'} → {timeframe['end'] or '…'})"
            if timeframe["recurrence"]:
                when += f" [{timeframe['recurrence']}]"
            if timeframe["relative_working_days"] is not None:
                when += f" [{timeframe['relative_working_days']} ngày làm việc]"
            for label, value in (
                ("chủ trì", "; ".join(task["lead"])),
                ("phối hợp", "; ".join(task["partners"])),
                ("thời gian", when),
                ("kết quả", task["expected_output"]),
                ("chỉ tiêu", "; ".join(f"{t['value']} {t['unit']}" for t in task["targets"])),
            ):
                if value:
                    lines.append(f"{pad}    {label}: {value}")
            walk(task["children"], depth + 1)

    lines.append("Nhiệm vụ:")
    walk(plan["tasks"], 1)
    lines.append(f"{count} nhiệm vụ, trong đó {leaves} nhiệm vụ không có nhiệm vụ con.")
    return lines


class Command(BaseCommand):
    help = "Read a plan (.docx or .txt) as a Centre writes it; print it (--json, --dry-run) or save it (--centre)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the plan: a .docx or .txt file")
        parser.add_argument("--dry-run", action="store_true", help="print a readable summary, save nothing")
        parser.add_argument("--json", action="store_true", help="print the parsed plan as JSON, save nothing")
        parser.add_argument("--centre", help="the Centre that owns the plan: its code or id (needed to save)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            plan = parse_plan(path)
        except PlanSourceError as exc:
            raise CommandError(str(exc)) from exc

        if options["json"]:
            self.stdout.write(json.dumps(plan, ensure_ascii=False, indent=2))
            return
        if options["dry_run"]:
            self.stdout.write("\n".join(_summary(plan)))
            return
        self._save(plan, path, options.get("centre"))

    def _save(self, plan: dict, path: Path, centre_ref: str | None) -> None:
        try:
            from legalaid.plans.services import plan_import
        except ImportError as exc:
            raise CommandError(
                "Lưu kế hoạch cần dịch vụ legalaid.plans.services.plan_import, chưa có trong bản này; "
                "dùng --json hoặc --dry-run để xem kết quả đọc."
            ) from exc
        from django.core.files import File

        from legalaid.core.choices import OrganisationKind
        from legalaid.core.models import Organisation

        if not centre_ref:
            raise CommandError("Cần --centre (mã hoặc id của Trung tâm) để lưu kế hoạch.")
        centres = Organisation.objects.filter(kind=OrganisationKind.CENTRE)
        by_code = list(centres.filter(code=centre_ref)[:2])
        if len(by_code) > 1:
            raise CommandError(f"Nhiều Trung tâm có mã {centre_ref}: hãy dùng id của Trung tâm.")
        centre = by_code[0] if by_code else None
        if centre is None and centre_ref.isdigit():
            centre = centres.filter(pk=int(centre_ref)).first()
        if centre is None:
            raise CommandError(f"Không tìm thấy Trung tâm {centre_ref}.")
        try:
            with path.open("rb") as handle:
                saved = plan_import(actor=None, data=plan, centre=centre, source_file=File(handle, name=path.name))
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            raise CommandError("Không lưu được kế hoạch: " + "; ".join(messages)) from exc
        self.stdout.write("\n".join(_summary(plan)))
        self.stdout.write(self.style.SUCCESS(f"Đã lưu kế hoạch {saved} (id {saved.pk}) cho {centre}."))
