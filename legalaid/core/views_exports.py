"""The pages of a background export (``legalaid.core.exports``): its progress, and the download when it is ready.

Only the user who asked sees an export (``ExportJob.objects.of(user)``): anyone else, their director included, gets
a 404. The progress part is polled by htmx (``hx-trigger="every 2s"``), no script of its own.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from legalaid.core.models import ExportJob, ExportStatus
from legalaid.lib.downloads import file_response, no_store
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE


def _job(request, pk: int) -> ExportJob:
    return get_object_or_404(ExportJob.objects.of(request.user).filter(expires_at__gt=timezone.now()), pk=pk)


@login_required
@require_safe
def export_detail(request, pk: int):
    job = _job(request, pk)
    template = "core/_export_progress.html" if request.htmx and not request.htmx.boosted else "core/export_detail.html"
    return no_store(render(request, template, {"job": job}))


@login_required
@require_safe
def export_download(request, pk: int):
    job = _job(request, pk)
    if job.status != ExportStatus.DONE:
        raise Http404
    return file_response(job.file, filename=job.filename, content_type=XLSX_CONTENT_TYPE)


@login_required
@require_safe
def export_list(request):
    jobs = ExportJob.objects.of(request.user).filter(expires_at__gt=timezone.now())[:50]
    return no_store(render(request, "core/export_list.html", {"jobs": jobs}))
