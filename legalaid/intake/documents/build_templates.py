"""Build the Word templates of intake's official papers (docxtpl templates, written with python-docx).

Run it after changing the layout, and commit the .docx files it writes::

    .venv/bin/python -m legalaid.intake.documents.build_templates [output-folder]

The output is deterministic (fixed document properties and zip timestamps), so re-running it without a change gives
the same bytes. An administrator who wants a different wording or layout does not run this: they copy a template
from ``templates/``, edit it in Word (keeping the ``{{ ... }}`` and ``{%p ... %}`` tags) and put it in the folder that
``DOCUMENT_TEMPLATE_DIR`` names (see docs/documents.md).

The layout is the state document format of Decree 30/2020/NĐ-CP, Appendix I (DOMAIN.md §13): A4, margins 20 mm top
and bottom, 30 mm left, 15 mm right, Times New Roman 13-14 pt, the two-column heading, the title and subject in
bold, "Nơi nhận:" and the signature block.

No Django import here (nor in ``columns``): the script runs without settings.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from legalaid.intake.documents.columns import COLUMNS

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
FONT = "Times New Roman"
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)

TWIPS_PER_MM = 1440 / 25.4
#: The children of ``w:tblPr`` that come after ``w:tblW`` (the schema's order).
TBL_PR_AFTER_W = (
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
#: The two columns of the Decree 30 heading on a portrait page (165 mm of text width), in mm.
HEADING_WIDTHS = [70, 95]
#: The side padding of the heading's cells (Word's default is 1.9 mm): the national name at 12 pt bold takes 89 mm.
HEADING_CELL_MARGIN_MM = 1.0

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


# --- Building blocks ---------------------------------------------------------------------------------------------


def new_document(*, landscape: bool = False, left_mm: float = 30, right_mm: float = 15, top_bottom_mm: float = 20):
    doc = Document()
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(top_bottom_mm)
    section.left_margin = Mm(left_mm)
    section.right_margin = Mm(right_mm)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    props = doc.core_properties
    props.author = props.last_modified_by = "legalaid"
    props.title = props.subject = props.keywords = props.comments = ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    return doc


def text_width(doc) -> int:
    section = doc.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def para(
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 14,
    align=JUSTIFY,
    indent: bool = False,
    before: float = 0,
    after: float = 0,
    reuse: bool = False,
):
    """A paragraph with one run. ``reuse`` writes into a table cell's own first (empty) paragraph."""
    paragraph = container.paragraphs[0] if reuse else container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size)
    return paragraph


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph tag (``{%p ... %}``); docxtpl removes it when rendering."""
    return para(container, text, align=LEFT, size=11)


def rule(container, indent_mm: float):
    """A short horizontal rule: the bottom border of an almost empty paragraph, narrowed by indents."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(indent_mm)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(3)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)
    return paragraph


def fix_widths(table, widths_mm: list[float], *, cell_margin_mm: float | None = None) -> None:
    """Give ``table`` fixed column widths that every reader honours.

    Word reads each cell's width (``w:tcW``); LibreOffice lays a table out from its grid (``w:tblGrid``), which
    python-docx writes with equal columns. So both are set, with the table's total width and a fixed layout (no
    autofit that would widen a column for its longest word). ``cell_margin_mm`` narrows the left and right padding
    of every cell (Word's default is 1.9 mm).
    """
    table.autofit = False  # w:tblLayout w:type="fixed"
    twips = [round(width * TWIPS_PER_MM) for width in widths_mm]
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(tbl_w, *TBL_PR_AFTER_W)
    tbl_w.set(qn("w:w"), str(sum(twips)))
    tbl_w.set(qn("w:type"), "dxa")
    if cell_margin_mm is not None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            element = OxmlElement(f"w:{side}")
            element.set(qn("w:w"), str(round(cell_margin_mm * TWIPS_PER_MM)))
            element.set(qn("w:type"), "dxa")
            margins.append(element)
        tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=True):
        grid_col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def borderless_table(doc, widths_mm: list[float], *, cell_margin_mm: float | None = None):
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_widths(table, widths_mm, cell_margin_mm=cell_margin_mm)
    return table


