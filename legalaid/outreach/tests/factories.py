"""Outreach test data: sessions recorded through the service, communes with dated flags."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from legalaid.core.choices import CommuneFlagKind
from legalaid.core.models import CommuneFlag

from .. import services
from ..models import OutreachSession


def commune_of(centre, index: int = 0):
    return centre.province.communes.order_by("pk")[index]


def flag(commune, kind=CommuneFlagKind.ESPECIALLY_DIFFICULT, valid_from=dt.date(2020, 1, 1), valid_to=None):
    return CommuneFlag.objects.create(commune=commune, kind=kind, valid_from=valid_from, valid_to=valid_to)


def record_session(actor, *, commune="default", date=None, form="meeting", total=40, **fields) -> OutreachSession:
    centre = actor.centre
    session = OutreachSession(
        date=date or timezone.localdate(),
        form=form,
        commune=commune_of(centre) if commune == "default" else commune,
        topic=fields.pop("topic", "Giới thiệu quyền được trợ giúp pháp lý"),
        audience_total=total,
        **fields,
    )
    return services.session_create(actor=actor, session=session)
