"""A messy register as Centres keep them: a title block, a header over two rows with merged cells ("Năm sinh" over
"Nam" | "Nữ"), a row of column numbers, dates as Excel dates, serial numbers and texts, names in capitals, ID numbers
with spaces or stored as numbers, a duplicate row, an empty row, a total and a signature line; and, with
``errors=True``, four rows in error (an impossible date, an unknown category, a bad ID number, a field outside legal
aid)."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

YEAR = 2024

HEADER_TOP = [
    "STT",
    "Ngày thụ lý",
    "Mã hồ sơ",
    "Họ và tên",
    "Năm sinh",
    None,
    "Số CCCD/CMND",
    "Địa chỉ",
    "Diện người được TGPL",
    "Lĩnh vực",
    "Hình thức TGPL",
    "Người thực hiện",
    "Kết quả",
    "Ngày kết thúc",
    "Ghi chú",
]
HEADER_SUB = [None, None, None, None, "Nam", "Nữ", None, None, None, None, None, None, None, None, None]

GOOD = {
    # row 8: a new person (ID with spaces, name in capitals), ended
    "an": [
        1,
        dt.datetime(YEAR, 1, 5),
        "TT.TV.01.2024",
        "NGUYỄN VĂN AN",
        1980,
        None,
        "001 080 012 345",
        "Xã Tân Lập",
        "Người thuộc hộ nghèo",
        "Dân sự",
        "Tư vấn pháp luật",
        "Lê Văn Bảo",
        "Đã tư vấn",
        "10/01/2024",
        None,
    ],
    # row 9: a date as text, birth date under "Nữ", a CMND stored as a number (leading zero lost): an existing person
    "binh": [
        2,
        "12/02/2024",
        "TT.TGTT.02.2024",
        "trần thị bình",
        None,
        "15/03/1975",
        12345678,
        "Thôn 3",
        "Trẻ em; Người khuyết tật",
        "Hình sự",
        "Tham gia tố tụng",
        "Lê Văn Bảo",
        None,
        None,
        None,
    ],
    # row 10: an Excel serial number, no code, the form by its abbreviation: an existing person by name + birth date
    "cuong": [
        3,
        45352,
        None,
        "PHẠM VĂN CƯỜNG",
        "05/06/1990",
        None,
        None,
        None,
        "7.7.d",
        "Hình sự",
        "TGTT",
        None,
        "Đã bào chữa",
        dt.datetime(YEAR, 6, 30),
        "Ghi chú cũ",
    ],
}
DUPLICATE_OF_AN = GOOD["an"]
LATE = {
    # row 17: dd-mm-yyyy, birth year under "Nữ", still open (no result, no end)
    "giang": [
        8,
        "20-05-2024",
        "TT.ĐDNTT.08.2024",
        "VŨ THỊ GIANG",
        None,
        2001,
        None,
        "Phường 2",
        "Nạn nhân bạo lực gia đình",
        "Hôn nhân gia đình",
        "Đại diện ngoài tố tụng",
        None,
        None,
        None,
        None,
    ],
}
BAD = {
    "date": [
        4,
        "31/02/2024",
        "TT.TV.04.2024",
        "Đỗ Văn Dũng",
        1970,
        None,
        None,
        None,
        "Trẻ em",
        "Dân sự",
        "TV",
        None,
        None,
        None,
        None,
    ],
    "category": [
        5,
        dt.datetime(YEAR, 4, 1),
        "TT.TV.05.2024",
        "Bùi Thị E",
        None,
        1960,
        None,
        None,
        "Người giàu",
        "Đất đai",
        "Tư vấn",
        None,
        None,
        None,
        None,
    ],
    "id": [
        6,
        "5/4/24",
        "TT.TV.06.2024",
        "LÊ THỊ HOA",
        None,
        1988,
        "12345",
        None,
        "Hộ nghèo",
        "Lao động",
        "Tư vấn pháp luật",
        None,
        None,
        None,
        None,
    ],
    "scope": [
        7,
        "06/04/2024",
        "TT.TV.07.2024",
        "Hoàng Văn Em",
        1966,
        None,
        None,
        None,
        "Người cao tuổi",
        "Kinh doanh, thương mại",
        "Tư vấn pháp luật",
        None,
        None,
        None,
        None,
    ],
}

#: What the check of the sample reports, with and without the rows in error.
EXPECTED_WITH_ERRORS = {
    "rows_read": 9,
    "rows_ignored": 2,
    "rows_in_error": 4,
    "cases_new": 4,
    "already_imported": 0,
    "duplicates_in_file": 1,
    "persons_new": 2,
    "persons_matched": 2,
}
EXPECTED_CLEAN = {**EXPECTED_WITH_ERRORS, "rows_read": 5, "rows_in_error": 0}


def messy_register(*, errors: bool = True) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ 2024"
    ws["A1"] = "SỞ TƯ PHÁP TỈNH A"
    ws["A2"] = "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"
    ws.merge_cells("A3:O3")
    ws["A3"] = "SỔ THỤ LÝ, THEO DÕI VỤ VIỆC TRỢ GIÚP PHÁP LÝ"
    ws["A4"] = f"Năm {YEAR}"
    for col, value in enumerate(HEADER_TOP, start=1):
        ws.cell(row=5, column=col, value=value)
    for col, value in enumerate(HEADER_SUB, start=1):
        ws.cell(row=6, column=col, value=value)
    for col in "ABCDGHIJKLMNO":
        ws.merge_cells(f"{col}5:{col}6")
    ws.merge_cells("E5:F5")
    for col in range(1, 16):
        ws.cell(row=7, column=col, value=f"({col})")
    rows = [GOOD["an"], GOOD["binh"], GOOD["cuong"]]
    rows += [BAD["date"], BAD["category"]] if errors else [None, None]
    rows += [DUPLICATE_OF_AN]
    rows += [BAD["id"], BAD["scope"]] if errors else [None, None]
    rows += [None, LATE["giang"]]
    for offset, values in enumerate(rows):
        if values is None:
            continue
        for col, value in enumerate(values, start=1):
            ws.cell(row=8 + offset, column=col, value=value)
    ws.cell(row=18, column=1, value="Tổng cộng: 8 vụ việc")
    ws.cell(row=19, column=12, value="Người lập sổ")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
