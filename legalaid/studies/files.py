"""Checks on uploaded documents (study versions, commendation decisions): size, extension and the file's own
signature, so that a renamed executable or an empty file is refused with a message beside the field."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: extension -> the first bytes a genuine file of that type starts with
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "docx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
    "doc": [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
}
ALLOWED_EXTENSIONS = tuple(SIGNATURES)


def max_upload_bytes() -> int:
    """Upload limit in bytes, ``DOCUMENT_UPLOAD_MAX_MB`` in settings (20 MB unless set)."""
    return int(getattr(settings, "DOCUMENT_UPLOAD_MAX_MB", 20)) * 1024 * 1024


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def check_document(upload, *, field: str = "file") -> str:
    """Validate an uploaded document; returns its lower-case extension. Raises ValidationError on ``field``."""
    name = getattr(upload, "name", "") or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in SIGNATURES:
        types = ", ".join(f".{e}" for e in ALLOWED_EXTENSIONS)
        raise _error(field, _("Chỉ nhận tệp %(types)s.") % {"types": types}, "file_type")
    size = getattr(upload, "size", 0) or 0
    if size == 0:
        raise _error(field, _("Tệp rỗng."), "file_empty")
    limit = max_upload_bytes()
    if size > limit:
        raise _error(field, _("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": limit // (1024 * 1024)}, "file_size")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES[ext]):
        raise _error(field, _("Nội dung tệp không đúng định dạng .%(ext)s.") % {"ext": ext}, "file_signature")
    return ext
