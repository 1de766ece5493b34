"""The plan parser on the Centres' own plans (copies of ../shared/seeds in fixtures/) and on plans written in other
styles: other headings, Arabic top-level numbering, inline fields, task tables in .docx, Word's own numbering."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from legalaid.plans.parsing import parse_plan
from legalaid.plans.parsing.document import empty_plan
from legalaid.plans.parsing.fields import find_targets, split_units
from legalaid.plans.parsing.sources import PlanSourceError

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
PLAN_2020 = FIXTURES / "plan-2020-lang-son-legal-aid-work.txt"
PLAN_2022 = FIXTURES / "plan-2022-ninh-thuan-25th-anniversary.txt"
PLAN_2025 = FIXTURES / "plan-2025-lang-son-thematic-topics.txt"

TASK_KEYS = {"ref", "content", "lead", "partners", "timeframe", "expected_output", "targets", "children"}
TIMEFRAME_KEYS = {"text", "start", "end", "recurrence", "relative_working_days"}


def walk(tasks):
    for task in tasks:
        yield task
        yield from walk(task["children"])


def by_ref(plan, *refs):
    tasks = plan["tasks"]
    task = None
    for ref in refs:
        task = next(t for t in tasks if t["ref"] == ref)
        tasks = task["children"]
    return task


def assert_shape(plan):
    assert set(plan) == {"number", "date", "issuer", "title", "bases", "purposes", "requirements", "tasks"}
    for task in walk(plan["tasks"]):
        assert set(task) == TASK_KEYS
        assert set(task["timeframe"]) == TIMEFRAME_KEYS
        assert isinstance(task["lead"], list) and isinstance(task["partners"], list)
        assert isinstance(task["children"], list)
        for target in task["targets"]:
            assert set(target) == {"text", "value", "unit"}
    json.dumps(plan)  # plain data only


def test_fixtures_are_the_seeds():
    """The copies stay the public documents of ../shared/seeds (checked only where that folder is present)."""
    for fixture in (PLAN_2020, PLAN_2022, PLAN_2025):
        seed = SEEDS / fixture.name
        if seed.exists():
            assert seed.read_text(encoding="utf-8") == fixture.read_text(encoding="utf-8")


# --- Lạng Sơn 2020: the yearly work plan -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_2020():
    return parse_plan(PLAN_2020)


def test_2020_header(plan_2020):
    assert plan_2020["number"] == "33/KH-TGPL"
    assert plan_2020["date"] == "2020-01-21"
    assert plan_2020["issuer"] == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn"
    assert plan_2020["title"] == "Triển khai công tác trợ giúp pháp lý năm 2020"
    assert plan_2020["bases"] == [
        "Kế hoạch số 03/KH-STP ngày 06 tháng 01 năm 2020, của Sở Tư pháp về triển khai công tác Tư pháp năm 2020"
    ]
    assert len(plan_2020["purposes"]) == 2 and plan_2020["purposes"][0].startswith("Xây dựng Kế hoạch cụ thể hóa")
    assert len(plan_2020["requirements"]) == 2
    assert_shape(plan_2020)


def test_2020_extras_on_request(plan_2020):
    plan = parse_plan(PLAN_2020, extras=True)
    assert {k: plan[k] for k in plan_2020} == plan_2020  # the same plan, three keys more
    assert plan["place"] == "Lạng Sơn"
    assert plan["budget_note"].startswith("Kinh phí thực hiện Kế hoạch được Sở Tư pháp quyết định giao dự toán")
    assert plan["recipients"] == [
        "Cục Trợ giúp pháp lý - Bộ Tư pháp",
        "Sở Tư pháp",
        "Lãnh đạo Sở",
        "Phòng HCTP&BTTP",
        "Lưu: VT, TGPL",
    ]


def test_2020_tasks(plan_2020):
    # 1..7 at the top, 2.1-2.2 and 5.1-5.3 below; the block the source repeats after task 4 is kept once.
    assert [t["ref"] for t in plan_2020["tasks"]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [t["ref"] for t in by_ref(plan_2020, "2")["children"]] == ["2.1", "2.2"]
    assert [t["ref"] for t in by_ref(plan_2020, "5")["children"]] == ["5.1", "5.2", "5.3"]
    assert len(list(walk(plan_2020["tasks"]))) == 12

    first = by_ref(plan_2020, "1")
    assert first["content"].startswith("Tham mưu xây dựng ban hành các kế hoạch, tổ chức thực hiện công tác TGPL\n")
    assert first["lead"] == ["Phòng Nghiệp vụ"]
    assert first["partners"] == ["Phòng HC-TH", "Các Chi nhánh"]
    assert first["timeframe"] == {
        "text": "Tháng 01/2020",
        "start": "2020-01-01",
        "end": "2020-01-31",
        "recurrence": "",
        "relative_working_days": None,
    }
    assert first["expected_output"] == "Các Kế hoạch được ban hành"
    assert first["children"] == []

    reception = by_ref(plan_2020, "2", "2.1")
    assert reception["lead"] == ["Phòng Nghiệp vụ", "Các Chi nhánh"]  # "Thực hiện:"
    assert reception["timeframe"]["start"] == "2020-01-01" and reception["timeframe"]["end"] == "2020-12-31"
    assert {"value": 100, "unit": "%"}.items() <= reception["targets"][0].items()

    litigation = by_ref(plan_2020, "2", "2.2")
    assert litigation["children"] == []  # its "-" items have no fields of their own: they are its content
    assert "- Giao chỉ tiêu vụ việc tham gia tố tụng" in litigation["content"]
    assert litigation["expected_output"] == "Quyết định giao chỉ tiêu; Các Quyết định cử người thực hiện TGPL"
    assert any("Trợ giúp viên pháp lý đạt chỉ tiêu" in t["text"] for t in litigation["targets"])

    outreach = by_ref(plan_2020, "3")
    assert [(t["value"], t["unit"]) for t in outreach["targets"]] == [(50, "lượt")]
    assert "đặc biệt khó khăn" in outreach["targets"][0]["text"]

    appraisal = by_ref(plan_2020, "4")
    assert appraisal["lead"] == ["Phòng HC-TH"]
    assert appraisal["partners"] == ["Phòng Nghiệp vụ", "các Chi nhánh"]
    assert appraisal["timeframe"]["text"] == "Cả năm 2020"
    assert appraisal["expected_output"].startswith("Các Quyết định phân công thẩm định")
    assert "tiếp nhận, tư vấn" not in appraisal["content"]  # the copy-pasted paragraph is not part of task 4

    training = by_ref(plan_2020, "5", "5.2")
    assert training["timeframe"]["start"] == "2020-04-01" and training["timeframe"]["end"] == "2020-09-30"
    assert training["expected_output"] == "01 Hội nghị được tổ chức"
    assert training["targets"][0]["value"] == 1

    regular = by_ref(plan_2020, "5", "5.3")
    assert regular["timeframe"]["recurrence"] == "regular"
    assert by_ref(plan_2020, "6")["timeframe"] == {
        "text": "Theo tiến độ của các Đề án, Kế hoạch, Chương trình",
        "start": None,
        "end": None,
        "recurrence": "",
        "relative_working_days": None,
    }


# --- Ninh Thuận 2022: an anniversary plan of the Department of Justice ---------------------------------------------


def test_2022_anniversary_plan():
    plan = parse_plan(PLAN_2022)
    assert_shape(plan)
    assert plan["number"] == "225/KH-STP"
    assert plan["date"] == "2022-01-28"
    assert plan["issuer"] == "Sở Tư pháp tỉnh Ninh Thuận"
    assert plan["title"].startswith("Tổ chức các hoạt động kỷ niệm 25 năm ngày thành lập Tổ chức Trợ giúp pháp lý")
    assert plan["bases"][0].startswith("Quyết định số 1918/QĐ-BTP ngày 28/12/2021 của Bộ trưởng Bộ Tư pháp")
    assert len(plan["purposes"]) == 4 and len(plan["requirements"]) == 2
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3", "4"]
    assert len(list(walk(plan["tasks"]))) == 8

    documents = by_ref(plan, "1", "1.1")
    assert documents["lead"] == ["Trung tâm trợ giúp pháp lý nhà nước tỉnh"]
    assert "các cơ quan, tổ chức liên quan" in documents["partners"]
    assert documents["timeframe"]["recurrence"] == "regular"
    assert (documents["timeframe"]["start"], documents["timeframe"]["end"]) == ("2022-01-01", "2022-12-31")

    media = by_ref(plan, "2")
    assert media["partners"] == ["Đài Phát thanh và Truyền hình tỉnh", "Báo Ninh Thuận"]
    assert media["timeframe"]["text"] == "Từ tháng 01/2022 đến hết 15/9/2022"
    assert (media["timeframe"]["start"], media["timeframe"]["end"]) == ("2022-01-01", "2022-09-15")

    campaign = by_ref(plan, "3", "3.1")
    assert (campaign["timeframe"]["start"], campaign["timeframe"]["end"]) == ("2022-01-01", "2022-06-30")
    assert campaign["partners"] == ["Văn phòng Sở", "các cơ quan, tổ chức liên quan"]
    ceremony = by_ref(plan, "4")
    assert (ceremony["timeframe"]["start"], ceremony["timeframe"]["end"]) == ("2022-08-01", "2022-08-31")


# --- Lạng Sơn 2025: thematic studies with three dated steps --------------------------------------------------------


def test_2025_thematic_studies():
    plan = parse_plan(PLAN_2025)
    assert_shape(plan)
    assert plan["number"] == "/KH-TGPL"  # the number is left blank in the draft; its symbol is kept
    assert plan["date"] is None  # "ngày   tháng 01 năm 2025": no day yet
    assert plan["issuer"] == "Trung tâm Trợ giúp pháp lý nhà nước"
    assert plan["title"] == "Thực hiện chuyên đề về trợ giúp pháp lý năm 2025"
    assert plan["bases"] == ["Kế hoạch số 29/KH-TGPL ngày 13/01/2025 về triển khai công tác trợ giúp pháp lý năm 2025"]
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2", "3"]
    assert [t["ref"] for t in by_ref(plan, "1")["children"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert by_ref(plan, "1")["targets"][0] == {
        "text": "Trong năm 2025, Trung tâm Trợ giúp pháp lý nhà nước tổ chức xây dựng 04 Chuyên đề",
        "value": 4,
        "unit": "Chuyên đề",
    }

    quarters = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]
    leads = ["Phòng Hành chính – Tổng hợp", "Phòng Nghiệp vụ", "Phòng Nghiệp vụ", "Phòng Nghiệp vụ"]
    for n, (end, lead) in enumerate(zip(quarters, leads, strict=True), start=1):
        study = by_ref(plan, "3", f"3.{n}")
        assert study["content"].startswith(f"Chuyên đề {n}:")
        assert study["lead"] == [lead]
        assert study["timeframe"]["end"] == end
        assert study["timeframe"]["text"].startswith("Hoàn thành trong Quý")
        # The three dated steps: draft to the board, critique, finalisation at the study session.
        steps = study["children"]
        assert len(steps) == 3
        assert steps[0]["lead"] == [lead]
        assert steps[1]["lead"] == [next(x for x in ("Phòng Hành chính – Tổng hợp", "Phòng Nghiệp vụ") if x != lead)]
        assert steps[2]["content"].startswith("Trung tâm tổ chức sinh hoạt chuyên đề")
        assert steps[2]["lead"] == ["Trung tâm"]  # the subject of the sentence
        for step in steps:
            assert step["timeframe"]["start"] is None
            assert step["timeframe"]["text"].startswith("trước ngày")
            assert step["children"] == []
        assert "Bộ cục chính cần có của chuyên đề" in study["content"]
    assert by_ref(plan, "3", "3.1")["children"][0]["timeframe"]["end"] == "2025-03-15"
    assert [s["timeframe"]["end"] for s in by_ref(plan, "3", "3.4")["children"]] == [
        "2025-12-15",
        "2025-12-20",
        "2025-12-30",
    ]


def test_news_article_is_not_a_plan():
    plan = parse_plan(FIXTURES / "news-2023-ca-mau-strengthening-legal-aid.txt")
    assert_shape(plan)
    assert len(list(walk(plan["tasks"]))) <= 2
    assert plan["number"] == ""


# --- Other styles ------------------------------------------------------------------------------------------------

OTHER_PROVINCE = """
UBND TỈNH NINH BÌNH
SỞ TƯ PHÁP
Số: 10/KH-STP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Bình, ngày 05 tháng 02 năm 2024

