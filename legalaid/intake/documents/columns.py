"""The columns of the two intake books, shared by the .xlsx print, the .docx template and its generator.

Plain data with no Django import, so that ``build_templates`` runs without settings.

The columns of Mẫu 01-TP-TGPL ("Sổ thụ lý, theo dõi vụ việc trợ giúp pháp lý") are UNCONFIRMED (DOMAIN.md §2: the
official template was not retrieved); these follow the likely fields listed there. Replace the .docx template and
adjust this list when the official form is at hand.
"""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    key: str  #: the key of a row dict (``row.<key>`` in the .docx template)
    header: str
    #: Width in the landscape .docx table, sized to the content at 9 pt (a date "04/12/2026" needs 19 mm, a case code
    #: "CN1.TGTT.01.2026" 31 mm, so that neither breaks); the table is scaled to the page's text width, and the .xlsx
    #: width is derived from it.
    width_mm: int


#: Mẫu 01-TP-TGPL, the book of accepted cases (RegisterKind.CASES).
CASE_COLUMNS: tuple[Column, ...] = (
    Column("number", "STT (số thụ lý)", 10),
    Column("accepted_on", "Ngày thụ lý", 19),
    Column("code", "Mã hồ sơ", 31),
    Column("name", "Họ và tên người được TGPL", 24),
    Column("birth_year", "Năm sinh", 10),
    Column("sex", "Giới tính", 9),
    Column("address", "Địa chỉ", 24),
    Column("categories", "Diện người được TGPL", 20),
    Column("field", "Lĩnh vực", 14),
    Column("form", "Hình thức TGPL", 15),
    Column("provider", "Người thực hiện TGPL", 22),
    Column("result", "Kết quả", 23),
    Column("closed_on", "Ngày kết thúc", 19),
    Column("note", "Ghi chú", 22),
)

#: The book of simple matters answered at once, with no case file (RegisterKind.SIMPLE_MATTERS; Law Art. 32(2)).
SIMPLE_COLUMNS: tuple[Column, ...] = (
    Column("number", "Số", 10),
    Column("date", "Ngày", 19),
    Column("person", "Người hỏi", 34),
    Column("field", "Lĩnh vực", 24),
    Column("question", "Nội dung hỏi", 64),
    Column("answer", "Nội dung trả lời", 80),
    Column("answered_by", "Người trả lời", 31),
)

COLUMNS = {"cases": CASE_COLUMNS, "simple": SIMPLE_COLUMNS}

#: The title of each book, as printed.
TITLES = {
    "cases": "SỔ THỤ LÝ, THEO DÕI VỤ VIỆC TRỢ GIÚP PHÁP LÝ",
    "simple": "SỔ THEO DÕI VIỆC TRỢ GIÚP PHÁP LÝ",
}

#: The form number printed in the top corner (the simple-matters book has none that we know of).
FORM_NUMBERS = {"cases": "Mẫu số 01-TP-TGPL", "simple": ""}
