"""Payments on real appraisals of the quality app (``legalaid.quality``): the appraisal done through its services is
what payments read at its one seam (``payments.selectors``). Skipped while the quality app is not installed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from legalaid.payments import selectors, services
from legalaid.providers.tests.factories import provider_for

from .conftest import completed_case

pytestmark = pytest.mark.skipif(not apps.is_installed("legalaid.quality"), reason="the quality app is not installed")

D = Decimal


def _appraise(world, case, *, sessions: Decimal, full: bool):
    from legalaid.quality import services as quality
    from legalaid.quality.tests.factories import FULL_SCORES

    appraisal = quality.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    scores = {code: D(points if full else 0) for code, points in FULL_SCORES.items()}
    return quality.appraisal_complete(
        actor=world.a.deputy, appraisal=appraisal, scores=scores, appraised_sessions=sessions, conclusion="Kết luận"
    )


def test_a_satisfactory_appraisal_is_paid_on_its_sessions(world, django_assert_max_num_queries):
    case = completed_case(world.a.director, provider_for(world.a.officer))
    assert selectors.owed_list(world.a.admin_staff) == []  # completed, not appraised: nothing owed yet
    _appraise(world, case, sessions=D("12.5"), full=True)
    [row] = selectors.owed_list(world.a.admin_staff)
    assert row.appraisal.satisfactory is True and row.appraisal.sessions == D("12.5")
    payment = services.payment_propose(actor=world.a.admin_staff, case=case)
    assert payment.amount == D("12.5") * D("355680")
    with django_assert_max_num_queries(8):  # the appraisal and its level come with the case, not one query each
        selectors.owed_list(world.a.admin_staff)


def test_an_unsatisfactory_appraisal_blocks(world):
    from legalaid.payments.choices import DecisionOutcome

    case = completed_case(world.a.director, provider_for(world.a.officer))
    _appraise(world, case, sessions=D(3), full=False)
    [row] = selectors.owed_list(world.a.director)
    assert row.blocked and row.appraisal.satisfactory is False
    with pytest.raises(ValidationError):
        services.payment_propose(actor=world.a.admin_staff, case=case)
    services.appraisal_decision_record(actor=world.a.director, case=case, outcome=DecisionOutcome.PAY, reason="Lý do")
    assert services.payment_propose(actor=world.a.admin_staff, case=case).amount == 3 * D("355680")