KẾ HOẠCH
Công tác trợ giúp pháp lý năm 2024

Căn cứ Luật Trợ giúp pháp lý năm 2017;
{BASES}
Sở Tư pháp ban hành Kế hoạch công tác trợ giúp pháp lý năm 2024 như sau:

A. MỤC TIÊU
Nâng cao chất lượng vụ việc trợ giúp pháp lý.
B. NHIỆM VỤ VÀ GIẢI PHÁP
I. CÔNG TÁC THỰC HIỆN VỤ VIỆC
{ACTIVITY}
Hoạt động 2: Thẩm định chất lượng vụ việc (Quý IV/2024)
Đơn vị thực hiện: Phòng Hành chính tư pháp
Sản phẩm: Báo cáo kết quả thẩm định
II. CÔNG TÁC TRUYỀN THÔNG
a) Tổ chức trên 50 buổi truyền thông tại các xã đặc biệt khó khăn
- Cơ quan chủ trì: Trung tâm TGPL
- Cơ quan phối hợp: UBND các xã; Đài Phát thanh và Truyền hình tỉnh
- Thời hạn: Quý II, III/2024
b) Phát hành 2.000 tờ gấp pháp luật
Kết quả/sản phẩm: 2.000 tờ gấp
C. TỔ CHỨC THỰC HIỆN
1. Trung tâm Trợ giúp pháp lý nhà nước chủ trì thực hiện Kế hoạch.
Nơi nhận:
- Như trên;
GIÁM ĐỐC
""".format(
    BASES="Căn cứ Thông tư số 12/2018/TT-BTP ngày 28/8/2018 của Bộ trưởng Bộ Tư pháp; "
    "Quyết định số 100/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh;",
    ACTIVITY="Hoạt động 1: Thực hiện vụ việc tham gia tố tụng, bảo đảm mỗi Trợ giúp viên pháp lý thực hiện ít nhất "
    "02 vụ việc/người/năm. Chủ trì: Trung tâm TGPL; Phối hợp: Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh; "
    "Thời gian: Cả năm.",
)


def test_other_headings_roman_groups_activities_and_inline_fields():
    plan = parse_plan(OTHER_PROVINCE)
    assert_shape(plan)
    assert plan["number"] == "10/KH-STP"
    assert plan["date"] == "2024-02-05"
    assert plan["issuer"] == "SỞ TƯ PHÁP"
    assert plan["title"] == "Công tác trợ giúp pháp lý năm 2024"
    assert plan["bases"] == [
        "Luật Trợ giúp pháp lý năm 2017",
        "Thông tư số 12/2018/TT-BTP ngày 28/8/2018 của Bộ trưởng Bộ Tư pháp",
        "Quyết định số 100/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh",
    ]
    assert plan["purposes"] == ["Nâng cao chất lượng vụ việc trợ giúp pháp lý."]
    assert [t["ref"] for t in plan["tasks"]] == ["I", "II"]
    cases, outreach = plan["tasks"]
    assert cases["content"] == "CÔNG TÁC THỰC HIỆN VỤ VIỆC"
    assert [t["ref"] for t in cases["children"]] == ["Hoạt động 1", "Hoạt động 2"]
    first, second = cases["children"]
    assert first["content"].startswith("Thực hiện vụ việc tham gia tố tụng")
    assert "Chủ trì" not in first["content"]
    assert first["lead"] == ["Trung tâm TGPL"]
    assert first["partners"] == ["Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh"]
    assert (first["timeframe"]["start"], first["timeframe"]["end"]) == ("2024-01-01", "2024-12-31")
    assert {"value": 2, "unit": "vụ việc/người/năm"}.items() <= first["targets"][0].items()
    assert second["lead"] == ["Phòng Hành chính tư pháp"]
    assert second["expected_output"] == "Báo cáo kết quả thẩm định"
    assert [t["ref"] for t in outreach["children"]] == ["a", "b"]
    sessions, leaflets = outreach["children"]
    assert sessions["partners"] == ["UBND các xã", "Đài Phát thanh và Truyền hình tỉnh"]
    assert (sessions["timeframe"]["start"], sessions["timeframe"]["end"]) == ("2024-04-01", "2024-09-30")
    assert (sessions["targets"][0]["value"], sessions["targets"][0]["unit"]) == (50, "buổi")
    assert leaflets["expected_output"] == "2.000 tờ gấp"
    assert leaflets["targets"][0]["value"] == 2000


ARABIC_TOP = """KẾ HOẠCH
Truyền thông về trợ giúp pháp lý năm 2023

1. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của người dân về quyền được trợ giúp pháp lý.
2. CÁC HOẠT ĐỘNG CỤ THỂ
2.1. Xây dựng chuyên mục trên Báo tỉnh
- Đăng 12 tin, bài về trợ giúp pháp lý
  Chủ trì: Phòng Nghiệp vụ
  Thời gian: hàng tháng
- Phát sóng 04 phóng sự trên Đài tỉnh
  Chủ trì: Chi nhánh số 1
  Thời gian: Quý III/2023
2.2. Truyền thông tại cơ sở
Thực hiện: Các Chi nhánh
Thời gian thực hiện: Từ tháng 3 đến tháng 10/2023
3. KINH PHÍ
Từ nguồn ngân sách nhà nước.
"""


def test_arabic_top_level_and_items_with_their_own_fields():
    plan = parse_plan(ARABIC_TOP)
    assert_shape(plan)
    assert plan["title"] == "Truyền thông về trợ giúp pháp lý năm 2023"
    assert plan["purposes"] == ["Nâng cao nhận thức của người dân về quyền được trợ giúp pháp lý."]
    assert [t["ref"] for t in plan["tasks"]] == ["2.1", "2.2"]
    newspaper, local = plan["tasks"]
    # Two "-" items each with their own lead and time: sub-tasks, not content.
    assert [c["lead"] for c in newspaper["children"]] == [["Phòng Nghiệp vụ"], ["Chi nhánh số 1"]]
    assert newspaper["children"][0]["timeframe"]["recurrence"] == "monthly"
    assert newspaper["children"][0]["timeframe"]["start"] == "2023-01-01"  # the plan's year, from its title
    assert newspaper["children"][1]["timeframe"]["end"] == "2023-09-30"
    assert newspaper["children"][0]["targets"][0]["value"] == 12
    assert newspaper["lead"] == []
    assert local["lead"] == ["Các Chi nhánh"]
    assert (local["timeframe"]["start"], local["timeframe"]["end"]) == ("2023-03-01", "2023-10-31")


LISTS_UNDER_LABELS = """KẾ HOẠCH
Kiểm tra năm 2024
II. NỘI DUNG
1. Kiểm tra hồ sơ vụ việc
- Đơn vị phối hợp:
+ Phòng Nghiệp vụ;
+ Chi nhánh số 1.
- Kết quả:
+ Báo cáo kiểm tra;
+ 05 biên bản kiểm tra.
- Thời gian:
Quý III/2024
2. Tổng kết
Chủ trì: Phòng HC-TH
"""


def test_values_listed_under_their_label():
    inspection, review = parse_plan(LISTS_UNDER_LABELS)["tasks"]
    assert inspection["partners"] == ["Phòng Nghiệp vụ", "Chi nhánh số 1"]
    assert inspection["expected_output"] == "Báo cáo kiểm tra; 05 biên bản kiểm tra"
    assert (inspection["targets"][0]["value"], inspection["targets"][0]["unit"]) == (5, "biên bản")
    assert (inspection["timeframe"]["start"], inspection["timeframe"]["end"]) == ("2024-07-01", "2024-09-30")
    assert inspection["children"] == []
    assert review["lead"] == ["Phòng HC-TH"]


DEADLINES_IN_THE_TASK_LINE = """KẾ HOẠCH
Năm 2025
II. NỘI DUNG
1. Tổ chức hội nghị sơ kết (tháng 6/2025)
2. Triển khai Quyết định số 12/QĐ-UBND ngày 05/01/2025
3. Hoàn thành báo cáo tổng kết trước ngày 15/12/2025
Chủ trì: Phòng Nghiệp vụ (phối hợp: Chi nhánh số 1)
4. Tập huấn. Phân công: Phòng HC-TH chủ trì, phối hợp với các Chi nhánh
"""


def test_deadlines_in_the_task_line_and_partners_inside_the_lead_field():
    review, decision, report, training = parse_plan(DEADLINES_IN_THE_TASK_LINE)["tasks"]
    assert (review["timeframe"]["text"], review["timeframe"]["end"]) == ("tháng 6/2025", "2025-06-30")
    assert decision["timeframe"]["text"] == ""  # the date of a document cited is not the task's time
    assert (report["timeframe"]["start"], report["timeframe"]["end"]) == (None, "2025-12-15")
    assert (report["lead"], report["partners"]) == (["Phòng Nghiệp vụ"], ["Chi nhánh số 1"])
    assert (training["lead"], training["partners"]) == (["Phòng HC-TH"], ["các Chi nhánh"])


def _docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table_plan(document):
    header = document.add_table(rows=1, cols=2)
    header.rows[0].cells[0].text = "SỞ TƯ PHÁP TỈNH CAO BẰNG\nTRUNG TÂM TRỢ GIÚP PHÁP LÝ\nNHÀ NƯỚC\nSố: 15/KH-TGPL"
    header.rows[0].cells[
        1
    ].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nCao Bằng, ngày 10 tháng 3 năm 2026"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Thực hiện công tác trợ giúp pháp lý năm 2026")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("1. Mục đích")
    document.add_paragraph("- Bảo đảm 100% yêu cầu trợ giúp pháp lý được giải quyết.")
    document.add_paragraph("2. Yêu cầu")
    document.add_paragraph("- Bám sát nhiệm vụ được giao.")
    document.add_paragraph("II. NỘI DUNG")
    table = document.add_table(rows=2, cols=6)
    for i, text in enumerate(
        ["STT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị thực hiện", "Thời gian", "Sản phẩm"]
    ):
        table.rows[0].cells[i].text = text
    table.rows[0].cells[2].merge(table.rows[0].cells[3])
    table.rows[0].cells[2].text = "Đơn vị thực hiện"
    for i, text in enumerate(["", "", "Chủ trì", "Phối hợp", "", ""]):
        table.rows[1].cells[i].text = text
    rows = [
        ["I", "CÔNG TÁC THỰC HIỆN VỤ VIỆC", "", "", "", ""],
        [
            "1",
            "Thẩm định 100% vụ việc tham gia tố tụng kết thúc",
            "Phòng Nghiệp vụ",
            "Các Chi nhánh",
            "Hằng quý",
            "Báo cáo thẩm định",
        ],
        ["2", "Cập nhật vụ việc lên hệ thống quản lý", "Phòng HC-TH", "", "Trước ngày 25 hằng tháng", ""],
        ["II", "CÔNG TÁC TRUYỀN THÔNG", "", "", "", ""],
        [
            "1",
            "Tổ chức ít nhất 30 buổi truyền thông tại xã đặc biệt khó khăn",
            "Chi nhánh số 1\nChi nhánh số 2",
            "UBND các xã",
            "Quý II - III/2026",
            "30 buổi",
        ],
    ]
    for values in rows:
        cells = table.add_row().cells
        for i, text in enumerate(values):
            cells[i].text = text
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Các Phòng, Chi nhánh triển khai thực hiện.")


MARKDOWN_STYLE = """# KẾ HOẠCH
Công tác trợ giúp pháp lý năm 2026
## PHẦN THỨ NHẤT. MỤC TIÊU
1/ Đáp ứng 100% yêu cầu.
## PHẦN THỨ HAI. NHIỆM VỤ CỤ THỂ
1/ Công tác thực hiện vụ việc
a/ Tham gia tố tụng. Đơn vị tham mưu: Phòng Nghiệp vụ. Thời gian dự kiến: tháng 6 - 7/2026
b/ Tư vấn pháp luật (đầu mối: Chi nhánh số 2; hạn hoàn thành: 30/9/2026)
2/ Công tác truyền thông
 Tổ chức 15 buổi truyền thông; Trách nhiệm: các Chi nhánh
