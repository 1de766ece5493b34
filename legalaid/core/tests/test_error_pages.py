"""Error pages (issue 8, item 6): 400, 403, 404, 500 and the CSRF failure in Vietnamese, revealing nothing."""

import pytest
from django.db import DatabaseError
from django.test import Client

from legalaid.core import errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production_like(settings):
    settings.DEBUG = False


def assert_in_layout(html: str):
    assert 'class="navbar navbar-dark bg-primary' in html
    assert 'id="error-page"' in html
    assert "Về trang chủ" in html
    assert "Traceback" not in html


def test_a_missing_page_is_a_vietnamese_404_that_does_not_echo_the_path(client, world):
    client.force_login(world.a.officer)
    response = client.get("/khong-co-trang-nay-abc123/")
    html = response.content.decode()
    assert response.status_code == 404
    assert_in_layout(html)
    assert "Không tìm thấy trang" in html
    assert "khong-co-trang-nay-abc123" not in html
    assert 'id="sidebar"' in html, "a signed-in user keeps the navigation"


def test_a_missing_page_for_an_anonymous_visitor(client, db):
    response = client.get("/khong-co/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_forbidden_page_is_a_vietnamese_403_without_the_reason(client, world):
    client.force_login(world.a.lawyer)
    response = client.get("/quan-tri/nhat-ky/")
    html = response.content.decode()
    assert response.status_code == 403
    assert_in_layout(html)
    assert "Không có quyền truy cập" in html
    assert "view_audit" not in html


def test_a_post_without_csrf_token_gets_the_vietnamese_csrf_page(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.officer)
    response = client.post("/dang-xuat/")
    html = response.content.decode()
    assert response.status_code == 403
    assert_in_layout(html)
    assert "Biểu mẫu đã hết hiệu lực" in html
    assert "missing" not in html and "not set" not in html and "Referer" not in html


@pytest.mark.urls("legalaid.core.tests.error_urls")
def test_an_exception_gives_the_static_500_page_revealing_nothing(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.a.officer)
    response = client.get("/_thu-loi/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in html
    assert 'class="navbar navbar-dark bg-primary' in html
    for secret in ("secret-internal-detail", "LegalAidCase", "RuntimeError", "_thu-loi", "Traceback"):
        assert secret not in html


def test_the_500_page_needs_no_request_and_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = errors.server_error(None)
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_the_400_page(rf, world):
    request = rf.get("/")
    request.user = world.a.officer
    response = errors.bad_request(request)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


class BrokenUser:
    """A user whose every lookup fails, as when the database went away in the middle of the request."""

    @property
    def is_authenticated(self):
        raise DatabaseError("connection lost")


def test_a_layout_that_cannot_be_drawn_falls_back_to_the_static_page(rf):
    request = rf.get("/")
    request.user = BrokenUser()
    response = errors.page_not_found(request, Exception("x"))
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_the_error_pages_follow_the_language(client, db):
    client.post("/ngon-ngu/", {"language": "en", "next": "/"})
    response = client.get("/khong-co/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
