"""Every paper reachable: the "Văn bản" panel of the request and case pages lists each paper the user may open (and
only those), the registers page leads to the books of the units the user may print, the register fills the end of a
case, and the printed text has no form hints or codes."""

from __future__ import annotations

import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html

from legalaid.intake import documents, services
from legalaid.intake.documents.register import register_entries
from legalaid.intake.tests.factories import receive_request
from legalaid.intake.tests.paper_set import build_papers

pytestmark = pytest.mark.django_db


@pytest.fixture
def made():
    records, papers = build_papers()
    records.papers = papers
    return records


def panel(response) -> dict[str, str]:
    """The links of the page's "Văn bản" panel: id -> URL."""
    assert response.status_code == 200
    page = html.fromstring(response.content.decode())
    return {a.get("id"): a.get("href") for a in page.xpath('//section[@id="papers"]//a')}


def _downloads(client, links: dict[str, str]) -> None:
    for key, url in links.items():
        response = client.get(url)
        assert response.status_code == 200, (key, url)
        assert response["Content-Disposition"].startswith("attachment"), key


# --- The panel on the request and case pages ---------------------------------------------------------------------


def test_the_request_page_lists_its_form_and_the_acceptance_notice(client, made):
    client.force_login(made.world.a.intake)
    links = panel(client.get(reverse("intake:request_detail", args=[made.request.pk])))
    assert links == {
        "request-form": reverse("intake:request_form_docx", args=[made.request.pk]),
        "acceptance-notice": reverse("intake:acceptance_notice_docx", args=[made.case.pk]),
    }
    _downloads(client, links)


@pytest.mark.parametrize("name", ["asked", "refused", "transferred"])
def test_the_request_page_lists_the_notice_of_its_decision(client, made, name):
    decision = getattr(made, name)
    client.force_login(made.world.a.intake)
    links = panel(client.get(reverse("intake:request_detail", args=[decision.request_id])))
    assert links == {
        "request-form": reverse("intake:request_form_docx", args=[decision.request_id]),
        f"decision-{decision.pk}": reverse("intake:decision_docx", args=[decision.pk]),
    }
    _downloads(client, links)


def test_the_case_page_lists_every_paper_of_the_case(client, made):
    client.force_login(made.world.a.director)
    links = panel(client.get(reverse("cases:case_detail", args=[made.case.pk])))
    assert links == {
        "request-form": reverse("intake:request_form_docx", args=[made.request.pk]),
        "acceptance-notice": reverse("intake:acceptance_notice_docx", args=[made.case.pk]),
        f"assignment-{made.first.pk}": reverse("providers:decision_docx", args=[made.first.pk]),
        f"assignment-{made.change.pk}": reverse("providers:decision_docx", args=[made.change.pk]),
    }
    _downloads(client, links)


def test_a_lawyer_sees_only_the_papers_they_may_open(client, made):
    """The lawyer put in the officer's place sees their own (change) decision, not the officer's assignment."""
    lawyer = made.world.a.lawyer
    client.force_login(lawyer)
    links = panel(client.get(reverse("cases:case_detail", args=[made.case.pk])))
    assert f"assignment-{made.change.pk}" in links
    assert f"assignment-{made.first.pk}" not in links
    assert client.get(reverse("providers:decision_docx", args=[made.first.pk])).status_code == 404
    _downloads(client, links)


# --- The registers page and the navigation -----------------------------------------------------------------------


def _unit_choices(response) -> set[str]:
    page = html.fromstring(response.content.decode())
    return {option.get("value") for option in page.xpath('//select[@name="unit"]/option')}


def test_the_registers_page_is_in_the_navigation_and_leads_to_the_books(client, made):
    a = made.world.a
    client.force_login(a.director)
    home = html.fromstring(client.get(reverse("home")).content.decode())
    assert reverse("intake:registers") in home.xpath("//nav[@id='sidebar']//a/@href")
    response = client.get(reverse("intake:registers"))
    assert _unit_choices(response) == {str(a.centre.pk), str(a.branch1.pk), str(a.branch2.pk)}
    year = timezone.localdate().year
    links = panel(client.get(reverse("intake:registers"), {"unit": a.branch1.pk, "year": year}))
    assert links["register-cases-docx"] == reverse("intake:register_docx", args=[a.branch1.pk, year, "cases"])
    assert set(links) == {"register-cases-docx", "register-cases-xlsx", "register-simple-docx", "register-simple-xlsx"}
    _downloads(client, links)


def test_branch_staff_choose_their_own_branch_only(client, made):
    a = made.world.a
    client.force_login(a.branch_officer)
    response = client.get(reverse("intake:registers"))
    assert _unit_choices(response) == {str(a.branch1.pk)}
    # Another unit cannot be chosen (the form refuses it), so no link to its book is offered.
    refused = client.get(reverse("intake:registers"), {"unit": a.centre.pk, "year": 2026})
    assert "papers" not in refused.content.decode().split('id="register-choice"')[1]


