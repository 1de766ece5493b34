"""The dated numbers of the training app, loaded by ``migrations/0002_parameters.py`` as ``LegalParameter`` rows
(edited by administrators; a new value is a new row from its date, never an edit of the old one)."""

import datetime as dt

#: The code of the yearly training requirement of a legal aid officer.
HOURS_REQUIRED = "training.officer_hours_per_year"
#: The month from whose first day an officer still short of hours appears in the work queue.
ALERT_MONTH = "training.shortfall_alert_month"
#: The most hours a participant can plausibly attend per day of an event (a check on typing errors).
MAX_HOURS_PER_DAY = "training.max_hours_per_day"

#: (code, label, value, unit, valid from, reference, confirmed)
PARAMETERS = [
    (
        HOURS_REQUIRED,
        "Số giờ bồi dưỡng bắt buộc hằng năm của Trợ giúp viên pháp lý",
        8,
        "hours",
        # TT 12/2018/TT-BTP took effect on 12/10/2018 (DOMAIN.md 3, TT 02/2013 replaced from that day).
        dt.date(2018, 10, 12),
        "Thông tư 12/2018/TT-BTP, Điều 4: ít nhất 08 giờ/năm bồi dưỡng bắt buộc về pháp luật, kỹ năng, đạo đức nghề "
        "nghiệp (DOMAIN.md 3)",
        True,
    ),
    (
        ALERT_MONTH,
        "Tháng bắt đầu nhắc Trợ giúp viên pháp lý chưa đủ giờ bồi dưỡng",
        10,
        "count",
        dt.date(2018, 1, 1),
        "Không có trong văn bản (DOMAIN.md 3) – mặc định của Trung tâm: từ ngày 01/10, cần xác nhận",
        False,
    ),
    (
        MAX_HOURS_PER_DAY,
        "Số giờ tham dự tối đa mỗi ngày của một đợt tập huấn, hội nghị",
        8,
        "hours",
        dt.date(2018, 1, 1),
        "Không có trong văn bản – kiểm tra số liệu nhập (08 giờ làm việc/ngày), cần xác nhận",
        False,
    ),
]
