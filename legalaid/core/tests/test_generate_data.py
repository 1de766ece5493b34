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
    call_command("generate_data", cases=400, seed=7, centres=2, branches=2, extras=True, verbosity=0)


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
    # Sexes as the model's choices (form 24 counts women; "M"/"F" were counted as neither).
    sexes = set(Person.objects.filter(cases__in=cases).values_list("sex", flat=True))
    assert sexes == {"male", "female"}
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


# --- Appraisals, payments, outreach (generated with the cases, or added later with --extras-only) -------------------


def _extras_counts(seed_label="dữ liệu thử 7-"):
    from legalaid.outreach.models import OutreachSession, OutreachTarget
    from legalaid.payments.models import Payment
    from legalaid.quality.models import Appraisal, AppraisalScore

    return {
        "appraisals": Appraisal.objects.filter(centre__name__contains=seed_label).count(),
        "scores": AppraisalScore.objects.filter(appraisal__centre__name__contains=seed_label).count(),
        "payments": Payment.objects.filter(centre__name__contains=seed_label).count(),
        "sessions": OutreachSession.objects.filter(centre__name__contains=seed_label).count(),
        "targets": OutreachTarget.objects.filter(centre__name__contains=seed_label).count(),
    }


def test_appraisals_follow_the_quality_rules(generated):
    import datetime as dt

    from django.utils import timezone

    from legalaid.quality.models import Appraisal, ResultLevel
    from legalaid.quality.selectors import completed_cases_q
    from legalaid.quality.services import appraiser_error

    appraisals = Appraisal.objects.filter(centre__name__contains="dữ liệu thử 7-").select_related("case", "appraiser")
    assert appraisals.filter(status="done").exists()
    since = timezone.localdate() - dt.timedelta(days=730)
    completed = LegalAidCase.objects.filter(centre__name__contains="dữ liệu thử 7-").filter(completed_cases_q())
    recent = completed.filter(completion__completed_on__gte=since)
    # Only appraisable cases completed in the last two years; about 40 % of them.
    assert appraisals.count() == appraisals.filter(case__in=recent).count()
    assert 0.2 * recent.count() <= appraisals.count() <= 0.6 * recent.count()
    levels = list(ResultLevel.objects.filter(min_points__isnull=False).order_by("-min_points"))
    for appraisal in appraisals:
        assert appraiser_error(appraisal.case, appraisal.appraiser) is None  # independent of the case's providers
        assert appraisal.assigned_on >= appraisal.case.completion.completed_on
        if appraisal.status != "done":
            assert appraisal.result_level_id is None and not appraisal.scores.exists()
            continue
        points = [s.points for s in appraisal.scores.select_related("criterion")]
        assert len(points) == appraisal.criteria_set.criteria.count()
        assert sum(points) == appraisal.total_points
        assert all(s.points <= s.criterion.max_points for s in appraisal.scores.select_related("criterion"))
        # The total decides the level, as quality.services.suggested_level does.
        assert appraisal.result_level == next(lv for lv in levels if appraisal.total_points >= lv.min_points)
        assert 0 < appraisal.appraised_sessions <= 30 and appraisal.completed_at is not None
        appraisal.full_clean()


def test_payments_follow_the_fee_rule(generated):
    from legalaid.payments.models import Payment

    payments = Payment.objects.filter(centre__name__contains="dữ liệu thử 7-").select_related(
        "case__appraisal__result_level", "provider"
    )
    assert payments.exists()
    for payment in payments:
        appraisal = payment.case.appraisal
        assert appraisal.status == "done" and appraisal.result_level.satisfactory
        assert payment.sessions_claimed == appraisal.appraised_sessions
        assert payment.amount == payment.fee().amount > 0  # the pure rule of payments.rules, from the kept figures
        assert payment.case.assignments.filter(provider=payment.provider).exists()
        assert payment.proposed_at >= appraisal.completed_at
        if payment.status == "paid":
            assert payment.paid_on and payment.approved_at and payment.approved_by_id
        payment.full_clean()


def test_outreach_sessions_and_targets(generated):
    from legalaid.outreach.choices import PLACE_FORMS
    from legalaid.outreach.models import OutreachSession, OutreachTarget

    sessions = OutreachSession.objects.filter(centre__name__contains="dữ liệu thử 7-")
    units = sessions.values("centre", "branch").distinct().count()
    assert units == 2 * 3  # every unit: 2 Centres, each with its head office and 2 branches
    for session in sessions[:300]:
        session.full_clean()
        assert (session.commune_id is not None) == (session.form in PLACE_FORMS)
        assert session.commune is None or session.commune.province_id == session.centre.province_id
    assert OutreachTarget.objects.filter(centre__name__contains="dữ liệu thử 7-").count() == units * 2 * 3


def test_extras_only_adds_the_missing_rows_once(generated):
    from legalaid.outreach.models import OutreachSession
    from legalaid.payments.models import Payment
    from legalaid.quality.models import Appraisal

    before = _extras_counts()
    assert all(before.values())
    call_command("generate_data", extras_only=True, seed=7, verbosity=0)
    assert _extras_counts() == before  # nothing added twice
    # A database generated before the extras existed: they are added, then not again.
    Payment.objects.all().delete()
    Appraisal.objects.all().delete()
    OutreachSession.objects.all().delete()
    call_command("generate_data", extras_only=True, seed=7, verbosity=0)
    again = _extras_counts()
    assert again["appraisals"] == before["appraisals"] and again["sessions"] > 0 and again["payments"] > 0
    call_command("generate_data", extras_only=True, seed=7, verbosity=0)
    assert _extras_counts() == again
    # A row written after it gets a fresh primary key (the sequences moved past the written ids).
    last = OutreachSession.objects.order_by("-pk").first()
    fresh = OutreachSession.objects.create(
        centre=last.centre, date=last.date, form="online", topic="x", created_by_id=last.created_by_id
    )
    assert fresh.pk > last.pk


def test_extras_only_needs_a_generated_seed(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="seed 99"):
        call_command("generate_data", extras_only=True, seed=99, verbosity=0)
    with pytest.raises(CommandError, match="--cases"):
        call_command("generate_data", extras_only=True, cases=10, seed=99, verbosity=0)
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("generate_data", extras_only=True, seed=99, verbosity=0)
