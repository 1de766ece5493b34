"""``manage.py import_register FILE.xlsx --user USERNAME [--unit CODE|ID] [--import]``: read a legacy case register.

Without ``--import``: the dry run (``legalaid.imports.services.import_check``): the summary and every row's messages,
nothing written but the batch record (``--errors FILE.xlsx`` saves the error file). With ``--import``: the same
check, then the import in one transaction if no row is in error (``services.import_run``). The acting user must be
allowed to import into the unit (a director, deputy or system administrator of the Centre), as on the page; the unit
is the user's Centre unless ``--unit`` names one of its branches (by code or id).
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from legalaid.core.models import User
from legalaid.imports import services
from legalaid.imports.choices import ImportStatus

SUMMARY = (
    ("rows_read", "Số dòng đã đọc"),
    ("rows_ignored", "Dòng không phải vụ việc (bỏ qua)"),
    ("rows_in_error", "Dòng có lỗi"),
    ("cases_new", "Vụ việc sẽ nhập"),
    ("already_imported", "Đã nhập trước đó"),
    ("duplicates_in_file", "Dòng trùng trong tệp"),
    ("persons_new", "Người mới"),
    ("persons_matched", "Người đã có trong hệ thống"),
)


class Command(BaseCommand):
    help = "Check (dry run) or import a legacy case register (.xlsx, Mẫu 01-TP-TGPL layout)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the register: an .xlsx file")
        parser.add_argument("--user", required=True, help="the acting user (a director, deputy or administrator)")
        parser.add_argument("--unit", help="the book's unit: the code or id of the Centre or one of its branches")
        parser.add_argument("--import", dest="do_import", action="store_true", help="import if the check is clean")
        parser.add_argument("--errors", help="write the error file (.xlsx) here when rows are in error")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Không có người dùng {options['user']}.")
        units = services.import_units(user)
        wanted = options["unit"]
        if wanted:
            match = Q(code=wanted) | (Q(pk=int(wanted)) if wanted.isdigit() else Q())
            found = list(units.filter(match)[:2])
        else:
            found = list(units.filter(pk=getattr(user.centre, "pk", None)))
        if len(found) != 1:
            raise CommandError("Người dùng không có quyền nhập sổ cho đơn vị này, hoặc mã đơn vị không rõ.")
        unit = found[0]
        try:
            with path.open("rb") as handle:
                batch = services.import_upload(actor=user, unit=unit, upload=File(handle, name=path.name), queue=False)
        except (PermissionDenied, ValidationError) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from None
        self.stdout.write(f"Kiểm tra tệp {path.name} cho sổ của {unit.name} (lần nhập số {batch.pk})…")
        result = services.import_check(batch=batch)
        batch.refresh_from_db()
        if result is None:
            raise CommandError(batch.message)
        for sheet, row, column, message, level in batch.errors:
            mark = "LỖI" if level == services.ERROR else "lưu ý"
            where = f"{sheet}!{row}" + (f", cột “{column}”" if column else "")
            self.stdout.write(f"  [{mark}] {where}: {message}")
        if len(batch.errors) < len(result.messages):
            self.stdout.write(f"  … và {len(result.messages) - len(batch.errors)} thông báo khác (xem tệp lỗi).")
        for key, label in SUMMARY:
            self.stdout.write(f"{label}: {batch.summary.get(key, 0)}")
        if batch.error_file and options["errors"]:
            with batch.error_file.open("rb") as source:
                Path(options["errors"]).write_bytes(source.read())
            self.stdout.write(f"Tệp lỗi: {options['errors']}")
        if not options["do_import"]:
            self.stdout.write("Kiểm tra xong, chưa ghi gì (thêm --import để nhập).")
            return
        if not batch.importable:
            raise CommandError("Không nhập: còn dòng có lỗi, hoặc không có vụ việc mới.")
        services.import_start(actor=user, batch=batch, queue=False)
        batch.refresh_from_db()
        summary = services.import_run(batch=batch, actor=user)
        batch.refresh_from_db()
        if batch.status != ImportStatus.DONE:
            raise CommandError(batch.message)
        self.stdout.write(
            f"Đã nhập {summary['cases_written']} vụ việc, {summary['persons_written']} người mới "
            f"({summary['seconds']} giây)."
        )
