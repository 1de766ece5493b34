"""Requests ready for a decision, for every app's tests."""

from __future__ import annotations

from django.utils import timezone

from legalaid.eligibility.models import Category
from legalaid.intake import services
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.people.tests.factories import PersonFactory


def poor_household_category():
    """Art. 7(2): members of poor households."""
    return Category.objects.active_on(timezone.localdate()).get(ref="7.2")


def receive_request(actor, *, beneficiary=None, form="advice", field="civil", categories=None, **fields):
    """A request received by ``actor``'s unit for a poor-household member (Art. 7(2))."""
    centre = actor.centre
    branch = actor.organisation if actor.organisation.kind == "branch" else None
    beneficiary = beneficiary or PersonFactory(centre=centre, branch=branch)
    request = LegalAidRequest(
        channel=fields.pop("channel", "in_person_centre"),
        requester=fields.pop("requester", beneficiary),
        beneficiary=beneficiary,
        field_of_law=FieldOfLaw.objects.get(code=field),
        desired_form=FormOfAid.objects.get(code=form),
        summary=fields.pop("summary", "Tranh chấp quyền sử dụng đất với hàng xóm"),
        **fields,
    )
    return services.request_receive(
        actor=actor,
        request=request,
        categories=[poor_household_category()] if categories is None else categories,
    )
