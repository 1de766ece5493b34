"""The counting rules of the reports, as tables of cases (DOMAIN.md section 5; TT 03/2019/TT-BTP; docs/reports.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from legalaid.intake import services as intake_services
from legalaid.intake.tests.factories import receive_request
from legalaid.reports import facts, mappings
from legalaid.reports.models import PeriodKind
from legalaid.reports.periods import range_period, regime_period

from .factories import at, make_case

pytestmark = pytest.mark.django_db

D = dt.date
YEAR_2025 = range_period(D(2025, 1, 1), D(2025, 12, 31))


def form24(user, period=YEAR_2025, unit=None):
    table = mappings.FORM_24.build(user, period, unit)
    total = table.rows[0]
    return {c.key: cell.value for c, cell in zip(table.columns, total.cells, strict=True)}, table


# (description, case fields, counted in form 24 of 2025)
FORM_24_CASES = [
    ("completed in the period", {"accepted": D(2025, 2, 1), "completed": D(2025, 3, 1)}, True),
    ("completed then archived", {"accepted": D(2025, 2, 1), "completed": D(2025, 3, 1), "status": "archived"}, True),
    ("accepted in the period, still open", {"accepted": D(2025, 2, 1), "status": "in_progress"}, False),
    ("completed before the period", {"accepted": D(2024, 2, 1), "completed": D(2024, 12, 31)}, False),
    ("accepted before, completed in the period", {"accepted": D(2024, 2, 1), "completed": D(2025, 1, 1)}, True),
    ("completed after the period", {"accepted": D(2025, 2, 1), "completed": D(2026, 1, 1)}, False),
    ("discontinued in the period (Art. 37)", {"accepted": D(2025, 2, 1), "discontinued": D(2025, 3, 1)}, False),
]


@pytest.mark.parametrize(("label", "fields", "counted"), FORM_24_CASES, ids=[c[0] for c in FORM_24_CASES])
def test_form_24_counts_persons_from_cases_completed_in_the_period(world, label, fields, counted):
    make_case(world.a.director, **fields)
    totals, _ = form24(world.a.director)
    assert totals["total"] == (1 if counted else 0)


def test_form_24_columns_sex_categories_and_the_combined_column(world):
    a = world.a.director
    done = {"accepted": D(2025, 2, 1), "completed": D(2025, 6, 1)}
    make_case(a, cats=("7.2",), sex="female", **done)
    make_case(a, cats=("7.2", "7.4"), **done)  # poor household AND ethnic minority: both columns and the combined one
    make_case(a, cats=("7.4",), sex="female", **done)
    make_case(a, cats=("7.7.c", "7.7.d"), **done)  # elderly with a disability: both sub-groups
    totals, table = form24(a)
    assert totals["total"] == 4  # each "lượt" once in the total
    assert totals["female"] == 2
    assert totals["cat_7.2"] == 2
    assert totals["cat_7.4"] == 2
    assert totals["poor_minority"] == 1
    assert totals["cat_7.7.c"] == 1 and totals["cat_7.7.d"] == 1
    assert totals["cat_7.1"] == 0
    keys = [c.key for c in table.columns]
    assert keys.index("poor_minority") == keys.index("cat_7.4") + 1
    assert {c.group for c in table.columns if c.key.startswith("cat_7.7")} == {
        "Người có khó khăn về tài chính (khoản 7 Điều 7)"
    }


def test_one_person_with_two_completed_cases_is_two_turns(world):
    a = world.a.director
    first = make_case(a, accepted=D(2025, 2, 1), completed=D(2025, 3, 1))
    make_case(a, accepted=D(2025, 4, 1), completed=D(2025, 5, 1), beneficiary=first.beneficiary)
    assert form24(a)[0]["total"] == 2


def test_rows_are_field_by_form_with_subtotals(world):
    a = world.a.director
    done = {"accepted": D(2025, 2, 1), "completed": D(2025, 6, 1)}
    make_case(a, form="advice", field="civil", **done)
    make_case(a, form="litigation", field="civil", **done)
    make_case(a, form="litigation", field="criminal", **done)
    _, table = form24(a)
    by_label = {}
    for row in table.rows:
        by_label.setdefault((row.level, row.label), row.cells[0].value)
    rows = {(r.level, r.label): r for r in table.rows}
    civil = next(r for r in table.rows if r.level == 1 and r.dims["field"] == _field("civil"))
    assert civil.cells[0].value == 2
    lines = [r for r in table.rows if r.level == 2 and r.dims["field"] == _field("civil")]
    assert sum(r.cells[0].value for r in lines) == 2
    assert table.rows[0].cells[0].value == 3
    assert rows  # every row is labelled


def _field(code):
    from legalaid.intake.models import FieldOfLaw

    return str(FieldOfLaw.objects.get(code=code).pk)


def test_the_six_month_report_counts_actual_data_to_the_cut_off(world):
    """TT 03/2019: the 6-month period is 01/01-30/06 with actual data to 31/05; the rest is the unit's estimate."""
    a = world.a.director
    make_case(a, accepted=D(2025, 2, 1), completed=D(2025, 5, 31))
    make_case(a, accepted=D(2025, 2, 1), completed=D(2025, 6, 1))
    period = regime_period(PeriodKind.HALF_YEAR, 2025)
    assert (period.start, period.end, period.cutoff) == (D(2025, 1, 1), D(2025, 6, 30), D(2025, 5, 31))
    assert form24(a, period)[0]["total"] == 1
    official = regime_period(PeriodKind.OFFICIAL_YEAR, 2025)
    assert official.cutoff is None and official.counted_end == D(2025, 12, 31)
    year = regime_period(PeriodKind.YEAR, 2025)
    assert year.cutoff == D(2025, 10, 31)


