"""Codes of quality management: the Centre's appraisal (thẩm định) and the Department's evaluation (đánh giá).

TT 12/2018/TT-BTP Arts 15-16 (as amended by TT 03/2021); DOMAIN.md section 3.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppraisalStatus(models.TextChoices):
    """The life of an appraisal. A completed case of an appraised form with no appraisal yet is "waiting for an
    appraiser" (derived by query, ``selectors.cases_to_appraise``); the record is born ``assigned``."""

    ASSIGNED = "assigned", _("Đã phân công thẩm định")
    DONE = "done", _("Đã thẩm định")


APPRAISAL_STATUS_TONES = {AppraisalStatus.ASSIGNED: "info", AppraisalStatus.DONE: "success"}


class CriterionGroup(models.TextChoices):
    """The groups of criteria of TT 12/2018 Art. 16 (as amended): professional responsibility (30 points) and
    performance (60 points) are confirmed; the last group of 10 points was not retrieved (UNCONFIRMED)."""

    RESPONSIBILITY = "responsibility", _("Trách nhiệm nghề nghiệp")
    PERFORMANCE = "performance", _("Kết quả thực hiện")
    OTHER = "other", _("Tiêu chí khác")


class EvaluationPlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã phê duyệt, đang đánh giá")
    CLOSED = "closed", _("Đã kết thúc")


class EvaluationMethod(models.TextChoices):
    """How the Department evaluates (TT 12/2018 Art. 15: the plan sets the method)."""

    FILES = "files", _("Đánh giá trên hồ sơ")
    FILES_AND_INTERVIEWS = "files_interviews", _("Hồ sơ và làm việc với người thực hiện, người được trợ giúp")
    OBSERVATION = "observation", _("Dự phiên tòa, quan sát trực tiếp")


class EvaluationOrigin(models.TextChoices):
    """Why a case is evaluated: drawn in a plan's sample, or started by a trigger."""

    SAMPLE = "sample", _("Chọn mẫu theo kế hoạch")
    COMPLAINT = "complaint", _("Khiếu nại, phản ánh")
    REQUEST = "request", _("Đề nghị của cơ quan, tổ chức")
    INSPECTION = "inspection", _("Thanh tra, kiểm tra")


TRIGGER_ORIGINS = (EvaluationOrigin.COMPLAINT, EvaluationOrigin.REQUEST, EvaluationOrigin.INSPECTION)


class EvaluationStatus(models.TextChoices):
    OPEN = "open", _("Đang đánh giá")
    CONCLUDED = "concluded", _("Đã kết luận")


EVALUATION_STATUS_TONES = {EvaluationStatus.OPEN: "info", EvaluationStatus.CONCLUDED: "success"}


class TeamRole(models.TextChoices):
    LEAD = "lead", _("Trưởng đoàn")
    MEMBER = "member", _("Thành viên")
    EXPERT = "expert", _("Chuyên gia được mời")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện")
    DONE = "done", _("Đã thực hiện")
