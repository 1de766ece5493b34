"""A select's empty choice reads "— Chọn —", never Django's "---------" (issue 8, item 6)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "url"),
    [
        ("intake", "intake:request_create"),
        ("sysadmin", "core:user_create"),
        ("director", "providers:provider_create"),
    ],
)
def test_form_selects_say_choose(client, world, persona, url):
    client.force_login(getattr(world.a, persona))
    page = client.get(reverse(url)).content.decode()
    assert "---------" not in page
    assert "— Chọn —" in page
