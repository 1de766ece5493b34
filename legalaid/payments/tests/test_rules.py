"""The fee rule, table-driven from the law: Decree 144/2017/NĐ-CP Art. 13 and the base salary decrees.

The pure core is tested on the reference rows (no database); ``compute_fee`` on the rows the migrations load.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.payments import reference, rules
from legalaid.payments.rules import NoRate, RateRow, SalaryRow, compute_fee, fee_breakdown, lump_sum_breakdown

D = Decimal
SALARIES = [SalaryRow(day, amount, ref) for day, amount, ref in reference.BASE_SALARIES]
RATES = [
    RateRow(
        provider_kind=kind,
        form=form,
        session_coefficient=D(coef),
        max_sessions=D(cap),
        share_percent=D(share),
        lump_min=D(lo) if lo else None,
        lump_max=D(hi) if hi else None,
        valid_from=reference.DECREE_144_START,
        valid_to=None,
        reference=ref,
        confirmed=confirmed,
    )
    for kind, form, coef, cap, share, lo, hi, ref, confirmed in reference.FEE_RATES
]

# (kind, form, sessions, day, expected đồng, why)
CASES = [
    # Each date boundary of the base salary, one litigation session of a lawyer: 0.38 x LCS (Art. 13(1)).
    ("contracted_lawyer", "litigation", D(1), dt.date(2018, 7, 1), D("528200"), "0.38 x 1,390,000 (ND 72/2018)"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2019, 6, 30), D("528200"), "last day of 1,390,000"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2019, 7, 1), D("566200"), "0.38 x 1,490,000 (ND 38/2019)"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2023, 6, 30), D("566200"), "last day of 1,490,000"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2023, 7, 1), D("684000"), "0.38 x 1,800,000 (ND 24/2023)"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2024, 6, 30), D("684000"), "last day of 1,800,000"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2024, 7, 1), D("889200"), "0.38 x 2,340,000 (ND 73/2024)"),
    ("contracted_lawyer", "litigation", D(1), dt.date(2026, 12, 4), D("889200"), "2,340,000 still in force"),
    # The 30-session cap of Art. 13(1) (DOMAIN 4 worked example: cap 26,676,000 at 2.34 million).
    ("contracted_lawyer", "litigation", D(29), dt.date(2024, 7, 1), D("25786800"), "29 sessions, under the cap"),
    ("contracted_lawyer", "litigation", D("29.5"), dt.date(2024, 7, 1), D("26231400"), "half sessions count"),
    ("contracted_lawyer", "litigation", D(30), dt.date(2024, 7, 1), D("26676000"), "exactly the cap"),
    ("contracted_lawyer", "litigation", D("30.5"), dt.date(2024, 7, 1), D("26676000"), "over the cap by half"),
    ("contracted_lawyer", "litigation", D(45), dt.date(2024, 7, 1), D("26676000"), "far over the cap"),
    ("contracted_lawyer", "litigation", D(30), dt.date(2018, 7, 1), D("15846000"), "cap at 1,390,000"),
    ("contracted_lawyer", "litigation", D(0), dt.date(2024, 7, 1), D("0"), "no session, nothing owed"),
    ("contracted_lawyer", "litigation", D("0.5"), dt.date(2024, 7, 1), D("444600"), "half a session"),
    # Art. 14: a contracted organisation's lawyer is paid (by the Department) at the same rates.
    ("partner_lawyer", "litigation", D(1), dt.date(2024, 7, 1), D("889200"), "Art. 14 same rate"),
    ("partner_lawyer", "litigation", D(31), dt.date(2024, 7, 1), D("26676000"), "Art. 14 same cap"),
    # Art. 13(3): a legal aid officer's allowance is 40% of the litigation rate (DOMAIN 4: 355,680 per session).
    ("officer", "litigation", D(1), dt.date(2024, 7, 1), D("355680"), "40% x 889,200"),
    ("officer", "litigation", D(1), dt.date(2018, 7, 1), D("211280"), "40% x 528,200"),
    ("officer", "litigation", D(1), dt.date(2023, 7, 1), D("273600"), "40% x 684,000"),
    ("officer", "litigation", D(30), dt.date(2024, 7, 1), D("10670400"), "officer at the cap"),
    ("officer", "litigation", D(40), dt.date(2024, 7, 1), D("10670400"), "officer over the cap"),
    ("officer", "litigation", D("0.5"), dt.date(2024, 7, 1), D("177840"), "officer half a session"),
    # Art. 13(2) (UNCONFIRMED 0.31, editable) and the 20-session cap of TT 02/2021 Art. 8.
    ("contracted_lawyer", "representation", D(1), dt.date(2024, 7, 1), D("725400"), "0.31 x 2,340,000"),
    ("contracted_lawyer", "representation", D(20), dt.date(2024, 7, 1), D("14508000"), "representation cap"),
    ("contracted_lawyer", "representation", D(25), dt.date(2024, 7, 1), D("14508000"), "over the 20 cap"),
    ("partner_lawyer", "representation", D(2), dt.date(2019, 7, 1), D("923800"), "2 x 0.31 x 1,490,000"),
    # Art. 13(3): 20% of the representation rate for an officer.
    ("officer", "representation", D(1), dt.date(2024, 7, 1), D("145080"), "20% x 725,400"),
    ("officer", "representation", D(25), dt.date(2024, 7, 1), D("2901600"), "20 x 145,080"),
    ("officer", "representation", D(1), dt.date(2018, 7, 1), D("86180"), "20% x 430,900"),
    # An int is as good as a Decimal.
    ("contracted_lawyer", "litigation", 2, dt.date(2024, 7, 1), D("1778400"), "int sessions"),
]


@pytest.mark.parametrize(("kind", "form", "sessions", "day", "expected", "why"), CASES)
def test_fee_from_the_law(kind, form, sessions, day, expected, why):
    fee = fee_breakdown(kind=kind, form=form, sessions=sessions, on_date=day, salaries=SALARIES, rates=RATES)
    assert fee.amount == expected, why
    assert type(fee.amount) is Decimal
    assert fee.amount == fee.amount.to_integral_value(), "whole đồng"
    assert fee.lines[-1].amount == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "form", "sessions", "day", "expected", "why"), CASES)
def test_compute_fee_reads_the_migrated_rates(kind, form, sessions, day, expected, why):
    amount = compute_fee(kind, form, sessions, day)
    assert amount == expected, why
    assert type(amount) is Decimal


@pytest.mark.parametrize(
    ("kind", "form", "day"),
    [
        ("contracted_lawyer", "litigation", dt.date(2018, 6, 30)),  # before the first base salary of the table
        ("collaborator", "litigation", dt.date(2024, 7, 1)),  # collaborators do not litigate (Law Art. 31)
        ("consultant", "representation", dt.date(2024, 7, 1)),  # nor represent (Law Art. 33)
        ("contracted_lawyer", "advice", dt.date(2024, 7, 1)),  # Art. 13(4): no confirmed rate
        ("officer", "litigation", dt.date(2017, 12, 31)),  # before Decree 144/2017
    ],
)
def test_no_rate(kind, form, day):
    with pytest.raises(NoRate):
        fee_breakdown(kind=kind, form=form, sessions=D(1), on_date=day, salaries=SALARIES, rates=RATES)


def test_the_no_rate_message_names_the_kind_and_form_never_their_codes():
    with pytest.raises(NoRate) as raised:
        fee_breakdown(
            kind="collaborator",
            form="litigation",
            sessions=D(1),
            on_date=dt.date(2024, 7, 1),
            salaries=SALARIES,
            rates=RATES,
        )
    message = str(raised.value)
    assert "Cộng tác viên" in message and "Tham gia tố tụng" in message
    assert "collaborator" not in message and "litigation" not in message


@pytest.mark.parametrize("bad", [1.0, 0.1 + 0.2, 30.0, "30", True, None])
def test_float_and_other_types_are_refused(bad):
    """Money never passes through float: a float (or text, or a bool) is refused, not converted."""
    with pytest.raises(TypeError):
        fee_breakdown(
            kind="officer", form="litigation", sessions=bad, on_date=dt.date(2024, 7, 1), salaries=SALARIES, rates=RATES
        )
    with pytest.raises(TypeError):
        compute_fee("officer", "litigation", bad, dt.date(2024, 7, 1))
    with pytest.raises(TypeError):
        lump_sum_breakdown(
            kind="contracted_lawyer",
            form="litigation",
            multiple=bad,
            on_date=dt.date(2024, 7, 1),
            salaries=SALARIES,
            rates=RATES,
        )


def test_no_float_in_the_payments_code():
    """No ``float`` call or float literal anywhere in the app's code (tests apart)."""
    root = Path(rules.__file__).parent
    for path in root.rglob("*.py"):
        if "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            assert not (isinstance(node, ast.Name) and node.id == "float"), f"float in {path}:{node.lineno}"
            assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), f"{path}:{node.lineno}"


