"""Codes of emulation and commendation campaigns (thi đua, khen thưởng)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    LAUNCHED = "launched", _("Đang phát động")
    CLOSED = "closed", _("Đã tổng kết")


#: Allowed moves of a campaign (the services make them).
CAMPAIGN_TRANSITIONS = {
    CampaignStatus.DRAFT: {CampaignStatus.LAUNCHED},
    CampaignStatus.LAUNCHED: {CampaignStatus.CLOSED},
    CampaignStatus.CLOSED: set(),
}


class NominationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề nghị")
    APPROVED = "approved", _("Được xét duyệt")
    REJECTED = "rejected", _("Không được xét duyệt")


NOMINATION_TRANSITIONS = {
    NominationStatus.PROPOSED: {NominationStatus.APPROVED, NominationStatus.REJECTED},
    NominationStatus.APPROVED: set(),
    NominationStatus.REJECTED: set(),
}


class NomineeKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    BOTH = "both", _("Cá nhân và tập thể")


class CommendationCategory(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    AWARD = "award", _("Hình thức khen thưởng")


class UnitRole(models.TextChoices):
    LEAD = "lead", _("Đơn vị chủ trì")
    PARTNER = "partner", _("Đơn vị phối hợp")
