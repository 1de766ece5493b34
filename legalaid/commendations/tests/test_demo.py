"""The demonstration campaigns: the 2022 anniversary campaign closed with awards, the current one with figures."""

import pytest
from django.utils import timezone

from legalaid.commendations import demo
from legalaid.commendations.models import Award
from legalaid.core import demo as core_demo
from legalaid.core.models import User
from legalaid.core.services import holidays_load_year
from legalaid.intake import demo as intake_demo

pytestmark = pytest.mark.django_db


def test_demo_campaigns(client):
    holidays_load_year(actor=None, year=timezone.localdate().year)
    core_demo.seed()
    intake_demo.seed()
    anniversary, current = demo.seed()
    assert anniversary.status == "closed" and Award.objects.count() == 2
    assert current.status == "launched" and current.nominations.count() == 3
    intake = current.nominations.get(nominee_user__username="tiepnhan")
    assert intake.figures["values"]["requests_received"] > 0
    client.force_login(User.objects.get(username="giamdoc"))
    for campaign in (anniversary, current):
        assert client.get(f"/thi-dua/{campaign.pk}/").status_code == 200