## PHẦN THỨ BA. PHÂN CÔNG THỰC HIỆN
1/ Phòng Nghiệp vụ: chủ trì tổng hợp.
"""


def test_markdown_headings_slash_numbering_and_other_labels():
    plan = parse_plan(MARKDOWN_STYLE)
    assert_shape(plan)
    assert plan["title"] == "Công tác trợ giúp pháp lý năm 2026"
    assert plan["purposes"] == ["Đáp ứng 100% yêu cầu."]
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]  # "PHÂN CÔNG THỰC HIỆN" holds no tasks
    hearing, advice = plan["tasks"][0]["children"]
    assert (hearing["content"], hearing["lead"]) == ("Tham gia tố tụng.", ["Phòng Nghiệp vụ"])
    assert (hearing["timeframe"]["start"], hearing["timeframe"]["end"]) == ("2026-06-01", "2026-07-31")
    assert (advice["content"], advice["lead"]) == ("Tư vấn pháp luật", ["Chi nhánh số 2"])
    assert (advice["timeframe"]["start"], advice["timeframe"]["end"]) == (None, "2026-09-30")  # a deadline
    outreach = plan["tasks"][1]
    assert outreach["lead"] == ["các Chi nhánh"]
    assert outreach["content"] == "Công tác truyền thông\nTổ chức 15 buổi truyền thông"


def test_docx_with_header_table_and_task_table(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(_docx_bytes(_table_plan))
    plan = parse_plan(path)
    assert_shape(plan)
    assert plan["number"] == "15/KH-TGPL"
    assert plan["date"] == "2026-03-10"
    assert plan["issuer"] == "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"
    assert plan["title"] == "Thực hiện công tác trợ giúp pháp lý năm 2026"
    assert plan["purposes"] == ["Bảo đảm 100% yêu cầu trợ giúp pháp lý được giải quyết."]
    assert plan["requirements"] == ["Bám sát nhiệm vụ được giao."]
    assert [(t["ref"], t["content"]) for t in plan["tasks"]] == [
        ("I", "CÔNG TÁC THỰC HIỆN VỤ VIỆC"),
        ("II", "CÔNG TÁC TRUYỀN THÔNG"),
    ]
    appraisal, update = plan["tasks"][0]["children"]
    assert appraisal["lead"] == ["Phòng Nghiệp vụ"] and appraisal["partners"] == ["Các Chi nhánh"]
    assert appraisal["timeframe"]["recurrence"] == "quarterly"
    assert appraisal["expected_output"] == "Báo cáo thẩm định"
    assert appraisal["targets"][0]["value"] == 100
    assert update["timeframe"]["recurrence"] == "monthly"
    outreach = plan["tasks"][1]["children"][0]
    assert outreach["lead"] == ["Chi nhánh số 1", "Chi nhánh số 2"]
    assert (outreach["timeframe"]["start"], outreach["timeframe"]["end"]) == ("2026-04-01", "2026-09-30")
    assert (outreach["targets"][0]["value"], outreach["targets"][0]["unit"]) == (30, "buổi")
    # Bytes and file objects (an upload) read the same.
    assert parse_plan(path.read_bytes()) == plan
    with path.open("rb") as upload:
        assert parse_plan(upload) == plan


def _plan_with_appendix(document):
    document.add_paragraph("TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC TỈNH ĐIỆN BIÊN")
    document.add_paragraph("Số: 07/KH-TGPL")
    document.add_paragraph("Điện Biên, ngày 02 tháng 01 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Hoạt động trợ giúp pháp lý năm 2025")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("Thực hiện đầy đủ nhiệm vụ năm 2025.")
    document.add_paragraph("II. NHIỆM VỤ")
    document.add_paragraph("Các nhiệm vụ cụ thể tại Phụ lục kèm theo.")
    document.add_paragraph("III. KINH PHÍ")
    document.add_paragraph("Từ dự toán năm 2025 của Trung tâm.")
    signature = document.add_table(rows=1, cols=2)
    signature.rows[0].cells[0].text = "Nơi nhận:\n- Sở Tư pháp;\n- Lưu: VT."
    signature.rows[0].cells[1].text = "GIÁM ĐỐC\n\nNguyễn Văn A"
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("DANH MỤC NHIỆM VỤ NĂM 2025")
    table = document.add_table(rows=1, cols=5)
    for i, text in enumerate(["TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn hoàn thành"]):
        table.rows[0].cells[i].text = text
    for values in (
        ["1", "Rà soát người thuộc diện trợ giúp pháp lý", "Chi nhánh số 1", "UBND cấp xã", "30/6/2025"],
        ["2", "Tổ chức 04 đợt truyền thông lưu động", "Phòng Nghiệp vụ", "", "Quý III/2025"],
    ):
        cells = table.add_row().cells
        for i, text in enumerate(values):
            cells[i].text = text


def test_docx_with_the_tasks_in_an_appendix_table():
    plan = parse_plan(_docx_bytes(_plan_with_appendix), extras=True)
    assert_shape({k: v for k, v in plan.items() if k in empty_plan()})
    assert (plan["number"], plan["date"]) == ("07/KH-TGPL", "2025-01-02")
    assert plan["issuer"] == "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC TỈNH ĐIỆN BIÊN"
    assert plan["budget_note"] == "Từ dự toán năm 2025 của Trung tâm."
    review, outreach = plan["tasks"]
    assert (review["ref"], review["lead"], review["partners"]) == ("1", ["Chi nhánh số 1"], ["UBND cấp xã"])
    assert (review["timeframe"]["start"], review["timeframe"]["end"]) == (None, "2025-06-30")  # a deadline column
    assert (outreach["timeframe"]["start"], outreach["timeframe"]["end"]) == ("2025-07-01", "2025-09-30")
    assert (outreach["targets"][0]["value"], outreach["targets"][0]["unit"]) == (4, "đợt")


def _word_numbering(document):
    """Paragraphs numbered by Word itself: the "1.", "a)" are not in their text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text, level):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )

    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tập huấn nghiệp vụ năm 2025")
    document.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    numbered("Tập huấn cho Trợ giúp viên pháp lý", 0)
    numbered("Tập huấn kỹ năng tham gia tố tụng. Thời gian: tháng 5/2025", 1)
    numbered("Tập huấn kỹ năng tư vấn. Thời gian: tháng 6/2025", 1)
    numbered("Tập huấn cho cộng tác viên", 0)
    document.add_paragraph("Chủ trì: Phòng Nghiệp vụ")


