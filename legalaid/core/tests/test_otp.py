"""The second factor (issue 14, item 1; docs/security.md): TOTP with single-use backup codes, required for every role
that sees persons or cases, enrolment on first login, wrong codes counted by the lock-out, an administrator's reset
(audited), self-service password reset by e-mail (audited, no user enumeration), and production refusing to run
without it. Everything from the outside: the login form, the second step, the pages."""

from __future__ import annotations

import base64
import io
import logging
import re
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from legalaid.core import otp
from legalaid.core.choices import AuditAction, Role
from legalaid.core.models import AuditEntry, User
from legalaid.core.tests.factories import PASSWORD, PERSONAS, UserFactory

pytestmark = pytest.mark.django_db

KEY = base64.b32decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")


@pytest.fixture(autouse=True)
def enforced(settings):
    """The root conftest turns the second factor off for every other test; here it is on, without the exponential
    wait django-otp puts between wrong codes (so that a test can type several in a row)."""
    settings.LEGALAID_OTP_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def enrol(user, key: bytes = KEY) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="default", key=key.hex(), confirmed=True)


def code_for(device: TOTPDevice, offset_steps: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():06d}"


def password_login(client, user, ip="10.0.0.9"):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, REMOTE_ADDR=ip)


def full_login(client, user) -> TOTPDevice:
    device = otp.totp_device(user) or enrol(user)
    password_login(client, user)
    response = client.post(reverse("otp_verify"), {"code": code_for(device)}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302 and response["Location"] == reverse("home"), response
    return device


# --- Who ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_role_must_use_the_second_factor(world, persona):
    """Every role sees persons or cases (core.scoping): none is exempt (docs/security.md lists why, role by role)."""
    assert otp.required_for(getattr(world.a, persona))


def test_superusers_must_and_an_account_with_no_role_need_not(world):
    assert otp.required_for(world.root)
    assert not otp.required_for(UserFactory(role="", organisation=None))
    assert set(otp.SECOND_FACTOR_ROLES) == set(Role)


# --- The door -------------------------------------------------------------------------------------------------------


def test_password_alone_does_not_open_a_case_page(client, world):
    from legalaid.cases.tests.factories import accepted_case

    user = world.a.intake
    case = accepted_case(user)
    enrol(user)
    response = password_login(client, user)
    assert response.status_code == 302
    page = reverse("cases:case_detail", args=[case.pk])
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == reverse("otp_verify") + "?next=" + page.replace("/", "%2F")
    # The second step page itself shows no navigation (nor the work count it would load).
    response = client.get(response["Location"])
    assert response.status_code == 200
    body = response.content.decode()
    assert "Xác thực hai bước" in body and 'id="sidebar"' not in body and "work_count" not in body
    assert response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]


