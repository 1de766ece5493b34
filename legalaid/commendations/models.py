"""Emulation and commendation campaigns (thi đua, khen thưởng): the campaign with its lead and partner units,
nominations of staff and units with their achievements and measured figures, decisions and the awards they confer.

Modelled on the 25th-anniversary plan (seeds/plan-2022-ninh-thuan-25th-anniversary.txt, II.3): a campaign launched
on a theme for a period, led by the Centre with partner units, nominations of exemplary individuals and collectives,
and the commendations decided for them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.uploads import RandomName

from .choices import CampaignStatus, CommendationCategory, NominationStatus, NomineeKind, UnitRole


class CommendationForm(models.Model):
    """A title of emulation or a form of commendation (Giấy khen, Bằng khen, Chiến sĩ thi đua cơ sở, ...), as data."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    category = models.CharField(_("loại"), max_length=10, choices=CommendationCategory.choices)
    nominee_kind = models.CharField(_("đối tượng"), max_length=12, choices=NomineeKind.choices)
    conferred_by = models.CharField(_("thẩm quyền"), max_length=255, blank=True)
    reference = models.CharField(_("căn cứ"), max_length=255, blank=True)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")

    def __str__(self) -> str:
        return self.name

    def suits(self, kind: str) -> bool:
        return self.nominee_kind in (NomineeKind.BOTH, kind)


class CampaignQuerySet(ScopedQuerySet):
    """Campaigns concern the whole Centre: its members (branch staff included) see them and propose nominees; DOJ
    officers see those of the Centres they oversee; lawyers, collaborators and agency officers see none."""

    scope_centre_field = "centre"

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if not scope.centre_ids or scope.assigned_only:
            return self.none()
        return self.filter(centre_id__in=scope.centre_ids)


