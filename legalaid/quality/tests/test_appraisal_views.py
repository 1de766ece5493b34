"""The appraisal pages from the outside, as each role: the queue on the director's work list, assigning (with the
provider refused beside the field), the appraiser's form, the report opened back, the list and the coverage table;
query counts pinned."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from legalaid.core.tests.html import field_errors, parse
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.quality import services
from legalaid.quality.choices import AppraisalStatus
from legalaid.quality.models import Appraisal
from legalaid.quality.tests.factories import FULL_SCORES, completed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    return completed_case(world.a.director, provider_for(world.a.officer))


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_completed_case_is_on_the_directors_work_list(client, world, case):
    doc = parse(get(client, world.a.director, reverse("home")))
    links = doc.xpath('//a[contains(@href, "/chat-luong/tham-dinh/vu-viec/")]/@href')
    assert reverse("quality:appraisal_assign", kwargs={"case_pk": case.pk}) in links
    assert doc.xpath('//section[@id="coverage-panel"]//strong[@id="coverage-pct"]/text()') == ["0,0%"]


def test_other_centre_and_providers_do_not_see_it(client, world, case):
    for user in (world.b.director, world.a.lawyer):
        page = get(client, user, reverse("home")).content.decode()
        assert case.code not in page


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("director", 200),
        ("deputy", 200),
        ("officer", 403),
        ("intake", 403),
        ("doj_officer", 403),
        ("lawyer", 403),
        ("agency_officer", 403),
    ],
)
def test_assign_page_by_role(client, world, case, persona, status):
    url = reverse("quality:appraisal_assign", kwargs={"case_pk": case.pk})
    assert get(client, getattr(world.a, persona), url).status_code == status


def test_other_centre_director_gets_404(client, world, case):
    url = reverse("quality:appraisal_assign", kwargs={"case_pk": case.pk})
    assert get(client, world.b.director, url).status_code == 404


def test_assigning_a_provider_shows_the_message_beside_the_field(client, world, case):
    client.force_login(world.a.director)
    url = reverse("quality:appraisal_assign", kwargs={"case_pk": case.pk})
    response = client.post(url, {"appraiser": world.a.officer.pk})
    assert response.status_code == 200
    assert "không được thẩm định" in field_errors(response)["appraiser"][0]
    assert not Appraisal.objects.exists()


def test_assign_then_appraise_then_download_the_report(client, world, case):
    client.force_login(world.a.director)
    response = client.post(
        reverse("quality:appraisal_assign", kwargs={"case_pk": case.pk}), {"appraiser": world.a.deputy.pk}
    )
    appraisal = Appraisal.objects.get(case=case)
    assert response.status_code == 302
    followed = client.get(response["Location"])
    assert "Tiếp theo" in followed.content.decode()  # what comes next, and who does it

    # The appraiser sees it on their own work list.
    client.force_login(world.a.deputy)
    home = parse(client.get(reverse("home")))
    form_url = reverse("quality:appraisal_complete", kwargs={"pk": appraisal.pk})
    assert form_url in home.xpath("//a/@href")
    data = {f"score_{k}": v for k, v in FULL_SCORES.items()}
    data.update({"score_2.3": 15, "appraised_sessions": "7,5", "conclusion": "Đạt chất lượng.", "version": 1})
    response = client.post(form_url, data)
    assert response.status_code == 302, field_errors(response)
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.DONE and appraisal.total_points == 95
    assert appraisal.appraised_sessions == Decimal("7.5")

    report = client.get(reverse("quality:appraisal_report", kwargs={"pk": appraisal.pk}))
    assert report.status_code == 200
    document = Document(io.BytesIO(report.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kết quả thẩm định chất lượng vụ việc trợ giúp pháp lý" in text
    assert case.code in text and "Tổng điểm: 95,0/100,0 điểm." in text
    assert "7,5 buổi" in text and "Mức kết quả: Tốt." in text
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Áp dụng đúng pháp luật" in cells and "15,0" in cells


def test_form_errors_beside_the_fields(client, world, case):
    appraisal = services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    client.force_login(world.a.deputy)
    data = {f"score_{k}": v for k, v in FULL_SCORES.items()}
    data.update({"score_2.3": 25, "appraised_sessions": "40", "conclusion": "K"})
    response = client.post(reverse("quality:appraisal_complete", kwargs={"pk": appraisal.pk}), data)
    errors = field_errors(response)
    assert "score_2.3" in errors and "appraised_sessions" in errors
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.ASSIGNED


@pytest.mark.parametrize("persona", ["director", "officer"])
def test_only_the_appraiser_opens_the_form(client, world, case, persona):
    appraisal = services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    url = reverse("quality:appraisal_complete", kwargs={"pk": appraisal.pk})
    assert get(client, getattr(world.a, persona), url).status_code == 403


@pytest.mark.parametrize(
    ("persona", "status"),
    [("director", 200), ("officer", 200), ("doj_officer", 200), ("lawyer", 403), ("agency_officer", 403)],
)
def test_list_by_role(client, world, case, persona, status):
    services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    response = get(client, getattr(world.a, persona), reverse("quality:appraisal_list"))
    assert response.status_code == status
    if status == 200:
        assert case.code in response.content.decode()


def test_list_of_another_centre_is_empty_and_detail_404(client, world, case):
    appraisal = services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    assert case.code not in get(client, world.b.director, reverse("quality:appraisal_list")).content.decode()
    url = reverse("quality:appraisal_detail", kwargs={"pk": appraisal.pk})
    assert get(client, world.b.director, url).status_code == 404


def test_coverage_by_unit_and_provider(client, world, case):
    other = ProviderFactory(centre=world.a.centre, full_name="Lê Thị Khác")
    second = completed_case(world.a.director, other)
    appraisal = services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
    services.appraisal_complete(
        actor=world.a.deputy, appraisal=appraisal, scores=FULL_SCORES, appraised_sessions=2, conclusion="K"
    )
    response = get(client, world.a.director, reverse("quality:coverage"))
    doc = parse(response)
    assert "1 / 2" in doc.xpath('string(//p[@id="coverage-overall"])')
    assert "50,0%" in doc.xpath('string(//p[@id="coverage-overall"])')
    rows = {
        r.xpath("string(td[1])").strip(): r.xpath("string(td[4])").strip()
        for r in doc.xpath('//table[@id="coverage-by-provider"]/tbody/tr')
    }
    assert rows == {world.a.officer.full_name: "100,0%", "Lê Thị Khác": "0,0%"}
    assert second.code  # the second case counts as completed, not appraised


def _many(world, n):
    provider = ProviderFactory(centre=world.a.centre)
    for _ in range(n):
        case = completed_case(world.a.director, provider)
        a = services.appraisal_assign(actor=world.a.director, case=case, appraiser=world.a.deputy)
        services.appraisal_complete(
            actor=world.a.deputy, appraisal=a, scores=FULL_SCORES, appraised_sessions=2, conclusion="K"
        )
        completed_case(world.a.director, provider)  # waiting for an appraiser


#: Queries per page for the director: 3 for every request (session, user, unit) + the page's own:
#: list 4 (the provider and result-level filters' choices, count, rows), queue 2 (count, rows), coverage 3
#: (overall, by unit, by provider).
PINNED = {"quality:appraisal_list": 7, "quality:appraisal_queue": 5, "quality:coverage": 6}


@pytest.mark.parametrize("n", [1, 4])
def test_list_pages_query_counts_do_not_grow(client, world, django_assert_num_queries, n):
    _many(world, n)
    client.force_login(world.a.director)
    for name, expected in PINNED.items():
        client.get(reverse(name))
        with django_assert_num_queries(expected):
            assert client.get(reverse(name)).status_code == 200
