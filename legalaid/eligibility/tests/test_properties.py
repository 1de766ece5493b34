"""Properties of the evaluator over any combination of facts and dates (hypothesis)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalaid.eligibility.choices import HouseholdStatus, Outcome, ProceduralRole
from legalaid.eligibility.models import ProofDocument
from legalaid.eligibility.rules import Facts, evaluate_with, load_rulebook

pytestmark = pytest.mark.django_db

ROLES = [r.value for r in ProceduralRole]
HOUSEHOLDS = [h.value for h in HouseholdStatus]
BOOLEANS = [
    "receives_social_allowance",
    "in_social_protection_facility",
    "revolutionary_merit",
    "martyr_relative",
    "agent_orange",
    "disability",
    "hiv",
    "domestic_violence_victim",
    "trafficking_victim",
    "trafficking_under_identification",
    "accompanying_trafficking_victim",
    "ethnic_minority",
    "lives_in_especially_difficult_area",
    "foreigner",
]
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
ON_DATES = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))


def facts_strategy(proof_codes):
    return st.builds(
        Facts,
        date_of_birth=st.none() | DATES,
        birth_year=st.none() | st.integers(1800, 2200),
        household=st.sampled_from(HOUSEHOLDS),
        procedural_roles=st.frozensets(st.sampled_from(ROLES)),
        proofs_provided=st.frozensets(st.sampled_from([*proof_codes, "junk"])),
        **{name: st.booleans() for name in BOOLEANS},
    )


CHECK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_evaluate_never_raises_and_only_lists_categories_in_force():
    rulebook = load_rulebook()
    proof_codes = list(ProofDocument.objects.values_list("code", flat=True))
    validity = {(c.ref, c.label): c for c in rulebook.categories}

    @CHECK
    @given(facts=facts_strategy(proof_codes), on_date=ON_DATES)
    def check(facts, on_date):
        result = evaluate_with(rulebook, facts, on_date)
        for outcome in result.outcomes:
            row = validity[(outcome.ref, outcome.label)]
            assert row.in_force_on(on_date)
            assert outcome.status in Outcome.values
            assert (outcome.reason == "") == (outcome.status == Outcome.APPLIES)
            assert set(outcome.missing_proofs) <= set(outcome.proofs)
        in_force = [c for c in rulebook.categories if c.in_force_on(on_date)]
        assert len(result.outcomes) == len(in_force)

    check()


def test_papers_never_change_which_categories_apply():
    rulebook = load_rulebook()
    proof_codes = list(ProofDocument.objects.values_list("code", flat=True))

    @CHECK
    @given(facts=facts_strategy(proof_codes), on_date=ON_DATES)
    def check(facts, on_date):
        with_all = Facts(**{**facts.__dict__, "proofs_provided": frozenset(proof_codes)})
        bare = evaluate_with(rulebook, facts, on_date)
        full = evaluate_with(rulebook, with_all, on_date)
        assert [(o.ref, o.status) for o in bare.outcomes] == [(o.ref, o.status) for o in full.outcomes]
        assert all(o.missing_proofs == () for o in full.outcomes)

    check()


def test_from_mapping_either_builds_facts_or_raises_value_error():
    keys = st.sampled_from(["date_of_birth", "birth_year", "household", "procedural_role", "disability", "x"])

    @settings(max_examples=300, deadline=None)
    @given(st.dictionaries(keys, st.text(max_size=12)))
    def check(data):
        try:
            facts = Facts.from_mapping(data)
        except ValueError as error:
            assert str(error).split(":")[0] in {
                "date_of_birth",
                "birth_year",
                "household",
                "procedural_roles",
                "disability",
            }
        else:
            assert isinstance(facts, Facts)

    check()
