"""Codes of the feedback app: surveys (audiences, aspects, channels) and the register of feedback and complaints
(sources, kinds, grounds of Law on Legal Aid 2017 Art. 45, levels, statuses and their allowed moves)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who answers a questionnaire (DOMAIN.md §3: the beneficiary or relatives [P]; procedure-conducting officials
    UNCONFIRMED)."""

    BENEFICIARY = "beneficiary", _("Người được trợ giúp pháp lý, người thân")
    OFFICIAL = "official", _("Người tiến hành tố tụng")


class Respondent(models.TextChoices):
    BENEFICIARY = "beneficiary", _("Người được trợ giúp pháp lý")
    RELATIVE = "relative", _("Người thân, người đại diện")
    JUDGE = "judge", _("Thẩm phán")
    PROCURATOR = "procurator", _("Kiểm sát viên")
    INVESTIGATOR = "investigator", _("Điều tra viên")


#: The audience of each respondent: the questionnaire offered to them.
AUDIENCE_OF = {
    Respondent.BENEFICIARY: Audience.BENEFICIARY,
    Respondent.RELATIVE: Audience.BENEFICIARY,
    Respondent.JUDGE: Audience.OFFICIAL,
    Respondent.PROCURATOR: Audience.OFFICIAL,
    Respondent.INVESTIGATOR: Audience.OFFICIAL,
}


class Aspect(models.TextChoices):
    """What a question rates (DOMAIN.md §3: attitude, responsibility, expertise of the provider)."""

    ATTITUDE = "attitude", _("Thái độ")
    RESPONSIBILITY = "responsibility", _("Trách nhiệm")
    EXPERTISE = "expertise", _("Chuyên môn, nghiệp vụ")
    OVERALL = "overall", _("Đánh giá chung")
    OTHER = "other", _("Khác")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Chọn mức trên thang")
    TEXT = "text", _("Trả lời tự do")


class SurveyChannel(models.TextChoices):
    PAPER = "paper", _("Phiếu giấy (cán bộ nhập)")
    LINK = "link", _("Đường liên kết, mã QR")


class Source(models.TextChoices):
    """Where a piece of feedback came from."""

    HOTLINE = "hotline", _("Đường dây nóng")
    LETTER = "letter", _("Thư, đơn gửi qua bưu điện")
    IN_PERSON = "in_person", _("Trực tiếp tại trụ sở")
    WEB = "web", _("Trang thông tin điện tử")
    EMAIL = "email", _("Thư điện tử")
    SURVEY = "survey", _("Ý kiến trong phiếu khảo sát")


class EntryKind(models.TextChoices):
    """Phản ánh, kiến nghị, khiếu nại. Only complaints follow the two levels of Law Art. 45."""

    FEEDBACK = "feedback", _("Phản ánh")
    SUGGESTION = "suggestion", _("Kiến nghị")
    COMPLAINT_DECISION = "complaint_decision", _("Khiếu nại quyết định, hành vi về trợ giúp pháp lý")
    COMPLAINT_PROVIDER = "complaint_provider", _("Khiếu nại người thực hiện trợ giúp pháp lý")


COMPLAINT_KINDS = frozenset({EntryKind.COMPLAINT_DECISION, EntryKind.COMPLAINT_PROVIDER})


class Ground(models.TextChoices):
    """The grounds of a complaint, Law on Legal Aid 2017 Art. 45(1) [C] (DOMAIN.md 1.9)."""

    REFUSAL = "refusal", _("Từ chối thụ lý vụ việc trợ giúp pháp lý")
    NO_AID = "no_aid", _("Không thực hiện trợ giúp pháp lý")
    UNLAWFUL_PROVISION = "unlawful_provision", _("Thực hiện trợ giúp pháp lý trái pháp luật")
    UNLAWFUL_CHANGE = "unlawful_change", _("Thay đổi người thực hiện trợ giúp pháp lý trái pháp luật")


class Level(models.IntegerChoices):
    """Law Art. 45(2)-(3): first the head of the organisation, then the Director of the Department of Justice."""

    FIRST = 1, _("Lần đầu (người đứng đầu tổ chức thực hiện trợ giúp pháp lý)")
    SECOND = 2, _("Lần hai (Giám đốc Sở Tư pháp)")


class EntryStatus(models.TextChoices):
    OPEN = "open", _("Đang giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    WITHDRAWN = "withdrawn", _("Đã rút")


STATUS_TONES = {EntryStatus.OPEN: "warning", EntryStatus.RESOLVED: "success", EntryStatus.WITHDRAWN: "secondary"}


class DecisionResult(models.TextChoices):
    """The outcome of a complaint decision."""

    UPHELD = "upheld", _("Khiếu nại đúng")
    PARTLY = "partly", _("Khiếu nại đúng một phần")
    REJECTED = "rejected", _("Khiếu nại sai")


class ActionKind(models.TextChoices):
    NOTE = "note", _("Ghi nhận xử lý")
    REGISTERED = "registered", _("Vào sổ")
    REASSIGNED = "reassigned", _("Giao người phụ trách")
    DECIDED = "decided", _("Quyết định giải quyết")
    ESCALATED = "escalated", _("Khiếu nại lần hai")
    RESOLVED = "resolved", _("Kết thúc")
    WITHDRAWN = "withdrawn", _("Rút đơn")
