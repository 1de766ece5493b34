"""The training app's figures in the plans' catalogue, by period and Centre, each with its drill-down list."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from legalaid.people.tests.factories import PersonFactory
from legalaid.plans.metrics import get_metric
from legalaid.providers.tests.factories import ProviderFactory, provider_for

from .factories import record_event, schedule

pytestmark = pytest.mark.django_db

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_training_figures(world):
    a = world.a
    one, two = provider_for(a.officer), ProviderFactory(centre=a.centre)
    record_event(a.director, [one, two], "4", starts_on=dt.date(2026, 3, 10))
    record_event(a.director, [one], "4", starts_on=dt.date(2026, 9, 1), kind="attended")
    record_event(a.director, [two], "8", starts_on=dt.date(2025, 12, 31))  # last year
    record_event(world.b.director, [provider_for(world.b.officer)], "8")
    assert get_metric("training_hours").measure(a.centre, *YEAR) == Decimal("12.0")
    assert get_metric("training_events_organised").measure(a.centre, *YEAR) == 1
    # officer one: 8 h (reached); two: 4 h this year (not reached).
    assert get_metric("officers_training_hours_reached_pct").measure(a.centre, *YEAR) == Decimal("50.0")
    assert get_metric("officers_training_hours_reached_pct").measure(world.b.centre, *YEAR) == Decimal("100.0")
    url = get_metric("training_hours").drilldown_url(a.centre, *YEAR)
    assert url.startswith("/tap-huan/?") and "from=01%2F01%2F2026" in url


def test_no_officer_no_figure(world):
    assert get_metric("officers_training_hours_reached_pct").measure(world.a.centre, *YEAR) is None


def test_duty_figures(world, client):
    from django.urls import reverse

    from legalaid.intake.models import FieldOfLaw

    a = world.a
    today = timezone.localdate()
    officer = provider_for(a.officer)
    slot = schedule(a.director, officer, date=today)
    schedule(a.director, officer, date=today, session="afternoon")
    client.force_login(a.officer)
    client.post(
        reverse("training:duty_help_matter", kwargs={"pk": slot.pk}),
        {
            "matter-person": PersonFactory(centre=a.centre).pk,
            "matter-field_of_law": FieldOfLaw.objects.get(code="civil").pk,
            "matter-question": "?",
            "matter-answer": "!",
        },
    )
    period = (today.replace(month=1, day=1), today.replace(month=12, day=31))
    assert get_metric("duty_sessions").measure(a.centre, *period) == 2
    assert get_metric("duty_persons_helped").measure(a.centre, *period) == 1
    assert get_metric("duty_sessions").measure(world.b.centre, *period) == 0
    drill = client.get(get_metric("duty_sessions").drilldown_url(a.centre, *period))
    assert drill.status_code == 200
