"""The sampler's properties, from tables of cases (TT 12/2018 Art. 15; DOMAIN.md 3)."""

from decimal import Decimal

import pytest

from legalaid.quality.sampling import Candidate, propose, target_size


def table(rows):
    """{case id: providers} -> candidates."""
    return [Candidate(case_id, frozenset(providers)) for case_id, providers in rows.items()]


@pytest.mark.parametrize(
    ("pool", "ratio", "expected"),
    [(0, "10", 0), (1, "10", 1), (10, "10", 1), (11, "10", 2), (100, "10", 10), (7, "100", 7), (3, "50", 2)],
)
def test_target_is_the_ratio_rounded_up(pool, ratio, expected):
    assert target_size(pool, Decimal(ratio)) == expected


#: 20 cases: provider 1 finished 14, provider 2 five, provider 3 one (case 20), case 19 shared by 2 and 3.
TWENTY = {i: {1} for i in range(1, 15)} | {15: {2}, 16: {2}, 17: {2}, 18: {2}, 19: {2, 3}, 20: {3}}


def test_every_provider_has_a_case_and_the_ratio_is_reached():
    sample = propose(table(TWENTY), ratio=Decimal(10), seed=7)
    assert sample.target == 2 and sample.pool == 20
    providers = {p for c in table(TWENTY) if c.case_id in sample.case_ids for p in c.provider_ids}
    assert providers == {1, 2, 3}
    assert 2 <= len(sample.case_ids) <= 3  # the ratio, or one more case to cover every provider
    assert sample.uncovered_provider_ids == ()


@pytest.mark.parametrize("ratio", ["10", "25", "50", "100"])
@pytest.mark.parametrize("seed", [1, 2, 3, 99, 2024])
def test_properties_hold_for_any_seed_and_ratio(ratio, seed):
    sample = propose(table(TWENTY), ratio=Decimal(ratio), seed=seed)
    chosen = set(sample.case_ids)
    assert len(chosen) == len(sample.case_ids)  # no case twice
    assert len(chosen) >= target_size(20, Decimal(ratio))
    assert {p for cid in chosen for p in TWENTY[cid]} == {1, 2, 3}


def test_same_seed_same_sample_whatever_the_input_order():
    forward = propose(table(TWENTY), ratio=Decimal(25), seed=42)
    backward = propose(list(reversed(table(TWENTY))), ratio=Decimal(25), seed=42)
    assert forward == backward
    others = {propose(table(TWENTY), ratio=Decimal(25), seed=s).case_ids for s in range(10)}
    assert len(others) > 1  # the seed matters


def test_cases_already_evaluated_are_not_drawn_again():
    evaluated = {1, 2, 3, 15, 20}
    for seed in range(20):
        sample = propose(table(TWENTY), ratio=Decimal(50), seed=seed, evaluated=evaluated)
        assert not set(sample.case_ids) & evaluated
        assert sample.pool == 15 and sample.target == 8


def test_a_provider_with_every_case_evaluated_is_reported():
    sample = propose(table({1: {1}, 2: {1}, 3: {2}}), ratio=Decimal(10), seed=1, evaluated={3})
    assert sample.uncovered_provider_ids == (2,)
    assert set(sample.case_ids) <= {1, 2} and len(sample.case_ids) == 1


def test_nothing_in_scope():
    assert propose([], ratio=Decimal(10), seed=1).case_ids == ()
