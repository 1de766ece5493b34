"""Issue 14 item 5: uploaded files leave the server only through their record's download view (scoped, permission
checked, logged, never cached, under a safe name); ``/media/...`` is served to nobody, also with DEBUG on."""

import importlib
import re
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import Resolver404, clear_url_caches, resolve, reverse

from legalaid.cases.choices import CaseStatus
from legalaid.cases.tests.factories import case_in
from legalaid.core.models import AccessLogEntry
from legalaid.core.tests.factories import PERSONAS
from legalaid.lib.downloads import safe_filename
from legalaid.lib.uploads import RandomName

PDF = b"%PDF-1.7\n" + b"1" * 200
UPLOADED = "Đơn của Nguyễn Văn An.pdf"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def attachment(client, world):
    case = case_in(world.a.director, CaseStatus.IN_PROGRESS)
    client.force_login(world.a.officer)
    response = client.post(
        reverse("cases:attachment_add", kwargs={"pk": case.pk}), {"file": SimpleUploadedFile(UPLOADED, PDF)}
    )
    assert response.status_code == 302
    client.logout()
    return case.attachments.get()


def download_url(attachment):
    return reverse("cases:attachment_download", kwargs={"pk": attachment.pk})


def test_every_file_field_stores_under_a_random_name():
    fields = [
        field
        for model in apps.get_models()
        if model.__module__.startswith("legalaid.")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert len(fields) >= 6
    for field in fields:
        assert isinstance(field.upload_to, RandomName), f"{field.model.__name__}.{field.name}"


def test_the_stored_name_is_random_and_the_uploaded_name_is_kept_for_display(attachment):
    assert re.fullmatch(r"cases/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", attachment.file.name)
    assert attachment.original_name == UPLOADED


def test_the_download_is_logged_never_cached_and_named_safely(client, world, attachment):
    client.force_login(world.a.officer)
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"] and response["Pragma"] == "no-cache"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''" + quote(UPLOADED) in disposition
    assert attachment.file.name.rsplit("/", 1)[-1] not in disposition
    entry = AccessLogEntry.objects.get(action="download")
    assert (entry.user, entry.object_id) == (world.a.officer, str(attachment.case_id))


def test_behind_nginx_the_view_answers_with_x_accel_redirect(client, world, attachment, settings):
    settings.LEGALAID_MEDIA_ACCEL_PREFIX = "/_protected_media/"
    client.force_login(world.a.director)
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected_media/{attachment.file.name}"
    assert response.content == b""
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")
    assert AccessLogEntry.objects.filter(action="download").count() == 1
    attachment.file.storage.delete(attachment.file.name)
    assert client.get(download_url(attachment)).status_code == 404


def test_anonymous_gets_the_login_page(client, attachment):
    response = client.get(download_url(attachment))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_another_centre_never_gets_the_file(client, world, attachment, persona):
    client.force_login(getattr(world.b, persona))
    response = client.get(download_url(attachment))
    assert response.status_code in (403, 404)
    assert not AccessLogEntry.objects.filter(action="download").exists()


@pytest.mark.parametrize("debug", [False, True])
def test_media_urls_are_served_to_nobody(client, world, attachment, settings, debug):
    settings.DEBUG = debug
    import legalaid.urls

    importlib.reload(legalaid.urls)  # the URLconf as DEBUG builds it
    clear_url_caches()
    try:
        path = f"/media/{attachment.file.name}"
        with pytest.raises(Resolver404):
            resolve(path)
        assert client.get(path).status_code == 404
        client.force_login(world.a.director)
        assert client.get(path).status_code == 404
    finally:
        settings.DEBUG = False
        importlib.reload(legalaid.urls)
        clear_url_caches()


@pytest.mark.parametrize(
    ("uploaded", "offered"),
    [
        ("Đơn.pdf", "Đơn.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\an\\Bản án.docx", "Bản án.docx"),
        ('a"b;c\r\nSet-Cookie: x.pdf', "a_b_c Set-Cookie_ x.pdf"),
        ("", "tai-lieu.pdf"),
        ("..", "tai-lieu.pdf"),
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
    ],
)
def test_safe_filename(uploaded, offered):
    assert safe_filename(uploaded, stored_name="cases/2026/12/abc.pdf") == offered


def test_a_plan_source_keeps_its_uploaded_name_for_display_only(client, world):
    from legalaid.plans import services as plan_services
    from legalaid.plans.tests.factories import plan_data

    draft = plan_services.draft_create(
        actor=world.a.admin_staff, data=plan_data(), source_name="Kế hoạch 2026.txt", content=b"abc"
    )
    assert re.fullmatch(r"plans/drafts/\d{4}/\d{2}/[0-9a-f]{32}\.txt", draft.source_file.name)
    plan = plan_services.draft_save(actor=world.a.admin_staff, draft=draft)
    assert re.fullmatch(r"plans/sources/\d{4}/\d{2}/[0-9a-f]{32}\.txt", plan.source_file.name)
    assert plan.source_name == "Kế hoạch 2026.txt"
    url = reverse("plans:plan_source", kwargs={"pk": plan.pk})
    client.force_login(world.b.director)
    assert client.get(url).status_code == 404
    client.force_login(world.a.director)
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"abc"
    assert "filename*=utf-8''" + quote("Kế hoạch 2026.txt") in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert AccessLogEntry.objects.filter(action="download", object_id=str(plan.pk)).count() == 1


def test_an_office_file_is_accepted_only_if_it_opens_as_one(client, world):
    import io
    import zipfile

    from docx import Document

    from legalaid.core.tests.html import field_errors

    buffer = io.BytesIO()
    Document().save(buffer)
    real = buffer.getvalue()
    renamed = io.BytesIO()
    with zipfile.ZipFile(renamed, "w") as archive:
        archive.writestr("payload.exe", b"MZ\x90\x00")
    case = case_in(world.a.director, CaseStatus.IN_PROGRESS)
    client.force_login(world.a.officer)
    add = reverse("cases:attachment_add", kwargs={"pk": case.pk})
    for bad in (renamed.getvalue(), real[: len(real) // 2]):
        response = client.post(add, {"file": SimpleUploadedFile("Đơn.docx", bad)})
        assert response.status_code == 200
        assert field_errors(response)["file"] == ["Nội dung tệp không đúng với định dạng .docx."]
    assert not case.attachments.exists()
    assert client.post(add, {"file": SimpleUploadedFile("Đơn.docx", real)}).status_code == 302
    assert case.attachments.get().original_name == "Đơn.docx"
