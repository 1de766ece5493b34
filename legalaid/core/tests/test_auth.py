"""Logging in and out, lock-out after repeated failures, session timeout, password change, and the
Content-Security-Policy (no inline script or style in any page)."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from legalaid.core.tests.factories import PASSWORD, PERSONAS
from legalaid.core.tests.html import field_errors, parse

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Mat-khau-moi-2026-rat-dai"


def login(client, username, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


# --- Login and logout ----------------------------------------------------------------------------------------------


def test_login_page_is_vietnamese(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    doc = parse(response)
    assert doc.xpath("/html/@lang") == ["vi"]
    body = response.content.decode()
    for text in ("Tên đăng nhập", "Mật khẩu", "Đăng nhập hệ thống quản lý trợ giúp pháp lý", "bị tạm khóa 30 phút"):
        assert text in body
    assert doc.xpath('//label[@for="id_username"]/text()') == ["Tên đăng nhập"]


def test_login_and_logout(client, world):
    response = login(client, world.a.director.username)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert int(client.session["_auth_user_id"]) == world.a.director.pk
    response = client.get(reverse("home"))
    assert response.status_code == 200 and world.a.director.full_name in response.content.decode()

    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("home")).status_code == 302


def test_logout_needs_a_post(client, world):
    client.force_login(world.a.director)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("home")).status_code == 200


def test_login_redirects_to_next_only_on_this_site(client, world):
    url = reverse("login") + "?next=" + reverse("core:calendar")
    response = client.post(
        url, {"username": world.a.director.username, "password": PASSWORD, "next": "/quan-tri/lich/"}
    )
    assert response["Location"] == "/quan-tri/lich/"
    client.post(reverse("logout"))
    response = client.post(
        reverse("login"), {"username": world.a.director.username, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("home")


def test_wrong_password_gives_a_vietnamese_message(client, world):
    response = login(client, world.a.director.username, "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_account_cannot_log_in(client, world):
    world.a.director.is_active = False
    world.a.director.save()
    response = login(client, world.a.director.username)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


# --- Lock-out (django-axes) ----------------------------------------------------------------------------------------


def test_lockout_after_the_failure_limit(client, world):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    username = world.a.director.username
    for _ in range(limit - 1):
        response = login(client, username, "sai-mat-khau")
        assert response.status_code == 200
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    response = login(client, username, "sai-mat-khau")  # the 5th failure locks
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()

    # Locked: even the right password is refused, with the locked-out page in Vietnamese.
    response = login(client, username)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Tạm khóa đăng nhập" in body and "30 phút" in body
    assert parse(response).xpath("/html/@lang") == ["vi"]
    assert "_auth_user_id" not in client.session

    # The lock is for that account from that address: a colleague can still log in.
    response = login(client, world.a.deputy.username)
    assert response.status_code == 302


def test_fewer_failures_than_the_limit_then_success_resets_the_count(client, world):
    username = world.a.director.username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, username, "sai-mat-khau")
    assert login(client, username).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, username, "sai-mat-khau").status_code == 200
    assert login(client, username).status_code == 302


def test_lockout_settings():
    assert settings.AXES_COOLOFF_TIME == 0.5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "ip_address", "username"]
    assert settings.AXES_IP_FAILURE_LIMIT == 20
    assert settings.AXES_USERNAME_FAILURE_LIMIT == 10
    assert settings.AXES_RESET_ON_SUCCESS is True


# --- Session timeout -----------------------------------------------------------------------------------------------


def test_session_settings():
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_SAVE_EVERY_REQUEST is False  # saved when it changes or its expiry must slide
    assert settings.SESSION_ENGINE == "legalaid.core.sessions"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_session_expires_after_30_idle_minutes_and_slides_with_activity(client, world):
    assert login(client, world.a.director.username).status_code == 302
    session_key = client.session.session_key

    # Activity pushes the expiry 30 minutes ahead again.
    Session.objects.filter(pk=session_key).update(expire_date=timezone.now() + dt.timedelta(minutes=1))
    assert client.get(reverse("home")).status_code == 200
    expiry = Session.objects.get(pk=session_key).expire_date
    assert expiry > timezone.now() + dt.timedelta(minutes=29)
    assert expiry <= timezone.now() + dt.timedelta(minutes=30)

    # 30 minutes without a request: the session is gone and the next page asks for the login again.
    Session.objects.filter(pk=session_key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_session_cookie_ends_with_the_browser(client, world):
    response = login(client, world.a.director.username)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"]


# --- Password change -----------------------------------------------------------------------------------------------


def test_password_change(client, world):
    user = world.a.officer
    client.force_login(user)
    response = client.get(reverse("password_change"))
    assert response.status_code == 200
    assert "Đổi mật khẩu" in response.content.decode()
    assert parse(response).xpath('//input[@type="password"]/@name') == [
        "old_password",
        "new_password1",
        "new_password2",
    ]

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    from legalaid.core.models import AuditEntry

    entry = AuditEntry.objects.get(object_id=str(user.pk), message="Đổi mật khẩu")
    assert entry.actor == user
    assert "password" not in (entry.after or {})
    # Still logged in after the change (the session hash is updated).
    assert client.get(reverse("password_change_done")).status_code == 200
    client.post(reverse("logout"))
    assert login(client, user.username, NEW_PASSWORD).status_code == 302


def test_password_change_errors_are_shown_beside_the_fields(client, world):
    user = world.a.officer
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "khong-dung", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "old_password" in field_errors(response)
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"}
    )
    errors = field_errors(response)
    assert "new_password2" in errors
    assert "10" in " ".join(errors["new_password2"])  # at least 10 characters
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_needs_login(client, db):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# --- Content-Security-Policy ---------------------------------------------------------------------------------------


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_csp_header_forbids_inline_code(client, world):
    for response in (client.get(reverse("login")), login(client, world.a.director.username)):
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header
        directives = csp_directives(response)
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
    client.force_login(world.a.director)
    assert "unsafe-inline" not in client.get(reverse("home"))["Content-Security-Policy"]


def inline_code(response) -> list[str]:
    """Everything in a page that a strict CSP would block: inline scripts, style attributes and elements, event
    handler attributes, javascript: links, htmx's inline handlers."""
    doc = parse(response)
    found = []
    for script in doc.xpath("//script"):
        if not script.get("src") or (script.text or "").strip():
            found.append("inline <script>")
    found += [f"<style> {s.text_content()[:40]}" for s in doc.xpath("//style")]
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name == "style" or name.startswith("on") or name.startswith("hx-on"):
                found.append(f"<{element.tag} {name}={value[:40]!r}>")
            if name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value[:40]!r}>")
    return found


