"""PostgreSQL indexes for lists at a million rows (issue 11, docs/performance.md): GIN trigram indexes on the folded
name keys (`name_key LIKE '%word%'`), partial indexes for the overdue papers. Each test proves the index exists and
that the planner can use it for the very query the app sends (EXPLAIN with sequential scans priced out)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.cases.selectors import overdue_cases_q
from legalaid.core.models import Commune, User
from legalaid.intake.models import LegalAidRequest
from legalaid.intake.selectors import overdue_requests_q
from legalaid.lib.text import fold
from legalaid.people.choices import IdType
from legalaid.people.models import Ethnicity, Person
from legalaid.people.tests.factories import PersonFactory
from legalaid.providers.models import Provider

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL indexes"),
]

TRIGRAM = {
    "people_person": "people_person_name_trgm",
    "providers_provider": "providers_provider_name_trgm",
    "core_user": "core_user_name_trgm",
    "core_commune": "core_commune_name_trgm",
}


def indexes(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


def plan(qs) -> str:
    """The plan of `qs` with sequential scans priced out: names the index when the planner can use it.

    The ordering is dropped: on a small test table a walk of the b-tree on the ordering column (name_key) looks
    cheaper than sorting, which says nothing about whether the trigram index serves the filter."""
    qs = qs.order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        text = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return text


@pytest.mark.parametrize(("table", "name"), TRIGRAM.items())
def test_name_keys_have_a_trigram_index(table, name):
    definition = indexes(table).get(name, "")
    assert "USING gin" in definition and "gin_trgm_ops" in definition and "name_key" in definition


def test_the_person_search_can_use_the_trigram_index(world):
    ethnicity = Ethnicity.objects.get(code="01")
    people = []
    for n in range(3000):
        person = PersonFactory.build(
            centre=world.a.centre, ethnicity=ethnicity, full_name=f"Nguyễn Văn Thử {n}", id_type=IdType.NONE
        )
        person.name_key = fold(person.full_name)
        people.append(person)
    Person.objects.bulk_create(people, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE people_person")

    qs = Person.objects.filter(name_key__contains="thu 12")
    assert "people_person_name_trgm" in plan(qs)
    assert qs.count() == 111  # 12, 120-129, 1200-1299
    assert "people_person_name_trgm" in plan(Person.objects.search("Thử 12"))

    for model, table in ((Provider, "providers_provider"), (User, "core_user"), (Commune, "core_commune")):
        assert TRIGRAM[table] in plan(model.objects.filter(name_key__contains="thu"))


def test_the_overdue_papers_have_partial_indexes(world):
    case_index = indexes("cases_legalaidcase")["cases_case_papers_open_idx"]
    assert "WHERE" in case_index and "immediate" in case_index
    request_index = indexes("intake_legalaidrequest")["intake_req_papers_open_idx"]
    assert "WHERE" in request_index and "status" in request_index

    today = timezone.localdate() + dt.timedelta(days=1)
    assert "cases_case_papers_open_idx" in plan(LegalAidCase.objects.filter(overdue_cases_q(today)).values("pk"))
    assert "intake_req_papers_open_idx" in plan(LegalAidRequest.objects.filter(overdue_requests_q(today)).values("pk"))
