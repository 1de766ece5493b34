"""Demonstration trainings and court duty (called by ``manage.py seed_demo`` after the providers demo): a training
the Centre organised this year for its officers, one the officers attended elsewhere, and a week of duty at the
provincial court; tgv.hung stays short of the 8 hours, so the director's table and (from 1 October) the work queue
show a shortfall."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from legalaid.core.models import Organisation, User
from legalaid.providers.models import Provider

from . import services
from .models import DutySlot, TrainingEvent


@transaction.atomic
def seed() -> None:
    director = User.objects.filter(username="giamdoc").first()
    if director is None or TrainingEvent.objects.exists():
        return
    officers = {p.user.username: p for p in Provider.objects.filter(user__username__startswith="tgv.")}
    if not officers:
        return
    today = timezone.localdate()
    first = max(today.replace(month=1, day=10), today - dt.timedelta(days=300))
    first = min(first, today)
    organised = TrainingEvent(
        topic="Kỹ năng tham gia tố tụng trong vụ án có người chưa thành niên",
        starts_on=first,
        ends_on=first,
        organiser="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
        location="Hội trường Sở Tư pháp",
    )
    services.event_create(actor=director, event=organised, participants=list(officers.values()), hours=Decimal(4))
    attended = TrainingEvent(
        kind="attended",
        topic="Đạo đức nghề nghiệp của người thực hiện trợ giúp pháp lý",
        starts_on=first,
        ends_on=first,
        organiser="Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý",
        form="online",
    )
    services.event_create(
        actor=director,
        event=attended,
        participants=[p for name, p in officers.items() if name != "tgv.hung"],
        hours=Decimal(4),
    )
    court = Organisation.objects.filter(kind="agency", agency_type="court", centre=director.centre).first()
    if court is None:
        return
    monday = today - dt.timedelta(days=today.weekday())
    for offset, (name, session) in enumerate(
        [("tgv.minh", "morning"), ("tgv.lan", "afternoon"), ("tgv.minh", "morning")]
    ):
        provider = officers.get(name)
        day = monday + dt.timedelta(days=offset)
        if provider is None or DutySlot.objects.filter(provider=provider, date=day, session=session).exists():
            continue
        services.duty_schedule(
            actor=director,
            slot=DutySlot(date=day, session=session, place_kind="court", court=court, provider=provider),
        )
