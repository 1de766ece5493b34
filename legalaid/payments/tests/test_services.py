"""The payment's life, end to end through the services, as each role: proposed -> approved -> paid, with who and
when; returned; blocked by an unsatisfactory appraisal until a decision; paid by the Department for a contracted
organisation (Law Art. 14); a case paid once; two approvers cannot both approve."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from legalaid.core.choices import Role
from legalaid.core.models import AuditEntry
from legalaid.core.tests.factories import UserFactory
from legalaid.payments import selectors, services
from legalaid.payments.choices import DecisionOutcome, Payer, PaymentMethod, PaymentStatus
from legalaid.payments.models import Payment
from legalaid.providers.choices import ProviderKind
from legalaid.providers.tests.factories import provider_for

from .conftest import completed_case

D = Decimal


@pytest.fixture
def officer_case(world, appraise):
    provider = provider_for(world.a.officer)
    case = completed_case(world.a.director, provider, completed_on=dt.date(2024, 8, 15))
    appraise(case, sessions=D(32))
    return case


def test_officer_litigation_proposed_approved_paid(world, officer_case):
    a = world.a
    payment = services.payment_propose(actor=a.admin_staff, case=officer_case)
    # 40% x 0.38 x 2,340,000 = 355,680 per session, 32 appraised sessions capped at 30 (Decree 144/2017 Art. 13).
    assert payment.amount == D("10670400")
    assert payment.sessions_claimed == D(32) and payment.sessions_paid == D(30)
    assert payment.payer == Payer.CENTRE and payment.payee_organisation is None
    assert payment.rate_date == dt.date(2024, 8, 15)  # PAYMENTS_RATE_DATE = "work": the completion day
    assert payment.status == PaymentStatus.PROPOSED and payment.proposed_by == a.admin_staff
    assert [line.result for line in payment.fee().lines] == [
        "2.340.000 đ",
        "889.200 đ",
        "355.680 đ",
        "30 buổi",
        "10.670.400 đ",
    ]

    services.payment_approve(actor=a.director, payment=payment, expected_version=payment.version)
    assert payment.status == PaymentStatus.APPROVED and payment.approved_by == a.director
    assert payment.approved_at is not None

    services.payment_mark_paid(
        actor=a.admin_staff,
        payment=payment,
        paid_on=timezone.localdate(),
        voucher="PC-12",
        expected_version=payment.version,
    )
    assert payment.status == PaymentStatus.PAID and payment.paid_by == a.admin_staff and payment.voucher == "PC-12"
    actions = list(
        AuditEntry.objects.filter(content_type__model="payment", object_id=str(payment.pk))
        .order_by("pk")
        .values_list("message", flat=True)
    )
    assert actions == ["Đề nghị thanh toán", "Duyệt thanh toán", "Ghi nhận đã chi trả"]
    assert not selectors.owed_list(a.admin_staff)


@pytest.mark.parametrize("who", ["director", "deputy", "officer", "branch_head", "doj_officer", "lawyer", "intake"])
def test_only_the_administration_department_proposes(world, officer_case, who):
    with pytest.raises(PermissionDenied):
        services.payment_propose(actor=getattr(world.a, who), case=officer_case)
    assert not Payment.objects.exists()


def test_another_centre_cannot_propose(world, officer_case):
    with pytest.raises((PermissionDenied, ValidationError)):
        services.payment_propose(actor=world.b.admin_staff, case=officer_case)
    assert not Payment.objects.exists()


@pytest.mark.parametrize("who", ["admin_staff", "deputy", "officer", "branch_head", "doj_officer"])
def test_only_the_director_approves(world, officer_case, who):
    payment = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    with pytest.raises(PermissionDenied):
        services.payment_approve(actor=getattr(world.a, who), payment=payment)
    with pytest.raises(PermissionDenied):
        services.payment_approve(actor=world.b.director, payment=payment)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PROPOSED


@pytest.mark.parametrize("who", ["director", "officer", "doj_officer"])
def test_only_the_administration_department_records_payment(world, officer_case, who):
    payment = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    services.payment_approve(actor=world.a.director, payment=payment)
    with pytest.raises(PermissionDenied):
        services.payment_mark_paid(actor=getattr(world.a, who), payment=payment, paid_on=timezone.localdate())


def test_cannot_pay_before_approval(world, officer_case):
    payment = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    with pytest.raises(ValidationError):
        services.payment_mark_paid(actor=world.a.admin_staff, payment=payment, paid_on=timezone.localdate())
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PROPOSED


def test_a_case_is_proposed_once(world, officer_case):
    services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    with pytest.raises(ValidationError, match="một lần"):
        services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    assert Payment.objects.count() == 1


def test_the_database_refuses_a_second_open_payment(world, officer_case):
    """Even past the services: the constraint ``payments_payment_one_per_case``."""
    first = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    twin = Payment.objects.get(pk=first.pk)
    twin.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    # A returned proposal frees the case: a corrected one may follow.
    services.payment_reject(actor=world.a.director, payment=first, reason="Sai số buổi")
    second = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    assert second.pk != first.pk
    assert Payment.objects.open().count() == 1


def test_two_approvers_cannot_both_approve(world, officer_case):
    payment = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    seen = payment.version
    second_director = UserFactory(role=Role.DIRECTOR, organisation=world.a.centre)
    services.payment_approve(actor=world.a.director, payment=Payment.objects.get(pk=payment.pk), expected_version=seen)
    with pytest.raises(ValidationError, match="người khác cập nhật"):
        services.payment_approve(
            actor=second_director, payment=Payment.objects.get(pk=payment.pk), expected_version=seen
        )
    # Without a version the state machine still refuses a second approval.
    with pytest.raises(ValidationError):
        services.payment_approve(actor=second_director, payment=Payment.objects.get(pk=payment.pk))
    payment.refresh_from_db()
    assert payment.approved_by == world.a.director and payment.version == seen + 1


def test_reject_needs_a_reason(world, officer_case):
    payment = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    with pytest.raises(ValidationError):
        services.payment_reject(actor=world.a.director, payment=payment, reason="  ")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PROPOSED


def test_unsatisfactory_appraisal_blocks_until_a_decision(world, appraise):
    a = world.a
    case = completed_case(a.director, provider_for(a.officer), completed_on=dt.date(2025, 3, 1))
    appraise(case, sessions=D(4), satisfactory=False)
    [row] = selectors.owed_list(a.director)
    assert row.blocked
    with pytest.raises(ValidationError, match="không đạt"):
        services.payment_propose(actor=a.admin_staff, case=case)
    with pytest.raises(PermissionDenied):
        services.appraisal_decision_record(actor=a.admin_staff, case=case, outcome=DecisionOutcome.PAY, reason="x")
    with pytest.raises(ValidationError):
        services.appraisal_decision_record(actor=a.director, case=case, outcome=DecisionOutcome.PAY, reason=" ")
    services.appraisal_decision_record(
        actor=a.director, case=case, outcome=DecisionOutcome.PAY, reason="Lỗi nhỏ về thủ tục, đã khắc phục"
    )
    [row] = selectors.owed_list(a.director)
    assert not row.blocked and row.decision.decided_by == a.director
    payment = services.payment_propose(actor=a.admin_staff, case=case)
    assert payment.amount == 4 * D("355680")


def test_decision_not_to_pay_removes_the_case(world, appraise):
    a = world.a
    case = completed_case(a.director, provider_for(a.officer))
    appraise(case, sessions=D(4), satisfactory=False)
    services.appraisal_decision_record(
        actor=a.director, case=case, outcome=DecisionOutcome.NO_PAY, reason="Không đạt chất lượng"
    )
    assert selectors.owed_list(a.director) == []
    with pytest.raises(ValidationError):
        services.payment_propose(actor=a.admin_staff, case=case)


def test_a_satisfactory_case_needs_no_decision(world, officer_case):
    with pytest.raises(ValidationError):
        services.appraisal_decision_record(
            actor=world.a.director, case=officer_case, outcome=DecisionOutcome.PAY, reason="x"
        )


@pytest.mark.parametrize(
    ("status_of", "why"),
    [
        ("not_done", "appraisal not finished"),
        ("advice", "advice is not paid per session here"),
        ("in_progress", "the case is not completed"),
        ("none", "no appraisal"),
    ],
)
def test_not_owed(world, appraise, status_of, why):
    a = world.a
    provider = provider_for(a.officer)
    case = completed_case(a.director, provider, form="advice" if status_of == "advice" else "litigation")
    if status_of == "not_done":
        appraise(case, done=False)
    elif status_of != "none":
        appraise(case)
    if status_of == "in_progress":
        from legalaid.cases.models import LegalAidCase

        LegalAidCase.objects.filter(pk=case.pk).update(status="in_progress")
    assert selectors.owed_list(a.admin_staff) == [], why
    with pytest.raises(ValidationError):
        services.payment_propose(actor=a.admin_staff, case=case)


@pytest.fixture
def partner_case(world, appraise):
    """A lawyer of Centre A's contracted law firm (Law Art. 14) who completed a litigation case."""
    provider = provider_for(world.a.lawyer, kind=ProviderKind.PARTNER_LAWYER, partner=world.a.partner)
    case = completed_case(world.a.director, provider, completed_on=dt.date(2024, 7, 1))
    appraise(case, sessions=D(12))
    return case


