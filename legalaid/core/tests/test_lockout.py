"""Lock-out that also stops password spraying (issue 14, item 2; docs/security.md): 5 failures on a username from one
address, 20 from one address across usernames, 10 on one username across addresses; usernames compare
case-insensitively. Everything from the outside, through the login page, as seen from the client's address."""

import pytest
from django.conf import settings
from django.urls import reverse

from legalaid.core.models import User
from legalaid.core.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

WRONG = "Mua-xuan-2026"
LOCKED = "Tạm khóa đăng nhập"


def login(client, username, password=PASSWORD, ip="10.0.0.1", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def assert_locked_out(response):
    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body and "30 phút" in body


def test_spraying_one_password_over_25_accounts_is_stopped_at_the_address_limit(client, world):
    limit = settings.AXES_IP_FAILURE_LIMIT
    assert limit == 20
    usernames = [f"nguoidung{i}" for i in range(25)]
    for i, username in enumerate(usernames[: limit - 1]):
        response = login(client, username, WRONG)
        assert response.status_code == 200, i
    assert_locked_out(login(client, usernames[limit - 1], WRONG))
    for username in usernames[limit:]:
        assert_locked_out(login(client, username, WRONG))
    # The whole address is held, even with a right password (the trade-off docs/security.md describes)...
    assert_locked_out(login(client, world.a.director.username))
    # ...and no other.
    assert login(client, world.a.director.username, ip="10.0.0.2").status_code == 302


def test_a_username_tried_from_10_addresses_is_locked_everywhere(client, world):
    limit = settings.AXES_USERNAME_FAILURE_LIMIT
    assert limit == 10
    username = world.a.director.username
    for i in range(limit - 1):
        assert login(client, username, WRONG, ip=f"10.0.1.{i}").status_code == 200
    assert_locked_out(login(client, username, WRONG, ip=f"10.0.1.{limit}"))
    # The right person from a fresh address is refused too, until the cool-off ends.
    response = login(client, username, ip="10.9.9.9")
    assert_locked_out(response)
    assert "_auth_user_id" not in client.session
    # Other accounts are not affected.
    assert login(client, world.a.deputy.username, ip="10.9.9.9").status_code == 302


def test_a_colleague_behind_the_same_address_is_not_locked_out_by_another_users_failures(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, world.a.director.username, WRONG, ip="203.0.113.7")
    assert_locked_out(response)
    assert_locked_out(login(client, world.a.director.username, ip="203.0.113.7"))
    assert login(client, world.a.deputy.username, ip="203.0.113.7").status_code == 302


def test_a_good_login_does_not_wipe_the_address_count_of_other_usernames(client, world):
    """Else one owned account would let an attacker spray, log in, and spray again."""
    for i in range(settings.AXES_IP_FAILURE_LIMIT - 1):
        login(client, f"nguoidung{i}", WRONG)
    assert login(client, world.a.deputy.username).status_code == 302
    client.post(reverse("logout"))
    assert_locked_out(login(client, "nguoidung99", WRONG))


def test_the_lockout_page_does_not_tell_whether_the_username_exists(client, world):
    pages = []
    for username in (world.a.director.username, "khongtontai"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            response = login(client, username, WRONG, ip="10.0.2.1")
        assert_locked_out(response)
        pages.append(response.content.decode().replace("khongtontai", "").replace(username, ""))
    assert "khongtontai" not in pages[1]
    assert pages[0].split("<main")[-1].split("</main>")[0] == pages[1].split("<main")[-1].split("</main>")[0]


def test_the_address_is_the_one_the_trusted_proxy_saw(client, world, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for i in range(settings.AXES_FAILURE_LIMIT):
        # The client forges a left-most entry each time; nginx appends the real address.
        response = login(
            client, world.a.director.username, WRONG, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 198.51.100.5"
        )
    assert_locked_out(response)
    assert (
        login(client, world.a.director.username, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.6").status_code == 302
    )


# --- Case-insensitive usernames ------------------------------------------------------------------------------------


def test_login_ignores_the_case_of_the_username(client, world):
    user = world.a.director
    response = login(client, user.username.upper())
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_failures_count_against_one_username_whatever_the_case(client, world):
    username = world.a.director.username
    variants = [username.upper(), username.title(), username, username.swapcase(), username.upper()]
    for variant in variants[:-1]:
        assert login(client, variant, WRONG).status_code == 200
    assert_locked_out(login(client, variants[-1], WRONG))
    assert_locked_out(login(client, username))
    assert_locked_out(login(client, username.upper()))


def test_an_account_differing_only_by_case_is_refused(client, world):
    client.force_login(world.a.sysadmin)
    existing = world.a.director.username
    response = client.post(
        reverse("core:user_create"),
        {
            "username": existing.upper(),
            "full_name": "Người trùng tên",
            "role": world.a.director.role,
            "organisation": world.a.director.organisation_id,
            "is_active": "on",
            "password": "Mot-mat-khau-rat-dai-2026",
        },
    )
    assert response.status_code == 200
    assert "Đã có tài khoản với tên đăng nhập này" in response.content.decode()
    assert User.objects.filter(username__iexact=existing).count() == 1


def test_the_service_refuses_an_account_differing_only_by_case(world):
    from django.core.exceptions import ValidationError

    from legalaid.core.services import user_save

    user = User(
        username=world.a.officer.username.upper(),
        full_name="Người trùng tên",
        role=world.a.officer.role,
        organisation=world.a.officer.organisation,
    )
    with pytest.raises(ValidationError) as error:
        user_save(actor=world.a.sysadmin, user=user, password="Mot-mat-khau-rat-dai-2026")
    assert "username" in error.value.message_dict
    # Editing an account and keeping its own name is fine.
    officer = world.a.officer
    officer.job_title = "Chuyên viên"
    user_save(actor=world.a.sysadmin, user=officer)


def test_the_database_refuses_an_account_differing_only_by_case(world):
    """The unique index on lower(username) holds even for a write that skips the model's validation."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username=world.a.officer.username.upper(), full_name="Người trùng tên")