def test_login_and_locked_out_pages_have_no_inline_code(client, world):
    assert inline_code(client.get(reverse("login"))) == []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, world.a.director.username, "sai")
    assert response.status_code == 429
    assert inline_code(response) == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_home_pages_have_no_inline_code(client, world, persona):
    client.force_login(getattr(world.a, persona))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert inline_code(response) == []


def test_core_pages_have_no_inline_code(client, world):
    from legalaid.core.models import Commune

    client.force_login(world.a.sysadmin)
    commune = Commune.objects.first()
    urls = [
        reverse("core:organisation_list"),
        reverse("core:organisation_detail", args=[world.a.branch1.pk]),
        reverse("core:organisation_edit", args=[world.a.branch1.pk]),
        reverse("core:organisation_create"),
        reverse("core:user_list"),
        reverse("core:user_detail", args=[world.a.officer.pk]),
        reverse("core:user_edit", args=[world.a.officer.pk]),
        reverse("core:user_create"),
        reverse("core:commune_list"),
        reverse("core:commune_detail", args=[commune.pk]),
        reverse("core:calendar"),
        reverse("core:audit_list"),
        reverse("core:access_log_list"),
        reverse("password_change"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_code(response) == [], url
    # A form re-rendered with errors too.
    response = client.post(reverse("core:organisation_create"), {"kind": "branch", "name": ""})
    assert response.status_code == 200
    assert inline_code(response) == []