def letterhead(doc, *, with_number: bool = True):
    """Decree 30 heading: superior and issuing body, number | national name and motto, place and date.

    The right column is wide enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold) on one line; the left one
    takes the rest, where a long issuing body wraps as it does on paper.
    """
    left, right = borderless_table(doc, HEADING_WIDTHS, cell_margin_mm=HEADING_CELL_MARGIN_MM).rows[0].cells
    para(left, "{{ superior_name }}", size=13, align=CENTER, reuse=True)
    para(left, "{{ issuer_name }}", bold=True, size=13, align=CENTER)
    rule(left, 22)
    if with_number:
        para(left, "Số: {{ document_number }}/{{ document_symbol }}", size=13, align=CENTER, before=6)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=CENTER, reuse=True)
    para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=CENTER)
    rule(right, 18)
    para(right, "{{ place_date }}", italic=True, size=14, align=CENTER, before=6)


def title(doc, kind: str, subject: str):
    para(doc, kind, bold=True, align=CENTER, before=18)
    para(doc, subject, bold=True, align=CENTER)
    rule(doc, 65)


def addressee(doc):
    para(doc, "Kính gửi: {{ addressee }}", align=CENTER, before=12, after=12)


def body(doc, text: str, **kwargs):
    return para(doc, text, indent=True, after=6, **kwargs)


