"""The dashboard: each chart's bars equal the lists they open, for the user's scope only; a pinned number of queries
(one grouped query per chart, never one per bar)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from .factories import make_case
from .test_views import drill_total

pytestmark = pytest.mark.django_db


def chart_data(html: str) -> dict[str, dict]:
    found = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>', html, re.S)
    assert found
    return {c["id"]: c for c in json.loads(unescape(found.group(1)))}


@pytest.fixture
def data(world):
    a, b = world.a, world.b
    today = timezone.localdate()
    make_case(a.director, form="advice", accepted=today, completed=today)
    make_case(a.director, form="litigation", field="criminal", cats=("7.5",), accepted=today)
    make_case(a.branch_head, form="advice", cats=("7.2", "7.4"), accepted=today)
    make_case(b.director, form="advice", accepted=today)
    return world


def test_bars_equal_the_lists_they_open(client, data):
    client.force_login(data.a.director)
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "vendor/chartjs/chart.umd.min.js" in html and "js/dashboard.js" in html
    charts = chart_data(html)
    assert {"chart-month", "chart-form", "chart-field", "chart-category"} <= set(charts)
    checked = 0
    for chart_id in ("chart-month", "chart-form", "chart-field", "chart-category"):
        for dataset in charts[chart_id]["datasets"]:
            for value, link in zip(dataset["data"], dataset["links"], strict=True):
                if value or checked % 7 == 0:
                    assert drill_total(client, link) == value, (chart_id, link)
                checked += 1
    form = charts["chart-form"]["datasets"][0]["data"]
    assert sum(form) == 3  # Centre A's three cases; Centre B's never


def test_branch_head_charts_count_the_branch_only(client, data):
    client.force_login(data.a.branch_head)
    charts = chart_data(client.get(reverse("reports:dashboard")).content.decode())
    assert sum(charts["chart-form"]["datasets"][0]["data"]) == 1


def test_department_officer_charts_count_its_centres(client, data):
    client.force_login(data.a.doj_officer)
    charts = chart_data(client.get(reverse("reports:dashboard")).content.decode())
    assert sum(charts["chart-form"]["datasets"][0]["data"]) == 3


def test_quota_and_appraisal_charts(client, data):
    from legalaid.providers.models import LitigationQuota
    from legalaid.providers.tests.factories import provider_for

    a = data.a
    today = timezone.localdate()
    officer = provider_for(a.officer)
    LitigationQuota.objects.create(provider=officer, year=today.year, cases=3)
    make_case(a.director, form="litigation", accepted=today, completed=today, provider=officer)
    client.force_login(a.director)
    charts = chart_data(client.get(reverse("reports:dashboard")).content.decode())
    quota = charts["chart-quota"]
    assert quota["labels"] == [officer.full_name]
    assert [d["data"] for d in quota["datasets"]] == [[1], [3]]
    assert drill_total(client, quota["datasets"][0]["links"][0]) == 1  # the case it counts
    assert quota["datasets"][1]["links"][0].startswith(reverse("providers:quota_table"))
    appraisal = charts["chart-appraisal"]
    not_yet = appraisal["datasets"][1]
    assert sum(not_yet["data"]) == 1
    for value, link in zip(not_yet["data"], not_yet["links"], strict=True):
        assert drill_total(client, link) == value


def test_dashboard_query_count_is_pinned(client, data, django_assert_max_num_queries):
    client.force_login(data.a.director)
    client.get(reverse("reports:dashboard"))
    for _ in range(3):  # more records do not mean more queries
        make_case(data.a.director, accepted=timezone.localdate() - dt.timedelta(days=40))
    with django_assert_max_num_queries(30):
        assert client.get(reverse("reports:dashboard")).status_code == 200


def test_dashboard_refused_without_the_permission(client, data):
    client.force_login(data.a.officer)
    assert client.get(reverse("reports:dashboard")).status_code == 403
