"""Court duty: the roster (one slot per person and session), who keeps it, the provider's own duty in their work
queue, and the people helped recorded through intake's services."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from legalaid.core import workqueue
from legalaid.core.models import AuditEntry
from legalaid.core.tests.html import field_errors, parse
from legalaid.intake.models import LegalAidRequest, SimpleMatter
from legalaid.people.tests.factories import PersonFactory
from legalaid.providers.tests.factories import provider_for
from legalaid.training.models import DutyHelp, DutySlot

from .factories import schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster(world):
    a = world.a
    officer = provider_for(a.officer)
    lawyer = provider_for(a.lawyer)
    today = timezone.localdate()
    slot = schedule(a.director, officer, date=today)
    b_slot = schedule(world.b.director, provider_for(world.b.officer), date=today)
    return officer, lawyer, slot, b_slot, today


def test_no_one_is_rostered_twice_in_the_same_session(world, roster):
    officer, _lawyer, _slot, _b, today = roster
    with pytest.raises(ValidationError) as caught:
        schedule(world.a.director, officer, date=today, session="morning")
    assert "đã được xếp lịch trực vào buổi này" in " ".join(caught.value.message_dict["provider"])
    schedule(world.a.director, officer, date=today, session="afternoon")  # the other session is free
    assert DutySlot.objects.filter(provider=officer).count() == 2


def test_an_online_point_needs_its_place(world, roster):
    with pytest.raises(ValidationError):
        schedule(world.a.director, roster[1], place_kind="online_point", location="")


def test_another_centres_court_is_refused(world, roster):
    from legalaid.core.models import Organisation

    b_court = Organisation.objects.get(centre=world.b.centre, kind="agency")
    with pytest.raises(ValidationError) as caught:
        schedule(world.a.director, roster[1], court=b_court, date=dt.date(2026, 5, 5))
    assert "court" in caught.value.message_dict


@pytest.mark.parametrize("role", ["lawyer", "collaborator", "officer", "intake", "doj_officer", "agency_officer"])
def test_who_may_not_keep_the_roster(client, world, roster, role):
    user = getattr(world.a, role)
    with pytest.raises(PermissionDenied):
        schedule(user, roster[0], date=dt.date(2026, 6, 1), court=world.a.agency)
    client.force_login(user)
    assert client.get(reverse("training:duty_create")).status_code == 403
    response = client.post(reverse("training:duty_cancel", kwargs={"pk": roster[2].pk}))
    assert response.status_code in (403, 404)
    assert DutySlot.objects.filter(pk=roster[2].pk).exists()


def test_the_roster_form_says_the_clash_beside_the_provider(client, world, roster):
    officer, _lawyer, _slot, _b, today = roster
    client.force_login(world.a.director)
    from legalaid.core.models import Organisation

    court = Organisation.objects.get(centre=world.a.centre, kind="agency")
    response = client.post(
        reverse("training:duty_create"),
        {
            "date": today.strftime("%d/%m/%Y"),
            "session": "morning",
            "place_kind": "court",
            "court": court.pk,
            "provider": officer.pk,
        },
    )
    assert response.status_code == 200, response.status_code
    errors = field_errors(response)
    assert "đã được xếp lịch trực vào buổi này" in " ".join(errors.get("provider", [])), errors


def test_lists_are_scoped(client, world, roster):
    client.force_login(world.a.director)
    text = parse(client.get(reverse("training:duty_list"))).xpath('string(//table[@id="duty-table"])')
    assert "Officer A" in text and "Officer B" not in text
    assert client.get(reverse("training:duty_detail", kwargs={"pk": roster[3].pk})).status_code == 404
    # A lawyer sees only their own duty.
    client.force_login(world.a.lawyer)
    assert client.get(reverse("training:duty_detail", kwargs={"pk": roster[2].pk})).status_code == 404
    own = schedule(world.a.director, roster[1], date=dt.date(2026, 6, 2))
    assert client.get(reverse("training:duty_detail", kwargs={"pk": own.pk})).status_code == 200


def test_the_providers_own_duty_is_in_their_work_queue(world, roster):
    today = roster[4]
    schedule(world.a.director, roster[1], date=today + dt.timedelta(days=3))
    lawyer_queue = {s.code: s for s in workqueue.queue_for(world.a.lawyer, today)}
    assert lawyer_queue["duty_upcoming"].total == 1
    officer_queue = {s.code: s for s in workqueue.queue_for(world.a.officer, today)}
    assert officer_queue["duty_upcoming"].items[0].url == reverse("training:duty_detail", kwargs={"pk": roster[2].pk})
    later = {s.code for s in workqueue.queue_for(world.a.lawyer, today + dt.timedelta(days=4))}
    assert "duty_upcoming" not in later


def test_a_person_helped_with_a_simple_answer_goes_to_intakes_book(client, world, roster):
    slot = roster[2]
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.officer)  # the officer on duty
    response = client.post(
        reverse("training:duty_help_matter", kwargs={"pk": slot.pk}),
        {
            "matter-person": person.pk,
            "matter-field_of_law": _field("civil"),
            "matter-question": "Hỏi về thủ tục kháng cáo",
            "matter-answer": "Thời hạn kháng cáo 15 ngày.",
        },
    )
    assert response.status_code == 302
    matter = SimpleMatter.objects.get()
    assert matter.answered_by == world.a.officer and matter.number == 1
    assert DutyHelp.objects.get().simple_matter == matter
    assert AuditEntry.objects.filter(content_type__model="dutyhelp").exists()


def test_a_new_request_on_duty_lands_in_the_intake_queue(client, world, roster):
    slot = roster[2]
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.intake)
    response = client.post(
        reverse("training:duty_help_request", kwargs={"pk": slot.pk}),
        {
            "request-beneficiary": person.pk,
            "request-field_of_law": _field("criminal"),
            "request-desired_form": _form("litigation"),
            "request-summary": "Bị cáo cần người bào chữa",
        },
    )
    assert response.status_code == 302
    request = LegalAidRequest.objects.get()
    assert request.status == "received" and request.beneficiary == person and request.requester == person
    assert request.duty_help.slot == slot


def test_a_request_refused_by_intakes_rules_leaves_nothing(client, world, roster):
    slot = roster[2]
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.intake)
    response = client.post(
        reverse("training:duty_help_request", kwargs={"pk": slot.pk}),
        {
            "request-beneficiary": person.pk,
            "request-field_of_law": _field("business_commerce"),
            "request-desired_form": _form("advice"),
            "request-summary": "Tranh chấp hợp đồng thương mại",
        },
    )
    assert response.status_code == 400
    assert "Điều 27" in " ".join(field_errors(response)["request-field_of_law"])
    assert not LegalAidRequest.objects.exists() and not DutyHelp.objects.exists()


@pytest.mark.parametrize("role", ["lawyer", "doj_officer", "agency_officer"])
def test_who_may_not_record_people_helped(client, world, roster, role):
    slot = roster[2]
    client.force_login(getattr(world.a, role))
    response = client.post(reverse("training:duty_help_matter", kwargs={"pk": slot.pk}), {})
    assert response.status_code in (403, 404)
    client.force_login(world.b.intake)
    assert client.post(reverse("training:duty_help_matter", kwargs={"pk": slot.pk}), {}).status_code == 404


def test_a_future_duty_records_nobody(world, roster):
    future = schedule(world.a.director, roster[0], date=roster[4] + dt.timedelta(days=2))
    from legalaid.intake.models import FieldOfLaw
    from legalaid.training import services

    matter = SimpleMatter(
        person=PersonFactory(centre=world.a.centre),
        field_of_law=FieldOfLaw.objects.get(code="civil"),
        question="?",
        answer="!",
    )
    with pytest.raises(ValidationError):
        services.duty_help_matter(actor=world.a.director, slot=future, matter=matter)
    assert not SimpleMatter.objects.exists()


def test_query_counts_are_pinned(client, world, roster, django_assert_max_num_queries):
    for i in range(6):
        schedule(world.a.director, roster[0], date=dt.date(2026, 7, 1) + dt.timedelta(days=i))
    client.force_login(world.a.director)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("training:duty_list")).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("training:duty_detail", kwargs={"pk": roster[2].pk})).status_code == 200


def _field(code):
    from legalaid.intake.models import FieldOfLaw

    return FieldOfLaw.objects.get(code=code).pk


def _form(code):
    from legalaid.intake.models import FormOfAid

    return FormOfAid.objects.get(code=code).pk
