"""Codes of thematic studies (chuyên đề): the status of a study and its three dated steps.

The steps are those of a Centre's yearly plan of thematic studies (seeds/plan-2025-lang-son-thematic-topics.txt,
section II.3, "Phương pháp thực hiện"): the lead department drafts and sends the study to the board, the reviewing
department critiques it, and the Centre finalises it at a study session.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyStatus(models.TextChoices):
    PLANNED = "planned", _("Đã giao")
    DRAFTING = "drafting", _("Đang xây dựng dự thảo")
    UNDER_REVIEW = "under_review", _("Đang góp ý, phản biện")
    FINALISED = "finalised", _("Đã hoàn thiện")


#: The filter value for studies behind schedule (derived from the steps' deadlines, never stored).
LATE = "late"


class StepKind(models.TextChoices):
    """In the order they must be done."""

    DRAFT = "draft", _("Trình dự thảo lên Ban Giám đốc")
    CRITIQUE = "critique", _("Nhận xét, phản biện")
    SESSION = "session", _("Sinh hoạt chuyên đề, hoàn thiện")


STEP_ORDER = [StepKind.DRAFT, StepKind.CRITIQUE, StepKind.SESSION]

#: The status a study takes when a step is done.
STATUS_AFTER_STEP = {
    StepKind.DRAFT: StudyStatus.UNDER_REVIEW,
    StepKind.CRITIQUE: StudyStatus.UNDER_REVIEW,
    StepKind.SESSION: StudyStatus.FINALISED,
}

#: Allowed moves of a study's status (the services make them; nothing else does).
TRANSITIONS = {
    StudyStatus.PLANNED: {StudyStatus.DRAFTING},
    StudyStatus.DRAFTING: {StudyStatus.UNDER_REVIEW},
    StudyStatus.UNDER_REVIEW: {StudyStatus.FINALISED},
    StudyStatus.FINALISED: set(),
}
