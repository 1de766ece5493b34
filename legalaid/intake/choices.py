"""Codes of intake: channels, statuses, decisions, urgency. Codes the law defines carry their reference."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How the request reached the Centre (Law Art. 29; TT 12/2018 Art. 2)."""

    IN_PERSON_CENTRE = "in_person_centre", _("Trực tiếp tại Trung tâm")
    IN_PERSON_BRANCH = "in_person_branch", _("Trực tiếp tại Chi nhánh")
    PHONE = "phone", _("Điện thoại")
    MAIL = "mail", _("Bưu chính, thư điện tử, fax")
    ONLINE = "online", _("Trực tuyến")
    MOBILE_SESSION = "mobile_session", _("Tại buổi trợ giúp pháp lý lưu động")
    REFERRAL = "referral", _("Do cơ quan tiến hành tố tụng chuyển đến")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    AWAITING_PAPERS = "awaiting_papers", _("Chờ bổ sung giấy tờ")
    ACCEPTED = "accepted", _("Đã thụ lý")
    REFUSED = "refused", _("Từ chối")
    TRANSFERRED = "transferred", _("Đã chuyển")


class DecisionKind(models.TextChoices):
    ACCEPT = "accept", _("Thụ lý")
    ACCEPT_IMMEDIATELY = "accept_immediately", _("Thụ lý ngay")
    ASK_PAPERS = "ask_papers", _("Yêu cầu bổ sung giấy tờ")
    REFUSE = "refuse", _("Từ chối")
    TRANSFER = "transfer", _("Chuyển yêu cầu")


class RefusalGround(models.TextChoices):
    """Law on Legal Aid Art. 30(3): the four grounds of a written refusal."""

    NOT_ELIGIBLE = (
        "30.3.a",
        _(
            "Không đáp ứng khoản 1 Điều 30 (không có vụ việc cụ thể liên quan trực tiếp đến người "
            "thuộc diện được trợ giúp pháp lý) – Điều 30(3)(a)"
        ),
    )
    UNLAWFUL = "30.3.b", _("Nội dung yêu cầu trái pháp luật – Điều 30(3)(b)")
    DECEASED = "30.3.c", _("Người được trợ giúp pháp lý đã chết – Điều 30(3)(c)")
    HANDLED_ELSEWHERE = "30.3.d", _("Vụ việc đang được tổ chức thực hiện trợ giúp pháp lý khác thụ lý – Điều 30(3)(d)")


class UrgencyReason(models.TextChoices):
    """Immediate acceptance (thụ lý ngay): Law Art. 30(4), TT 12/2018 Art. 6."""

    LIMITATION = "limitation", _("Thời hiệu khởi kiện còn dưới 05 ngày làm việc")
    TRIAL_SOON = "trial_soon", _("Còn dưới 05 ngày làm việc đến ngày xét xử")
    COURT_APPOINTED = "court_appointed", _("Bào chữa chỉ định theo Bộ luật Tố tụng hình sự / thông báo theo Điều 31(3)")
    HEAD_DECIDED = "head_decided", _("Người đứng đầu tổ chức quyết định để tránh thiệt hại")


class ProceduralStatus(models.TextChoices):
    """The person's status in a criminal case when an agency refers them (Law Art. 31(3))."""

    ARRESTED = "arrested", _("Người bị bắt")
    HELD = "held", _("Người bị tạm giữ")
    SUSPECT = "suspect", _("Bị can")
    DEFENDANT = "defendant", _("Bị cáo")
    VICTIM = "victim", _("Bị hại")
    OTHER = "other", _("Khác")


class RegisterKind(models.TextChoices):
    CASES = "cases", _("Sổ thụ lý, theo dõi vụ việc trợ giúp pháp lý (Mẫu 01-TP-TGPL)")
    SIMPLE_MATTERS = "simple", _("Sổ thực hiện việc trợ giúp pháp lý")


class Relationship(models.TextChoices):
    SELF = "self", _("Chính người được trợ giúp")
    PARENT = "parent", _("Cha, mẹ")
    GUARDIAN = "guardian", _("Người giám hộ")
    SPOUSE = "spouse", _("Vợ, chồng")
    CHILD = "child", _("Con")
    RELATIVE = "relative", _("Người thân thích khác")
    REPRESENTATIVE = "representative", _("Người đại diện theo pháp luật, theo ủy quyền")
    OTHER = "other", _("Khác")