def test_department_pays_a_contracted_organisation(world, partner_case):
    a = world.a
    [row] = selectors.owed_list(a.doj_officer)
    assert row.payer == Payer.DEPARTMENT and row.payee_organisation == a.partner
    with pytest.raises(PermissionDenied):
        services.payment_propose(actor=a.admin_staff, case=partner_case)  # not the Centre's to pay
    with pytest.raises((PermissionDenied, ValidationError)):  # another province's Department does not see it
        services.payment_propose(actor=world.b.doj_officer, case=partner_case)
    payment = services.payment_propose(actor=a.doj_officer, case=partner_case)
    assert payment.amount == 12 * D("889200")  # same rate as a contracted lawyer (Art. 14)
    assert payment.payee_organisation == a.partner and payment.payee_name == a.partner.name
    with pytest.raises(PermissionDenied):
        services.payment_approve(actor=a.director, payment=payment)  # the Centre does not approve it
    with pytest.raises(PermissionDenied):
        services.payment_approve(actor=a.doj_officer, payment=payment)  # nor the officer who proposed it
    second = UserFactory(role=Role.DOJ_OFFICER, organisation=a.doj_division)
    services.payment_approve(actor=second, payment=payment)
    services.payment_mark_paid(actor=a.doj_officer, payment=payment, paid_on=timezone.localdate(), voucher="UNC-7")
    assert payment.status == PaymentStatus.PAID


