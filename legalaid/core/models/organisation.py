"""The organisations of legal aid: the Department of Justice and its divisions, the Centre, its departments and
branches, partner organisations (Law Arts 14-15) and procedure-conducting agencies."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import AgencyType, OrganisationKind, PartnerForm, PartnerType
from legalaid.core.scoping import ScopedQuerySet

from .base import TimeStampedModel
from .geo import AddressFields, Commune


class OrganisationQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"

    def centres(self):
        return self.filter(kind=OrganisationKind.CENTRE)

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if scope.assigned_only or not scope.centre_ids:
            # Lawyers, collaborators and agency officers see their own organisation only.
            organisation_id = getattr(user, "organisation_id", None)  # None for anonymous users
            return self.filter(pk=organisation_id) if organisation_id else self.none()
        visible = Q(centre_id__in=scope.centre_ids)
        if scope.doj_id:
            visible |= Q(pk=scope.doj_id) | Q(parent_id=scope.doj_id, kind=OrganisationKind.DOJ_DIVISION)
        if scope.branch_id:
            # A branch sees itself, its Centre (for names and letterheads) and the Centre's partners and agencies.
            visible = Q(centre_id__in=scope.centre_ids) & (
                Q(pk=scope.branch_id)
                | Q(kind=OrganisationKind.CENTRE)
                | Q(kind__in=[OrganisationKind.PARTNER, OrganisationKind.AGENCY])
            )
        return self.filter(visible)


class Organisation(AddressFields, TimeStampedModel):
    """One unit of the legal aid world. ``centre`` is the Centre the unit belongs to or works with (the tenant key
    every scoped record carries); a Centre points to itself, a Department of Justice to nothing."""

    kind = models.CharField(_("loại đơn vị"), max_length=16, choices=OrganisationKind.choices, db_index=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    code = models.CharField(
        _("ký hiệu"),
        max_length=16,
        blank=True,
        help_text=_(
            "Dùng trong mã hồ sơ vụ việc (Thông tư 12/2018, Điều 11(1)): TT cho Trung tâm, CN1, CN2... cho Chi nhánh."
        ),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    centre = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("Trung tâm"),
    )
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    head_name = models.CharField(_("người đứng đầu"), max_length=120, blank=True)
    # Shown on the public portal's office pages (issue 12 item 3); phone, e-mail and address are the fields above.
    opening_hours = models.CharField(
        _("giờ tiếp nhận"),
        max_length=255,
        blank=True,
        help_text=_("Hiện trên cổng dịch vụ công, ví dụ: Sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu."),
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Partner organisations (Law Arts 14-16).
    partner_type = models.CharField(_("hình thức tham gia"), max_length=16, choices=PartnerType.choices, blank=True)
    partner_form = models.CharField(_("loại tổ chức"), max_length=20, choices=PartnerForm.choices, blank=True)
    contract_number = models.CharField(_("số hợp đồng / giấy đăng ký"), max_length=60, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    # Procedure-conducting agencies.
    agency_type = models.CharField(_("loại cơ quan"), max_length=16, choices=AgencyType.choices, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        indexes = [models.Index(fields=["centre", "kind"], name="core_org_centre_kind_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "code"],
                condition=~Q(code=""),
                name="core_organisation_unique_code_in_centre",
                violation_error_message=_("Ký hiệu này đã được dùng cho một đơn vị khác của Trung tâm."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="core_organisation_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def branch_scope(self):
        return self.pk if self.kind == OrganisationKind.BRANCH else None

    @property
    def is_branch(self) -> bool:
        return self.kind == OrganisationKind.BRANCH

    @property
    def doj(self):
        """The Department of Justice that oversees this unit (for a Centre, its parent)."""
        if self.kind == OrganisationKind.DOJ:
            return self
        if self.kind == OrganisationKind.DOJ_DIVISION:
            return self.parent
        centre = self.centre if self.kind != OrganisationKind.CENTRE else self
        return centre.parent if centre else None

    def is_valid_on(self, on_date: dt.date) -> bool:
        """A partner's contract or registration is in force on the day (Law Art. 16)."""
        if not self.is_active:
            return False
        if self.valid_from and on_date < self.valid_from:
            return False
        return not (self.valid_to and on_date > self.valid_to)


class BranchCommune(TimeStampedModel):
    """A commune a branch serves, from one date to another (branches were drawn by districts before 2025)."""

    branch = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="served_communes",
        verbose_name=_("Chi nhánh"),
        limit_choices_to={"kind": OrganisationKind.BRANCH},
    )
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+", verbose_name=_("xã"))
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["branch", "commune__name"]
        verbose_name = _("địa bàn của Chi nhánh")
        verbose_name_plural = _("địa bàn của Chi nhánh")
        constraints = [
            models.UniqueConstraint(
                fields=["branch", "commune", "valid_from"],
                name="core_branchcommune_unique",
                violation_error_message=_("Xã này đã thuộc địa bàn Chi nhánh từ ngày đó."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="core_branchcommune_valid_range",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.branch} – {self.commune}"
