"""The pages of a register import: upload, the check's result with every row's messages and the error file, the
import with its progress (polled by htmx, no script of its own). Each import is shown only to the person who
uploaded it (``RegisterImport.objects.of``): anyone else gets a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from legalaid.lib.downloads import file_response, no_store
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE

from . import services
from .forms import RegisterUploadForm
from .models import RegisterImport

#: Messages listed on the page; all of them are in the error file (errors) and the counts.
PAGE_MESSAGES = 200


def _mine(request, pk: int) -> RegisterImport:
    return get_object_or_404(RegisterImport.objects.of(request.user).select_related("unit"), pk=pk)


@login_required
@permission_required("imports.import_register", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def import_list(request):
    """Upload a register, and the imports this user made."""
    units = services.import_units(request.user).order_by("-kind", "name")
    if not units.exists():
        raise PermissionDenied
    form = RegisterUploadForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.import_upload(
                actor=request.user, unit=form.cleaned_data["unit"], upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        except PermissionDenied as error:
            form.add_error("unit", str(error))
        else:
            return redirect("imports:import_detail", pk=batch.pk)
    batches = RegisterImport.objects.of(request.user).select_related("unit")[:20]
    return no_store(render(request, "imports/import_list.html", {"form": form, "batches": batches}))


@login_required
@permission_required("imports.import_register", raise_exception=True)
@require_safe
def import_detail(request, pk: int):
    batch = _mine(request, pk)
    context = {
        "batch": batch,
        "rows": _rows(batch),
        "errors_listed": [m for m in batch.errors if m[4] == services.ERROR][:PAGE_MESSAGES],
        "notices_listed": [m for m in batch.errors if m[4] != services.ERROR][:PAGE_MESSAGES],
        "more_text": _more(batch),
    }
    if request.htmx and not request.htmx.boosted:
        return no_store(render(request, "imports/_import_status.html", context))
    return no_store(render(request, "imports/import_detail.html", context))


def _rows(batch: RegisterImport) -> list[tuple[str, int]]:
    """The summary as (label, count) lines."""
    s = batch.summary
    if not s:
        return []
    return [
        (_("Số dòng đã đọc"), s.get("rows_read", 0)),
        (_("Dòng có lỗi (phải sửa trước khi nhập)"), s.get("rows_in_error", 0)),
        (_("Vụ việc mới sẽ nhập") if batch.status != "done" else _("Vụ việc đã nhập"), s.get("cases_new", 0)),
        (_("Đã nhập trước đó (bỏ qua)"), s.get("already_imported", 0)),
        (_("Dòng trùng trong tệp (bỏ qua)"), s.get("duplicates_in_file", 0)),
        (_("Người mới sẽ tạo") if batch.status != "done" else _("Người mới đã tạo"), s.get("persons_new", 0)),
        (_("Người đã có trong hệ thống"), s.get("persons_matched", 0)),
        (_("Dòng không phải vụ việc (tổng cộng, chữ ký…)"), s.get("rows_ignored", 0)),
    ]


def _more(batch: RegisterImport) -> str:
    errors = batch.summary.get("errors", 0)
    if errors > PAGE_MESSAGES:
        return _("Trang này liệt kê %(shown)s lỗi đầu tiên trong %(total)s; tệp lỗi có đủ các dòng.") % {
            "shown": PAGE_MESSAGES,
            "total": errors,
        }
    return ""


@login_required
@permission_required("imports.import_register", raise_exception=True)
@require_POST
def import_start(request, pk: int):
    batch = _mine(request, pk)
    try:
        services.import_start(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.info(request, _("Đang nhập sổ; có thể rời trang này, việc nhập vẫn tiếp tục."))
    return redirect("imports:import_detail", pk=batch.pk)


@login_required
@permission_required("imports.import_register", raise_exception=True)
@require_safe
def import_error_file(request, pk: int):
    batch = _mine(request, pk)
    if not batch.error_file:
        raise Http404
    stem = batch.filename.rsplit(".", 1)[0]
    return file_response(batch.error_file, filename=f"{stem}-loi.xlsx", content_type=XLSX_CONTENT_TYPE)
