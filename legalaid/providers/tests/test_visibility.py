"""A lawyer or collaborator sees only the cases assigned to them (and their requests and persons), from the
querysets and from the outside (the case list and page)."""

import pytest

from legalaid.cases.models import LegalAidCase
from legalaid.cases.tests.factories import accepted_case
from legalaid.intake.models import LegalAidRequest
from legalaid.people.models import Person
from legalaid.providers import services

from .factories import ProviderFactory, assigned_case, provider_for


@pytest.fixture
def cases(world):
    lawyer = provider_for(world.a.lawyer)
    collaborator = provider_for(world.a.collaborator)
    x = assigned_case(world.a.director, lawyer)
    y = assigned_case(world.a.director, collaborator)
    z = accepted_case(world.a.director)
    return {"lawyer": lawyer, "collaborator": collaborator, "x": x, "y": y, "z": z}


def test_querysets(world, cases):
    x, y = cases["x"], cases["y"]
    assert list(LegalAidCase.objects.visible_to(world.a.lawyer)) == [x]
    assert list(LegalAidCase.objects.visible_to(world.a.collaborator)) == [y]
    assert list(LegalAidRequest.objects.visible_to(world.a.lawyer)) == [x.request]
    assert set(Person.objects.visible_to(world.a.lawyer)) == {x.beneficiary, x.request.requester}
    # Another Centre's lawyer sees nothing; the agency officer nothing.
    assert not LegalAidCase.objects.visible_to(world.b.lawyer).exists()
    assert not LegalAidCase.objects.visible_to(world.a.agency_officer).exists()
    # Staff still see all three.
    assert LegalAidCase.objects.visible_to(world.a.director).count() == 3


def test_a_changed_provider_loses_the_case(world, cases):
    from django.utils import timezone

    x = cases["x"]
    services.case_change_provider(
        actor=world.a.director,
        case=x,
        new_provider=ProviderFactory(centre=world.a.centre),
        reason="Đề nghị của người được trợ giúp",
        requested_on=timezone.localdate(),
    )
    assert not LegalAidCase.objects.visible_to(world.a.lawyer).exists()
    assert not Person.objects.visible_to(world.a.lawyer).exists()


@pytest.mark.parametrize("persona", ["lawyer", "collaborator"])
def test_from_the_outside(client, world, cases, persona):
    """The lawyer of Centre A assigned to case X sees X in the case list and on its page, not Y: 404 on Y."""
    from django.urls import reverse

    mine = cases["x"] if persona == "lawyer" else cases["y"]
    theirs = cases["y"] if persona == "lawyer" else cases["x"]
    client.force_login(getattr(world.a, persona))
    listing = client.get(reverse("cases:case_list")).content.decode()
    assert mine.code in listing
    assert theirs.code not in listing and cases["z"].code not in listing
    assert client.get(reverse("cases:case_detail", kwargs={"pk": mine.pk})).status_code == 200
    for other in (theirs, cases["z"]):
        assert client.get(reverse("cases:case_detail", kwargs={"pk": other.pk})).status_code == 404
        assert client.get(reverse("intake:acceptance_notice_docx", kwargs={"pk": other.pk})).status_code == 404
    # Their own decision downloads; another's is 404.
    from legalaid.providers.models import Assignment

    own = Assignment.objects.get(case=mine)
    other = Assignment.objects.get(case=theirs)
    assert client.get(reverse("providers:decision_docx", kwargs={"pk": own.pk})).status_code == 200
    assert client.get(reverse("providers:decision_docx", kwargs={"pk": other.pk})).status_code == 404
    # No assignment buttons for them on their case page.
    page = client.get(reverse("cases:case_detail", kwargs={"pk": mine.pk})).content.decode()
    assert reverse("providers:case_change", kwargs={"pk": mine.pk}) not in page
