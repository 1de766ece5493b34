"""System accounts (the portal's per-unit account, each API key's own account) are marked, never shown among the
staff: not in the user list or a unit's staff, not editable, not offered in any picker of people."""

import pytest
from django.urls import reverse

from legalaid.api.choices import KeyKind
from legalaid.api.tests.helpers import make_key
from legalaid.core.models import User
from legalaid.portal.services import portal_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def system_accounts(world):
    portal = portal_actor(world.a.centre)
    key, _secret = make_key(world.a.director, KeyKind.NATIONAL)
    return [portal, key.user]


def test_they_are_marked_and_cannot_sign_in(system_accounts):
    for account in system_accounts:
        account.refresh_from_db()
        assert account.is_system_account
        assert not account.has_usable_password()


def test_the_user_list_and_the_unit_page_show_people_only(client, world, system_accounts):
    client.force_login(world.a.sysadmin)
    listing = client.get(reverse("core:user_list")).content.decode()
    unit = client.get(reverse("core:organisation_detail", args=[world.a.centre.pk])).content.decode()
    assert world.a.officer.full_name in listing
    for account in system_accounts:
        assert account.username not in listing
        assert reverse("core:user_detail", args=[account.pk]) not in unit


def test_a_system_account_cannot_be_edited(client, world, system_accounts):
    client.force_login(world.a.sysadmin)
    for account in system_accounts:
        assert client.get(reverse("core:user_edit", args=[account.pk])).status_code == 404
        response = client.post(reverse("core:user_edit", args=[account.pk]), {"full_name": "x", "password": "y"})
        assert response.status_code == 404
        account.refresh_from_db()
        assert not account.has_usable_password()


def test_pickers_of_people_leave_them_out(world, system_accounts):
    from legalaid.feedback.forms import _staff_of
    from legalaid.quality.forms import staff_of_centre

    ids = {account.pk for account in system_accounts}
    assert not ids & set(_staff_of(world.a.centre).values_list("pk", flat=True))
    assert not ids & set(
        staff_of_centre(world.a.centre.pk, [a.role for a in system_accounts]).values_list("pk", flat=True)
    )
    assert not ids & set(User.objects.visible_to(world.a.director).staff().values_list("pk", flat=True))
