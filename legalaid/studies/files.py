"""Checks on uploaded documents (study versions, commendation decisions): size, extension and the file's own
signature, so that a renamed executable or an empty file is refused with a message beside the field."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from legalaid.lib.uploads import content_matches, extension, max_upload_bytes

#: Document types a study version or a decision may be.
ALLOWED_EXTENSIONS = ("pdf", "docx", "odt", "doc")


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def check_document(upload, *, field: str = "file") -> str:
    """Validate an uploaded document; returns its lower-case extension. Raises ValidationError on ``field``."""
    ext = extension(upload).lstrip(".")
    if ext not in ALLOWED_EXTENSIONS:
        types = ", ".join(f".{e}" for e in ALLOWED_EXTENSIONS)
        raise _error(field, _("Chỉ nhận tệp %(types)s.") % {"types": types}, "file_type")
    size = getattr(upload, "size", 0) or 0
    if size == 0:
        raise _error(field, _("Tệp rỗng."), "file_empty")
    limit = max_upload_bytes()
    if size > limit:
        raise _error(field, _("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": limit // (1024 * 1024)}, "file_size")
    if not content_matches(upload, f".{ext}"):
        raise _error(field, _("Nội dung tệp không đúng định dạng .%(ext)s.") % {"ext": ext}, "file_signature")
    return ext