def test_docx_word_numbering():
    plan = parse_plan(_docx_bytes(_word_numbering))
    assert_shape(plan)
    assert [t["ref"] for t in plan["tasks"]] == ["1", "2"]
    assert [t["ref"] for t in plan["tasks"][0]["children"]] == ["a", "b"]
    assert plan["tasks"][0]["children"][1]["timeframe"]["start"] == "2025-06-01"
    assert plan["tasks"][1]["lead"] == ["Phòng Nghiệp vụ"]


# --- Pieces --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "units"),
    [
        ("Phòng HC-TH, Các Chi nhánh;", ["Phòng HC-TH", "Các Chi nhánh"]),
        (
            "Đài Phát thanh và Truyền hình tỉnh; Báo Ninh Thuận.",
            ["Đài Phát thanh và Truyền hình tỉnh", "Báo Ninh Thuận"],
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội"],
        ),
        ("Phòng Nghiệp vụ và các Chi nhánh", ["Phòng Nghiệp vụ", "các Chi nhánh"]),
        ("Văn phòng Sở và các cơ quan, tổ chức liên quan.", ["Văn phòng Sở", "các cơ quan, tổ chức liên quan"]),
        ("Giao Phòng Hành chính – Tổng hợp chủ trì.", ["Phòng Hành chính – Tổng hợp"]),
        ("", []),
    ],
)
def test_split_units(value, units):
    assert split_units(value) == units


