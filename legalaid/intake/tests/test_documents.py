"""Intake's official papers and register prints: generated from real data, opened back and read."""

import datetime as dt
import io
import re
import shutil
import zipfile
from zoneinfo import ZoneInfo

import docx
import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from jinja2.exceptions import SecurityError

from legalaid.core.choices import Role
from legalaid.core.models import AccessLogEntry
from legalaid.core.tests.factories import UserFactory
from legalaid.intake import documents, services
from legalaid.intake.choices import RefusalGround, UrgencyReason
from legalaid.intake.documents import build_templates
from legalaid.intake.documents.letterhead import place_of
from legalaid.intake.documents.register import XLSX_HEADER_ROW
from legalaid.intake.documents.rendering import PACKAGED_DIR
from legalaid.intake.models import FieldOfLaw, SimpleMatter
from legalaid.intake.tests.factories import receive_request
from legalaid.lib.formatting import format_date
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE
from legalaid.people.choices import Sex
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

DATE_LINE = re.compile(r"^[^,]+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")


def lines(data: bytes) -> list[str]:
    """Every paragraph of a .docx, in the body and in table cells, in order."""
    document = docx.Document(io.BytesIO(data))
    found: list[str] = []

    def walk(container):
        for block in container.iter_inner_content():
            if isinstance(block, docx.table.Table):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                found.append(block.text)

    walk(document)
    return found


def text(data: bytes) -> str:
    return "\n".join(lines(data))


def paragraph(data: bytes, wanted: str):
    document = docx.Document(io.BytesIO(data))
    candidates = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                candidates.extend(cell.paragraphs)
    return next(p for p in candidates if p.text == wanted)


def assert_no_tags_left(data: bytes) -> None:
    body = text(data)
    assert "{{" not in body and "{%" not in body, body


# --- The date line -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2026, 2, 5), "Lạng Sơn, ngày 05 tháng 02 năm 2026"),
        (dt.date(2026, 1, 21), "Lạng Sơn, ngày 21 tháng 01 năm 2026"),
        (dt.date(2026, 3, 15), "Lạng Sơn, ngày 15 tháng 3 năm 2026"),
        (dt.date(2025, 12, 1), "Lạng Sơn, ngày 01 tháng 12 năm 2025"),
        (dt.date(2025, 10, 9), "Lạng Sơn, ngày 09 tháng 10 năm 2025"),
        # An aware moment is dated in Vietnam's time: 20:00 UTC on 31 March is 03:00 on 1 April in Hà Nội.
        (dt.datetime(2026, 3, 31, 20, 0, tzinfo=ZoneInfo("UTC")), "Lạng Sơn, ngày 01 tháng 4 năm 2026"),
    ],
)
def test_vn_document_date(date, expected):
    assert documents.vn_document_date("Lạng Sơn", date) == expected


def test_place_drops_the_province_prefix(world):
    province = world.a.centre.province
    assert place_of(world.a.centre) == re.sub(r"^(Thành phố|Tỉnh) ", "", province.name)
    assert place_of(world.a.branch1) == place_of(world.a.centre)  # a branch without a province: its Centre's


# --- The papers --------------------------------------------------------------------------------------------------


def test_request_form_is_filled_in(world):
    parent = PersonFactory(centre=world.a.centre, full_name="Trần Thị Mẹ", sex=Sex.FEMALE)
    child = PersonFactory(centre=world.a.centre, full_name="Trần Văn Con", date_of_birth=dt.date(2012, 4, 3))
    request = receive_request(
        world.a.intake,
        requester=parent,
        beneficiary=child,
        relationship="parent",
        summary="Tranh chấp đất với Công ty A & B <chi nhánh>\nđã hòa giải ở xã không thành",
        papers_received=["Sổ hộ nghèo năm 2026"],
    )
    data = documents.request_form_docx(request)
    body = text(data)
    assert_no_tags_left(data)
    for expected in (
        "Mẫu số 02-TP-TGPL",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN YÊU CẦU TRỢ GIÚP PHÁP LÝ",
        f"Kính gửi: {world.a.centre.name}",
        "Họ và tên: Trần Thị Mẹ; giới tính: Nữ",
        "Họ và tên: Trần Văn Con; giới tính: Nam",
        "Ngày, tháng, năm sinh: 03/04/2012",
        child.id_number,
        "Cha, mẹ",
        "- Người thuộc hộ nghèo",  # the category by the Law's wording, not "7.2."
        "4. Lĩnh vực pháp luật: Dân sự",
        "Tư vấn pháp luật",
        "- Sổ hộ nghèo năm 2026",
        "Công ty A & B <chi nhánh>",  # escaped into the XML, read back as typed
        world.a.intake.full_name,
    ):
        assert expected in body, expected
    assert "đã hòa giải ở xã không thành" in body  # the second line of the summary
    # Printed labels carry no form hints and no codes: the identity paper without "(12 số)", the category by its
    # wording.
    assert f"Giấy tờ tùy thân: Căn cước số {child.id_number}" in body
    assert "(12 số)" not in body and "7.2." not in body
    date_line = next(line for line in lines(data) if ", ngày " in line)
    assert DATE_LINE.match(date_line) and date_line.startswith(place_of(world.a.centre))


