"""Codes of the life of a case. Codes the law defines carry their reference."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.intake.choices import CaseStatus

__all__ = ["CaseStatus", "DiscontinuationReason", "EventKind"]


class DiscontinuationReason(models.TextChoices):
    """Law on Legal Aid Art. 37: when the organisation does not continue the aid (DOMAIN.md 1.7, [C]).

    The points are listed in the order of the Article; the letters follow that order (a, b, c, d, đ).
    """

    REFUSAL_GROUND = "37.a", _("Xuất hiện một trong các trường hợp của khoản 3 Điều 30 – Điều 37 điểm a")
    HARM = (
        "37.b",
        _(
            "Người được trợ giúp xâm phạm tính mạng, sức khỏe, danh dự, nhân phẩm của người thực hiện hoặc "
            "uy tín của tổ chức thực hiện trợ giúp pháp lý – Điều 37 điểm b"
        ),
    )
    FALSE_INFORMATION = "37.c", _("Người được trợ giúp cố ý cung cấp thông tin, tài liệu sai sự thật – Điều 37 điểm c")
    OBSTRUCTION = (
        "37.d",
        _(
            "Người được trợ giúp đe dọa, cản trở việc thực hiện, gây rối trật tự hoặc vi phạm nghiêm trọng "
            "nội quy nơi thực hiện trợ giúp pháp lý – Điều 37 điểm d"
        ),
    )
    WITHDRAWAL = "37.dd", _("Người yêu cầu rút yêu cầu trợ giúp pháp lý – Điều 37 điểm đ")


class EventKind(models.TextChoices):
    """What a timeline entry (CaseEvent) records."""

    TRANSITION = "transition", _("Chuyển trạng thái")
    ASSIGNMENT = "assignment", _("Cử, thay đổi người thực hiện")
    DETAILS = "details", _("Thông tin hình thức trợ giúp")
    HEARING = "hearing", _("Phiên tòa, buổi làm việc")
    ACTIVITY = "activity", _("Công việc đã thực hiện")
    ATTACHMENT = "attachment", _("Tài liệu đính kèm")
    DOCUMENT = "document", _("Văn bản")
    COMPLETION = "completion", _("Kết quả vụ việc")
    ARCHIVE = "archive", _("Lưu trữ hồ sơ")
    NOTE = "note", _("Ghi chú")
