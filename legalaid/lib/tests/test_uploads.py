import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook

from legalaid.lib.uploads import RandomName, content_matches, extension, max_upload_bytes, stored_extension


def _docx() -> bytes:
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Đơn yêu cầu trợ giúp pháp lý")
    document.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def _zip(**parts: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


DOCX = _docx()
XLSX = _xlsx()
ODT = _zip(mimetype=b"application/vnd.oasis.opendocument.text", content_xml=b"<office:document-content/>")


@pytest.mark.parametrize(
    ("name", "content", "ext", "matches"),
    [
        ("Bản án.PDF", b"%PDF-1.7 ...", ".pdf", True),
        ("don.docx", DOCX, ".docx", True),
        ("so-lieu.xlsx", XLSX, ".xlsx", True),
        ("bien-ban.odt", ODT, ".odt", True),
        ("don.docx", b"MZ\x90\x00 an executable", ".docx", False),
        # the first four bytes of a zip are not enough: it must open and hold [Content_Types].xml
        ("don.docx", b"PK\x03\x04rest", ".docx", False),
        ("don.docx", _zip(payload_exe=b"MZ\x90\x00"), ".docx", False),
        ("don.docx", DOCX[: len(DOCX) // 2], ".docx", False),  # truncated: no central directory
        ("don.docx", DOCX[:-30], ".docx", False),  # the end of the central directory cut off
        ("so-lieu.xlsx", ODT, ".xlsx", False),
        ("bien-ban.odt", DOCX, ".odt", False),  # a zip, but not an OpenDocument text
        ("anh.jpg", b"\xff\xd8\xff\xe0", ".jpg", True),
        ("anh.png", b"\x89PNG\r\n\x1a\n...", ".png", True),
        ("so.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls", True),
        ("so.xls", b"PK\x03\x04", ".xls", False),
        ("script.sh", b"#!/bin/sh", ".sh", False),
        ("khongduoi", b"%PDF", "", False),
    ],
)
def test_a_file_is_known_by_its_extension_and_its_content(name, content, ext, matches):
    upload = SimpleUploadedFile(name, content)
    assert extension(upload) == ext
    assert content_matches(upload, ext) is matches
    assert upload.read() == content  # the check leaves the file at its start


def test_a_corrupted_content_types_part_is_refused():
    data = bytearray(DOCX)
    start = data.index(b"[Content_Types].xml") + len(b"[Content_Types].xml")
    data[start + 5] ^= 0xFF  # a byte of the compressed part: the CRC (or the inflate) fails
    assert content_matches(SimpleUploadedFile("don.docx", bytes(data)), ".docx") is False


def test_one_setting_limits_every_upload(settings):
    settings.UPLOAD_MAX_MB = 3
    assert max_upload_bytes() == 3 * 1024 * 1024


@pytest.mark.parametrize(
    ("uploaded", "ext"),
    [
        ("Đơn của Nguyễn Văn An.PDF", ".pdf"),
        ("../../etc/passwd", ""),
        ("a.tar.gz", ".gz"),
        ("bad.ph p", ""),
        ("noext", ""),
    ],
)
def test_stored_names_are_random_and_keep_only_a_plain_extension(uploaded, ext):
    name = RandomName("cases")(None, uploaded)
    assert re.fullmatch(r"cases/\d{4}/\d{2}/[0-9a-f]{32}" + re.escape(ext), name)
    assert stored_extension(uploaded) == ext
    assert name != RandomName("cases")(None, uploaded)
    assert RandomName("cases") == RandomName("cases/") and RandomName("cases") != RandomName("plans")
