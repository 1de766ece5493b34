"""The proof papers each applicable category still needs (TT 08/2017/TT-BTP Art. 33 [P]; Decree 144/2017 Art. 2)."""

import datetime as dt

import pytest

from legalaid.eligibility import evaluate
from legalaid.eligibility.models import Category, CategoryProof, ProofDocument

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 3, 1)


def codes(need):
    return {p.code for p in need.alternatives}


def test_child_needs_one_paper_showing_the_age():
    outcome = evaluate({"date_of_birth": "01/01/2015"}, ON).outcome("7.3")
    assert [codes(n) for n in outcome.missing_proofs] == [{"birth_certificate", "identity_document"}]


def test_a_provided_paper_satisfies_its_group():
    outcome = evaluate({"date_of_birth": "01/01/2015", "proofs_provided": ["birth_certificate"]}, ON).outcome("7.3")
    assert outcome.missing_proofs == ()
    assert all(n.satisfied for n in outcome.proofs)


def test_disabled_near_poor_needs_the_disability_paper_and_the_near_poor_certificate():
    result = evaluate({"disability": "on", "household": "near_poor", "proofs_provided": "disability_certificate"}, ON)
    outcome = result.outcome("7.7.d")
    assert outcome.applies
    assert [codes(n) for n in outcome.missing_proofs] == [{"near_poor_household_cert"}]
    assert outcome.missing_proofs[0].purpose == "khó khăn về tài chính"


def test_financial_proof_follows_the_ground_met():
    outcome = evaluate({"hiv": True, "receives_social_allowance": True}, ON).outcome("7.7.h")
    assert [codes(n) for n in outcome.proofs] == [
        {"hiv_certificate"},
        {"social_allowance_decision", "social_facility_admission"},
    ]


def test_accused_minor_needs_the_procedural_paper_and_the_age_paper():
    outcome = evaluate({"date_of_birth": "01/06/2008", "procedural_roles": ["suspect"]}, ON).outcome("7.5")
    assert len(outcome.missing_proofs) == 2


def test_categories_that_do_not_apply_list_no_papers():
    outcome = evaluate({}, ON).outcome("7.1")
    assert outcome.proofs == ()


def test_proof_papers_are_editable_data():
    category = Category.objects.active_on(ON).get(ref="7.7.h")
    extra = ProofDocument.objects.create(code="hiv-test-result", name="Kết quả xét nghiệm HIV dương tính")
    CategoryProof.objects.filter(category=category).update(group=1)
    CategoryProof.objects.create(category=category, proof=extra, group=1)
    outcome = evaluate({"hiv": True, "household": "near_poor", "proofs_provided": ["hiv-test-result"]}, ON)
    assert [codes(n) for n in outcome.outcome("7.7.h").missing_proofs] == [{"near_poor_household_cert"}]


def test_every_category_has_proof_papers_and_a_source():
    for category in Category.objects.all():
        assert category.requirements.exists(), category.ref
        assert category.source, category.ref
