"""Completed cases ready for appraisal and evaluation, for the quality tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from legalaid.cases.models import CaseCompletion, LegalAidCase


def completed_case(signer, provider, *, form: str = "litigation", completed_on: dt.date | None = None, **fields):
    """A case of ``signer``'s unit, assigned to ``provider`` and completed (outcome recorded, status completed).
    The completion is written directly: the cases app tests the completion itself."""
    from legalaid.providers.tests.factories import assigned_case

    case = assigned_case(signer, provider, form=form, **fields)
    CaseCompletion.objects.create(
        case=case,
        completed_on=completed_on or timezone.localdate(),
        outcome="Tòa án chấp nhận một phần yêu cầu",
        recorded_by=signer,
    )
    LegalAidCase.objects.filter(pk=case.pk).update(status="completed")
    case.refresh_from_db()
    return case


FULL_SCORES = {"1.1": 10, "1.2": 10, "1.3": 10, "2.1": 5, "2.2": 10, "2.3": 20, "2.4": 25, "3.1": 10}