def test_centre_payments_are_not_the_departments(world, officer_case):
    with pytest.raises(PermissionDenied):
        services.payment_propose(actor=world.a.doj_officer, case=officer_case)


def test_registered_organisation_is_not_paid(world, appraise):
    from legalaid.core.choices import PartnerType

    a = world.a
    a.partner.partner_type = PartnerType.REGISTERED
    a.partner.save()
    provider = provider_for(a.lawyer, kind=ProviderKind.PARTNER_LAWYER, partner=a.partner)
    case = completed_case(a.director, provider)
    appraise(case)
    [row] = selectors.owed_list(a.director)
    assert row.problem == "not_paid_by_state" and not row.payable


def test_contracted_lawyer_lump_sum(world, appraise):
    a = world.a
    provider = provider_for(a.lawyer)  # a lawyer under contract with the Centre
    case = completed_case(a.director, provider, completed_on=dt.date(2024, 9, 2))
    appraise(case, sessions=D(5))
    with pytest.raises(ValidationError):
        services.payment_propose(actor=a.admin_staff, case=case, method=PaymentMethod.LUMP_SUM, lump_multiple=D(11))
    payment = services.payment_propose(
        actor=a.admin_staff, case=case, method=PaymentMethod.LUMP_SUM, lump_multiple=D("4.5")
    )
    assert payment.amount == D("10530000")  # 4.5 x 2,340,000
    assert payment.fee().amount == payment.amount


@pytest.mark.parametrize(("rule", "expected"), [("work", D("6840000")), ("payment", D("8892000"))])
def test_the_rate_date_setting(world, appraise, settings, rule, expected):
    """Completed 28/06/2024 (1,800,000), proposed 02/07/2024 (2,340,000): 10 sessions of a contracted lawyer."""
    settings.PAYMENTS_RATE_DATE = rule
    a = world.a
    case = completed_case(a.director, provider_for(a.lawyer), completed_on=dt.date(2024, 6, 28))
    appraise(case, sessions=D(10))
    payment = services.payment_propose(actor=a.admin_staff, case=case, today=dt.date(2024, 7, 2))
    assert payment.amount == expected


def test_the_amount_is_kept_when_rates_change_later(world, officer_case):
    from legalaid.payments.models import BaseSalary

    payment = services.payment_propose(actor=world.a.admin_staff, case=officer_case)
    BaseSalary.objects.filter(valid_from=dt.date(2024, 7, 1)).update(amount=D(9999999))
    payment.refresh_from_db()
    assert payment.fee().amount == payment.amount == D("10670400")
