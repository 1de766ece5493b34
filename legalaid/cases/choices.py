"""Codes of the life of a case. Codes the law defines carry their reference."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    """The life of a case. The allowed moves are the table ``legalaid.cases.workflow.TRANSITIONS``.

    ``suspended`` is an internal status: no statutory suspension was found (DOMAIN.md 1.7, UNCONFIRMED).
    """

    ACCEPTED = "accepted", _("Đã thụ lý")
    ASSIGNED = "assigned", _("Đã cử người thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    SUSPENDED = "suspended", _("Tạm ngừng")
    COMPLETED = "completed", _("Kết thúc")
    DISCONTINUED = "discontinued", _("Không tiếp tục thực hiện")
    ARCHIVED = "archived", _("Đã lưu trữ")


#: The colour of each status's badge (Bootstrap's text-bg-<tone>).
STATUS_TONES = {
    CaseStatus.ACCEPTED: "secondary",
    CaseStatus.ASSIGNED: "info",
    CaseStatus.IN_PROGRESS: "primary",
    CaseStatus.SUSPENDED: "warning",
    CaseStatus.COMPLETED: "success",
    CaseStatus.DISCONTINUED: "dark",
    CaseStatus.ARCHIVED: "archived",  # app.css: readable, unlike "light" on white
}


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


class Procedure(models.TextChoices):
    """The procedure of a litigation case (Law Art. 27: tham gia tố tụng)."""

    CRIMINAL = "criminal", _("Hình sự")
    CIVIL = "civil", _("Dân sự")
    ADMINISTRATIVE = "administrative", _("Hành chính")


class ProceduralRole(models.TextChoices):
    """The beneficiary's standing in the proceedings (Criminal Procedure Code 2015, Civil Procedure Code 2015,
    Administrative Procedure Law 2015; which role belongs to which procedure: ``ROLES_BY_PROCEDURE``, references in
    ``legalaid.cases.procedure``)."""

    REPORTED = "reported", _("Người bị tố giác, người bị kiến nghị khởi tố")
    HELD_IN_EMERGENCY = "held_emergency", _("Người bị giữ trong trường hợp khẩn cấp")
    ARRESTED = "arrested", _("Người bị bắt")
    HELD = "held", _("Người bị tạm giữ")
    SUSPECT = "suspect", _("Bị can")
    ACCUSED = "accused", _("Bị cáo")
    VICTIM = "victim", _("Bị hại")
    CIVIL_PLAINTIFF = "civil_plaintiff", _("Nguyên đơn dân sự")
    CIVIL_DEFENDANT = "civil_defendant", _("Bị đơn dân sự")
    PLAINTIFF = "plaintiff", _("Nguyên đơn")
    DEFENDANT = "defendant", _("Bị đơn")
    APPLICANT = "applicant", _("Người yêu cầu giải quyết việc dân sự")
    CLAIMANT = "claimant", _("Người khởi kiện")
    RESPONDENT = "respondent", _("Người bị kiện")
    RELATED_PARTY = "related_party", _("Người có quyền lợi, nghĩa vụ liên quan")
    OTHER = "other", _("Khác")


#: Which standings exist in which procedure: BLTTHS 2015 Art. 4(1)(đ) and Chapter IV (criminal); BLTTDS 2015 Art. 68
#: (civil: plaintiff, defendant, related party; applicant in a non-contentious matter); LTTHC 2015 Art. 3
#: (administrative: claimant, respondent, related party).
ROLES_BY_PROCEDURE = {
    Procedure.CRIMINAL: {
        ProceduralRole.REPORTED,
        ProceduralRole.HELD_IN_EMERGENCY,
        ProceduralRole.ARRESTED,
        ProceduralRole.HELD,
        ProceduralRole.SUSPECT,
        ProceduralRole.ACCUSED,
        ProceduralRole.VICTIM,
        ProceduralRole.CIVIL_PLAINTIFF,
        ProceduralRole.CIVIL_DEFENDANT,
        ProceduralRole.RELATED_PARTY,
        ProceduralRole.OTHER,
    },
    Procedure.CIVIL: {
        ProceduralRole.PLAINTIFF,
        ProceduralRole.DEFENDANT,
        ProceduralRole.APPLICANT,
        ProceduralRole.RELATED_PARTY,
        ProceduralRole.OTHER,
    },
    Procedure.ADMINISTRATIVE: {
        ProceduralRole.CLAIMANT,
        ProceduralRole.RESPONDENT,
        ProceduralRole.RELATED_PARTY,
        ProceduralRole.OTHER,
    },
}


class Stage(models.TextChoices):
    """The stage of the proceedings. Investigation and prosecution exist in criminal cases only."""

    INVESTIGATION = "investigation", _("Điều tra")
    PROSECUTION = "prosecution", _("Truy tố")
    FIRST_INSTANCE = "first_instance", _("Xét xử sơ thẩm")
    APPEAL = "appeal", _("Xét xử phúc thẩm")
    CASSATION_RETRIAL = "cassation_retrial", _("Giám đốc thẩm, tái thẩm")


CRIMINAL_ONLY_STAGES = frozenset({Stage.INVESTIGATION, Stage.PROSECUTION})


class HearingKind(models.TextChoices):
    TRIAL = "trial", _("Phiên tòa")
    MEETING = "meeting", _("Phiên họp, phiên hòa giải, đối thoại")
    QUESTIONING = "questioning", _("Buổi hỏi cung, lấy lời khai")
    OTHER = "other", _("Khác")


class Retention(models.TextChoices):
    """Retention of an archived file (DOMAIN.md 12: permanent for important cases, a number of years otherwise;
    the figure of TT 07/2025/TT-BTP for legal aid files is UNCONFIRMED)."""

    YEARS = "years", _("Có thời hạn")
    PERMANENT = "permanent", _("Vĩnh viễn")


class ChecklistScope(models.TextChoices):
    """Which ended cases a paper of the file checklist concerns."""

    ALL = "all", _("Mọi vụ việc")
    COMPLETED = "completed", _("Vụ việc kết thúc")
    DISCONTINUED = "discontinued", _("Vụ việc không tiếp tục thực hiện")