def test_papers_are_a4_portrait_in_times_new_roman_with_the_decree_margins(world):
    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    document = docx.Document(io.BytesIO(documents.acceptance_notice_docx(case)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == round(section.bottom_margin.mm) == 20
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14


def test_acceptance_notice(world):
    beneficiary = PersonFactory(centre=world.a.centre, full_name="Hoàng Thị Lan", sex=Sex.FEMALE)
    case = services.request_accept(
        actor=world.a.intake, request=receive_request(world.a.intake, beneficiary=beneficiary, form="advice")
    )
    data = documents.acceptance_notice_docx(case)
    all_lines = lines(data)
    body = "\n".join(all_lines)
    assert_no_tags_left(data)
    # The Decree 30 heading, in its order.
    heading = [world.a.doj.name.upper(), "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"]
    assert all_lines[: len(heading)] == heading
    assert any(re.fullmatch(r"Số: +/TB-TGPL", line) for line in all_lines)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in all_lines and "Độc lập - Tự do - Hạnh phúc" in all_lines
    assert documents.vn_document_date(place_of(world.a.centre), timezone.localdate()) in all_lines
    assert paragraph(data, documents.vn_document_date(place_of(world.a.centre), case.accepted_at)).runs[0].italic
    title = paragraph(data, "THÔNG BÁO")
    assert title.runs[0].bold and title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert paragraph(data, "Về việc thụ lý vụ việc trợ giúp pháp lý").runs[0].bold
    received = paragraph(data, "Nơi nhận:").runs[0]
    assert received.bold and received.italic
    assert "GIÁM ĐỐC" in all_lines
    # The content.
    assert "Kính gửi: Bà Hoàng Thị Lan" in all_lines
    assert f"Mã hồ sơ vụ việc: {case.code}; ngày thụ lý: {format_date(case.accepted_at)}." in body
    assert "Người được trợ giúp pháp lý: Hoàng Thị Lan; năm sinh: 1985; giới tính: Nữ." in body
    assert "hình thức trợ giúp pháp lý: Tư vấn pháp luật." in body
    assert "thụ lý ngay" not in body
    assert f"- Lưu: VT, hồ sơ {case.code}." in all_lines


def test_immediate_acceptance_notice_gives_the_papers_deadline(world):
    request = receive_request(world.a.intake, trial_date=timezone.localdate() + dt.timedelta(days=2))
    case = services.request_accept(
        actor=world.a.intake,
        request=request,
        immediate=True,
        urgency_reason=UrgencyReason.TRIAL_SOON,
        papers_due_on=dt.date(2030, 2, 5),
    )
    body = text(documents.acceptance_notice_docx(case))
    assert "thụ lý ngay theo khoản 4 Điều 30" in body
    assert "Luật Trợ giúp pháp lý: còn dưới 05 ngày làm việc đến ngày xét xử." in body
    assert "chậm nhất ngày 05/02/2030" in body


def test_a_branch_paper_is_headed_by_the_branch_under_its_centre(world):
    world.a.branch1.head_name = "Lò Văn Chi"
    world.a.branch1.save()
    case = services.request_accept(actor=world.a.branch_officer, request=receive_request(world.a.branch_officer))
    all_lines = lines(documents.acceptance_notice_docx(case))
    assert all_lines[:2] == [world.a.centre.name.upper(), world.a.branch1.name.upper()]
    assert "TRƯỞNG CHI NHÁNH" in all_lines and "Lò Văn Chi" in all_lines
    assert case.code.startswith("CN1.")


def test_missing_papers_notice(world):
    request = receive_request(world.a.intake)
    decision = services.request_ask_papers(
        actor=world.a.intake,
        request=request,
        missing_papers=["Giấy chứng nhận hộ nghèo", "Bản sao căn cước của người được trợ giúp"],
        papers_due_on=timezone.localdate() + dt.timedelta(days=9),
    )
    data = documents.missing_papers_docx(decision)
    all_lines = lines(data)
    assert_no_tags_left(data)
    assert "Về việc bổ sung giấy tờ, tài liệu" in all_lines
    assert "- Giấy chứng nhận hộ nghèo;" in all_lines
    assert "- Bản sao căn cước của người được trợ giúp;" in all_lines
    assert f"Thời hạn bổ sung: chậm nhất ngày {decision.papers_due_on:%d/%m/%Y}." in all_lines
    assert request.beneficiary.full_name in "\n".join(all_lines)
    with pytest.raises(ValueError):
        documents.refusal_notice_docx(decision)


def test_refusal_notice(world):
    request = receive_request(world.a.intake)
    decision = services.request_refuse(
        actor=world.a.intake,
        request=request,
        ground=RefusalGround.HANDLED_ELSEWHERE,
        note="Vụ việc đang do Văn phòng luật sư X thực hiện theo hợp đồng dịch vụ.",
    )
    data = documents.refusal_notice_docx(decision)
    body = text(data)
    assert_no_tags_left(data)
    assert "Về việc từ chối thụ lý vụ việc trợ giúp pháp lý" in body
    assert (
        "Vụ việc đang được tổ chức thực hiện trợ giúp pháp lý khác thụ lý (điểm d khoản 3 Điều 30 Luật Trợ giúp pháp "
        "lý)." in body
    )
    assert "Điều 30(3)(d)" not in body  # the interface's short citation is not printed
    assert "Vụ việc đang do Văn phòng luật sư X thực hiện theo hợp đồng dịch vụ." in body
    assert "có quyền khiếu nại theo quy định tại Điều 45 Luật Trợ giúp pháp lý" in body
    with pytest.raises(ValueError):
        documents.missing_papers_docx(decision)


# --- The registers -----------------------------------------------------------------------------------------------


def _accept_three(world):
    year = timezone.localdate().year
    codes = [
        services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake, form=form)).code
        for form in ("advice", "litigation", "advice")
    ]
    services.request_accept(actor=world.a.branch_officer, request=receive_request(world.a.branch_officer))
    return year, codes


