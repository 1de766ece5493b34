"""Training events, participations and duty slots for tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from legalaid.training import services
from legalaid.training.models import DutySlot, TrainingEvent


def record_event(actor, participants=(), hours="4", *, starts_on=None, ends_on=None, **fields) -> TrainingEvent:
    """A training event recorded by ``actor`` (a director by default in the tests) with the given participants."""
    starts_on = starts_on or dt.date(2026, 3, 10)
    event = TrainingEvent(
        topic=fields.pop("topic", "Kỹ năng tham gia tố tụng"),
        starts_on=starts_on,
        ends_on=ends_on or starts_on,
        organiser=fields.pop("organiser", "Trung tâm TGPL"),
        **fields,
    )
    return services.event_create(
        actor=actor, event=event, participants=participants, hours=Decimal(hours) if participants else None
    )


def schedule(actor, provider, *, date=None, session="morning", court=None, **fields) -> DutySlot:
    from legalaid.core.models import Organisation

    court = court or Organisation.objects.get(centre=actor.centre, kind="agency", agency_type="court")
    slot = DutySlot(
        date=date or dt.date(2026, 3, 10),
        session=session,
        place_kind=fields.pop("place_kind", "court"),
        court=court,
        provider=provider,
        **fields,
    )
    return services.duty_schedule(actor=actor, slot=slot)
