"""Codes of the training app: how a training event came about and its form; court duty sessions and places."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    ORGANISED = "organised", _("Do Trung tâm tổ chức")
    ATTENDED = "attended", _("Cử người tham dự (đơn vị khác tổ chức)")


class EventForm(models.TextChoices):
    """Tập huấn, hội nghị, hội thảo (DOMAIN.md 0); the forms seen in the seeds' plans."""

    TRAINING = "training", _("Tập huấn, bồi dưỡng nghiệp vụ")
    CONFERENCE = "conference", _("Hội nghị")
    WORKSHOP = "workshop", _("Hội thảo, tọa đàm")
    STUDY_TOUR = "study_tour", _("Học tập kinh nghiệm")
    ONLINE = "online", _("Trực tuyến")


class DutySession(models.TextChoices):
    MORNING = "morning", _("Sáng")
    AFTERNOON = "afternoon", _("Chiều")


class DutyPlaceKind(models.TextChoices):
    """Chương trình người thực hiện TGPL trực tại tòa, điểm cầu phiên tòa trực tuyến (seeds: Cà Mau 2023)."""

    COURT = "court", _("Trực tại tòa án")
    ONLINE_POINT = "online_point", _("Trực tại điểm cầu phiên tòa trực tuyến")


class HelpKind(models.TextChoices):
    SIMPLE_MATTER = "simple_matter", _("Việc trợ giúp pháp lý (trả lời ngay)")
    REQUEST = "request", _("Yêu cầu trợ giúp pháp lý mới")