def test_register_xlsx_lists_the_cases_in_number_order(world):
    year, codes = _accept_three(world)
    wb = openpyxl.load_workbook(io.BytesIO(documents.register_xlsx(world.a.centre, year, "cases")))
    ws = wb.active
    headers = [c.value for c in ws[XLSX_HEADER_ROW]]
    assert headers[:3] == ["STT (số thụ lý)", "Ngày thụ lý", "Mã hồ sơ"]
    assert "Người thực hiện TGPL" in headers and "Ngày kết thúc" in headers
    rows = [r for r in ws.iter_rows(min_row=XLSX_HEADER_ROW + 1, values_only=True) if r[0] is not None]
    assert [r[0] for r in rows] == [1, 2, 3]  # numbers, in order, the branch's case not among them
    assert [r[2] for r in rows] == codes
    assert rows[0][1].date() == timezone.localdate()  # a real date, shown dd/mm/yyyy
    assert ws.cell(row=XLSX_HEADER_ROW + 1, column=2).number_format == "dd/mm/yyyy"
    assert rows[0][7] == "Người thuộc hộ nghèo"
    assert ws["A1"].value == world.a.doj.name.upper()
    assert ws["A3"].value == "SỔ THỤ LÝ, THEO DÕI VỤ VIỆC TRỢ GIÚP PHÁP LÝ"
    assert ws.page_setup.orientation == "landscape"


def test_register_docx_is_a_landscape_table(world):
    year, codes = _accept_three(world)
    data = documents.register_docx(world.a.centre, year, "cases")
    assert_no_tags_left(data)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width > section.page_height
    table = document.tables[-1]
    assert table.rows[0].cells[2].text == "Mã hồ sơ"
    assert [row.cells[0].text for row in table.rows[1:]] == ["1", "2", "3"]
    assert [row.cells[2].text for row in table.rows[1:]] == codes
    body = text(data)
    assert f"Năm {year}" in body and "Tổng số: 3" in body


