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
    width_mm: int  #: width in the landscape .docx table (the .xlsx width is derived from it)


#: Mẫu 01-TP-TGPL, the book of accepted cases (RegisterKind.CASES).
CASE_COLUMNS: tuple[Column, ...] = (
    Column("number", "STT (số thụ lý)", 12),
    Column("accepted_on", "Ngày thụ lý", 20),
    Column("code", "Mã hồ sơ", 26),
    Column("name", "Họ và tên người được TGPL", 30),
    Column("birth_year", "Năm sinh", 12),
    Column("sex", "Giới tính", 12),
    Column("address", "Địa chỉ", 34),
    Column("categories", "Diện người được TGPL", 16),
    Column("field", "Lĩnh vực", 18),
    Column("form", "Hình thức TGPL", 18),
    Column("provider", "Người thực hiện TGPL", 20),
    Column("result", "Kết quả", 16),
    Column("closed_on", "Ngày kết thúc", 16),
    Column("note", "Ghi chú", 22),
)

#: The book of simple matters answered at once, with no case file (RegisterKind.SIMPLE_MATTERS; Law Art. 32(2)).
SIMPLE_COLUMNS: tuple[Column, ...] = (
    Column("number", "Số", 12),
    Column("date", "Ngày", 20),
    Column("person", "Người hỏi", 34),
    Column("field", "Lĩnh vực", 24),
    Column("question", "Nội dung hỏi", 60),
    Column("answer", "Nội dung trả lời", 70),
    Column("answered_by", "Người trả lời", 32),
)

COLUMNS = {"cases": CASE_COLUMNS, "simple": SIMPLE_COLUMNS}

#: The title of each book, as printed.
TITLES = {
    "cases": "SỔ THỤ LÝ, THEO DÕI VỤ VIỆC TRỢ GIÚP PHÁP LÝ",
    "simple": "SỔ THEO DÕI VIỆC TRỢ GIÚP PHÁP LÝ",
}

#: The form number printed in the top corner (the simple-matters book has none that we know of).
FORM_NUMBERS = {"cases": "Mẫu số 01-TP-TGPL", "simple": ""}
