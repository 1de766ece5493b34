"""The report pages from outside: every figure equals the count of the list it links to; each role sees its scope
only; the .xlsx is the official layout; query counts pinned."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.urls import reverse

from legalaid.core.tests.factories import build_centre
from legalaid.reports import facts

from .factories import make_case

pytestmark = pytest.mark.django_db

D = dt.date
YEAR = {"period": "range", "start": "01/01/2025", "end": "31/12/2025"}


@pytest.fixture
def data(world):
    """Centre A: 2 cases at the head office, 2 in branch 1 (one female, poor + minority); Centre B: 1 case."""
    a, b = world.a, world.b
    done = {"accepted": D(2025, 2, 1), "completed": D(2025, 6, 1)}
    make_case(a.director, **done)
    make_case(a.director, form="litigation", field="criminal", cats=("7.5",), **done)
    make_case(a.branch_head, sex="female", cats=("7.2", "7.4"), **done)
    make_case(a.branch_head, accepted=D(2025, 3, 1), status="in_progress")
    make_case(b.director, **done)
    return world


def links(html: str) -> dict[str, int]:
    """Every figure link of a page: its URL and the figure shown."""
    found = {}
    for href, value in re.findall(r'<a href="([^"]+)" class="figure-link">([\d.]+)</a>', html):
        found[unescape(href)] = int(value.replace(".", ""))
    return found


def drill_total(client, href: str) -> int | None:
    """The count a drill-down list shows; None when it lists nothing (refused parameters)."""
    response = client.get(href)
    assert response.status_code == 200
    found = re.search(r'data-total="(\d+)"', response.content.decode())
    return int(found.group(1)) if found else None


def figure(html: str, cell_id: str) -> int:
    """The figure shown in the cell ``cell_id``."""
    found = re.search(rf'id="{re.escape(cell_id)}">(?:<a [^>]*>)?([\d.]+)', html)
    assert found, cell_id
    return int(found.group(1).replace(".", ""))


def invalid_unit(html: str) -> bool:
    return bool(re.search(r'<select name="unit"[^>]*is-invalid', html))


@pytest.mark.parametrize("page", ["reports:case_figures", "reports:form_24"])
def test_every_figure_equals_the_count_of_its_list(client, data, page):
    client.force_login(data.a.director)
    response = client.get(reverse(page), YEAR)
    assert response.status_code == 200
    figures = links(response.content.decode())
    assert len(figures) > 20
    nonzero = [(href, n) for href, n in figures.items() if n]
    assert len(nonzero) >= 4
    # Every non-zero figure and a sample of the zeros: the list counts what the figure counts.
    sample = nonzero + [(href, n) for href, n in figures.items() if not n][:5]
    for href, n in sample:
        assert drill_total(client, href) == n, href


def test_form_24_shows_centre_a_only_to_its_director(client, data):
    client.force_login(data.a.director)
    html = client.get(reverse("reports:form_24"), YEAR).content.decode()
    assert figure(html, "total-total") == 3  # Centre B's case never appears
    assert figure(html, "total-female") == 1
    assert figure(html, "total-poor_minority") == 1
    assert figure(html, "total-cat_7.5") == 1


def test_branch_head_sees_only_the_branch(client, data):
    a = data.a
    client.force_login(a.branch_head)
    html = client.get(reverse("reports:case_figures"), YEAR).content.decode()
    assert figure(html, "form-total-completed") == 1
    assert figure(html, "form-total-accepted") == 2
    assert figure(html, "form-total-in_progress") == 1
    # Asking for the Centre (or another Centre) is refused by the picker: still the branch's figures only.
    for unit in (a.centre, a.branch2, data.b.centre):
        html = client.get(reverse("reports:case_figures"), {**YEAR, "unit": unit.pk}).content.decode()
        assert invalid_unit(html)
        assert figure(html, "form-total-completed") <= 1
    # A drill-down link forged for the head office lists nothing of it.
    href = facts.drill_url("completed", D(2025, 1, 1), D(2025, 12, 31), None, {"office": f"c{a.centre.pk}"})
    assert drill_total(client, href) == 0
    href = facts.drill_url("completed", D(2025, 1, 1), D(2025, 12, 31), a.centre, {})
    assert drill_total(client, href) is None  # the unit is not theirs: refused, nothing listed
    # The catalogue measures whole Centres: not shown to a branch.
    html = client.get(reverse("reports:indicators"), YEAR).content.decode()
    assert 'id="no-indicators"' in html and 'id="indicators-table"' not in html


def test_department_sees_the_centres_it_oversees_only(client, data):
    a = data.a
    other = build_centre("C", a.centre.province)
    other.centre.parent = a.doj  # a second Centre under Department A
    other.centre.save()
    make_case(other.director, accepted=D(2025, 2, 1), completed=D(2025, 6, 1))
    client.force_login(a.doj_officer)
    html = client.get(reverse("reports:form_24"), YEAR).content.decode()
    assert figure(html, "total-total") == 4  # Centre A's 3 and Centre C's 1; not Centre B's
    html = client.get(reverse("reports:form_24"), {**YEAR, "unit": other.centre.pk}).content.decode()
    assert figure(html, "total-total") == 1
    html = client.get(reverse("reports:form_24"), {**YEAR, "unit": data.b.centre.pk}).content.decode()
    assert invalid_unit(html)
    html = client.get(reverse("reports:indicators"), YEAR).content.decode()
    assert a.centre.name in html and other.centre.name in html and data.b.centre.name not in html


@pytest.mark.parametrize("role", ["officer", "intake", "lawyer", "collaborator", "agency_officer"])
def test_roles_without_reports_are_refused(client, data, role):
    client.force_login(getattr(data.a, role))
    for name in ("reports:case_figures", "reports:form_24", "reports:form_24_xlsx", "reports:indicators"):
        assert client.get(reverse(name), YEAR).status_code == 403
    assert client.get(facts.drill_url("completed", D(2025, 1, 1), D(2025, 12, 31), None, {})).status_code == 403


def test_form_24_xlsx_in_the_official_layout(client, data):
    from openpyxl import load_workbook

    client.force_login(data.a.director)
    response = client.get(reverse("reports:form_24_xlsx"), YEAR)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws["A1"].value == "Biểu số 24/BTP/TGPL"
    assert ws["C1"].value == "SỐ LƯỢT NGƯỜI ĐƯỢC TRỢ GIÚP PHÁP LÝ"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A6:A7", "B6:B7", "C6:C7", "D6:D7"} <= merged  # STT, rows' label, total, female: two rows each
    headers = {ws.cell(6, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(6, c).value}
    persons = headers["Diện người được trợ giúp pháp lý (Điều 7 Luật TGPL)"]
    financial = headers["Người có khó khăn về tài chính (khoản 7 Điều 7)"]
    assert any(
        r.min_row == r.max_row == 6 and r.min_col == persons and r.max_col > persons for r in ws.merged_cells.ranges
    )
    assert any(r.min_row == 6 and r.min_col == financial and r.max_col - r.min_col == 7 for r in ws.merged_cells.ranges)
    sub = {ws.cell(7, c).value: c for c in range(1, ws.max_column + 1)}
    assert ws.cell(8, 3).value == "(3)"
    total_row = 9
    assert ws.cell(total_row, 2).value == "Tổng số"
    assert ws.cell(total_row, 3).value == 3
    assert ws.cell(total_row, 4).value == 1  # female
    assert ws.cell(total_row, sub["Hộ nghèo là người dân tộc thiểu số"]).value == 1
    labels = [ws.cell(r, 2).value for r in range(total_row, ws.max_row + 1)]
    assert "Hình sự" in labels and "Tham gia tố tụng" in labels


def test_drill_rejects_nonsense_without_error(client, data):
    client.force_login(data.a.director)
    url = reverse("reports:drill")
    for query in (
        {},
        {"measure": "nope", "from": "01/01/2025", "to": "31/12/2025"},
        {"measure": "completed", "from": "31/02/2025", "to": "x"},
        {"measure": "completed", "from": "01/01/2025", "to": "31/12/2025", "field": "abc"},
        {"measure": "completed", "from": "01/01/2025", "to": "31/12/2025", "month": "2025-99"},
        {"measure": "received", "from": "01/01/2025", "to": "31/12/2025", "kind": "officer"},
    ):
        assert drill_total(client, f"{url}?{urlencode(query)}") is None


def test_drill_links_carry_no_name(client, data):
    client.force_login(data.a.director)
    html = client.get(reverse("reports:form_24"), YEAR).content.decode()
    for href in links(html):
        params = parse_qs(urlparse(href).query)
        assert set(params) <= {"measure", "from", "to", "unit", *facts.DIMENSIONS}


def test_query_counts_are_pinned(client, data, django_assert_max_num_queries):
    client.force_login(data.a.director)
    client.get(reverse("reports:form_24"), YEAR)  # warm the session and reference caches
    with django_assert_max_num_queries(14):
        assert client.get(reverse("reports:form_24"), YEAR).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("reports:case_figures"), YEAR).status_code == 200
    href = facts.drill_url("completed", D(2025, 1, 1), D(2025, 12, 31), None, {})
    with django_assert_max_num_queries(12):
        assert client.get(href).status_code == 200


def test_officers_reaching_quota_is_measured(data):
    from legalaid.plans.metrics import get_metric
    from legalaid.providers.models import LitigationQuota
    from legalaid.providers.tests.factories import provider_for

    a = data.a
    metric = get_metric("officers_reaching_quota_pct")
    assert metric.available and metric.drilldown
    today = dt.date.today()
    first = provider_for(a.officer)
    second = provider_for(a.branch_officer)
    LitigationQuota.objects.create(provider=first, year=today.year, cases=1)
    LitigationQuota.objects.create(provider=second, year=today.year, cases=2)
    start = today.replace(month=1, day=1)
    assert metric.measure(a.centre, start, today) == 0
    make_case(a.director, form="litigation", accepted=today, provider=first)
    assert metric.measure(a.centre, start, today) == 50
    make_case(a.branch_head, form="litigation", accepted=today, provider=second)
    make_case(a.branch_head, form="advice", accepted=today, provider=second)  # not litigation: not counted
    assert metric.measure(a.centre, start, today) == 50
    assert metric.measure(data.b.centre, start, today) is None  # no quota: not measurable


def test_no_placeholder_left_in_the_catalogue():
    from legalaid.plans.metrics import all_metrics

    placeholders = {m.code for m in all_metrics() if not m.available}
    # The outreach figures are brought by the outreach module (issue 11: its helper replaces its placeholder).
    assert placeholders <= {"outreach_sessions_difficult_communes"}


def test_indicators_link_to_the_lists_they_count(client, data):
    from legalaid.plans.metrics import get_metric

    a = data.a
    client.force_login(a.director)
    html = client.get(reverse("reports:indicators"), YEAR).content.decode()
    for code in ("requests_received", "cases_accepted", "litigation_cases_accepted"):
        metric = get_metric(code)
        value = metric.measure(a.centre, D(2025, 1, 1), D(2025, 12, 31))
        href = metric.drilldown_url(a.centre, D(2025, 1, 1), D(2025, 12, 31))
        assert href.replace("&", "&amp;") in html
        assert drill_total(client, href) == int(value), code
    assert int(get_metric("litigation_cases_accepted").measure(a.centre, D(2025, 1, 1), D(2025, 12, 31))) == 1


def test_case_figures_xlsx_holds_the_figures_of_the_page(client, data):
    """The case figures download: one sheet per breakdown, the same numbers as the page, in the director's scope;
    refused to a role without reports."""
    from openpyxl import load_workbook

    client.force_login(data.a.director)
    html = client.get(reverse("reports:case_figures"), YEAR).content.decode()
    assert reverse("reports:case_figures_xlsx") in html
    response = client.get(reverse("reports:case_figures_xlsx"), YEAR)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Theo hình thức trợ giúp", "Theo lĩnh vực", "Theo loại người thực hiện"]
    ws = book["Theo hình thức trợ giúp"]
    assert ws["A1"].value == "BÁO CÁO SỐ LIỆU VỤ VIỆC TRỢ GIÚP PHÁP LÝ"
    assert data.a.centre.name in ws["A3"].value and data.b.centre.name not in ws["A3"].value
    by_label = {ws.cell(r, 1).value: r for r in range(7, ws.max_row + 1)}
    accepted = by_label.get("Vụ việc thụ lý")
    assert accepted, by_label
    assert ws.cell(accepted, 2).value == figure(html, "form-total-accepted") == 4  # Centre A's four cases
    assert ws.cell(6, 2).value == "Tổng số"
    client.force_login(data.a.officer)
    assert client.get(reverse("reports:case_figures_xlsx"), YEAR).status_code == 403