def test_simple_matters_book(world):
    year = timezone.localdate().year
    for question in ("Hỏi về thừa kế đất", "Hỏi về ly hôn"):
        services.simple_matter_record(
            actor=world.a.intake,
            matter=SimpleMatter(
                person=PersonFactory(centre=world.a.centre),
                field_of_law=FieldOfLaw.objects.get(code="land"),
                question=question,
                answer="Đã giải đáp theo Bộ luật Dân sự",
                channel="phone",
            ),
        )
    ws = openpyxl.load_workbook(io.BytesIO(documents.register_xlsx(world.a.centre, year, "simple"))).active
    assert [c.value for c in ws[XLSX_HEADER_ROW]] == [
        "Số",
        "Ngày",
        "Người hỏi",
        "Lĩnh vực",
        "Nội dung hỏi",
        "Nội dung trả lời",
        "Người trả lời",
    ]
    rows = [r for r in ws.iter_rows(min_row=XLSX_HEADER_ROW + 1, values_only=True) if r[0] is not None]
    assert [(r[0], r[4], r[6]) for r in rows] == [
        (1, "Hỏi về thừa kế đất", world.a.intake.full_name),
        (2, "Hỏi về ly hôn", world.a.intake.full_name),
    ]
    table = docx.Document(io.BytesIO(documents.register_docx(world.a.centre, year, "simple"))).tables[-1]
    assert [row.cells[4].text for row in table.rows[1:]] == ["Hỏi về thừa kế đất", "Hỏi về ly hôn"]


def test_an_empty_register_prints_and_an_unknown_kind_does_not(world):
    table = docx.Document(io.BytesIO(documents.register_docx(world.a.branch2, 2026, "cases"))).tables[-1]
    assert len(table.rows) == 1
    with pytest.raises(ValueError):
        documents.register_xlsx(world.a.centre, 2026, "other")


# --- Templates ---------------------------------------------------------------------------------------------------


def test_the_override_folder_is_used_when_set(world, settings, tmp_path):
    template = docx.Document(str(PACKAGED_DIR / "acceptance_notice.docx"))
    template.add_paragraph("Mẫu riêng của Trung tâm – mã {{ case_code }}")
    template.save(str(tmp_path / "acceptance_notice.docx"))
    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    assert "Mẫu riêng" not in text(documents.acceptance_notice_docx(case))

    settings.DOCUMENT_TEMPLATE_DIR = str(tmp_path)
    assert f"Mẫu riêng của Trung tâm – mã {case.code}" in text(documents.acceptance_notice_docx(case))
    # A template not in the folder still comes from the package.
    assert "ĐƠN YÊU CẦU TRỢ GIÚP PHÁP LÝ" in text(documents.request_form_docx(case.request))


def test_a_replaced_template_runs_in_the_sandbox(world, settings, tmp_path):
    template = docx.Document(str(PACKAGED_DIR / "acceptance_notice.docx"))
    template.add_paragraph("X{{ case_code.__class__.__mro__ }}X")
    template.save(str(tmp_path / "acceptance_notice.docx"))
    settings.DOCUMENT_TEMPLATE_DIR = str(tmp_path)
    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    with pytest.raises(SecurityError):
        documents.acceptance_notice_docx(case)


def test_the_committed_templates_are_what_the_generator_writes(tmp_path):
    build_templates.build(tmp_path)
    for name in build_templates.TEMPLATES:
        with zipfile.ZipFile(tmp_path / name) as built, zipfile.ZipFile(PACKAGED_DIR / name) as committed:
            assert built.read("word/document.xml") == committed.read("word/document.xml"), (
                f"{name}: run python -m legalaid.intake.documents.build_templates"
            )


# --- Download views ----------------------------------------------------------------------------------------------


