"""The outreach demo (``outreach.demo.seed``, called by ``seed_demo``) on the demo province: the director's home shows
the yearly target with the sessions in especially difficult communes counted."""

import pytest
from django.urls import reverse

from legalaid.core import demo
from legalaid.core.models import User

from .. import demo as outreach_demo
from ..models import HotlineCall, OutreachSession

pytestmark = pytest.mark.django_db


def test_demo_outreach(client):
    demo.seed()
    outreach_demo.seed()
    outreach_demo.seed()  # idempotent
    assert OutreachSession.objects.count() == len(outreach_demo.SESSIONS)
    assert HotlineCall.objects.count() == len(outreach_demo.CALLS)
    client.force_login(User.objects.get(username="giamdoc"))
    panel = client.get(reverse("home")).content.decode()
    assert 'id="outreach-targets"' in panel and "4 / trên 50" in panel
