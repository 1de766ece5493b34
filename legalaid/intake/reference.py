"""Reference data of intake, loaded by a data migration and then edited by administrators."""

import datetime as dt

#: Fields of law. Law on Legal Aid Art. 27: every field except business and commerce.
FIELDS_OF_LAW = [
    ("criminal", "Hình sự", True),
    ("civil", "Dân sự", True),
    ("marriage_family", "Hôn nhân và gia đình", True),
    ("administrative", "Hành chính", True),
    ("land", "Đất đai", True),
    ("labour", "Lao động, việc làm", True),
    ("complaints", "Khiếu nại, tố cáo", True),
    ("social_policy", "Chính sách ưu đãi người có công, bảo trợ xã hội", True),
    ("insurance", "Bảo hiểm xã hội, bảo hiểm y tế", True),
    ("other", "Lĩnh vực khác", True),
    ("business_commerce", "Kinh doanh, thương mại (ngoài phạm vi – Điều 27)", False),
]

#: Forms of aid (Law Art. 27) and their abbreviation in case codes (TT 12/2018 Art. 11(1)).
#: TV and TGTT are confirmed by the Circular's examples; the code for out-of-court representation is UNCONFIRMED.
FORMS_OF_AID = [
    ("advice", "Tư vấn pháp luật", "TV", "Luật TGPL Điều 27; TT 12/2018 Điều 11(1)", True),
    ("litigation", "Tham gia tố tụng", "TGTT", "Luật TGPL Điều 27; TT 12/2018 Điều 11(1)", True),
    ("representation", "Đại diện ngoài tố tụng", "ĐDNTT", "Luật TGPL Điều 27 (ký hiệu chưa xác nhận)", False),
]

LAW_START = dt.date(2018, 1, 1)

#: (code, label, value, unit, reference, confirmed)
PARAMETERS = [
    (
        "intake.immediate_threshold_working_days",
        "Ngưỡng thụ lý ngay (thời hiệu, ngày xét xử còn dưới)",
        5,
        "working_days",
        "Luật TGPL Điều 30(4); TT 12/2018 Điều 6",
        True,
    ),
    (
        "intake.papers_after_immediate_working_days",
        "Hạn bổ sung giấy tờ sau khi thụ lý ngay",
        5,
        "working_days",
        "Cổng dịch vụ công [P]; TT 12/2018 Điều 6(3) gắn với tiến độ vụ việc – cần xác nhận",
        False,
    ),
    (
        "intake.missing_papers_working_days",
        "Hạn mặc định để bổ sung giấy tờ còn thiếu",
        5,
        "working_days",
        "Luật TGPL Điều 30(2) không quy định số ngày – mặc định của Trung tâm",
        False,
    ),
    (
        "intake.referral_notify_hours_arrested_held",
        "Thời hạn cơ quan tố tụng thông báo (người bị bắt, tạm giữ)",
        12,
        "hours",
        "Luật TGPL Điều 31(3)",
        True,
    ),
    (
        "intake.referral_notify_hours_other",
        "Thời hạn cơ quan tố tụng thông báo (bị can, bị cáo, bị hại)",
        24,
        "hours",
        "Luật TGPL Điều 31(3)",
        True,
    ),
]
