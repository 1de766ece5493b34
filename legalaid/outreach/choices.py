"""Codes of outreach (truyền thông về trợ giúp pháp lý), mobile sessions and hotline calls."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutreachForm(models.TextChoices):
    """How the message reached people (the forms the seeds' plans name: meetings in communes and villages, pages and
    programmes on the district radio and television, leaflets, the website; and mobile legal aid sessions)."""

    MEETING = "meeting", _("Họp, nói chuyện tại xã, thôn, bản")
    RADIO_TV = "radio_tv", _("Chương trình phát thanh, truyền hình")
    LEAFLETS = "leaflets", _("Phát tờ gấp, tài liệu")
    ONLINE = "online", _("Bài viết trên trang thông tin điện tử, mạng xã hội")
    SCHOOL = "school", _("Buổi truyền thông tại trường học")
    MOBILE = "mobile", _("Trợ giúp pháp lý lưu động")


#: Forms that happen at a place, so the commune is required (a radio programme or an online post has no commune).
PLACE_FORMS = frozenset({OutreachForm.MEETING, OutreachForm.SCHOOL, OutreachForm.MOBILE})


class TargetMeasure(models.TextChoices):
    """What a yearly target of a unit counts (each is also a figure of the plans' catalogue, see figures.py)."""

    SESSIONS_DIFFICULT = "sessions_difficult", _("Số lượt truyền thông tại xã đặc biệt khó khăn")
    SESSIONS = "sessions", _("Số lượt truyền thông")
    AUDIENCE = "audience", _("Số người được truyền thông")
    MOBILE_SESSIONS = "mobile_sessions", _("Số buổi trợ giúp pháp lý lưu động")


class CallerType(models.TextChoices):
    PERSON = "person", _("Người cần trợ giúp pháp lý")
    RELATIVE = "relative", _("Người thân, người đại diện")
    OFFICIAL = "official", _("Cán bộ cơ quan, tổ chức")
    OTHER = "other", _("Khác")


class CallOutcome(models.TextChoices):
    ANSWERED = "answered", _("Đã trả lời, hướng dẫn")
    TO_INTAKE = "to_intake", _("Chuyển tiếp nhận yêu cầu trợ giúp pháp lý")
    TO_COMPLAINTS = "to_complaints", _("Vào sổ phản ánh, khiếu nại")


class EntryStatus(models.TextChoices):
    """A request typed on a device during a mobile session, once it reached the server."""

    RECEIVED = "received", _("Đã vào hàng đợi tiếp nhận")
    NEEDS_DECISION = "needs_decision", _("Có thể trùng người đã có: chờ quyết định")
