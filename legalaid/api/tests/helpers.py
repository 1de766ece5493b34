"""Test helpers: keys, an API client per key, one record of each kind in a Centre."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from legalaid.api import services
from legalaid.api.choices import SCOPES_BY_KIND, KeyKind


def make_key(actor, kind=KeyKind.NATIONAL, *, owner=None, agency=None, scopes=None, **fields):
    owner = owner or actor.centre
    if kind == KeyKind.AGENCY and agency is None:
        raise ValueError("an agency key needs its agency")
    return services.key_create(
        actor=actor,
        name=fields.pop("name", f"Kết nối {kind}"),
        kind=kind,
        owner=owner,
        agency=agency,
        scopes=sorted(SCOPES_BY_KIND[kind]) if scopes is None else scopes,
        **fields,
    )


def auth(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Api-Key {secret}"}


def referral_payload(**changes) -> dict:
    data = {
        "agency_reference": "123/CV-CQĐT",
        "procedural_status": "held",
        "requested_at_agency": (timezone.now() - dt.timedelta(hours=2)).isoformat(),
        "summary": "Người bị tạm giữ đề nghị trợ giúp pháp lý.",
        "person": {"full_name": "NGUYỄN VĂN BÌNH", "sex": "male", "birth_year": 1990},
    }
    data.update(changes)
    return data


def records(unit) -> SimpleNamespace:
    """One record of each API resource in ``unit`` (a Centre of the test world)."""
    from legalaid.cases.tests.factories import accepted_case
    from legalaid.intake.tests.factories import receive_request
    from legalaid.people.tests.factories import PersonFactory
    from legalaid.plans.models import PlanTask
    from legalaid.plans.tests.factories import make_plan
    from legalaid.providers.tests.factories import assigned_case, provider_for

    r = SimpleNamespace()
    r.person = PersonFactory(centre=unit.centre)
    r.request = receive_request(unit.intake)
    r.case = accepted_case(unit.director)
    r.provider = provider_for(unit.officer)
    r.assigned = assigned_case(unit.director, r.provider)
    r.plan = make_plan(unit.centre, actor=unit.director)
    r.task = PlanTask.objects.filter(plan=r.plan).order_by("pk").first()
    r.organisation = unit.branch1
    _key, secret = make_key(unit.director, KeyKind.AGENCY, agency=unit.agency)
    r.agency_secret = secret
    r.referral = services.referral_receive(
        actor=_key.user, data=_validated(referral_payload(agency_reference=f"REF-{unit.centre.pk}")), key=_key
    )[0]
    return r


def _validated(data: dict) -> dict:
    from legalaid.api.referrals import ReferralCreateSerializer

    serializer = ReferralCreateSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
