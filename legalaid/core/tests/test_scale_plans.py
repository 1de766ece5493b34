"""The plans of the main pages on generated data (issue 11 item 7), PostgreSQL only: no timing, only EXPLAIN.

5,000 generated cases (``generate_data``, then ANALYZE; pricing sequential scans out makes the size matter little,
and 20,000 cost three minutes). Each page is opened as a director, a branch head and a lawyer, the report pages (last
year's case figures and form 24) and the dashboard as those who may open them; every SELECT it sent is EXPLAINed with
sequential scans priced out (``SET enable_seqscan = off``), so the planner uses an index whenever one can serve the
query. The test fails when a large table is still read whole: a ``Seq Scan`` (no index serves the query), or an index
walked from end to end with no condition and no LIMIT to stop it. A new filter, search, home-page panel or report
figure without its index fails here, whatever the machine's speed.
"""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from legalaid.core.models import User
from legalaid.intake.models import FieldOfLaw, FormOfAid

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans"),
]

#: The tables that grow with the number of cases.
LARGE = {
    "cases_legalaidcase",
    "people_person",
    "intake_legalaidrequest",
    "intake_legalaidrequest_categories",
    "intake_requestdecision",
    "providers_assignment",
    "cases_caseevent",
    "cases_worklogentry",
    "cases_hearing",
    "cases_casecompletion",
}


def whole_reads(node: dict, parents: tuple = ()) -> list[str]:
    """The large tables a plan reads whole (see the module's docstring)."""
    found = []
    table, kind = node.get("Relation Name"), node["Node Type"]
    if table in LARGE:
        unbounded = not any(p["Node Type"] == "Limit" for p in parents)
        if kind == "Seq Scan" or (kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node and unbounded):
            found.append(f"{kind} on {table}")
    for child in node.get("Plans", []):
        found += whole_reads(child, (*parents, node))
    return found


def plan_of(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def test_the_main_pages_read_no_large_table_whole(client, settings):
    settings.DEBUG = True
    call_command("generate_data", cases=5_000, seed=5, centres=2, branches=2, verbosity=0)  # ends with ANALYZE
    cases = reverse("cases:case_list")
    people = reverse("people:person_list")
    requests = reverse("intake:request_list")
    filtered = {
        "form_of_aid": FormOfAid.objects.get(code="litigation").pk,
        "field_of_law": FieldOfLaw.objects.filter(in_scope=True).order_by("pk").first().pk,
        "accepted_from": "01/01/2024",
        "accepted_to": "31/12/2024",
    }
    problems = []
    for username in ("director.g5c1", "branchhead1.g5c1", "lawyer.g5c1"):
        user = User.objects.get(username=username)
        client.force_login(user)
        pages = {
            "home": (reverse("home"), {}),
            "case list": (cases, {}),
            "case list filtered": (cases, filtered),
            "case list deep page": (cases, {"page": 150}),
            "case list name search": (client.post(cases, {"_search": "1", "q": "nguyen van duc"})["Location"], {}),
            "case list short words": (client.post(cases, {"_search": "1", "q": "le an"})["Location"], {}),
        }
        if user.has_perm("reports.view_reports"):
            last_year = {"period": "year", "year": timezone.localdate().year - 1}
            pages["case figures"] = (reverse("reports:case_figures"), last_year)
            pages["form 24"] = (reverse("reports:form_24"), last_year)
            pages["dashboard"] = (reverse("reports:dashboard"), {})
        if user.has_perm("people.view_person"):
            pages["person search"] = (client.post(people, {"_search": "1", "q": "tran thi lan"})["Location"], {})
            pages["request list"] = (requests, {})
        for page, (url, params) in pages.items():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, params).status_code == 200, (username, page)
            for query in queries:
                if query["sql"].lstrip().upper().startswith("SELECT"):
                    for read in whole_reads(plan_of(query["sql"])):
                        problems.append(f"{username} / {page}: {read}\n    {query['sql'][:300]}")
    assert not problems, "\n".join(problems)
