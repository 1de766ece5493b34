"""Excel exports of lists: the interactive limit, background exports past it, and the access-log rows of exported
sensitive records.

Exports read the same FilterSet as the page (STYLE.md rule 18), so they hold exactly what the user sees. Up to
``EXPORT_MAX_ROWS`` rows the file is built in the request; past it the export becomes an ``ExportJob`` run by the
task ``legalaid.core.tasks.run_export`` (issue 13 item 6): the user follows a progress bar and downloads the file
when it is ready; the file is written row by row (openpyxl write-only), served only to that user, and deleted after
``EXPORT_KEEP_HOURS`` (``manage.py cleanup_exports``).

A list that may be exported in the background registers a spec builder in ``BACKGROUND``: ``builder(user, params)``
returns an ``ExportSpec`` from the same FilterSet the page uses, with the user's own scoping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core.choices import AccessAction
from legalaid.core.middleware import current_request_id
from legalaid.core.models import AccessLogEntry, ExportJob

#: Larger exports run in the background (a task, a progress bar, a download).
EXPORT_MAX_ROWS = 5000

#: The lists that may be exported in the background: kind -> dotted path of ``builder(user, params) -> ExportSpec``.
BACKGROUND = {
    "cases": "legalaid.cases.views.export_spec",
    "requests": "legalaid.intake.views.export_spec",
}


@dataclass
class ExportSpec:
    """What a background export writes: ``rows(objects)`` turns the queryset's objects into the sheet's rows."""

    filename: str
    title: str
    headers: Sequence[str]
    queryset: object
    rows: Callable[[Iterable], Iterable[Sequence]]
    model: type


def rows_or_none(request, queryset) -> list | None:
    """The rows to export in the request, or ``None`` when there are more than ``EXPORT_MAX_ROWS`` (then
    ``start_background``)."""
    rows = list(queryset[: EXPORT_MAX_ROWS + 1])
    if len(rows) > EXPORT_MAX_ROWS:
        return None
    return rows


def start_background(request, kind: str):
    """Queue the export of the list ``kind`` with the request's filters, and send the user to its progress page."""
    from legalaid.core import tasks

    params = request.GET.copy()  # with a stored search: its filters (SavedSearchMiddleware), not the key
    for name in ("export", "page", "s"):
        params.pop(name, None)
    job = ExportJob.objects.create(
        user=request.user,
        kind=kind,
        params=params.urlencode(),
        request_id=current_request_id(),
        expires_at=timezone.now() + dt.timedelta(hours=settings.EXPORT_KEEP_HOURS),
    )
    transaction.on_commit(lambda: tasks.run_export.enqueue(job_id=job.pk))
    messages.info(
        request,
        _("Danh sách có hơn %(n)s dòng: tệp đang được tạo, tải về khi xong (tệp được giữ %(hours)s giờ).")
        % {"n": EXPORT_MAX_ROWS, "hours": settings.EXPORT_KEEP_HOURS},
    )
    return redirect("core:export_detail", pk=job.pk)


def without_export(request):
    """Back to the list with the same filters, without ``export``."""
    params = getattr(request, "url_params", request.GET).copy()  # a stored search stays behind its key
    params.pop("export", None)
    return redirect(f"{request.path}?{params.urlencode()}")


def log_export(user, rows, model, *, request_id: str | None = None) -> None:
    """One access-log row per exported sensitive record (who exported it, when, in which request).

    An export of zero rows is logged too, as one row with no object (someone looked, and found nothing).
    A background export passes the id of the request that asked for it.
    """
    content_type = ContentType.objects.get_for_model(model)
    request_id = current_request_id() if request_id is None else request_id
    if not rows:
        AccessLogEntry.objects.create(
            user=user,
            request_id=request_id,
            action=AccessAction.EXPORT,
            content_type=content_type,
            object_id="",
            object_repr="",
            centre_id=user.centre.pk if user.centre is not None else None,
        )
        return
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                user=user,
                request_id=request_id,
                action=AccessAction.EXPORT,
                content_type=content_type,
                object_id=str(row.pk),
                object_repr=str(row)[:255],
                centre_id=row.centre_id,
            )
            for row in rows
        ],
        batch_size=500,
    )