@pytest.mark.parametrize("sessions", [D("-1"), D("0.25"), D("1.3")])
def test_sessions_count_in_halves(sessions):
    with pytest.raises(ValueError):
        fee_breakdown(
            kind="officer",
            form="litigation",
            sessions=sessions,
            on_date=dt.date(2024, 7, 1),
            salaries=SALARIES,
            rates=RATES,
        )


@pytest.mark.parametrize(
    ("multiple", "day", "expected"),
    [
        (D(3), dt.date(2024, 7, 1), D("7020000")),  # DOMAIN 4: lump sum 7,020,000-23,400,000 at 2.34 million
        (D(10), dt.date(2024, 7, 1), D("23400000")),
        (D("5.5"), dt.date(2023, 7, 1), D("9900000")),
        (D(3), dt.date(2018, 7, 1), D("4170000")),
    ],
)
def test_lump_sum(multiple, day, expected):
    fee = lump_sum_breakdown(
        kind="contracted_lawyer", form="litigation", multiple=multiple, on_date=day, salaries=SALARIES, rates=RATES
    )
    assert fee.amount == expected


@pytest.mark.parametrize("multiple", [D("2.9"), D("10.5"), D(0)])
def test_lump_sum_outside_3_to_10(multiple):
    with pytest.raises(ValueError):
        lump_sum_breakdown(
            kind="contracted_lawyer",
            form="litigation",
            multiple=multiple,
            on_date=dt.date(2024, 7, 1),
            salaries=SALARIES,
            rates=RATES,
        )


