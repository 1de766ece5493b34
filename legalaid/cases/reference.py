"""Reference data of cases, loaded by a data migration and then edited by administrators in the admin."""

import datetime as dt

LAW_START = dt.date(2018, 1, 1)

#: Work-log activities (issue 4 item 5). The Ministry's timesheet form (TP-TGPL-01) lists work as free text; this
#: list is the Centre's own classification (UNCONFIRMED as an official list).
ACTIVITY_TYPES = [
    ("meet_beneficiary", "Gặp, trao đổi với người được trợ giúp"),
    ("study_file", "Nghiên cứu hồ sơ"),
    ("meet_officials", "Làm việc với điều tra viên, kiểm sát viên, thẩm phán"),
    ("gather_evidence", "Thu thập, xác minh chứng cứ, tài liệu"),
    ("drafting", "Soạn thảo văn bản (bản bào chữa, bản bảo vệ, đơn, văn bản tư vấn)"),
    ("hearing", "Tham gia phiên tòa, phiên họp"),
    ("appeal", "Kháng cáo, đề nghị kháng nghị"),
    ("other", "Công việc khác"),
]

#: QĐ 1179/QĐ-BTP (16/05/2022): a successful litigation case. (code, text, procedure, is_principle, confirmed)
#: The principle's three conditions must all hold. Of the 19 criminal criteria only those DOMAIN.md §3 quotes are
#: loaded; the others and the civil and administrative criteria are UNCONFIRMED and added by an administrator.
SUCCESS_CRITERIA = [
    ("NT1", "Vụ việc đã kết thúc", "", True, True),
    (
        "NT2",
        "Quan điểm của người thực hiện trợ giúp pháp lý khác với quan điểm của cơ quan tiến hành tố tụng",
        "",
        True,
        True,
    ),
    (
        "NT3",
        "Quan điểm đó được chấp nhận toàn bộ hoặc một phần theo hướng có lợi cho người được trợ giúp",
        "",
        True,
        True,
    ),
    ("TC01", "Không truy tố, hoặc truy tố về tội danh nhẹ hơn", "criminal", False, True),
    (
        "TC02",
        "Hủy bỏ việc truy tố, tuyên không phạm tội hoặc được miễn trách nhiệm hình sự, miễn hình phạt",
        "criminal",
        False,
        True,
    ),
    ("TC03", "Đình chỉ điều tra, đình chỉ vụ án", "criminal", False, True),
    ("TC05", "Giữ nguyên bản án trước kháng cáo, kháng nghị bất lợi", "criminal", False, True),
    ("TC06", "Mức hình phạt bằng hoặc thấp hơn mức đề nghị của kiểm sát viên", "criminal", False, True),
]
SUCCESS_REFERENCE = "QĐ 1179/QĐ-BTP ngày 16/05/2022"

#: TT 09/2018/TT-BTP Art. 3: general criteria of a complex or typical case. The field-specific criteria of
#: Arts 4–7 were not retrieved (UNCONFIRMED) and are added by an administrator.
COMPLEXITY_CRITERIA = [
    ("PT01", "Được dư luận, báo chí quan tâm"),
    (
        "PT02",
        "Quan điểm của người thực hiện trợ giúp pháp lý được chấp nhận so với quan điểm của cơ quan tiến hành tố tụng",
    ),
    ("PT03", "Chứng cứ mâu thuẫn hoặc liên quan đến nhiều lĩnh vực pháp luật"),
    ("PT04", "Có kháng cáo, kháng nghị hoặc xét xử lại (giám đốc thẩm, tái thẩm)"),
    ("PT05", "Liên quan đến nhiều tỉnh, thành phố"),
    ("PT06", "Có đương sự ở nước ngoài"),
]
COMPLEXITY_REFERENCE = "TT 09/2018/TT-BTP Điều 3"

#: The papers of a case file. (form of aid, code, text, reference, required, applies_to)
#: applies_to: "all", "completed" (a case carried to its end) or "discontinued" (Law Art. 37).
_ART_29 = "Giấy tờ theo khoản 1 Điều 29 Luật TGPL (đơn yêu cầu, giấy tờ chứng minh thuộc diện)"
CHECKLIST = [
    ("litigation", "a", _ART_29, "TT 12/2018 Điều 11(2)(a)", True, "all"),
    (
        "litigation",
        "b",
        "Quyết định cử người thực hiện và quyết định thay đổi (nếu có)",
        "TT 12/2018 Điều 11(2)(b)",
        True,
        "all",
    ),
    (
        "litigation",
        "c",
        "Bản bào chữa hoặc bản bảo vệ có chữ ký của người thực hiện",
        "TT 12/2018 Điều 11(2)(c)",
        True,
        "completed",
    ),
    (
        "litigation",
        "d",
        "Bản chính hoặc bản sao kết luận điều tra, cáo trạng, bản án, quyết định và văn bản tố tụng khác",
        "TT 12/2018 Điều 11(2)(d)",
        True,
        "completed",
    ),
    (
        "litigation",
        "dd",
        "Thông báo không tiếp tục thực hiện trợ giúp pháp lý",
        "TT 12/2018 Điều 11(2)(đ)",
        True,
        "discontinued",
    ),
    ("litigation", "e", "Giấy tờ khác thể hiện quá trình thực hiện", "TT 12/2018 Điều 11(2)(e)", False, "all"),
    ("litigation", "g", "Phiếu lấy ý kiến của người được trợ giúp", "TT 12/2018 Điều 11(2)(g)", True, "all"),
]
for _form in ("advice", "representation"):
    CHECKLIST += [
        (_form, "a", _ART_29, "Luật TGPL Điều 38", True, "all"),
        (_form, "b", "Tài liệu liên quan đến vụ việc và kết quả thực hiện", "Luật TGPL Điều 38", True, "completed"),
        (_form, "dd", "Thông báo không tiếp tục thực hiện trợ giúp pháp lý", "Luật TGPL Điều 37", True, "discontinued"),
        (_form, "e", "Giấy tờ khác", "Luật TGPL Điều 38", False, "all"),
    ]

#: (code, label, value, unit, reference, confirmed)
PARAMETERS = [
    ("cases.hours_per_session", "Số giờ làm việc của một buổi", 4, "hours", "TT 02/2021/TT-BTP Điều 3 [P]", False),
    (
        "cases.full_session_from_hours",
        "Số giờ lẻ từ đó được tính một buổi (dưới mức này tính nửa buổi)",
        3,
        "hours",
        "TT 02/2021/TT-BTP Điều 3 [P]",
        False,
    ),
    (
        "cases.max_sessions_litigation",
        "Số buổi tối đa của một vụ việc tham gia tố tụng",
        30,
        "count",
        "TT 02/2021/TT-BTP Điều 8",
        True,
    ),
    (
        "cases.max_sessions_representation",
        "Số buổi tối đa của một vụ việc đại diện ngoài tố tụng",
        20,
        "count",
        "TT 02/2021/TT-BTP Điều 8",
        True,
    ),
    ("cases.handover_days", "Thời hạn bàn giao hồ sơ sau khi kết thúc vụ việc", 30, "days", "Luật TGPL Điều 39", True),
    (
        "cases.retention_years",
        "Thời hạn bảo quản hồ sơ vụ việc (không thuộc loại vĩnh viễn)",
        20,
        "years",
        "TT 07/2025/TT-BTP – con số cho hồ sơ TGPL chưa xác nhận",
        False,
    ),
]