def test_targets():
    found = find_targets("Đạt trên 50 buổi truyền thông; ít nhất 02 vụ việc/người/năm; 100% vụ việc được thẩm định.")
    assert [(t["value"], t["unit"]) for t in found] == [(50, "buổi"), (2, "vụ việc/người/năm"), (100, "%")]
    # Document numbers, dates, years and ages are not targets.
    assert find_targets("Quyết định số 32/2016/QĐ-TTg ngày 08/08/2016, kỷ niệm 25 năm, người từ đủ 16 tuổi") == []


def test_text_encodings():
    text = PLAN_2020.read_text(encoding="utf-8")
    expected = parse_plan(text)
    assert parse_plan(text.encode("utf-8-sig")) == expected
    assert parse_plan(text.encode("utf-16")) == expected  # Notepad's "Unicode"


def test_unreadable_sources():
    with pytest.raises(PlanSourceError):
        parse_plan(b"\xd0\xcf\x11\xe0 old word file")
    with pytest.raises(PlanSourceError):
        parse_plan(b"PK\x03\x04 not really a docx")
    assert parse_plan("") == empty_plan()


@hsettings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.sampled_from(
                [
                    "I. MỤC ĐÍCH",
                    "II. NỘI DUNG",
                    "1.",
                    "1.1",
                    "a)",
                    "- Chủ trì:",
                    "+ Phòng Nghiệp vụ:",
                    "Thời gian:",
                    "Kết quả:",
                    "Nơi nhận:",
                    "KẾ HOẠCH",
                    "Số: 1/KH",
                    "Quý II",
                    "- ",
                    "2.2 x",
                    "Hoạt động 1:",
                    "100%",
                    "Số: abc/def",
                    "Số:",
                    "ngày 31 tháng 13 năm 2020",
                    "Hà Nội, ngày 30/02/2021",
                    "| |",
                    "PHỤ LỤC",
                    "STT",
                    "(Ban hành kèm theo",
                    "Căn cứ Quyết định số 1/QĐ-UBND;",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Thời gian:",
                    "+ Phòng Nghiệp vụ: trước ngày 15/3",
                    "1.1.1.1.1.1 x",
                    "PHẦN THỨ HAI.",
                    "a/",
                    "# ",
                ]
            ),
        ),
        max_size=25,
    )
)
def test_parse_plan_never_raises_on_text(lines):
    plan = parse_plan("\n".join(lines))
    assert_shape(plan)


