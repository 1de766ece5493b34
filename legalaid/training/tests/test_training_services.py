"""Recording trainings: hours counted per year, validation beside the field, all or nothing, audit."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from legalaid.core.models import AuditEntry
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.training import selectors, services
from legalaid.training.models import Participation, TrainingEvent

from .factories import record_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def officers(world):
    a = world.a
    return provider_for(a.officer), ProviderFactory(centre=a.centre, full_name="Lê Thị Bồi Dưỡng")


def _hours(user, provider, year):
    return selectors.with_hours(type(provider).objects.filter(pk=provider.pk), year).get().training_hours


def test_an_event_with_two_officers_gives_each_their_hours(world, officers):
    one, two = officers
    event = record_event(world.a.director, [one, two], "4")
    assert event.participations.count() == 2
    assert _hours(world.a.director, one, 2026) == Decimal(4)
    assert AuditEntry.objects.filter(object_id=str(event.pk), action="create").exists()
    assert AuditEntry.objects.filter(content_type__model="participation").count() == 2


@pytest.mark.parametrize(
    ("start", "end", "counts_in"),
    [
        (dt.date(2025, 12, 30), dt.date(2025, 12, 31), 2025),
        (dt.date(2025, 12, 31), dt.date(2026, 1, 1), 2026),  # spans the new year: counted in the year it ends
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1), 2026),
    ],
)
def test_hours_count_in_the_year_the_event_ends(world, officers, start, end, counts_in):
    one, _two = officers
    record_event(world.a.director, [one], "6", starts_on=start, ends_on=end)
    assert _hours(world.a.director, one, counts_in) == 6
    assert _hours(world.a.director, one, counts_in - 1 if counts_in == 2026 else 2026) == 0


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("0", "lớn hơn 0"),
        ("-2", "lớn hơn 0"),
        ("9", "vượt quá mức có thể của 1 ngày"),  # one day: at most 8 hours (training.max_hours_per_day)
    ],
)
def test_implausible_hours_are_refused_beside_the_field_and_nothing_is_saved(world, officers, hours, message):
    with pytest.raises(ValidationError) as caught:
        record_event(world.a.director, list(officers), hours)
    assert message in " ".join(caught.value.message_dict["hours"])
    assert not TrainingEvent.objects.exists()
    assert not Participation.objects.exists()


def test_three_days_allow_up_to_twenty_four_hours(world, officers):
    event = record_event(
        world.a.director, officers[:1], "24", starts_on=dt.date(2026, 3, 10), ends_on=dt.date(2026, 3, 12)
    )
    assert event.participations.get().hours == 24


def test_end_before_start_is_refused(world):
    event = TrainingEvent(topic="X", organiser="Y", starts_on=dt.date(2026, 3, 10), ends_on=dt.date(2026, 3, 9))
    with pytest.raises(ValidationError) as caught:
        services.event_create(actor=world.a.director, event=event)
    assert "Ngày kết thúc" in str(caught.value)
    assert not TrainingEvent.objects.exists()


def test_the_same_person_twice_is_refused_beside_the_provider(world, officers):
    event = record_event(world.a.director, officers[:1], "4")
    with pytest.raises(ValidationError) as caught:
        services.participant_add(
            actor=world.a.director, participation=Participation(event=event, provider=officers[0], hours=Decimal(2))
        )
    assert "đã có trong danh sách" in " ".join(caught.value.message_dict["provider"])


def test_another_centres_provider_cannot_be_added(world, officers):
    event = record_event(world.a.director, officers[:1], "4")
    stranger = ProviderFactory(centre=world.b.centre)
    with pytest.raises(ValidationError) as caught:
        services.participant_add(
            actor=world.a.director, participation=Participation(event=event, provider=stranger, hours=Decimal(2))
        )
    assert "provider" in caught.value.message_dict


def test_shortening_an_event_below_the_recorded_hours_is_refused(world, officers):
    event = record_event(
        world.a.director, officers[:1], "16", starts_on=dt.date(2026, 3, 10), ends_on=dt.date(2026, 3, 11)
    )
    event.ends_on = dt.date(2026, 3, 10)
    with pytest.raises(ValidationError) as caught:
        services.event_update(actor=world.a.director, event=event, expected_version=1)
    assert "ends_on" in caught.value.message_dict
    event.refresh_from_db()
    assert event.ends_on == dt.date(2026, 3, 11)


def test_a_stale_edit_is_refused(world, officers):
    event = record_event(world.a.director, officers[:1], "4")
    event.topic = "Đổi tên"
    services.event_update(actor=world.a.director, event=event, expected_version=1)
    event.topic = "Đổi lần nữa"
    with pytest.raises(ValidationError):
        services.event_update(actor=world.a.director, event=event, expected_version=1)


@pytest.mark.parametrize("role", ["officer", "intake", "lawyer", "collaborator", "agency_officer", "doj_officer"])
def test_only_managers_and_administration_record_trainings(world, role):
    event = TrainingEvent(topic="X", organiser="Y", starts_on=dt.date(2026, 3, 10), ends_on=dt.date(2026, 3, 10))
    with pytest.raises(PermissionDenied):
        services.event_create(actor=getattr(world.a, role), event=event)
    assert not TrainingEvent.objects.exists()


@pytest.mark.parametrize("role", ["director", "deputy", "branch_head", "admin_staff"])
def test_managers_and_administration_record_trainings(world, role):
    event = record_event(getattr(world.a, role), [], topic="Hội nghị")
    assert event.centre == world.a.centre
    assert event.branch == (world.a.branch1 if role == "branch_head" else None)


def test_removing_a_participant_is_audited(world, officers):
    event = record_event(world.a.director, list(officers), "4")
    services.participant_remove(actor=world.a.director, participation=event.participations.first())
    assert event.participations.count() == 1
    assert AuditEntry.objects.filter(content_type__model="participation", action="delete").count() == 1