def signature(doc, *, recipients: bool = True):
    """ "Nơi nhận:" with its list on the left, the signer's authority and name on the right."""
    left, right = borderless_table(doc, [80, 85]).rows[0].cells
    if recipients:
        para(left, "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT, reuse=True, before=12)
        tag(left, "{%p for recipient in recipients %}")
        para(left, "- {{ recipient }}", size=11, align=LEFT)
        tag(left, "{%p endfor %}")
    para(right, "{{ signer_title }}", bold=True, align=CENTER, reuse=True, before=12)
    for _ in range(4):
        para(right, "", align=CENTER)
    para(right, "{{ signer_name }}", bold=True, align=CENTER)


def to_bytes(doc) -> bytes:
    """The saved document with fixed zip timestamps, so that the same layout always gives the same bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()


# --- The templates -----------------------------------------------------------------------------------------------


def request_form():
    """Mẫu 02-TP-TGPL, the request form, filled in from the recorded request.

    UNCONFIRMED in detail: TT 10/2023/TT-BTP replaced the form in 2024; these are its usual headings (requester,
    beneficiary, category, field, summary, form of aid wished, papers), not a copy of the official text. A request
    is the citizen's paper, not the Centre's: it carries the national name and motto but no issuing body or number.
    """
    doc = new_document()
    para(doc, "{{ form_number }}", italic=True, size=12, align=RIGHT)
    para(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, align=CENTER, before=6)
    para(doc, "Độc lập - Tự do - Hạnh phúc", bold=True, align=CENTER)
    rule(doc, 62)
    para(doc, "ĐƠN YÊU CẦU TRỢ GIÚP PHÁP LÝ", bold=True, align=CENTER, before=18)
    para(doc, "Kính gửi: {{ unit_name }}", align=CENTER, before=12, after=12)

    def person_lines(prefix: str):
        body(doc, "Họ và tên: {{ %s.name }}{%% if %s.sex %%}; giới tính: {{ %s.sex }}{%% endif %%}" % ((prefix,) * 3))
        body(doc, "Ngày, tháng, năm sinh: {{ %s.birth }}; dân tộc: {{ %s.ethnicity }}" % (prefix, prefix))
        body(doc, "Giấy tờ tùy thân: {{ %s.id_text }}" % prefix)
        body(doc, "Địa chỉ: {{ %s.address }}" % prefix)
        body(doc, "Điện thoại: {{ %s.phone }}" % prefix)

    body(doc, "1. Người yêu cầu trợ giúp pháp lý", bold=True)
    person_lines("requester")
    body(doc, "2. Người được trợ giúp pháp lý", bold=True)
    tag(doc, "{%p if requester_is_beneficiary %}")
    body(doc, "Là người yêu cầu trợ giúp pháp lý nêu trên.")
    tag(doc, "{%p else %}")
    person_lines("beneficiary")
    body(doc, "Quan hệ của người yêu cầu với người được trợ giúp pháp lý: {{ relationship }}")
    tag(doc, "{%p endif %}")
    body(doc, "3. Thuộc diện người được trợ giúp pháp lý", bold=True)
    tag(doc, "{%p for category in categories %}")
    body(doc, "- {{ category }}")
    tag(doc, "{%p endfor %}")
    body(doc, "4. Lĩnh vực pháp luật: {{ field_of_law }}", bold=True)
    body(doc, "5. Tóm tắt nội dung vụ việc", bold=True)
    body(doc, "{{ summary }}")
    body(doc, "6. Hình thức trợ giúp pháp lý đề nghị: {{ desired_form }}", bold=True)
    body(doc, "7. Giấy tờ, tài liệu kèm theo", bold=True)
    tag(doc, "{%p for paper in papers %}")
    body(doc, "- {{ paper }}")
    tag(doc, "{%p else %}")
    body(doc, "(Chưa có)")
    tag(doc, "{%p endfor %}")
    body(
        doc,
        "Tôi xin cam đoan những thông tin trên là đúng sự thật và chịu trách nhiệm về những thông tin đã cung cấp.",
        before=6,
    )
    left, right = borderless_table(doc, [80, 85]).rows[0].cells
    para(left, "NGƯỜI TIẾP NHẬN", bold=True, size=13, align=CENTER, reuse=True, before=30)
    para(left, "(Ký, ghi rõ họ tên)", italic=True, size=12, align=CENTER)
    for _ in range(3):
        para(left, "", align=CENTER)
    para(left, "{{ received_by }}", bold=True, size=13, align=CENTER)
    para(left, "Tiếp nhận lúc {{ received_at }}", italic=True, size=12, align=CENTER)
    para(right, "{{ place_date }}", italic=True, align=CENTER, reuse=True, before=12)
    para(right, "NGƯỜI YÊU CẦU", bold=True, size=13, align=CENTER)
    para(right, "(Ký, ghi rõ họ tên hoặc điểm chỉ)", italic=True, size=12, align=CENTER)
    for _ in range(3):
        para(right, "", align=CENTER)
    para(right, "{{ requester.name }}", bold=True, size=13, align=CENTER)
    return doc


def acceptance_notice():
    doc = new_document()
    letterhead(doc)
    title(doc, "THÔNG BÁO", "Về việc thụ lý vụ việc trợ giúp pháp lý")
    addressee(doc)
    body(doc, "Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14;")
    body(
        doc,
        "Căn cứ Thông tư số 12/2018/TT-BTP của Bộ trưởng Bộ Tư pháp hướng dẫn một số hoạt động nghiệp vụ trợ giúp "
        "pháp lý và quản lý chất lượng vụ việc trợ giúp pháp lý;",
    )
    body(
        doc,
        "Xét yêu cầu trợ giúp pháp lý tiếp nhận ngày {{ received_on }}, {{ unit_name }} thông báo thụ lý vụ việc "
        "trợ giúp pháp lý như sau:",
    )
    body(
        doc,
        "1. Người được trợ giúp pháp lý: {{ beneficiary.name }}"
        "{% if beneficiary.birth_year %}; năm sinh: {{ beneficiary.birth_year }}{% endif %}"
        "{% if beneficiary.sex %}; giới tính: {{ beneficiary.sex }}{% endif %}.",
    )
    body(doc, "Giấy tờ tùy thân: {{ beneficiary.id_text }}.")
    body(doc, "Địa chỉ: {{ beneficiary.address }}.")
    body(doc, "2. Diện người được trợ giúp pháp lý: {{ categories_text }}.")
    body(doc, "3. Mã hồ sơ vụ việc: {{ case_code }}; ngày thụ lý: {{ accepted_on }}.")
    body(doc, "4. Lĩnh vực: {{ field_of_law }}; hình thức trợ giúp pháp lý: {{ form_of_aid }}.")
    tag(doc, "{%p if immediate %}")
    body(doc, "5. Vụ việc được thụ lý ngay theo khoản 4 Điều 30 Luật Trợ giúp pháp lý: {{ urgency_reason }}.")
    tag(doc, "{%p if papers_due_on %}")
    body(
        doc,
        "Đề nghị {{ addressee_title }} bổ sung giấy tờ, tài liệu chứng minh thuộc diện người được trợ giúp pháp lý "
        "chậm nhất ngày {{ papers_due_on }}.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    body(
        doc,
        "{{ unit_name }} sẽ phân công người thực hiện trợ giúp pháp lý và thông báo để {{ addressee_title }} biết, "
        "phối hợp thực hiện./.",
    )
    signature(doc)
    return doc


def missing_papers():
    doc = new_document()
    letterhead(doc)
    title(doc, "THÔNG BÁO", "Về việc bổ sung giấy tờ, tài liệu")
    addressee(doc)
    body(doc, "Căn cứ khoản 2 Điều 30 Luật Trợ giúp pháp lý số 11/2017/QH14;")
    body(
        doc,
        "Ngày {{ received_on }}, {{ unit_name }} đã tiếp nhận yêu cầu trợ giúp pháp lý của {{ requester.name }} "
        "(người được trợ giúp pháp lý: {{ beneficiary.name }}), lĩnh vực {{ field_of_law }}.",
    )
    body(
        doc,
        "Để có đủ căn cứ xem xét thụ lý, đề nghị {{ addressee_title }} bổ sung các giấy tờ, tài liệu sau:",
    )
    tag(doc, "{%p for paper in missing_papers %}")
    body(doc, "- {{ paper }};")
    tag(doc, "{%p endfor %}")
    body(doc, "Thời hạn bổ sung: chậm nhất ngày {{ papers_due_on }}.", bold=True)
    body(
        doc,
        "Giấy tờ, tài liệu bổ sung nộp trực tiếp hoặc gửi qua bưu chính đến {{ unit_name }}, địa chỉ: "
        "{{ unit_address }}.",
    )
    tag(doc, "{%p if note %}")
    body(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    body(doc, "{{ unit_name }} thông báo để {{ addressee_title }} biết và thực hiện./.")
    signature(doc)
    return doc


def refusal_notice():
    doc = new_document()
    letterhead(doc)
    title(doc, "THÔNG BÁO", "Về việc từ chối thụ lý vụ việc trợ giúp pháp lý")
    addressee(doc)
    body(doc, "Căn cứ khoản 3 Điều 30 Luật Trợ giúp pháp lý số 11/2017/QH14;")
    body(
        doc,
        "Ngày {{ received_on }}, {{ unit_name }} đã tiếp nhận yêu cầu trợ giúp pháp lý của {{ requester.name }} "
        "(người được trợ giúp pháp lý: {{ beneficiary.name }}), lĩnh vực {{ field_of_law }}.",
    )
    body(doc, "Sau khi xem xét, {{ unit_name }} từ chối thụ lý vụ việc trợ giúp pháp lý nêu trên vì lý do:")
    body(doc, "{{ ground }}.", bold=True)
    body(doc, "{{ reason }}")
    body(
        doc,
        "Trường hợp không đồng ý với việc từ chối, {{ addressee_title }} có quyền khiếu nại theo quy định tại "
        "Điều 45 Luật Trợ giúp pháp lý.",
    )
    body(doc, "{{ unit_name }} thông báo để {{ addressee_title }} biết./.")
    signature(doc)
    return doc


def transfer_notice():
    """THÔNG BÁO Về việc chuyển yêu cầu trợ giúp pháp lý. UNCONFIRMED: no official form was retrieved; the wording
    follows the other notices."""
    doc = new_document()
    letterhead(doc)
    title(doc, "THÔNG BÁO", "Về việc chuyển yêu cầu trợ giúp pháp lý")
    addressee(doc)
    body(
        doc,
        "Ngày {{ received_on }}, {{ unit_name }} đã tiếp nhận yêu cầu trợ giúp pháp lý của {{ requester.name }} "
        "(người được trợ giúp pháp lý: {{ beneficiary.name }}), lĩnh vực {{ field_of_law }}.",
    )
    body(
        doc,
        "{{ unit_name }} đã chuyển yêu cầu nêu trên cùng giấy tờ, tài liệu kèm theo đến {{ transfer_to }} để xem xét, "
        "giải quyết theo thẩm quyền.",
    )
    tag(doc, "{%p if note %}")
    body(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    body(
        doc,
        "{{ unit_name }} thông báo để {{ addressee_title }} biết và liên hệ với {{ transfer_to }} để được hướng dẫn, "
        "giải quyết./.",
    )
    signature(doc)
    return doc


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


#: The register's page: landscape A4 with narrower side margins than a letter (a book is not bound at the left), so
#: that its 14 columns get 262 mm; the data in 9 pt, the cells' side padding 1 mm.
REGISTER_MARGINS = {"left_mm": 20, "right_mm": 15, "top_bottom_mm": 15}
REGISTER_FONT = 9
REGISTER_CELL_MARGIN_MM = 1.0


def register(kind: str):
    """The register print: landscape A4, the unit's heading, the title and year, one table row per entry. The columns
    have the widths of ``columns.py`` (sized to their content, scaled to the text width)."""
    doc = new_document(landscape=True, **REGISTER_MARGINS)
    columns = COLUMNS[kind]
    available_mm = text_width(doc) / Mm(1)
    left, right = borderless_table(doc, [110, available_mm - 110]).rows[0].cells
    para(left, "{{ superior_name }}", size=13, align=CENTER, reuse=True)
    para(left, "{{ issuer_name }}", bold=True, size=13, align=CENTER)
    rule(left, 35)
    para(right, "{{ form_number }}", italic=True, size=12, align=RIGHT, reuse=True)
    para(doc, "{{ title }}", bold=True, align=CENTER, before=18)
    para(doc, "Năm {{ year }}", bold=True, align=CENTER, after=12)

    scale = available_mm / sum(c.width_mm for c in columns)
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_widths(table, [c.width_mm * scale for c in columns], cell_margin_mm=REGISTER_CELL_MARGIN_MM)
    header, loop_start, data, loop_end = table.rows
    _repeat_as_header(header)
    for cell, column in zip(header.cells, columns, strict=True):
        para(cell, column.header, bold=True, size=REGISTER_FONT, align=CENTER, reuse=True)
    para(loop_start.cells[0], "{%tr for row in rows %}", size=REGISTER_FONT, align=LEFT, reuse=True)
    for cell, column in zip(data.cells, columns, strict=True):
        align = CENTER if column.key in {"number", "accepted_on", "date", "birth_year", "closed_on"} else LEFT
        para(cell, "{{ row.%s }}" % column.key, size=REGISTER_FONT, align=align, reuse=True)
    para(loop_end.cells[0], "{%tr endfor %}", size=REGISTER_FONT, align=LEFT, reuse=True)
    para(doc, "Tổng số: {{ rows|length }}", italic=True, size=12, align=LEFT, before=6)
    para(doc, "Sổ in ngày {{ printed_on }}.", italic=True, size=12, align=LEFT)
    return doc


#: file name -> builder. The runtime code names templates by these files.
TEMPLATES = {
    "request_form.docx": request_form,
    "acceptance_notice.docx": acceptance_notice,
    "missing_papers.docx": missing_papers,
    "refusal_notice.docx": refusal_notice,
    "transfer_notice.docx": transfer_notice,
    "register_cases.docx": lambda: register("cases"),
    "register_simple.docx": lambda: register("simple"),
}


def build(output: Path = TEMPLATE_DIR) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in TEMPLATES.items():
        path = output / name
        path.write_bytes(to_bytes(builder()))
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR):
        print(written_path)
