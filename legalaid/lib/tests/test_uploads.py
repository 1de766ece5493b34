import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from legalaid.lib.uploads import content_matches, extension, max_upload_bytes


@pytest.mark.parametrize(
    ("name", "content", "ext", "matches"),
    [
        ("Bản án.PDF", b"%PDF-1.7 ...", ".pdf", True),
        ("don.docx", b"PK\x03\x04rest", ".docx", True),
        ("don.docx", b"MZ\x90\x00 an executable", ".docx", False),
        ("anh.jpg", b"\xff\xd8\xff\xe0", ".jpg", True),
        ("anh.png", b"\x89PNG\r\n\x1a\n...", ".png", True),
        ("so.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls", True),
        ("script.sh", b"#!/bin/sh", ".sh", False),
        ("khongduoi", b"%PDF", "", False),
    ],
)
def test_a_file_is_known_by_its_extension_and_its_first_bytes(name, content, ext, matches):
    upload = SimpleUploadedFile(name, content)
    assert extension(upload) == ext
    assert content_matches(upload, ext) is matches
    assert upload.read() == content  # the check leaves the file at its start


def test_one_setting_limits_every_upload(settings):
    settings.UPLOAD_MAX_MB = 3
    assert max_upload_bytes() == 3 * 1024 * 1024
