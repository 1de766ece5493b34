"""One label per role: the top bar and the provider record agree; the unit is named once (issue 8, item 6)."""

import pytest
from django.urls import reverse

from legalaid.core.models import User
from legalaid.core.tests.html import parse
from legalaid.providers.choices import ProviderKind
from legalaid.providers.tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def test_a_partner_lawyer_is_named_as_the_provider_record_says(client, world):
    lawyer = world.a.lawyer
    provider = ProviderFactory(
        centre=world.a.centre,
        user=lawyer,
        full_name=lawyer.full_name,
        kind=ProviderKind.PARTNER_LAWYER,
        partner=world.a.partner,
    )
    assert lawyer.role_label == str(provider.get_kind_display()) == "Luật sư của tổ chức tham gia trợ giúp pháp lý"
    client.force_login(lawyer)
    doc = parse(client.get(reverse("home")))
    assert doc.get_element_by_id("user-role").text_content() == "Luật sư của tổ chức tham gia trợ giúp pháp lý"


def test_roles_without_a_provider_record_keep_their_role_label(world):
    assert world.a.lawyer.role_label == "Luật sư"
    assert world.a.director.role_label == "Giám đốc Trung tâm"
    assert world.a.sysadmin.role_label == "Quản trị hệ thống"
    assert User(username="root", is_superuser=True).role_label == "Quản trị toàn hệ thống"


@pytest.mark.parametrize("persona", ["branch_head", "officer", "director"])
def test_the_unit_is_named_once_on_the_home_page(client, world, persona):
    user = getattr(world.a, persona)
    client.force_login(user)
    doc = parse(client.get(reverse("home")))
    # The top bar names the unit (the sidebar's account entry does on a phone, where the top bar hides it); the
    # greeting under the heading does not repeat it.
    assert doc.get_element_by_id("user-bar").text_content().count(user.organisation.name) == 1
    greeting = doc.xpath("//main//h1/following-sibling::p[1]")[0].text_content()
    assert user.organisation.name not in greeting
