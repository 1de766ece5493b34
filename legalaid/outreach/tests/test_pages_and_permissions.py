"""The pages from outside: each role, another unit's records, pinned query counts, photos through their view."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ..models import SessionPhoto
from .factories import flag, record_session

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

LIST_PAGES = ["outreach:session_list", "outreach:target_list", "outreach:entry_list", "outreach:call_list"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("director", 200),
        ("deputy", 200),
        ("officer", 200),
        ("intake", 200),
        ("branch_head", 200),
        ("branch_officer", 200),
        ("admin_staff", 200),
        ("doj_officer", 200),
        ("sysadmin", 200),
        ("lawyer", 403),
        ("collaborator", 403),
        ("agency_officer", 403),
    ],
)
def test_who_opens_the_lists(client, world, role, status):
    client.force_login(getattr(world.a, role))
    for name in LIST_PAGES:
        assert client.get(reverse(name)).status_code == status, name


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("branch_officer", 200), ("doj_officer", 403), ("lawyer", 403), ("agency_officer", 403)],
)
def test_who_records(client, world, role, status):
    client.force_login(getattr(world.a, role))
    for name in ("outreach:session_create", "outreach:call_create", "outreach:mobile"):
        assert client.get(reverse(name)).status_code == status, name


def test_another_centres_and_another_branchs_records_are_invisible(client, world):
    theirs = record_session(world.b.officer, topic="Của Trung tâm B")
    head_office = record_session(world.a.officer, topic="Của văn phòng Trung tâm A")
    branch2 = record_session(world.a.branch_officer, topic="Của Chi nhánh 1")
    client.force_login(world.a.officer)
    assert client.get(reverse("outreach:session_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("outreach:session_edit", args=[theirs.pk])).status_code == 404
    page = client.get(reverse("outreach:session_list")).content.decode()
    assert "Của văn phòng Trung tâm A" in page and "Của Chi nhánh 1" in page and "Của Trung tâm B" not in page
    client.force_login(world.a.branch_officer)
    assert client.get(reverse("outreach:session_detail", args=[head_office.pk])).status_code == 404
    assert client.get(reverse("outreach:session_detail", args=[branch2.pk])).status_code == 200


def test_the_department_reads_but_does_not_write(client, world):
    session = record_session(world.a.officer)
    client.force_login(world.a.doj_officer)
    assert client.get(reverse("outreach:session_detail", args=[session.pk])).status_code == 200
    assert client.get(reverse("outreach:session_edit", args=[session.pk])).status_code == 403
    assert client.post(reverse("outreach:photo_add", args=[session.pk]), {}).status_code in (302, 403)
    assert not SessionPhoto.objects.exists()


def test_writes_are_audited(world):
    from legalaid.core.models import AuditEntry

    session = record_session(world.a.officer)
    assert AuditEntry.objects.filter(object_id=str(session.pk), action="create").exists()


def test_session_list_queries_are_pinned(client, world, django_assert_max_num_queries):
    flag(world.a.centre.province.communes.order_by("pk")[0])
    for _ in range(3):
        record_session(world.a.officer)
    client.force_login(world.a.director)
    client.get(reverse("outreach:session_list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("outreach:session_list"))
    for _ in range(10):
        record_session(world.a.officer)
    with django_assert_max_num_queries(12):
        again = client.get(reverse("outreach:session_list"))
    assert response.status_code == again.status_code == 200


def test_call_list_queries_are_pinned(client, world, django_assert_max_num_queries):
    from .test_hotline import call

    for _ in range(3):
        call(client, world.a.officer)
    client.force_login(world.a.director)
    client.get(reverse("outreach:call_list"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("outreach:call_list")).status_code == 200


def test_a_photo_is_checked_and_served_only_through_its_view(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    session = record_session(world.a.officer)
    client.force_login(world.a.officer)
    url = reverse("outreach:photo_add", args=[session.pk])
    fake = SimpleUploadedFile("anh.jpg", b"MZ not an image", content_type="image/jpeg")
    client.post(url, {"file": fake})
    assert not SessionPhoto.objects.exists()
    client.post(url, {"file": SimpleUploadedFile("buổi họp.png", PNG, content_type="image/png")})
    photo = SessionPhoto.objects.get()
    assert "buổi" not in photo.file.name and photo.file.name.startswith("outreach/photos/")
    response = client.get(reverse("outreach:photo_download", args=[photo.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert "no-store" in response["Cache-Control"]
    client.force_login(world.b.officer)
    assert client.get(reverse("outreach:photo_download", args=[photo.pk])).status_code == 404


def test_hotline_numbers_are_in_every_pages_footer(client, world, settings):
    settings.LEGALAID_HOTLINES = "1800 1233|quốc gia;0205 375 75 55|Lạng Sơn"
    assert "0205 375 75 55" in client.get(reverse("login")).content.decode()
    client.force_login(world.a.officer)
    page = client.get(reverse("outreach:session_list")).content.decode()
    assert 'id="hotline-footer"' in page and "1800 1233" in page and "0205 375 75 55" in page