# --- The command -------------------------------------------------------------------------------------------------


def test_import_plan_json():
    out = io.StringIO()
    call_command("import_plan", str(PLAN_2020), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert "Lạng Sơn" in out.getvalue()  # ensure_ascii=False: Vietnamese as written
    assert data == json.loads(json.dumps(parse_plan(PLAN_2020)))
    assert_shape(data)
    leaves = [t for t in walk(data["tasks"]) if not t["children"]]
    assert len(leaves) == 10
    assert all(t["children"] == [] for t in leaves)


TAB_HEADER = (
    "UBND TỈNH HÀ GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ TƯ PHÁP\t\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 45 /KH-STP\t\tHà Giang, ngày 3 tháng 2 năm 2021\n"
    "KẾ HOẠCH TRỢ GIÚP PHÁP LÝ NĂM 2021\n"
    "1. Tổ chức tập huấn. Thời gian: Quý II\n"
    "2. Tổ chức truyền thông tại 20 xã\n"
    "- Chủ trì: Trung tâm TGPL\n"
)


def test_header_typed_on_one_line_with_tabs_and_no_sections():
    plan = parse_plan(TAB_HEADER)
    assert (plan["number"], plan["date"], plan["issuer"]) == ("45/KH-STP", "2021-02-03", "SỞ TƯ PHÁP")
    assert plan["title"] == "TRỢ GIÚP PHÁP LÝ NĂM 2021"
    training, outreach = plan["tasks"]
    assert (training["content"], training["timeframe"]["start"]) == ("Tổ chức tập huấn.", "2021-04-01")
    assert outreach["lead"] == ["Trung tâm TGPL"]
    assert (outreach["targets"][0]["value"], outreach["targets"][0]["unit"]) == (20, "xã")


# A decision with its plan attached, copied from a web page: wrapped lines, table bars, "Số:" on its own line, a
# value on the line after its label.
DECISION_WITH_PLAN = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số:
88/QĐ-UBND
|
Kon Tum, ngày 15 tháng 01 năm 2023
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH TRỢ GIÚP PHÁP LÝ NĂM 2023
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Trợ giúp pháp lý ngày 20
tháng 6 năm 2017;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch trợ giúp pháp lý năm
2023.
Nơi nhận:
- Như Điều 1;
KT. CHỦ TỊCH
KẾ HOẠCH
TRỢ GIÚP PHÁP LÝ NĂM 2023
(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 15/01/2023 của Chủ tịch UBND tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Bảo đảm người dân được tiếp cận trợ giúp pháp lý kịp thời, đúng đối tượng, đúng quy
định.
2. Yêu cầu
Các cơ quan chủ động phối hợp.
II. NHIỆM VỤ
1. Truyền thông về trợ giúp pháp lý
a) Lắp đặt 10 bảng thông tin tại trụ sở Ủy ban nhân dân cấp xã
- Cơ quan chủ trì: Sở Tư pháp
- Cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch, Ủy ban nhân dân các huyện
- Thời gian thực hiện:
Quý II năm 2023
- Sản phẩm: Bảng thông tin được lắp đặt
b) Xây dựng chuyên mục trên Cổng thông tin điện tử tỉnh
- Cơ quan chủ trì: Trung tâm Trợ giúp pháp lý nhà nước
- Thời gian thực hiện: Thường xuyên
III. TỔ CHỨC THỰC HIỆN
Sở Tư pháp theo dõi, đôn đốc.
"""


def test_decision_with_an_attached_plan_copied_from_the_web():
    plan = parse_plan(DECISION_WITH_PLAN)
    assert_shape(plan)
    assert (plan["number"], plan["date"]) == ("88/QĐ-UBND", "2023-01-15")
    assert plan["issuer"] == "ỦY BAN NHÂN DÂN TỈNH KON TUM"
    assert plan["title"] == "TRỢ GIÚP PHÁP LÝ NĂM 2023"
    assert plan["bases"] == ["Quyết định số 88/QĐ-UBND ngày 15/01/2023 của Chủ tịch UBND tỉnh"]
    assert plan["purposes"] == [
        "Bảo đảm người dân được tiếp cận trợ giúp pháp lý kịp thời, đúng đối tượng, đúng quy định."
    ]
    (outreach,) = plan["tasks"]
    boards, column = outreach["children"]
    assert boards["partners"] == ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các huyện"]
    assert boards["timeframe"]["text"] == "Quý II năm 2023"
    assert (boards["timeframe"]["start"], boards["timeframe"]["end"]) == ("2023-04-01", "2023-06-30")
    assert boards["expected_output"] == "Bảng thông tin được lắp đặt"
    assert (boards["targets"][0]["value"], boards["targets"][0]["unit"]) == (10, "bảng")
    assert column["timeframe"]["recurrence"] == "regular"
    assert column["timeframe"]["start"] == "2023-01-01"


def test_import_plan_dry_run_summary():
    out = io.StringIO()
    call_command("import_plan", str(PLAN_2025), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "/KH-TGPL" in text and "3.1" in text and "2025-03-15" in text


def test_import_plan_saves_through_the_plan_service(world):
    from legalaid.plans.models import Plan

    out = io.StringIO()
    call_command("import_plan", str(PLAN_2020), "--centre", str(world.a.centre.pk), stdout=out)
    plan = Plan.objects.get(centre=world.a.centre)
    assert plan.number == "33/KH-TGPL"
    assert plan.tasks.count() == 12
    assert "33/KH-TGPL" in out.getvalue()


def test_import_plan_refuses_without_a_centre_or_with_an_ambiguous_code(world):
    with pytest.raises(CommandError, match="--centre"):
        call_command("import_plan", str(PLAN_2020), stdout=io.StringIO())
    with pytest.raises(CommandError, match="id"):
        call_command("import_plan", str(PLAN_2020), "--centre", "TT", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("import_plan", "/no/such/plan.docx", "--json", stdout=io.StringIO())
