"""The intake panel of the home page and the intake links of the sidebar."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.intake import services
from legalaid.intake.models import LegalAidRequest
from legalaid.intake.tests.factories import receive_request

pytestmark = pytest.mark.django_db


def test_staff_home_shows_awaiting_and_overdue_requests_of_their_scope(client, world):
    waiting = receive_request(world.a.intake)
    late = receive_request(world.a.intake)
    services.request_ask_papers(actor=world.a.intake, request=late, missing_papers=["Sổ hộ nghèo"])
    LegalAidRequest.objects.filter(pk=late.pk).update(papers_due_on=timezone.localdate() - dt.timedelta(days=3))
    receive_request(world.b.intake)
    client.force_login(world.a.intake)
    text = client.get(reverse("home")).content.decode()
    assert 'id="intake-panel"' in text
    assert '<strong id="intake-awaiting">2</strong>' in text
    assert '<strong id="intake-overdue">1</strong>' in text
    assert reverse("intake:request_detail", kwargs={"pk": waiting.pk}) in text
    assert 'class="deadline-overdue"' in text


def test_branch_staff_count_their_branch_only(client, world):
    receive_request(world.a.intake)
    client.force_login(world.a.branch_head)
    assert '<strong id="intake-awaiting">0</strong>' in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("persona", ["lawyer", "agency_officer"])
def test_no_panel_nor_links_for_providers_and_agencies(client, world, persona):
    client.force_login(getattr(world.a, persona))
    text = client.get(reverse("home")).content.decode()
    assert 'id="intake-panel"' not in text
    # No link to the request list (lawyers and collaborators do get one to their assigned cases, /tiep-nhan/vu-viec/).
    assert f'href="{reverse("intake:request_list")}"' not in text


def test_sidebar_links(client, world):
    client.force_login(world.a.officer)
    text = client.get(reverse("home")).content.decode()
    assert "Tiếp nhận yêu cầu" in text and reverse("cases:case_list") in text
