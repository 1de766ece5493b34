"""Reference data of quality management, loaded by data migrations and edited in the Django admin.

TT 12/2018/TT-BTP Art. 16 as amended by TT 03/2021 (DOMAIN.md 3): professional responsibility 30 points and
performance 60 points are confirmed, criterion by criterion, except the remainder of "timely procedural steps"
(derived: 60 - 5 - 10 - 20 = 25). The last group of 10 points, the result levels and their thresholds were not
retrieved: they are UNCONFIRMED defaults (``confirmed=False``), listed in docs/rules-to-confirm.md.
"""

import datetime as dt

_ART16 = "TT 12/2018/TT-BTP Điều 16 (sửa đổi bởi TT 03/2021/TT-BTP)"

CRITERIA_SET = {
    "code": "tt12-2021",
    "name": "Tiêu chí chất lượng vụ việc (Thông tư 12/2018/TT-BTP, sửa đổi năm 2021)",
    "valid_from": dt.date(2021, 7, 15),  # TT 03/2021/TT-BTP in force
    "reference": _ART16,
}

#: (group, code, text, max points, reference, confirmed)
CRITERIA = [
    ("responsibility", "1.1", "Tuân thủ pháp luật, trung thực", 10, _ART16, True),
    ("responsibility", "1.2", "Thông tin kịp thời cho người được trợ giúp", 10, _ART16, True),
    ("responsibility", "1.3", "Bảo đảm thời gian, tiến độ thực hiện", 10, _ART16, True),
    ("performance", "2.1", "Thực hiện đúng phạm vi yêu cầu và phạm vi được phân công", 5, _ART16, True),
    ("performance", "2.2", "Thu thập, xác minh chứng cứ", 10, _ART16, True),
    ("performance", "2.3", "Áp dụng đúng pháp luật", 20, _ART16, True),
    (
        "performance",
        "2.4",
        "Thực hiện kịp thời các thủ tục tố tụng",
        25,
        _ART16 + " – điểm còn lại của nhóm, chưa xác nhận",
        False,
    ),
    ("other", "3.1", "Nhóm tiêu chí còn lại (10 điểm)", 10, _ART16 + " – chưa xác nhận nội dung", False),
]

#: (code, name, satisfactory, min points, reference, confirmed)
RESULT_LEVELS = [
    ("tot", "Tốt", True, 80, "DOMAIN.md 3, 12 – mức và ngưỡng điểm chưa xác nhận", False),
    ("dat", "Đạt chất lượng", True, 50, "DOMAIN.md 3, 12 – mức và ngưỡng điểm chưa xác nhận", False),
    ("khong_dat", "Không đạt", False, 0, "DOMAIN.md 3, 12 – mức và ngưỡng điểm chưa xác nhận", False),
]

#: (code, label, value, unit, reference, confirmed)
PARAMETERS = [
    (
        "quality.appraisal_working_days",
        "Thời hạn thẩm định chất lượng vụ việc kể từ ngày phân công",
        10,
        "working_days",
        "Không tìm thấy thời hạn (DOMAIN.md 3, 12) – mặc định của Trung tâm, cần xác nhận",
        False,
    ),
    (
        "quality.trigger_evaluation_working_days",
        "Thời hạn đánh giá chất lượng vụ việc do khiếu nại, đề nghị, thanh tra kể từ ngày nhận",
        15,
        "working_days",
        "Không tìm thấy thời hạn (DOMAIN.md 3) – mặc định của Sở Tư pháp, cần xác nhận",
        False,
    ),
]

PARAMETERS_FROM = dt.date(2018, 1, 1)