def figures(user, period=YEAR_2025, unit=None):
    _, rows = mappings.case_figures(user, period, unit)
    return {r.measure.code: r.total.value for r in rows}


def test_case_figures_table_of_cases(world):
    a = world.a.director
    make_case(a, accepted=D(2024, 12, 1), status="in_progress")  # open at the end of 2025
    make_case(a, accepted=D(2025, 2, 1), completed=D(2025, 3, 1))
    make_case(a, accepted=D(2025, 2, 1), completed=D(2026, 1, 5))  # still in progress on 31/12/2025
    make_case(a, accepted=D(2025, 3, 1), discontinued=D(2025, 4, 1))
    make_case(a, accepted=D(2024, 3, 1), discontinued=D(2024, 4, 1))  # neither in 2025 nor open
    refused = receive_request(world.a.intake)
    intake_services.request_refuse(actor=world.a.director, request=refused, ground="30.3.a", note="Không thuộc diện")
    type(refused).objects.filter(pk=refused.pk).update(received_at=at(D(2025, 5, 1)))
    refused.decisions.update(decided_at=at(D(2025, 5, 2)))
    assert figures(a) == {
        "received": 3 + 1,  # the requests of the 2025 cases (received on their acceptance day) and the refused one
        "accepted": 3,
        "refused": 1,
        "completed": 1,
        "discontinued": 1,
        "in_progress": 2,
    }


def test_figures_by_provider_kind_count_a_case_for_each_kind(world):
    from legalaid.providers.tests.factories import provider_for

    a = world.a
    officer = provider_for(a.officer)
    case = make_case(a.director, form="litigation", accepted=D(2025, 2, 1), provider=officer)
    _, rows = mappings.case_figures(a.director, range_period(D(2025, 1, 1), D(2026, 12, 31)), None)
    accepted = next(r for r in rows if r.measure.code == "accepted")
    kinds = {c.url.split("kind=")[1]: c.value for c in accepted.by["kind"]}
    # The case was assigned today (the decision), accepted on its own date: counted once, under its provider's kind.
    assert kinds["officer"] == 1 and kinds["collaborator"] == 0
    assert case.assignments.count() == 1
    received = next(r for r in rows if r.measure.code == "received")
    assert all(c.value is None for c in received.by["kind"])  # a request has no provider


def test_dimension_values_that_name_nothing_are_refused():
    for dims in ({"field": "x"}, {"office": "z9"}, {"sex": "?"}, {"kind": "judge"}, {"month": "2025-13"}, {"nope": 1}):
        with pytest.raises(facts.BadValue):
            facts.dims_q(facts.CASE, dims)
