import pytest
from django.urls import reverse

from legalaid.core.tests.factories import PERSONAS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_role_gets_its_vietnamese_home_page(client, world, persona):
    user = getattr(world.a, persona)
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="vi"' in body
    assert user.full_name in body
    assert "Lịch làm việc" in body


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