def test_no_lump_sum_for_officers():
    with pytest.raises(NoRate):
        lump_sum_breakdown(
            kind="officer",
            form="litigation",
            multiple=D(3),
            on_date=dt.date(2024, 7, 1),
            salaries=SALARIES,
            rates=RATES,
        )


def test_breakdown_shows_each_step_for_an_officer():
    fee = fee_breakdown(
        kind="officer", form="litigation", sessions=D(32), on_date=dt.date(2024, 7, 1), salaries=SALARIES, rates=RATES
    )
    results = [line.result for line in fee.lines]
    assert results == ["2.340.000 đ", "889.200 đ", "355.680 đ", "30 buổi", "10.670.400 đ"]
    assert fee.lines[0].reference == "Nghị định 73/2024/NĐ-CP"
    assert "40%" in fee.lines[2].formula
    assert "32 buổi, tối đa 30 buổi" in fee.lines[3].formula


@pytest.mark.parametrize(("rule", "expected"), [("work", dt.date(2024, 6, 28)), ("payment", dt.date(2024, 7, 2))])
def test_rate_date_rule(rule, expected, settings):
    done, proposed = dt.date(2024, 6, 28), dt.date(2024, 7, 2)
    assert rules.rate_date(completed_on=done, proposed_on=proposed, rule=rule) == expected
    settings.PAYMENTS_RATE_DATE = rule
    assert rules.rate_date(completed_on=done, proposed_on=proposed) == expected


def test_rate_date_rule_decides_the_amount_across_a_boundary(settings):
    """Completed on 28/06/2024 (1,800,000) but proposed on 02/07/2024 (2,340,000): the setting decides."""
    done, proposed = dt.date(2024, 6, 28), dt.date(2024, 7, 2)
    amounts = {}
    for rule in ("work", "payment"):
        settings.PAYMENTS_RATE_DATE = rule
        day = rules.rate_date(completed_on=done, proposed_on=proposed)
        amounts[rule] = fee_breakdown(
            kind="contracted_lawyer", form="litigation", sessions=D(10), on_date=day, salaries=SALARIES, rates=RATES
        ).amount
    assert amounts == {"work": D("6840000"), "payment": D("8892000")}


def test_unknown_rate_date_rule(settings):
    settings.PAYMENTS_RATE_DATE = "whenever"
    with pytest.raises(ValueError):
        rules.rate_date(completed_on=dt.date(2024, 1, 1), proposed_on=dt.date(2024, 1, 2))


def test_compute_fee_signature():
    assert list(inspect.signature(compute_fee).parameters) == ["kind", "form", "sessions", "on_date"]
