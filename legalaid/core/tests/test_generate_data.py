"""``manage.py generate_data`` (issue 11 item 5): realistic data, gap-free register numbers, never in production."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseCompletion, LegalAidCase
from legalaid.intake.models import LegalAidRequest, Register
from legalaid.lib.text import fold
from legalaid.people.models import Person
from legalaid.providers.models import Assignment, DecisionCounter, Provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(settings):
    settings.DEBUG = True
    call_command("generate_data", cases=400, seed=7, centres=2, branches=2, verbosity=0)


def test_the_dataset(generated):
    cases = LegalAidCase.objects.filter(centre__name__contains="dữ liệu thử 7-")
    assert cases.count() == 400
    assert cases.values("centre").distinct().count() == 2
    assert cases.exclude(branch=None).exists() and cases.filter(branch=None).exists()
    statuses = set(cases.values_list("status", flat=True))
    assert {CaseStatus.COMPLETED, CaseStatus.IN_PROGRESS} <= statuses
    # Old cases have ended; completions exist for completed cases only.
    assert CaseCompletion.objects.filter(case__in=cases).exclude(case__status=CaseStatus.COMPLETED).count() == 0
    assert CaseCompletion.objects.filter(case__in=cases).count() == cases.filter(status=CaseStatus.COMPLETED).count()
    # Every case but the just-accepted ones has an assignment, active while the case is open.
    assert Assignment.objects.filter(case__in=cases, is_active=True, case__status=CaseStatus.COMPLETED).count() == 0
    assert not cases.exclude(status=CaseStatus.ACCEPTED).filter(assignments=None).exists()
    assert Provider.objects.filter(centre__in=cases.values("centre")).count() >= 8
    # Persons with folded keys; refused requests without a case.
    person = Person.objects.filter(cases__in=cases).first()
    assert person.name_key == fold(person.full_name) and person.full_name != person.name_key
    assert LegalAidRequest.objects.filter(centre__name__contains="dữ liệu thử 7-", case=None).count() == 20
    assert set(LegalAidRequest.objects.filter(case__in=cases).values_list("categories", flat=True)) != {None}


def test_register_numbers_are_gap_free_and_the_books_continue(generated):
    books = Register.objects.filter(organisation__centre__name__contains="dữ liệu thử 7-")
    assert books.count() > 4
    for book in books.annotate(n=Count("cases"), lo=Min("cases__number"), hi=Max("cases__number")):
        assert (book.lo, book.hi, book.n) == (1, book.last_number, book.last_number)
    codes = LegalAidCase.objects.filter(register__in=books).values_list("centre", "code")
    assert len(set(codes)) == len(codes)
    for counter in DecisionCounter.objects.filter(organisation__centre__name__contains="dữ liệu thử 7-"):
        numbers = Assignment.objects.filter(issuer=counter.organisation, decision_year=counter.year)
        assert numbers.aggregate(hi=Max("decision_number"))["hi"] == counter.last_number == numbers.count()


def test_a_new_row_after_generation_gets_a_fresh_primary_key(generated, world):
    from legalaid.people.tests.factories import PersonFactory

    assert (
        PersonFactory(centre=world.a.centre).pk
        > Person.objects.exclude(centre=world.a.centre).aggregate(m=Max("pk"))["m"]
    )


def test_it_refuses_production_and_debug_off(settings):
    settings.PRODUCTION = True
    settings.DEBUG = True
    with pytest.raises(CommandError, match="production"):
        call_command("generate_data", cases=10, verbosity=0)
    with pytest.raises(CommandError, match="production"):
        call_command("generate_data", cases=10, force=True, verbosity=0)
    settings.PRODUCTION = False
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("generate_data", cases=10, verbosity=0)
    assert not LegalAidCase.objects.exists()


def test_the_same_seed_twice_is_refused(generated):
    with pytest.raises(CommandError, match="seed"):
        call_command("generate_data", cases=10, seed=7, centres=2, branches=2, verbosity=0)
