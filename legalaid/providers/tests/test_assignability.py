"""assignability(provider, on_date): the reasons a provider cannot be assigned, at the edges of validity."""

import datetime as dt

import pytest

from legalaid.providers.choices import ProviderKind
from legalaid.providers.services import assignability

from .factories import ContractFactory, ProviderFactory

D = dt.date


def provider(world, **fields):
    return ProviderFactory(centre=world.a.centre, **fields)


@pytest.mark.parametrize(
    ("issued", "until", "day", "ok"),
    [
        (D(2024, 1, 10), D(2026, 12, 31), D(2024, 1, 9), False),  # the day before the card is issued
        (D(2024, 1, 10), D(2026, 12, 31), D(2024, 1, 10), True),  # the day of issue
        (D(2024, 1, 10), D(2026, 12, 31), D(2026, 12, 31), True),  # the last day of validity
        (D(2024, 1, 10), D(2026, 12, 31), D(2027, 1, 1), False),  # the day after
        (D(2024, 1, 10), None, D(2040, 1, 1), True),  # no end date
        (None, None, D(2026, 1, 1), True),  # dates not recorded
    ],
)
def test_card_validity_edges(world, issued, until, day, ok):
    p = provider(world, card_issued_on=issued, card_valid_until=until)
    reasons = assignability(p, day)
    assert (reasons == []) is ok, reasons
    if not ok:
        assert "Thẻ trợ giúp viên pháp lý" in reasons[0]


def test_missing_card_and_inactive(world):
    p = provider(world, card_number="", is_active=False)
    reasons = assignability(p, D(2026, 3, 2))
    assert len(reasons) == 2
    assert "không còn thực hiện" in reasons[0]
    assert "Chưa có số thẻ" in reasons[1]


def test_consultant_needs_no_card_but_a_valid_partner(world):
    partner = world.a.partner
    partner.valid_from, partner.valid_to = D(2025, 1, 1), D(2026, 6, 30)
    partner.save()
    p = provider(world, kind=ProviderKind.CONSULTANT, card_number="", card_issued_on=None, partner=partner)
    assert assignability(p, D(2025, 1, 1)) == []
    assert assignability(p, D(2026, 6, 30)) == []
    [reason] = assignability(p, D(2026, 7, 1))
    assert partner.name in reason and "Điều 16" in reason
    [reason] = assignability(p, D(2024, 12, 31))
    assert "Điều 16" in reason
    partner.is_active = False
    partner.save()
    p.partner.refresh_from_db()
    assert assignability(p, D(2025, 5, 5))


@pytest.mark.parametrize("kind", [ProviderKind.CONTRACTED_LAWYER, ProviderKind.COLLABORATOR])
@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (D(2025, 12, 31), False),
        (D(2026, 1, 1), True),
        (D(2026, 12, 31), True),
        (D(2027, 1, 1), False),
        (D(2027, 3, 1), True),  # the second contract
    ],
)
def test_contract_in_force(world, kind, day, ok):
    p = provider(world, kind=kind)
    ContractFactory(provider=p, valid_from=D(2026, 1, 1), valid_to=D(2026, 12, 31))
    ContractFactory(provider=p, valid_from=D(2027, 3, 1), valid_to=None)
    reasons = assignability(p, day)
    assert (reasons == []) is ok, reasons
    if not ok:
        assert "hợp đồng" in reasons[0] and "Thông tư 08/2017" in reasons[0]


def test_collaborator_without_any_contract(world):
    p = provider(world, kind=ProviderKind.COLLABORATOR)
    assert len(assignability(p, D(2026, 1, 5))) == 1


def test_officer_needs_no_contract(world):
    assert assignability(provider(world), D(2026, 1, 5)) == []