@pytest.fixture
def papers(world):
    """One of each paper at Centre A's head office, and a case at its branch 1."""
    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    asked = services.request_ask_papers(
        actor=world.a.intake, request=receive_request(world.a.intake), missing_papers=["Sổ hộ nghèo"]
    )
    refused = services.request_refuse(
        actor=world.a.intake, request=receive_request(world.a.intake), ground=RefusalGround.DECEASED, note="Đã mất"
    )
    branch_case = services.request_accept(actor=world.a.branch_officer, request=receive_request(world.a.branch_officer))
    year = timezone.localdate().year
    return {
        "request": reverse("intake:request_form_docx", args=[case.request_id]),
        "case": reverse("intake:acceptance_notice_docx", args=[case.pk]),
        "asked": reverse("intake:decision_docx", args=[asked.pk]),
        "refused": reverse("intake:decision_docx", args=[refused.pk]),
        "register_xlsx": reverse("intake:register_xlsx", args=[world.a.centre.pk, year, "cases"]),
        "register_docx": reverse("intake:register_docx", args=[world.a.centre.pk, year, "simple"]),
        "branch_case": reverse("intake:acceptance_notice_docx", args=[branch_case.pk]),
        "branch_register": reverse("intake:register_xlsx", args=[world.a.branch1.pk, year, "cases"]),
        "accept_decision": reverse("intake:decision_docx", args=[case.request.decisions.get().pk]),
    }


HEAD_OFFICE = ["request", "case", "asked", "refused", "register_xlsx", "register_docx"]


@pytest.mark.parametrize("persona", ["intake", "director"])
def test_the_centre_downloads_its_papers(client, world, papers, persona):
    user = getattr(world.a, persona)
    client.force_login(user)
    for key in [*HEAD_OFFICE, "branch_case", "branch_register"]:
        response = client.get(papers[key])
        assert response.status_code == 200, key
        assert response["Content-Disposition"].startswith("attachment; filename=")
        if response["Content-Type"] == XLSX_CONTENT_TYPE:
            openpyxl.load_workbook(io.BytesIO(response.content))
        else:
            assert response["Content-Type"] == documents.DOCX_CONTENT_TYPE and lines(response.content)
    logged = AccessLogEntry.objects.filter(user=user, action="download")
    assert logged.count() == len(HEAD_OFFICE) + 2
    assert set(logged.values_list("centre_id", flat=True)) == {world.a.centre.pk}


def test_the_paper_of_each_decision_matches_its_kind(client, world, papers):
    client.force_login(world.a.intake)
    assert "Về việc bổ sung giấy tờ, tài liệu" in text(client.get(papers["asked"]).content)
    assert "Về việc từ chối thụ lý vụ việc trợ giúp pháp lý" in text(client.get(papers["refused"]).content)
    assert client.get(papers["accept_decision"]).status_code == 404  # its paper is the acceptance notice


def test_another_centre_gets_404(client, world, papers):
    client.force_login(world.b.director)
    for key, url in papers.items():
        assert client.get(url).status_code == 404, key
    assert not AccessLogEntry.objects.filter(user=world.b.director).exists()


def test_branch_staff_print_their_own_branch_only(client, world, papers):
    client.force_login(world.a.branch_officer)
    assert client.get(papers["branch_case"]).status_code == 200
    assert client.get(papers["branch_register"]).status_code == 200
    for key in HEAD_OFFICE:
        assert client.get(papers[key]).status_code == 404, key

    other_branch = UserFactory(role=Role.OFFICER, organisation=world.a.branch2)
    client.force_login(other_branch)
    for key in ["branch_case", "branch_register", *HEAD_OFFICE]:
        assert client.get(papers[key]).status_code == 404, key


def test_an_unknown_register_kind_is_404(client, world):
    client.force_login(world.a.director)
    url = reverse("intake:register_xlsx", args=[world.a.centre.pk, 2026, "khac"])
    assert client.get(url).status_code == 404
    url = reverse("intake:register_docx", args=[world.a.department.pk, 2026, "cases"])
    assert client.get(url).status_code == 404  # a department keeps no register


def test_login_is_required(client, papers):
    response = client.get(papers["case"])
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_lawyers_cannot_print_the_register(client, world, papers):
    client.force_login(world.a.lawyer)
    assert client.get(papers["register_xlsx"]).status_code == 404


def test_build_templates_script_copies_cleanly(tmp_path):
    """The packaged folder is what an administrator copies from: every template is there."""
    for name in build_templates.TEMPLATES:
        shutil.copy(PACKAGED_DIR / name, tmp_path / name)
        assert docx.Document(str(tmp_path / name)).paragraphs
