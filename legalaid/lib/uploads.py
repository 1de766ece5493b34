"""Checks shared by every upload (case attachments, plan evidence, study versions, decisions).

A file is accepted by its extension AND its first bytes, so that a renamed executable is refused; the size limit is
one setting, ``UPLOAD_MAX_MB`` (env-driven, 20 MB by default). Each app words its own messages.
"""

from __future__ import annotations

import os

from django.conf import settings

#: extension (with the dot) -> the first bytes a genuine file of that type starts with
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def extension(upload) -> str:
    """The lower-case extension of an upload's name, with its dot ("" when it has none)."""
    return os.path.splitext(os.path.basename(getattr(upload, "name", "") or ""))[1].lower()


def max_upload_bytes() -> int:
    """The largest upload accepted anywhere: ``settings.UPLOAD_MAX_MB`` megabytes."""
    return int(getattr(settings, "UPLOAD_MAX_MB", 20)) * 1024 * 1024


def content_matches(upload, ext: str) -> bool:
    """True when the upload's first bytes are those of a genuine ``ext`` file (unknown types never match)."""
    signatures = SIGNATURES.get(ext)
    if not signatures:
        return False
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    return any(head.startswith(signature) for signature in signatures)
