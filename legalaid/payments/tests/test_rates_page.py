"""The rates page: everyone of a Centre and the Department reads it; a system administrator adds a base salary value,
checked (first of a month, positive, after the latest, no duplicate) and audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from legalaid.core.models import AuditEntry
from legalaid.payments import services
from legalaid.payments.models import BaseSalary
from legalaid.payments.rules import compute_fee

URL = reverse("payments:rates")


def _post(client, user, **data):
    client.force_login(user)
    return client.post(URL, {"valid_from": "01/07/2026", "amount": "2530000", "reference": "Nghị định X/2026", **data})


@pytest.mark.parametrize("who", ["director", "officer", "admin_staff", "branch_head", "doj_officer", "sysadmin"])
def test_readers_see_the_table(client, world, who):
    client.force_login(getattr(world.a, who))
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    for amount in ("1.390.000 đ", "1.490.000 đ", "1.800.000 đ", "2.340.000 đ"):
        assert amount in body
    assert "Nghị định 73/2024/NĐ-CP" in body
    assert "30/06/2024" in body  # the 1,800,000 period ends the day before 01/07/2024
    assert ("Thêm mức lương cơ sở" in body) == (who == "sysadmin")


@pytest.mark.parametrize("who", ["lawyer", "collaborator", "agency_officer"])
def test_providers_and_agencies_do_not(client, world, who):
    client.force_login(getattr(world.a, who))
    assert client.get(URL).status_code == 403


def test_admin_adds_a_value_used_from_its_day(client, world):
    response = _post(client, world.a.sysadmin)
    assert response.status_code == 302
    row = BaseSalary.objects.get(valid_from=dt.date(2026, 7, 1))
    assert row.amount == Decimal("2530000") and row.created_by == world.a.sysadmin
    entry = AuditEntry.objects.get(object_id=str(row.pk), content_type__model="basesalary")
    assert entry.actor == world.a.sysadmin and entry.after["amount"] == "2530000"
    assert compute_fee("contracted_lawyer", "litigation", Decimal(1), dt.date(2026, 6, 30)) == Decimal("889200")
    assert compute_fee("contracted_lawyer", "litigation", Decimal(1), dt.date(2026, 7, 1)) == Decimal("961400")
    page = client.get(URL).content.decode()
    assert "2.530.000 đ" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"valid_from": "15/07/2026"}, "ngày đầu tháng"),
        ({"amount": "0"}, "lớn hơn 0"),
        ({"amount": "-5"}, "lớn hơn 0"),
        ({"amount": "2.5"}, "Ensure"),  # decimal places: Django's own message (translated in the UI language)
        ({"amount": "abc"}, ""),
        ({"valid_from": "01/07/2024"}, "Đã có mức lương cơ sở"),
        ({"valid_from": "01/01/2024"}, "sau ngày 01/07/2024"),
        ({"valid_from": "31/02/2026"}, ""),
        ({"reference": ""}, ""),
    ],
)
def test_bad_values_are_refused_beside_the_field(client, world, data, message):
    before = BaseSalary.objects.count()
    response = _post(client, world.a.sysadmin, **data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "is-invalid" in body or "alert-danger" in body
    if message and message != "Ensure":
        assert message in body
    assert BaseSalary.objects.count() == before


@pytest.mark.parametrize("who", ["director", "admin_staff", "doj_officer"])
def test_others_cannot_add(client, world, who):
    before = BaseSalary.objects.count()
    assert _post(client, getattr(world.a, who)).status_code == 403
    assert BaseSalary.objects.count() == before


def test_service_checks_permission_and_rules(world):
    with pytest.raises(PermissionDenied):
        services.base_salary_add(
            actor=world.a.director,
            salary=BaseSalary(valid_from=dt.date(2027, 1, 1), amount=Decimal(3000000), reference="X"),
        )
    with pytest.raises(ValidationError):
        services.base_salary_add(
            actor=world.a.sysadmin,
            salary=BaseSalary(valid_from=dt.date(2027, 1, 2), amount=Decimal(3000000), reference="X"),
        )
    assert not BaseSalary.objects.filter(valid_from__year=2027).exists()


def test_fee_rates_cannot_overlap(world):
    from legalaid.intake.models import FormOfAid
    from legalaid.payments.models import FeeRate

    litigation = FormOfAid.objects.get(code="litigation")
    overlapping = FeeRate(
        provider_kind="officer",
        form_of_aid=litigation,
        session_coefficient=Decimal("0.4"),
        max_sessions=Decimal(30),
        share_percent=Decimal(40),
        valid_from=dt.date(2026, 1, 1),
        reference="X",
    )
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    FeeRate.objects.filter(provider_kind="officer", form_of_aid=litigation).update(valid_to=dt.date(2025, 12, 31))
    overlapping.full_clean()
