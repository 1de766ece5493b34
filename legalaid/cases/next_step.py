"""What comes next after each decision, and who does it (issue 8 item 1): the one place for the "Tiếp theo: ..."
sentence that every success message ends with. Views call ``decided(message, key, **params)``.

The steps follow the life of a request and a case (DOMAIN.md 1.6-1.8; Law on Legal Aid Art. 30, 37-39).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: {decision: who does what next}. ``%(name)s`` placeholders are filled by ``next_step``.
NEXT_STEPS = {
    # Acceptance (Art. 30; TT 12/2018 Art. 5): the head of the unit assigns a provider (TT 12/2018 Art. 11(2)(b)).
    "accept": gettext_lazy("Giám đốc cử người thực hiện."),
    "accept_branch": gettext_lazy("Trưởng Chi nhánh cử người thực hiện."),
    # Missing papers (Art. 30(2)).
    "ask_papers": gettext_lazy(
        "người yêu cầu bổ sung giấy tờ trước ngày %(due)s; người tiếp nhận ghi nhận khi nhận đủ."
    ),
    # Refusal in writing with reasons (Art. 30(3)).
    "refuse": gettext_lazy("người tiếp nhận gửi văn bản từ chối, nêu rõ lý do, cho người yêu cầu (Điều 30(3))."),
    "transfer": gettext_lazy("người tiếp nhận gửi yêu cầu đến %(to)s và báo cho người yêu cầu biết."),
    "assign": gettext_lazy("người thực hiện bắt đầu thực hiện vụ việc."),
    "change": gettext_lazy("%(name)s tiếp tục thực hiện vụ việc."),
    # A beneficiary's application to change the provider (DOMAIN 1.8): answered in writing within 03 working days.
    "change_application": gettext_lazy(
        "Giám đốc trả lời người đề nghị bằng văn bản trước ngày %(due)s: thay đổi người thực hiện hoặc từ chối, nêu "
        "rõ lý do."
    ),
    "change_application_branch": gettext_lazy(
        "Trưởng Chi nhánh trả lời người đề nghị bằng văn bản trước ngày %(due)s: thay đổi người thực hiện hoặc từ "
        "chối, nêu rõ lý do."
    ),
    "change_reject": gettext_lazy(
        "gửi văn bản trả lời nêu rõ lý do cho người đề nghị; %(name)s tiếp tục thực hiện vụ việc."
    ),
    "start": gettext_lazy("người thực hiện ghi công việc đã làm và kết thúc vụ việc khi có kết quả (Điều 38)."),
    "suspend": gettext_lazy("người thực hiện tiếp tục thực hiện khi hết lý do tạm ngừng."),
    # Handover within 30 days of the end (Art. 39; ``cases.handover_days``).
    "complete": gettext_lazy("người thực hiện bàn giao hồ sơ trong %(days)s ngày, trước ngày %(due)s (Điều 39)."),
    "discontinue": gettext_lazy(
        "thông báo bằng văn bản việc không tiếp tục thực hiện (Điều 37); người thực hiện bàn giao hồ sơ trong "
        "%(days)s ngày, trước ngày %(due)s (Điều 39)."
    ),
    "handover": gettext_lazy("Phòng Hành chính – Tổng hợp lưu trữ hồ sơ."),
    "archive": gettext_lazy("không còn việc phải làm; hồ sơ được bảo quản theo thời hạn đã ghi."),
}


def next_step(key: str, **params) -> str:
    """ "Tiếp theo: ..." for the decision ``key``."""
    return _("Tiếp theo: %(step)s") % {"step": str(NEXT_STEPS[key]) % params}


def decided(message: str, key: str, **params) -> str:
    """The success message of a decision followed by what comes next."""
    return f"{message} {next_step(key, **params)}"
