"""Checks shared by every upload (case attachments, plan evidence, study versions, decisions), and their stored names.

A file is accepted by its extension AND its content, so that a renamed executable is refused: a PDF, an image or an
old Office file (.doc, .xls: OLE compound documents) by its first bytes; a new Office file (.docx, .xlsx, .pptx) only
if it opens as a zip archive holding ``[Content_Types].xml``, and an OpenDocument file (.odt, .ods) only if it opens
as a zip whose ``mimetype`` entry names its type. A truncated or corrupted archive does not open and is refused. The
size limit is one setting, ``UPLOAD_MAX_MB`` (env-driven, 20 MB by default). Each app words its own messages.

Stored names are random (``RandomName``): ``<prefix>/<yyyy>/<mm>/<uuid4 hex><ext>``; the uploaded name is kept in a
model field for display and for the download's ``filename*``, never used on disk (docs/security.md).
"""

from __future__ import annotations

import os
import re
import uuid
import zipfile
import zlib

from django.conf import settings
from django.utils import timezone
from django.utils.deconstruct import deconstructible

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

#: extension (with the dot) -> the first bytes a genuine file of that type starts with
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    # Old Office files are OLE compound documents; the signature is the check the project settled on (no OLE parser).
    ".doc": (OLE,),
    ".xls": (OLE,),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".pptx": (ZIP,),
    ".odt": (ZIP,),
    ".ods": (ZIP,),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}

#: Office Open XML: a zip holding this part (ECMA-376 Part 2, Open Packaging Conventions).
OOXML_EXTENSIONS = {".docx", ".xlsx", ".pptx"}
OOXML_CONTENT_TYPES = "[Content_Types].xml"
#: OpenDocument: a zip whose ``mimetype`` entry is this (OASIS ODF 1.2 Part 3, 3.3).
ODF_MIMETYPES = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
#: A part read to check the archive is never larger than this (a zip bomb gives up here).
_MAX_PART_BYTES = 1024 * 1024


def extension(upload) -> str:
    """The lower-case extension of an upload's name, with its dot ("" when it has none)."""
    return os.path.splitext(os.path.basename(getattr(upload, "name", "") or ""))[1].lower()


def max_upload_bytes() -> int:
    """The largest upload accepted anywhere: ``settings.UPLOAD_MAX_MB`` megabytes."""
    return int(getattr(settings, "UPLOAD_MAX_MB", 20)) * 1024 * 1024


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """A part of the archive, read whole (so its CRC is checked), or None when it is absent, too large or corrupt."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART_BYTES:
        return None
    try:
        with archive.open(info) as part:
            return part.read(_MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError):
        return None


def _opens_as_package(upload, ext: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            if ext in OOXML_EXTENSIONS:
                return _read_part(archive, OOXML_CONTENT_TYPES) is not None
            mimetype = _read_part(archive, "mimetype")
            return mimetype is not None and mimetype.strip() == ODF_MIMETYPES[ext]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False


def content_matches(upload, ext: str) -> bool:
    """True when the upload's content is that of a genuine ``ext`` file (unknown types never match).

    Leaves the file at its start."""
    signatures = SIGNATURES.get(ext)
    if not signatures:
        return False
    upload.seek(0)
    try:
        head = upload.read(8)
        if not any(head.startswith(signature) for signature in signatures):
            return False
        if ext in OOXML_EXTENSIONS or ext in ODF_MIMETYPES:
            upload.seek(0)
            return _opens_as_package(upload, ext)
        return True
    finally:
        upload.seek(0)


_SAFE_EXTENSION = re.compile(r"^\.[a-z0-9]{1,8}$")


def stored_extension(filename: str) -> str:
    """The extension to give a stored file: the upload's, lower case, if it is plain letters and digits; else ""."""
    ext = os.path.splitext(os.path.basename(filename or ""))[1].lower()
    return ext if _SAFE_EXTENSION.match(ext) else ""


@deconstructible
class RandomName:
    """``upload_to`` giving every stored file a random name: ``<prefix>/<yyyy>/<mm>/<uuid4 hex><ext>``.

    The uploaded name never reaches the disk (it may hold a person's name); keep it in a model field."""

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename: str) -> str:
        today = timezone.localdate()
        return f"{self.prefix}/{today:%Y}/{today:%m}/{uuid.uuid4().hex}{stored_extension(filename)}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.prefix == self.prefix

    def __hash__(self) -> int:
        return hash(self.prefix)
