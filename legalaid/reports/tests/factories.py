"""Cases with the dates and categories a report counts, written directly (the workflow is tested by the cases app)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from legalaid.cases.models import CaseCompletion, CaseEvent, LegalAidCase
from legalaid.cases.tests.factories import accepted_case
from legalaid.eligibility.models import Category
from legalaid.people.tests.factories import PersonFactory


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def category(ref: str) -> Category:
    return Category.objects.filter(ref=ref).order_by("-valid_from").first()


def make_case(
    actor,
    *,
    form="advice",
    field="civil",
    cats=("7.2",),
    sex="male",
    accepted: dt.date,
    completed: dt.date | None = None,
    discontinued: dt.date | None = None,
    status: str | None = None,
    beneficiary=None,
    provider=None,
) -> LegalAidCase:
    """A case of ``actor``'s unit accepted on ``accepted``, its request holding ``cats`` (Law Art. 7 points), then
    completed or discontinued on the day given."""
    centre = actor.centre
    branch = actor.organisation if actor.organisation.kind == "branch" else None
    person = beneficiary or PersonFactory(centre=centre, branch=branch, sex=sex)
    if provider is not None:
        from legalaid.providers.tests.factories import assigned_case

        case = assigned_case(actor, provider, form=form, field=field, beneficiary=person)
    else:
        case = accepted_case(actor, form=form, field=field, beneficiary=person)
    case.request.categories.set([category(ref) for ref in cats])
    type(case.request).objects.filter(pk=case.request_id).update(received_at=at(accepted))
    LegalAidCase.objects.filter(pk=case.pk).update(accepted_at=at(accepted))
    if completed:
        CaseCompletion.objects.create(case=case, completed_on=completed, outcome="Đã trả lời", recorded_by=actor)
        LegalAidCase.objects.filter(pk=case.pk).update(status=status or "completed")
    elif discontinued:
        CaseEvent.objects.create(case=case, from_status="in_progress", to_status="discontinued", at=at(discontinued))
        LegalAidCase.objects.filter(pk=case.pk).update(status="discontinued")
    elif status:
        LegalAidCase.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    return case