class Campaign(TimeStampedModel):
    """An emulation campaign (phong trào thi đua) on a theme, for a period, with its lead and partner units."""

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    title = models.CharField(_("tên phong trào, đợt thi đua"), max_length=500)
    title_key = models.CharField(max_length=500, blank=True, editable=False, db_index=True)
    theme = models.TextField(
        _("chủ đề phát động"),
        blank=True,
        help_text=_("Ví dụ: Thi đua lập thành tích chào mừng kỷ niệm 25 năm Ngày thành lập Tổ chức Trợ giúp pháp lý."),
    )
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    description = models.TextField(_("nội dung"), blank=True)
    source_plan = models.CharField(
        _("theo kế hoạch"), max_length=255, blank=True, help_text=_("Ví dụ: Kế hoạch số 225/KH-STP ngày 28/01/2022.")
    )
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch trong hệ thống"),
    )
    plan_task = models.ForeignKey(
        "plans.PlanTask",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nhiệm vụ của kế hoạch"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        indexes = [models.Index(fields=["centre", "-period_start"], name="comm_campaign_centre_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="commendations_campaign_period",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def units_of(self, role: str) -> list[CampaignUnit]:
        return [u for u in self.units.all() if u.role == role]

    @property
    def lead_units(self) -> list[CampaignUnit]:
        return self.units_of(UnitRole.LEAD)

    @property
    def partner_units(self) -> list[CampaignUnit]:
        return self.units_of(UnitRole.PARTNER)


class CampaignUnit(models.Model):
    """A lead or partner unit of a campaign: an organisation of the system when the name matches one, otherwise the
    name as written ("Báo Ninh Thuận", "các cơ quan, tổ chức liên quan")."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="units", verbose_name=_("phong trào"))
    role = models.CharField(_("vai trò"), max_length=10, choices=UnitRole.choices)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị"),
    )
    text = models.CharField(_("tên như ghi"), max_length=255)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["campaign", "role", "position", "id"]
        verbose_name = _("đơn vị tham gia phong trào")
        verbose_name_plural = _("đơn vị tham gia phong trào")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="commendations_unit_has_name",
                violation_error_message=_("Nhập tên đơn vị."),
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Nomination(TimeStampedModel):
    """A proposal to commend one staff member or one unit (never both), with the title or form proposed, the
    achievements as written, and figures measured over the campaign's period."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("phong trào")
    )
    nominee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("cá nhân"),
    )
    nominee_unit = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("tập thể"),
    )
    proposed_form = models.ForeignKey(
        CommendationForm, on_delete=models.PROTECT, related_name="+", verbose_name=_("danh hiệu, hình thức đề nghị")
    )
    achievements = models.TextField(_("thành tích"))
    figures = models.JSONField(_("số liệu của hệ thống"), default=dict, blank=True, editable=False)
    figures_computed_at = models.DateTimeField(_("số liệu tính lúc"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=NominationStatus.choices,
        default=NominationStatus.PROPOSED,
        db_index=True,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đề nghị")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xét duyệt"),
    )
    decided_at = models.DateTimeField(_("thời điểm xét duyệt"), null=True, blank=True)
    decision_note = models.TextField(_("ý kiến xét duyệt"), blank=True)

    class Meta:
        ordering = ["campaign", "status", "id"]
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        constraints = [
            models.CheckConstraint(
                condition=(Q(nominee_user__isnull=False) & Q(nominee_unit__isnull=True))
                | (Q(nominee_user__isnull=True) & Q(nominee_unit__isnull=False)),
                name="commendations_nomination_one_nominee",
                violation_error_message=_("Chọn một cá nhân hoặc một tập thể (không chọn cả hai)."),
            ),
            models.UniqueConstraint(
                fields=["campaign", "nominee_user", "proposed_form"],
                condition=Q(nominee_user__isnull=False),
                name="commendations_nomination_unique_user_form",
                violation_error_message=_("Cá nhân này đã được đề nghị danh hiệu, hình thức này trong phong trào."),
            ),
            models.UniqueConstraint(
                fields=["campaign", "nominee_unit", "proposed_form"],
                condition=Q(nominee_unit__isnull=False),
                name="commendations_nomination_unique_unit_form",
                violation_error_message=_("Tập thể này đã được đề nghị danh hiệu, hình thức này trong phong trào."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} – {self.proposed_form}"

    @property
    def nominee(self):
        return self.nominee_user or self.nominee_unit

    @property
    def nominee_kind(self) -> str:
        return NomineeKind.INDIVIDUAL if self.nominee_user_id else NomineeKind.COLLECTIVE

    @property
    def centre_id(self) -> int:
        return self.campaign.centre_id


# Kept for the old migrations that name it; new files get random names (RandomName).
def decision_upload_to(instance: Decision, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"commendations/{instance.campaign.centre_id}/{instance.campaign_id}/qd-{slugify(instance.number)}.{ext}"


class Decision(TimeStampedModel):
    """A decision on commendation (quyết định khen thưởng): number, date, issuer, the signed file."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("phong trào")
    )
    number = models.CharField(_("số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 512/QĐ-STP."))
    date = models.DateField(_("ngày quyết định"))
    issuer = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan ban hành"),
    )
    issuer_name = models.CharField(
        _("người, cơ quan ban hành"), max_length=255, help_text=_("Ví dụ: Giám đốc Sở Tư pháp.")
    )
    file = models.FileField(_("tệp quyết định"), upload_to=RandomName("commendations"), max_length=255, blank=True)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người nhập")
    )

    class Meta:
        ordering = ["campaign", "date", "id"]
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "number"],
                name="commendations_decision_unique_number",
                violation_error_message=_("Phong trào đã có quyết định số này."),
            ),
        ]

    def __str__(self) -> str:
        return _("Quyết định số %(number)s ngày %(date)s") % {
            "number": self.number,
            "date": self.date.strftime("%d/%m/%Y") if self.date else "",
        }

    @property
    def centre_id(self) -> int:
        return self.campaign.centre_id


class Award(TimeStampedModel):
    """A title or form of commendation conferred on a nominee by a decision."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.PROTECT, related_name="awards", verbose_name=_("đề nghị")
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="awards", verbose_name=_("quyết định")
    )
    form = models.ForeignKey(
        CommendationForm, on_delete=models.PROTECT, related_name="+", verbose_name=_("danh hiệu, hình thức")
    )
    awarded_on = models.DateField(_("ngày khen thưởng"))

    class Meta:
        ordering = ["decision", "id"]
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "form"],
                name="commendations_award_unique_form",
                violation_error_message=_("Đề nghị này đã được khen thưởng hình thức này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form} – {self.nomination.nominee}"
