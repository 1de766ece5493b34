"""Excel exports of lists: the row limit, the refusal message and the access-log rows of exported sensitive records.

Exports read the same FilterSet as the page (STYLE.md rule 18), so they hold exactly what the user sees.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from legalaid.core.choices import AccessAction
from legalaid.core.middleware import current_request_id
from legalaid.core.models import AccessLogEntry

#: Larger exports are refused with a message (background exports come with the reports issue).
EXPORT_MAX_ROWS = 5000


def rows_or_none(request, queryset) -> list | None:
    """The rows to export, or ``None`` (with a message to the user) when there are more than ``EXPORT_MAX_ROWS``."""
    rows = list(queryset[: EXPORT_MAX_ROWS + 1])
    if len(rows) > EXPORT_MAX_ROWS:
        messages.error(request, _("Danh sách có hơn %(n)s dòng: hãy lọc bớt rồi xuất lại.") % {"n": EXPORT_MAX_ROWS})
        return None
    return rows


def without_export(request):
    """Back to the list with the same filters, without ``export``."""
    params = getattr(request, "url_params", request.GET).copy()  # a stored search stays behind its key
    params.pop("export", None)
    return redirect(f"{request.path}?{params.urlencode()}")


def log_export(user, rows, model) -> None:
    """One access-log row per exported sensitive record (who exported it, when, in which request).

    An export of zero rows is logged too, as one row with no object (someone looked, and found nothing).
    """
    content_type = ContentType.objects.get_for_model(model)
    if not rows:
        AccessLogEntry.objects.create(
            user=user,
            request_id=current_request_id(),
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
                request_id=current_request_id(),
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
