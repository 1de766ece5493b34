"""The lists behind the figures that count other records than cases and requests (``reports.records``): payments,
appraisal coverage, evaluations, follow-ups, online requests, updated cases (the indicators page) and the
dashboard's satisfaction and quota bars. Each figure equals its list (count, sum or share), as the director, the
Department officer (the Centres its Department oversees) and the branch head; query counts pinned.

The data are ``generate_data``'s (cases, appraisals, payments, outreach for two Centres), plus evaluations,
follow-ups, survey answers and online requests written here."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from legalaid.core.generate import generated_centres
from legalaid.core.models import User
from legalaid.plans.metrics import get_metric
from legalaid.reports.records import FAMILIES

from .test_dashboard import chart_data

pytestmark = pytest.mark.django_db

SEED = 9


def _period():
    today = timezone.localdate()
    return today - dt.timedelta(days=730), today


@pytest.fixture
def generated(settings):
    from legalaid.cases.models import LegalAidCase
    from legalaid.feedback import services as feedback
    from legalaid.feedback.choices import Audience
    from legalaid.feedback.tests.factories import all_answers
    from legalaid.intake.choices import Channel
    from legalaid.intake.models import LegalAidRequest
    from legalaid.providers.models import LitigationQuota, Provider
    from legalaid.quality.models import Evaluation, FollowUp, ResultLevel

    settings.DEBUG = True
    call_command("generate_data", cases=500, seed=SEED, centres=2, branches=1, extras=True, verbosity=0)
    today = timezone.localdate()
    centres = list(generated_centres(SEED))
    level = ResultLevel.objects.filter(code="dat").first()
    for centre in centres:
        director = User.objects.get(username=f"director.{_slug(centre)}")
        doj_officer = User.objects.get(username=f"dojofficer.{_slug(centre)}")
        recent = LegalAidCase.objects.filter(centre=centre, completion__isnull=False).order_by("-pk")
        # The Department's evaluations: concluded (one with a follow-up still open) and one still open.
        for i, case in enumerate(recent[:3]):
            concluded = i < 2
            evaluation = Evaluation.objects.create(
                doj=centre.parent,
                centre=centre,
                branch=case.branch,
                case=case,
                origin="complaint",
                status="concluded" if concluded else "open",
                result_level=level if concluded else None,
                concluded_at=timezone.now() - dt.timedelta(days=10) if concluded else None,
                concluded_by=doj_officer if concluded else None,
                created_by=doj_officer,
            )
            if concluded:
                FollowUp.objects.create(evaluation=evaluation, text="Bổ sung hồ sơ", due_on=today)
        # Survey answers this year: satisfied and not, for head office and branch cases.
        this_year = LegalAidCase.objects.filter(centre=centre, accepted_at__year=today.year).order_by("pk")
        for i, case in enumerate(this_year[:4]):
            feedback.response_enter(
                actor=director,
                case=case,
                respondent="beneficiary",
                answered_on=today,
                answers=all_answers(Audience.BENEFICIARY, position=1 if i % 2 else 4),
            )
        # Online requests (the portal's figure).
        LegalAidRequest.objects.filter(pk__in=LegalAidRequest.objects.filter(centre=centre).order_by("-pk")[:5]).update(
            channel=Channel.ONLINE
        )
        for provider in Provider.objects.filter(centre=centre, kind="officer"):
            LitigationQuota.objects.create(provider=provider, year=today.year, cases=3)
    return centres


def _slug(centre) -> str:
    number = re.search(r"dữ liệu thử \d+-(\d+)\)", centre.name).group(1)
    return f"g{SEED}c{number}"


def _user(kind: str, centre) -> User:
    return User.objects.get(username=f"{kind}.{_slug(centre)}")


def _list(client, href: str) -> dict:
    response = client.get(href)
    assert response.status_code == 200, href
    html = response.content.decode()
    found = re.search(
        r'id="drill-summary" data-total="(\d+)"(?: data-amount="(\d+)")?(?: data-appraised="(\d+)")?', html
    )
    if not found:
        return {"error": True, "html": html}
    total, amount, appraised = found.groups()
    return {"total": int(total), "amount": amount and int(amount), "appraised": appraised and int(appraised)}


def _agrees(family, value: Decimal, shown: dict) -> bool:
    if family.amount:
        return Decimal(shown["amount"]) == value
    if family.code == "litigation_representation_appraised_pct":
        pct = Decimal(shown["appraised"]) * 100 / Decimal(shown["total"])
        return pct.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) == value
    return Decimal(shown["total"]) == value


@pytest.mark.parametrize("role", ["director", "dojofficer"])
def test_every_indicator_equals_its_list(client, generated, role):
    start, end = _period()
    centre = generated[0]
    client.force_login(_user(role, centre))
    html = client.get(
        reverse("reports:indicators"), {"period": "range", "start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
    ).content.decode()
    nonzero = set()
    for code, family in FAMILIES.items():
        if not family.per_centre:
            continue
        metric = get_metric(code)
        assert metric.drilldown == f"reports:records_{code}", code
        value = metric.measure(centre, start, end)
        href = metric.drilldown_url(centre, start, end)
        if value is None:
            continue
        assert href.replace("&", "&amp;") in html, code  # the figure on the page links to its list
        shown = _list(client, href)
        assert _agrees(family, value, shown), (code, value, shown)
        if value:
            nonzero.add(code)
    assert {
        "payments_paid_amount",
        "litigation_representation_appraised_pct",
        "quality_evaluations_concluded",
        "quality_follow_ups_open",
        "requests_online",
    } <= nonzero


def test_the_department_reads_only_the_centres_it_oversees(client, generated):
    start, end = _period()
    client.force_login(_user("dojofficer", generated[0]))
    other = get_metric("payments_paid_amount").drilldown_url(generated[1], start, end)
    shown = _list(client, other)
    assert shown.get("error") and "records-error" in shown["html"]


def test_branch_head_gets_no_centre_wide_list(client, generated):
    start, end = _period()
    client.force_login(_user("branchhead1", generated[0]))
    shown = _list(client, get_metric("payments_paid_amount").drilldown_url(generated[0], start, end))
    assert shown.get("error")
    assert "Nguyễn" not in shown["html"] and "drill-row" not in shown["html"]


@pytest.mark.parametrize("role", ["director", "dojofficer", "branchhead1"])
def test_dashboard_satisfaction_and_quota_bars_equal_their_lists(client, generated, role):
    client.force_login(_user(role, generated[0]))
    charts = chart_data(client.get(reverse("reports:dashboard")).content.decode())
    checked = 0
    for chart_id in ("chart-satisfaction", "chart-quota"):
        if chart_id not in charts:
            continue
        datasets = charts[chart_id]["datasets"]
        if chart_id == "chart-quota":
            datasets = datasets[:1]  # the second is the quota itself: it opens the quota table
        for dataset in datasets:
            for value, link in zip(dataset["data"], dataset["links"], strict=True):
                assert "/ban-ghi/" in link
                shown = _list(client, link)
                assert shown["total"] == value, (chart_id, link)
                checked += value
    assert "chart-satisfaction" in charts
    assert checked > 0


def test_the_satisfaction_list_shows_the_answers_it_counts(client, generated):
    client.force_login(_user("director", generated[0]))
    today = timezone.localdate()
    href = FAMILIES["satisfaction"].url(
        today.replace(month=1, day=1), today, None, audience="beneficiary", satisfied="yes"
    )
    html = client.get(href).content.decode()
    assert html.count('class="drill-row"') == _list(client, href)["total"] > 0
    assert html.count('href="/phan-hoi/khao-sat/') >= _list(client, href)["total"]  # each answer opens its response


@pytest.mark.parametrize(
    "family, query",
    [("satisfaction", {"audience": "x", "satisfied": "yes"}), ("quota", {"provider": "abc"}), ("quota", {})],
)
def test_bad_parameters_get_a_message(client, generated, family, query):
    client.force_login(_user("director", generated[0]))
    today = timezone.localdate()
    href = FAMILIES[family].url(today.replace(month=1, day=1), today, None, **query)
    response = client.get(href)
    assert response.status_code == 200
    assert "records-error" in response.content.decode()
    assert client.get(href.replace("from=", "from=99")).status_code == 200


def test_roles_without_reports_are_refused(client, generated):
    start, end = _period()
    client.force_login(User.objects.get(username=f"lawyer.{_slug(generated[0])}"))
    assert client.get(get_metric("payments_paid_amount").drilldown_url(generated[0], start, end)).status_code == 403


def test_record_lists_query_counts_are_pinned(client, generated, django_assert_max_num_queries):
    start, end = _period()
    centre = generated[0]
    client.force_login(_user("director", centre))
    for code, family in FAMILIES.items():
        if not family.per_centre:
            continue
        href = get_metric(code).drilldown_url(centre, start, end)
        client.get(href)
        # Session and user, the unit choices, the Centres in scope, the totals, the page, the menu: never per row.
        with django_assert_max_num_queries(12):
            assert client.get(href).status_code == 200


@pytest.mark.parametrize("role", ["director", "dojofficer"])
def test_outreach_figures_equal_the_outreach_lists(client, generated, role):
    """The outreach app's own lists (``?centre=&from=&to=``) count what the catalogue's outreach figures count."""
    start, end = _period()
    centre = generated[0]
    client.force_login(_user(role, centre))
    for code in ("outreach_sessions", "mobile_sessions"):
        metric = get_metric(code)
        value = metric.measure(centre, start, end)
        html = client.get(metric.drilldown_url(centre, start, end)).content.decode()
        shown = re.search(r"Tổng số: ([\d.]+)", html)
        assert shown and Decimal(shown.group(1).replace(".", "")) == value > 0, code