def test_a_year_to_come_is_refused_beside_the_field(client, made):
    client.force_login(made.world.a.director)
    response = client.get(reverse("intake:registers"), {"unit": made.world.a.centre.pk, "year": 2999})
    assert "Năm chưa đến" in response.content.decode()
    assert 'id="papers"' not in response.content.decode()


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer"])
def test_who_may_not_print_a_register_has_no_page_and_no_menu_entry(client, made, persona):
    client.force_login(getattr(made.world.a, persona))
    assert client.get(reverse("intake:registers")).status_code == 403
    home = html.fromstring(client.get(reverse("home")).content.decode())
    assert reverse("intake:registers") not in home.xpath("//nav[@id='sidebar']//a/@href")


# --- The register fills the end of a case ------------------------------------------------------------------------


def test_the_register_rows_carry_provider_result_and_end_date(made):
    a = made.world.a
    year = timezone.localdate().year
    row = next(r for r in register_entries(a.centre, year, "cases") if r["code"] == made.case.code)
    assert row["provider"] == "Hoàng Văn Quyết; Trần Quốc Bình"  # in the order of the decisions
    assert row["result"] == "Tòa án chấp nhận yêu cầu bồi thường của bị hại"
    assert row["closed_on"] == timezone.localdate()
    assert row["categories"] == "Người thuộc hộ nghèo"
    stopped = register_entries(a.branch1, year, "cases")[0]
    assert stopped["result"] == "Không tiếp tục thực hiện: Người yêu cầu rút đơn"
    assert stopped["closed_on"] == timezone.localdate() and stopped["provider"] == "Vi Thị Thu"
    # And in the printed book.
    table = docx.Document(io.BytesIO(made.papers["register_cases"])).tables[-1]
    cells = [c.text for c in table.rows[1].cells]
    assert "Hoàng Văn Quyết; Trần Quốc Bình" in cells and timezone.localdate().strftime("%d/%m/%Y") in cells


def test_the_register_reads_a_fixed_number_of_queries(made):
    a = made.world.a
    year = timezone.localdate().year

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            register_entries(a.centre, year, "cases")
        return len(queries)

    before = count()
    for _ in range(3):
        services.request_accept(actor=a.intake, request=receive_request(a.intake))
    assert count() == before


# --- Printed text ------------------------------------------------------------------------------------------------


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_no_form_hint_or_category_code_is_printed(made):
    for name, data in made.papers.items():
        text = _text(data)
        assert "(12 số)" not in text and "(9 số)" not in text, name
        assert "7.2." not in text and "Khác / không rõ" not in text, name
        assert "{{" not in text and "{%" not in text, name
    notice = _text(made.papers["acceptance_notice"])
    assert "theo khoản 4 Điều 30 Luật Trợ giúp pháp lý: còn dưới 05 ngày làm việc đến ngày xét xử." in notice
    assert f"Giấy tờ tùy thân: Căn cước số {made.woman.id_number}." in notice
    assert "2. Diện người được trợ giúp pháp lý: Người thuộc hộ nghèo." in notice


def test_a_woman_is_addressed_as_ba_and_an_unknown_sex_as_ong_ba(made):
    notice = _text(made.papers["acceptance_notice"])
    assert "Kính gửi: Bà Hoàng Thị Lan" in notice
    assert "Đề nghị bà bổ sung giấy tờ" in notice
    assert "cho bà Hoàng Thị Lan" in _text(made.papers["assignment_decision"])
    assert "Kính gửi: Ông/bà Lộc Thị Mai" in _text(made.papers["refusal_notice"])


def test_each_sentence_of_a_decision_is_one_paragraph(made):
    """The assignment's sentence (who, for whom, form and field) is one paragraph, never cut by a line break."""
    document = docx.Document(io.BytesIO(made.papers["assignment_decision"]))
    article = next(p.text for p in document.paragraphs if p.text.startswith("Điều 1."))
    assert article.endswith("lĩnh vực: hình sự.") and "cho bà Hoàng Thị Lan" in article
    assert "\n" not in article


def test_the_transfer_notice(made):
    text = _text(made.papers["transfer_notice"])
    assert "Về việc chuyển yêu cầu trợ giúp pháp lý" in text
    assert "đến Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng để xem xét, giải quyết theo thẩm quyền." in text
    assert "Người yêu cầu cư trú và vụ việc xảy ra tại tỉnh Cao Bằng." in text
    stem, data = documents.decision_docx(made.transferred)
    assert stem == "chuyen-yeu-cau" and data


def test_the_papers_are_dated_in_the_state_format(made):
    today = timezone.localdate()
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    assert f"ngày {today.day:02d} tháng {month} năm {today.year}" in _text(made.papers["transfer_notice"])
