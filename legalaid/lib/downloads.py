"""Serving a stored file (an upload) to a user the view has already checked: the one way media leaves the server.

The view fetches the owning record through ``visible_to(request.user)``, checks the permission and writes
``audit.log_access``; then ``file_response`` answers with the file as an attachment, never cached, under a safe
filename built from the name the user uploaded (never the stored name). In production nginx sends the bytes: with
``LEGALAID_MEDIA_ACCEL_PREFIX`` set (e.g. ``/_protected_media/``), the response carries only an ``X-Accel-Redirect``
header to an ``internal`` location (docs/deploy.md); without it, Django streams the file (``FileResponse``).
``/media/...`` itself is served by nobody, also with DEBUG on.
"""

from __future__ import annotations

import mimetypes
import os
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

from legalaid.lib.uploads import stored_extension

DEFAULT_NAME = "tai-lieu"


def no_store(response):
    """Forbid every cache (browser, proxy) to keep the response: it holds personal data."""
    if "no-store" not in response.get("Cache-Control", ""):  # a view's own no-store is kept as it wrote it
        response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0, private"
    response["Pragma"] = "no-cache"
    response["Expires"] = "0"
    return response


def safe_filename(name: str, *, stored_name: str = "") -> str:
    """The name a download is offered under: the uploaded name without any folder, control or separator character,
    at most 150 characters, keeping its extension; ``tai-lieu<ext>`` when nothing is left."""
    base = os.path.basename((name or "").replace("\\", "/"))
    cleaned = "".join(
        " " if unicodedata.category(ch).startswith(("C", "Z")) else ch for ch in unicodedata.normalize("NFC", base)
    )
    cleaned = " ".join(cleaned.split()).strip(" .")
    for ch in '/\\:*?"<>|;':
        cleaned = cleaned.replace(ch, "_")
    if not cleaned:
        return DEFAULT_NAME + stored_extension(stored_name)
    stem, ext = os.path.splitext(cleaned)
    if len(cleaned) > 150:
        cleaned = stem[: 150 - len(ext)] + ext
    return cleaned


def file_response(field_file, *, filename: str, content_type: str = "") -> HttpResponse:
    """The stored file as a download (see the module's docstring). A missing file is a 404."""
    if not field_file or not field_file.name:
        raise Http404
    storage = field_file.storage
    offered = safe_filename(filename, stored_name=field_file.name)
    content_type = content_type or mimetypes.guess_type(offered)[0] or "application/octet-stream"
    prefix = getattr(settings, "LEGALAID_MEDIA_ACCEL_PREFIX", "")
    if prefix:
        if not storage.exists(field_file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = "/" + prefix.strip("/") + "/" + quote(field_file.name.lstrip("/"))
    else:
        try:
            handle = field_file.open("rb")
        except (FileNotFoundError, OSError) as missing:
            raise Http404 from missing
        response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=offered)
    response["X-Content-Type-Options"] = "nosniff"
    return no_store(response)
