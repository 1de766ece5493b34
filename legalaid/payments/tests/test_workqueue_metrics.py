"""The payments' work-queue sections (to propose, blocked, to approve, to pay) on the right person's list, and the
figures registered in the plans' metrics catalogue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from legalaid.core import workqueue
from legalaid.core.choices import Role
from legalaid.core.tests.factories import UserFactory
from legalaid.payments import services
from legalaid.plans.metrics import get_metric
from legalaid.providers.choices import ProviderKind
from legalaid.providers.tests.factories import provider_for

from .conftest import completed_case

D = Decimal


def _codes(user) -> dict[str, int]:
    return {s.code: s.total for s in workqueue.queue_for(user) if s.code.startswith("payments_")}


def test_sections_registered_for_the_roles():
    assert "payments_to_propose" in workqueue.sections_for_role(Role.ADMIN_STAFF)
    assert "payments_to_pay" in workqueue.sections_for_role(Role.ADMIN_STAFF)
    assert "payments_to_approve" in workqueue.sections_for_role(Role.DIRECTOR)
    assert "payments_blocked" in workqueue.sections_for_role(Role.DIRECTOR)
    for code in ("payments_to_propose", "payments_to_approve", "payments_to_pay", "payments_blocked"):
        assert code in workqueue.sections_for_role(Role.DOJ_OFFICER)
        assert code not in workqueue.sections_for_role(Role.LAWYER)


def test_each_step_on_the_right_list(world, appraise):
    a = world.a
    case = completed_case(a.director, provider_for(a.officer))
    appraise(case, sessions=D(3))
    blocked = completed_case(a.director, provider_for(a.branch_officer))
    appraise(blocked, sessions=D(3), satisfactory=False)

    assert _codes(a.admin_staff) == {"payments_to_propose": 1}
    assert _codes(a.director) == {"payments_blocked": 1}
    assert _codes(a.doj_officer) == {}  # the Centre pays these
    [item] = next(s for s in workqueue.queue_for(a.admin_staff) if s.code == "payments_to_propose").items
    assert case.code in item.subject and "1.067.040 đ" in item.detail and item.url.endswith(f"#owed-{case.pk}")

    payment = services.payment_propose(actor=a.admin_staff, case=case)
    assert _codes(a.admin_staff) == {}
    assert _codes(a.director) == {"payments_blocked": 1, "payments_to_approve": 1}
    services.payment_approve(actor=a.director, payment=payment)
    assert _codes(a.director) == {"payments_blocked": 1}
    assert _codes(a.admin_staff) == {"payments_to_pay": 1}
    services.payment_mark_paid(actor=a.admin_staff, payment=payment, paid_on=timezone.localdate())
    assert _codes(a.admin_staff) == {}
    assert _codes(world.b.director) == {} and _codes(world.b.admin_staff) == {}


def test_the_department_sees_its_own_payments(world, appraise):
    a = world.a
    provider = provider_for(a.lawyer, kind=ProviderKind.PARTNER_LAWYER, partner=a.partner)
    case = completed_case(a.director, provider)
    appraise(case, sessions=D(2))
    assert _codes(a.admin_staff) == {}
    assert _codes(a.doj_officer) == {"payments_to_propose": 1}
    services.payment_propose(actor=a.doj_officer, case=case)
    assert _codes(a.doj_officer) == {}  # not one's own proposal to approve
    second = UserFactory(role=Role.DOJ_OFFICER, organisation=a.doj_division)
    assert _codes(second) == {"payments_to_approve": 1}
    assert _codes(a.director) == {}


def test_metrics_amounts_paid_and_owed(world, appraise):
    a = world.a
    today = timezone.localdate()
    first = completed_case(a.director, provider_for(a.officer))
    appraise(first, sessions=D(10))
    second = completed_case(a.director, provider_for(a.lawyer))
    appraise(second, sessions=D(1))
    paid = services.payment_propose(actor=a.admin_staff, case=first)
    services.payment_approve(actor=a.director, payment=paid)
    services.payment_mark_paid(actor=a.admin_staff, payment=paid, paid_on=today)
    services.payment_propose(actor=a.admin_staff, case=second)
    start, end = today.replace(day=1), today
    assert get_metric("payments_paid_amount").measure(a.centre, start, end) == D("3556800.0")
    assert get_metric("payments_owed_amount").measure(a.centre, start, end) == D("889200.0")
    assert get_metric("payments_paid_amount").measure(world.b.centre, start, end) == D(0)
    last_year = dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    assert get_metric("payments_paid_amount").measure(a.centre, *last_year) == D(0)


@pytest.mark.parametrize("code", ["payments_paid_amount", "payments_owed_amount"])
def test_metrics_registered(code):
    metric = get_metric(code)
    assert metric is not None and metric.available and str(metric.unit) == "đồng"
