"""Payments test set-up: completed cases of a provider, and their appraisal.

``appraise(case, sessions=..., satisfactory=...)`` gives ``case`` a finished appraisal. Appraisals belong to the
quality app; ``legalaid.payments.selectors`` is the only place payments read them. While the quality app is not
installed, the fixture stands in for it at that one seam (``appraised_q``, ``appraisal_related``, ``appraisal_of``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Q
from django.utils import timezone

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseCompletion, LegalAidCase
from legalaid.payments import selectors
from legalaid.payments.selectors import AppraisalFacts
from legalaid.providers.choices import AssignmentEnd
from legalaid.providers.models import Assignment
from legalaid.providers.tests.factories import assigned_case


def completed_case(signer, provider, *, form: str = "litigation", completed_on: dt.date | None = None, **fields):
    """A case of ``signer``'s unit assigned to ``provider`` and completed on ``completed_on`` (the assignment ended
    with the case, as ``case_complete`` leaves it)."""
    case = assigned_case(signer, provider, form=form, **fields)
    day = completed_on or timezone.localdate()
    CaseCompletion.objects.create(case=case, completed_on=day, outcome="Đã kết thúc", recorded_by=signer)
    LegalAidCase.objects.filter(pk=case.pk).update(status=CaseStatus.COMPLETED)
    Assignment.objects.filter(case=case).update(is_active=False, ended_on=day, end_reason=AssignmentEnd.CASE_ENDED)
    case.refresh_from_db()
    return case


@pytest.fixture
def appraise(monkeypatch):
    store: dict[int, AppraisalFacts] = {}
    monkeypatch.setattr(
        selectors, "appraised_q", lambda centre_ids=None: Q(pk__in=[pk for pk, f in store.items() if f.done])
    )
    monkeypatch.setattr(selectors, "appraisal_related", lambda: ())
    monkeypatch.setattr(selectors, "appraisal_of", lambda case: store.get(case.pk))

    def make(case, *, sessions=Decimal(10), satisfactory: bool = True, done: bool = True):
        store[case.pk] = AppraisalFacts(
            done=done,
            satisfactory=satisfactory if done else None,
            sessions=Decimal(sessions),
            completed_at=timezone.now() if done else None,
        )
        return store[case.pk]

    return make
