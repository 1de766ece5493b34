"""Codes of the people app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.lib import citizen_id


class Sex(models.TextChoices):
    MALE = citizen_id.MALE, _("Nam")
    FEMALE = citizen_id.FEMALE, _("Nữ")
    OTHER = "other", _("Khác / không rõ")


class IdType(models.TextChoices):
    """Identity documents (DOMAIN.md §10)."""

    CCCD = citizen_id.CCCD, _("Căn cước, căn cước công dân (12 số)")
    CMND = citizen_id.CMND, _("Chứng minh nhân dân (9 số)")
    PASSPORT = citizen_id.PASSPORT, _("Hộ chiếu")
    NONE = citizen_id.NONE, _("Không có giấy tờ")


class DuplicateReason(models.TextChoices):
    """Why an existing person may be the one being entered, strongest first."""

    SAME_ID = "same_id", _("Trùng số giấy tờ tùy thân")
    SAME_NAME_BIRTH = "same_name_birth", _("Trùng họ tên và ngày (năm) sinh")
    SIMILAR_NAME_COMMUNE = "similar_name_commune", _("Họ tên gần giống, cùng xã, phường")


class CorrectionDecision(models.TextChoices):
    """The answer to a data subject's request to correct their data (docs/privacy.md)."""

    ACCEPTED = "accepted", _("Chấp nhận, đã chỉnh sửa")
    PARTLY = "partly", _("Chấp nhận một phần")
    REFUSED = "refused", _("Từ chối")
