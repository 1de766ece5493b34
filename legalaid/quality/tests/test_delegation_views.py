"""The director's delegation of the appraisal assignment, from the outside: the page grants and ends a delegation,
the delegate then finds the cases to assign on their work list and may assign, and no one but the Centre's director
may open the page or end another Centre's delegation."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.core.models import AuditEntry
from legalaid.core.tests.html import field_errors, parse
from legalaid.providers.tests.factories import provider_for
from legalaid.quality import services
from legalaid.quality.models import AppraisalDelegation
from legalaid.quality.tests.factories import completed_case

pytestmark = pytest.mark.django_db

URL = reverse("quality:delegation_list")


def today_text(days: int = 0) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).strftime("%d/%m/%Y")


def test_the_director_delegates_and_the_delegate_assigns_until_the_delegation_ends(client, world):
    case = completed_case(world.a.director, provider_for(world.a.lawyer))
    delegate = world.a.officer  # not a manager: may assign only by delegation
    assign_url = reverse("quality:appraisal_assign", kwargs={"case_pk": case.pk})
    client.force_login(delegate)
    assert client.get(assign_url).status_code == 403

    client.force_login(world.a.director)
    response = client.post(URL, {"delegate": delegate.pk, "valid_from": today_text()})
    assert response.status_code == 302, field_errors(client.post(URL, {}))
    delegation = AppraisalDelegation.objects.get()
    assert delegation.centre == world.a.centre and delegation.granted_by == world.a.director
    followed = client.get(URL).content.decode()
    assert "Tiếp theo" in followed and delegate.full_name in followed
    assert AuditEntry.objects.filter(object_id=str(delegation.pk)).exists()

    client.force_login(delegate)
    assert client.get(assign_url).status_code == 200
    home = parse(client.get(reverse("home")))
    assert assign_url in home.xpath("//a/@href")

    client.force_login(world.a.director)
    assert client.post(reverse("quality:delegation_end", kwargs={"pk": delegation.pk})).status_code == 302
    delegation.refresh_from_db()
    assert delegation.valid_to == timezone.localdate()
    # Ended today: from tomorrow the delegate no longer assigns, and the page offers no second end.
    assert "Chấm dứt</button>" not in client.get(URL).content.decode()
    AppraisalDelegation.objects.update(valid_to=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(delegate)
    assert client.get(assign_url).status_code == 403


def test_errors_beside_the_fields(client, world):
    client.force_login(world.a.director)
    response = client.post(URL, {"delegate": world.b.officer.pk, "valid_from": "31/02/2026"})
    errors = field_errors(response)
    assert "delegate" in errors and "valid_from" in errors
    response = client.post(
        URL, {"delegate": world.a.officer.pk, "valid_from": today_text(), "valid_to": today_text(-3)}
    )
    assert "Ngày kết thúc phải sau ngày bắt đầu" in field_errors(response)["valid_to"][0]
    assert not AppraisalDelegation.objects.exists()


@pytest.mark.parametrize("persona", ["deputy", "officer", "intake", "lawyer", "doj_officer", "agency_officer"])
def test_only_the_director_opens_the_page(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"delegate": world.a.officer.pk, "valid_from": today_text()}).status_code == 403
    assert not AppraisalDelegation.objects.exists()


def test_another_centres_director_cannot_see_or_end_it(client, world):
    delegation = services.delegation_grant(
        actor=world.a.director, delegate=world.a.officer, valid_from=timezone.localdate()
    )
    client.force_login(world.b.director)
    assert world.a.officer.full_name not in client.get(URL).content.decode()
    assert client.post(reverse("quality:delegation_end", kwargs={"pk": delegation.pk})).status_code == 404
    delegation.refresh_from_db()
    assert delegation.valid_to is None


def test_a_delegation_not_begun_is_withdrawn_whole(client, world):
    delegation = services.delegation_grant(
        actor=world.a.director, delegate=world.a.officer, valid_from=timezone.localdate() + dt.timedelta(days=3)
    )
    client.force_login(world.a.director)
    assert client.post(reverse("quality:delegation_end", kwargs={"pk": delegation.pk})).status_code == 302
    assert not AppraisalDelegation.objects.exists()
    assert AuditEntry.objects.filter(object_id=str(delegation.pk), action="delete").exists()