def test_an_htmx_request_of_an_unverified_session_gets_an_hx_redirect(client, world):
    user = world.a.director
    enrol(user)
    password_login(client, user)
    response = client.get(reverse("core:work_count"), HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("otp_verify")
    assert response.content == b""
    # A POST is refused too, and nothing is written.
    response = client.post(reverse("core:user_otp_reset", args=[world.a.officer.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("otp_verify")


def test_a_user_without_authenticator_is_sent_to_enrolment_and_gets_ten_hashed_backup_codes(client, world):
    user = world.a.officer
    password_login(client, user)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("otp_enrol") + "?next=%2F"
    response = client.get(response["Location"])
    body = response.content.decode()
    assert response.status_code == 200
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    assert "style=" not in svg and "<script" not in svg.lower()
    secret = re.search(r'id="otp-secret"[^>]*>([A-Z2-7 ]+)<', body).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert base64.b32decode(secret) == device.bin_key

    # A wrong code first: an error next to the field, still not enrolled.
    response = client.post(reverse("otp_enrol"), {"code": "000000", "next": "/"})
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert not otp.is_enrolled(user)

    response = client.post(reverse("otp_enrol"), {"code": code_for(device), "next": "/"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    codes = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</li>", response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & {otp.normalise_code(c) for c in codes} and not stored & set(codes), "stored hashed"
    assert stored == {otp.backup_code_hash(c) for c in codes}
    assert otp.is_enrolled(user)
    # The session is verified: the home page opens.
    assert client.get(reverse("home")).status_code == 200
    assert AuditEntry.objects.filter(object_id=str(user.pk), message__startswith="Đăng ký xác thực hai bước").exists()
    # An enrolled user cannot come back to enrolment for a new key.
    assert client.get(reverse("otp_enrol"))["Location"] == reverse("home")


def test_the_right_code_opens_the_page_asked_for_and_a_code_is_used_once(client, world):
    user = world.a.deputy
    device = enrol(user)
    password_login(client, user)
    code = code_for(device)
    response = client.post(reverse("otp_verify"), {"code": code, "next": "/vu-viec/"})
    assert response["Location"] == "/vu-viec/"
    assert client.get(reverse("cases:case_list")).status_code == 200
    client.post(reverse("logout"))
    # The same code again (a replay within its 30 seconds) is refused.
    password_login(client, user)
    response = client.post(reverse("otp_verify"), {"code": code})
    assert response.status_code == 200 and "Mã không đúng" in response.content.decode()
    # A next address on another site is ignored.
    response = client.post(reverse("otp_verify"), {"code": code_for(device, 1), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_a_backup_code_works_once(client, world):
    user = world.a.lawyer
    enrol(user)
    codes = otp.backup_codes_renew(user=user)
    password_login(client, user)
    response = client.post(reverse("otp_verify"), {"code": codes[3].upper().replace("-", " ")})
    assert response["Location"] == reverse("home")
    assert StaticToken.objects.filter(device__user=user).count() == 9
    client.get(reverse("home"))  # the warning: 9 codes left
    client.post(reverse("logout"))
    password_login(client, user)
    response = client.post(reverse("otp_verify"), {"code": codes[3]})
    assert response.status_code == 200 and "Mã không đúng" in response.content.decode()
    assert client.post(reverse("otp_verify"), {"code": codes[4]})["Location"] == reverse("home")


def test_a_verified_user_makes_new_backup_codes_and_the_old_ones_stop_working(client, world):
    user = world.a.doj_officer
    enrol(user)
    old = otp.backup_codes_renew(user=user)
    full_login(client, user)
    page = client.get(reverse("account_security")).content.decode()
    assert 'id="backup-left">10<' in page
    response = client.post(reverse("account_security"))
    assert "no-store" in response["Cache-Control"]
    new = re.findall(r"<li>([a-z2-7-]{19})</li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert AuditEntry.objects.filter(object_id=str(user.pk), message="Tạo mã dự phòng mới").count() == 2
    client.post(reverse("logout"))
    password_login(client, user)
    assert client.post(reverse("otp_verify"), {"code": old[0]}).status_code == 200
    assert client.post(reverse("otp_verify"), {"code": new[0]})["Location"] == reverse("home")


# --- Wrong codes ----------------------------------------------------------------------------------------------------


def test_wrong_codes_end_the_session_and_are_logged(client, world, settings, caplog):
    settings.LEGALAID_OTP_MAX_FAILURES = 3
    user = world.a.branch_head
    enrol(user)
    password_login(client, user)
    for left in (2, 1):
        response = client.post(reverse("otp_verify"), {"code": "123456"}, REMOTE_ADDR="10.0.0.9")
        assert response.status_code == 200
        assert f"Còn {left} lần thử" in response.content.decode()
    with caplog.at_level(logging.WARNING, logger="legalaid.security"):
        response = client.post(reverse("otp_verify"), {"code": "123456"}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert f"user id {user.pk}" in caplog.text and user.username not in caplog.text
    # Logged out: a page sends to the login.
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))
    row = AuditEntry.objects.get(object_id=str(user.pk), message__startswith="Nhập sai mã xác thực")
    assert row.actor == user and row.action == AuditAction.ACTION
    # The lock-out counted each wrong code as a failed login of this username from this address.
    assert AccessAttempt.objects.get(username=user.username).failures_since_start == 3


def test_wrong_codes_reach_the_lockout_and_then_even_the_right_password_is_refused(client, world):
    user = world.a.admin_staff
    device = enrol(user)
    password_login(client, user)
    limit = django_settings.AXES_FAILURE_LIMIT
    for _i in range(limit - 1):
        assert client.post(reverse("otp_verify"), {"code": "654321"}, REMOTE_ADDR="10.0.0.9").status_code == 200
    response = client.post(reverse("otp_verify"), {"code": "654321"}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429 and "Tạm khóa đăng nhập" in response.content.decode()
    assert AuditEntry.objects.filter(object_id=str(user.pk), message__startswith="Nhập sai mã xác thực").exists()
    response = password_login(client, user)
    assert response.status_code == 429
    assert client.get(reverse("home")).status_code != 200
    assert otp.totp_device(user) == device


def test_a_good_code_forgives_the_wrong_ones_of_the_session(client, world):
    user = world.a.collaborator
    device = enrol(user)
    password_login(client, user)
    for _i in range(3):
        client.post(reverse("otp_verify"), {"code": "111111"})
    assert client.post(reverse("otp_verify"), {"code": code_for(device)})["Location"] == reverse("home")
    assert "legalaid_otp_failures" not in client.session


# --- An administrator's reset ---------------------------------------------------------------------------------------


def test_an_administrator_resets_a_second_factor_audited_and_the_user_enrols_again(client, world):
    admin, target = world.a.sysadmin, world.a.officer
    enrol(target)
    otp.backup_codes_renew(user=target)
    full_login(client, admin)
    page = client.get(reverse("core:user_detail", args=[target.pk])).content.decode()
    assert "Đặt lại xác thực hai bước" in page
    response = client.post(reverse("core:user_otp_reset", args=[target.pk]))
    assert response["Location"] == reverse("core:user_detail", args=[target.pk])
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert not StaticDevice.objects.filter(user=target).exists()
    row = AuditEntry.objects.get(object_id=str(target.pk), message__startswith="Đặt lại xác thực hai bước")
    assert row.actor == admin
    assert target.username in row.message and admin.username in row.message

    client.post(reverse("logout"))
    password_login(client, target)
    assert client.get(reverse("home"))["Location"].startswith(reverse("otp_enrol"))


def test_a_verified_session_of_the_reset_user_is_verified_no_more(client, world):
    from django.test import Client

    admin, target = world.a.sysadmin, world.a.intake
    target_client = Client()
    full_login(target_client, target)
    assert target_client.get(reverse("home")).status_code == 200
    full_login(client, admin)
    client.post(reverse("core:user_otp_reset", args=[target.pk]))
    assert target_client.get(reverse("home"))["Location"].startswith(reverse("otp_enrol"))


@pytest.mark.parametrize("persona", ["director", "officer", "doj_officer"])
def test_only_an_administrator_may_reset(client, world, persona):
    actor, target = getattr(world.a, persona), world.a.intake
    enrol(target)
    full_login(client, actor)
    response = client.post(reverse("core:user_otp_reset", args=[target.pk]))
    assert response.status_code in (403, 404)
    assert otp.is_enrolled(target)
    assert "otp-reset" not in client.get(reverse("core:user_detail", args=[target.pk])).content.decode()


def test_another_centres_administrator_gets_a_404(client, world):
    target = world.a.intake
    enrol(target)
    full_login(client, world.b.sysadmin)
    assert client.post(reverse("core:user_otp_reset", args=[target.pk])).status_code == 404
    assert otp.is_enrolled(target)


# --- Password reset by e-mail ---------------------------------------------------------------------------------------


def reset_mail_bodies() -> list[str]:
    return [row.args_kwargs["kwargs"]["body"] for row in DBTaskResult.objects.all()]


def test_password_reset_by_email_is_queued_audited_and_still_asks_for_the_code(
    client, world, django_capture_on_commit_callbacks
):
    user = world.a.officer
    user.email = "Lan.TGV@tgpl.example.vn"
    user.save()
    device = enrol(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "lan.tgv@tgpl.example.vn"})
    assert response["Location"] == reverse("password_reset_done")
    (body,) = reset_mail_bodies()
    assert DBTaskResult.objects.get().args_kwargs["kwargs"]["to"] == ["Lan.TGV@tgpl.example.vn"]
    assert AuditEntry.objects.filter(object_id=str(user.pk), message="Gửi thư đặt lại mật khẩu").exists()
    link = re.search(r"https?://[^/\s]+(/dat-lai-mat-khau/\S+/)", body).group(1)

    response = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    new_password = "Mat-khau-moi-2026"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response["Location"] == reverse("password_reset_complete")
    row = AuditEntry.objects.get(object_id=str(user.pk), message="Đặt lại mật khẩu qua thư điện tử")
    assert row.actor == user and "password" not in (row.after or {})
    # The link works once.
    assert "không hợp lệ" in client.get(link, follow=True).content.decode()
    # The new password is only the first step.
    client.post(reverse("login"), {"username": user.username, "password": new_password})
    assert client.get(reverse("home"))["Location"].startswith(reverse("otp_verify"))
    assert client.post(reverse("otp_verify"), {"code": code_for(device)})["Location"] == reverse("home")


def test_password_reset_tells_nothing_about_unknown_addresses(client, world, django_capture_on_commit_callbacks):
    inactive = world.a.lawyer
    inactive.email = "cu@tgpl.example.vn"
    inactive.is_active = False
    inactive.save()
    pages = []
    for email in ("khong-co@tgpl.example.vn", "cu@tgpl.example.vn"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("password_reset"), {"email": email})
        assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
        pages.append(client.get(response["Location"]).content.decode())
    assert not DBTaskResult.objects.exists()
    assert not AuditEntry.objects.filter(message="Gửi thư đặt lại mật khẩu").exists()
    # Bad input: a message next to the field, not an error page.
    response = client.post(reverse("password_reset"), {"email": "khong phai thu"})
    assert response.status_code == 200 and "invalid-feedback" in response.content.decode()


@override_settings(SITE_URL="https://tgpl.example.gov.vn")
def test_the_reset_link_uses_the_configured_site_not_the_host_header(client, world, django_capture_on_commit_callbacks):
    user = world.a.director
    user.email = "gd@tgpl.example.vn"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": user.email}, HTTP_HOST="localhost")
    (body,) = reset_mail_bodies()
    assert "https://tgpl.example.gov.vn/dat-lai-mat-khau/" in body


# --- Production, commands -------------------------------------------------------------------------------------------


def test_the_deploy_check_fails_in_production_with_the_second_factor_off(settings):
    settings.PRODUCTION = True
    settings.LEGALAID_OTP_REQUIRED = False
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id.startswith("legalaid.")]
    assert [e.id for e in errors] == ["legalaid.E001"]
    settings.LEGALAID_OTP_REQUIRED = True
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "legalaid.core.otp.SecondFactorMiddleware"]
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id.startswith("legalaid.")]
    assert [e.id for e in errors] == ["legalaid.E002"]


def test_the_deploy_check_is_quiet_in_development_and_with_the_factor_on(settings):
    settings.LEGALAID_OTP_REQUIRED = False
    assert not [e for e in run_checks(include_deployment_checks=True) if e.id.startswith("legalaid.")]
    settings.PRODUCTION = True
    settings.LEGALAID_OTP_REQUIRED = True
    assert not [e for e in run_checks(include_deployment_checks=True) if e.id.startswith("legalaid.")]


def test_production_settings_refuse_to_start_with_the_second_factor_off():
    from legalaid.core.tests.test_settings import LONG_KEY, run_settings

    result = run_settings(LEGALAID_ENV="production", SECRET_KEY=LONG_KEY, LEGALAID_OTP_REQUIRED="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "LEGALAID_OTP_REQUIRED" in result.stderr
    result = run_settings(
        "import legalaid.settings as s; print(s.LEGALAID_OTP_REQUIRED)", LEGALAID_ENV="production", SECRET_KEY=LONG_KEY
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_otp_enrol_sets_a_known_key_and_otp_code_prints_its_code(client, world):
    user = world.a.agency_officer
    out = io.StringIO()
    call_command("otp_enrol", user.username.upper(), "--secret", "JBSW Y3DP EHPK 3PXP", stdout=out)
    assert "secret: JBSWY3DPEHPK3PXP" in out.getvalue()
    device = otp.totp_device(user)
    assert device.bin_key == base64.b32decode("JBSWY3DPEHPK3PXP")
    assert AuditEntry.objects.filter(object_id=str(user.pk), message__contains="lệnh quản trị").exists()
    out = io.StringIO()
    call_command("otp_code", user.username, stdout=out, stderr=io.StringIO())
    code = out.getvalue().strip()
    assert re.fullmatch(r"\d{6}", code)
    password_login(client, user)
    assert client.post(reverse("otp_verify"), {"code": code})["Location"] == reverse("home")


def test_otp_code_refuses_in_production(settings, world):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("otp_code", world.a.director.username, stdout=io.StringIO())


def test_the_demo_accounts_get_the_demo_key_once():
    from legalaid.core import demo

    for name in ("admin", "giamdoc"):
        User.objects.create(username=name, role=Role.DIRECTOR if name != "admin" else "")
    assert demo.ensure_second_factor() == 2
    assert demo.ensure_second_factor() == 0
    device = otp.totp_device(User.objects.get(username="giamdoc"))
    assert device.bin_key == base64.b32decode(demo.DEMO_TOTP_SECRET)


def test_password_reset_requests_are_limited_per_account_and_per_address(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_MAILS_PER_USER = 2
    settings.PASSWORD_RESET_REQUESTS_PER_ADDRESS = 4
    user = world.a.intake
    user.email = "tn@tgpl.example.vn"
    user.save()
    for _i in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("password_reset"), {"email": user.email}, REMOTE_ADDR="10.1.1.1")
        assert response["Location"] == reverse("password_reset_done")
    assert DBTaskResult.objects.count() == 2, "the third e-mail to the same account is not sent"
    # The address's limit: the fifth request from it sends nothing, even to another account; another address may.
    other = world.a.director
    other.email = "gd@tgpl.example.vn"
    other.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": other.email}, REMOTE_ADDR="10.1.1.1")
        response = client.post(reverse("password_reset"), {"email": other.email}, REMOTE_ADDR="10.1.1.1")
    assert response["Location"] == reverse("password_reset_done")
    assert DBTaskResult.objects.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": other.email}, REMOTE_ADDR="10.2.2.2")
    assert DBTaskResult.objects.count() == 4
