"""Persons: the people who ask for legal aid and the people aided (requesters and beneficiaries).

A person belongs to the Centre that registered them (the tenant) and, when a branch registered them, to that branch.
Every read goes through ``Person.objects.visible_to(user)``; every write through ``legalaid.people.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import AddressFields, TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.text import fold, name_words_q

from .choices import CorrectionDecision, IdType, Sex
from .ethnicities import FOREIGNER, KINH


class Ethnicity(models.Model):
    """An ethnic group of the official list (Decision 121-TCTK/PPCĐ), or "foreigner"."""

    code = models.CharField(_("mã"), max_length=2, unique=True)
    name = models.CharField(_("tên dân tộc"), max_length=60)
    other_names = models.CharField(_("tên gọi khác"), max_length=120, blank=True)
    name_key = models.CharField(_("khóa tìm kiếm"), max_length=200, db_index=True, editable=False)
    is_minority = models.BooleanField(
        _("dân tộc thiểu số"), default=True, help_text=_("Mọi dân tộc trừ Kinh; người nước ngoài không tính.")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("dân tộc")
        verbose_name_plural = _("dân tộc")

    def __str__(self) -> str:
        return self.name

    @property
    def is_kinh(self) -> bool:
        return self.code == KINH

    @property
    def is_foreigner(self) -> bool:
        return self.code == FOREIGNER


class PersonQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def assigned_q(self, user) -> Q | None:
        """Lawyers and collaborators see the beneficiaries and requesters of the cases assigned to them (an active
        assignment or one that ended with the case: ``Assignment.objects.granting_access``, providers app)."""
        from legalaid.providers.models import Assignment

        active = Assignment.objects.granting_access(user)
        return Q(pk__in=active.values("case__beneficiary_id")) | Q(pk__in=active.values("case__request__requester_id"))

    def search(self, text: str | None):
        """One search box: every word of the folded name (any order), or the identity number, or the phone."""
        text = (text or "").strip()
        if not text:
            return self
        compact = "".join(text.split()).upper()
        condition = Q(id_number=compact)
        name_q = name_words_q("name_key", text)
        if name_q is not None:
            condition |= name_q
        if compact.isdigit() and len(compact) >= 6:
            condition |= Q(id_number__startswith=compact) | Q(phone__contains=compact)
        return self.filter(condition)


class Person(AddressFields, TimeStampedModel):
    """A requester or beneficiary of legal aid. Sensitive personal data: each view is written to the access log."""

    #: Viewing a person writes ``AccessLogEntry`` (legalaid.core.audit.log_access).
    is_sensitive = True

    full_name = models.CharField(_("họ và tên"), max_length=120)
    name_key = models.CharField(_("khóa tìm kiếm"), max_length=120, db_index=True, editable=False)
    sex = models.CharField(_("giới tính"), max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("năm sinh"), null=True, blank=True, help_text=_("Khi chỉ biết năm sinh.")
    )
    id_type = models.CharField(_("loại giấy tờ tùy thân"), max_length=10, choices=IdType.choices, default=IdType.CCCD)
    id_number = models.CharField(_("số giấy tờ"), max_length=20, blank=True)
    id_warnings_confirmed = models.BooleanField(_("đã kiểm tra số giấy tờ"), default=False)
    id_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận số giấy tờ"),
    )
    id_confirmed_at = models.DateTimeField(_("xác nhận số giấy tờ lúc"), null=True, blank=True)
    ethnicity = models.ForeignKey(
        Ethnicity, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("dân tộc")
    )
    nationality = models.CharField(_("quốc tịch"), max_length=80, default="Việt Nam")
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    has_disability = models.BooleanField(_("người khuyết tật"), default=False)
    disability_note = models.CharField(_("dạng, mức độ khuyết tật"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    branch = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Chi nhánh"),
        help_text=_("Đơn vị đã đăng ký người này; để trống là Trung tâm."),
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_key", "id"]
        verbose_name = _("người được trợ giúp pháp lý")
        verbose_name_plural = _("người được trợ giúp pháp lý")
        indexes = [
            models.Index(fields=["centre", "name_key"], name="people_person_centre_name_idx"),
            models.Index(fields=["centre", "id_number"], name="people_person_centre_id_idx"),
            models.Index(fields=["centre", "date_of_birth"], name="people_person_centre_dob_idx"),
            models.Index(fields=["commune", "name_key"], name="people_person_commune_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(id_type=IdType.NONE, id_number="") | (~Q(id_type=IdType.NONE) & ~Q(id_number="")),
                name="people_person_id_number_matches_type",
                violation_error_message=_("Hãy nhập số giấy tờ, hoặc chọn “không có giấy tờ”."),
            ),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="people_person_birth_year_range",
                violation_error_message=_("Năm sinh phải từ 1900 trở đi."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        # A derived search key, not business logic: it must always match the name (as ``core.User`` does).
        self.name_key = fold(self.full_name)
        super().save(*args, **kwargs)

    @property
    def year_of_birth(self) -> int | None:
        return self.date_of_birth.year if self.date_of_birth else self.birth_year

    @property
    def is_minority(self) -> bool:
        return bool(self.ethnicity_id) and self.ethnicity.is_minority


class CorrectionRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The requests about the persons ``user`` sees (``Person.objects.visible_to``)."""
        return self.filter(person__in=Person.objects.visible_to(user).values("pk"))

    def pending(self):
        return self.filter(decision="")


class CorrectionRequest(TimeStampedModel):
    """A data subject's request to correct their personal data, and its answer (docs/privacy.md).

    What was asked (``asked``, in the person's words as received), who received it and when; then the decision, its
    reason, who decided, and what was changed (``changes``: field -> [before, after], the change itself made through
    ``people.services.person_update``). Rights of the data subject: Decree 13/2023/NĐ-CP Art. 9 and Art. 15 (correction;
    UNCONFIRMED, from memory), Law on Personal Data Protection 2025 (UNCONFIRMED article).
    """

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="correction_requests", verbose_name=_("người được trợ giúp")
    )
    received_on = models.DateField(_("ngày nhận yêu cầu"))
    asked = models.TextField(_("nội dung yêu cầu chỉnh sửa"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tiếp nhận")
    )
    decision = models.CharField(_("quyết định"), max_length=10, choices=CorrectionDecision.choices, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    changes = models.JSONField(_("nội dung đã chỉnh sửa"), default=dict, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người quyết định"),
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    objects = CorrectionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("yêu cầu chỉnh sửa dữ liệu cá nhân")
        verbose_name_plural = _("yêu cầu chỉnh sửa dữ liệu cá nhân")
        indexes = [models.Index(fields=["decision", "received_on"], name="people_correction_pending_idx")]

    def __str__(self) -> str:
        return str(_("Yêu cầu chỉnh sửa ngày %(date)s") % {"date": self.received_on.strftime("%d/%m/%Y")})

    @property
    def centre_id(self):
        """The person's Centre (the audit trail scopes the request's rows by it)."""
        return self.person.centre_id
