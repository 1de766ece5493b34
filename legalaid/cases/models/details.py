"""What is particular to each form of aid (Law Art. 27): litigation, out-of-court representation, legal advice."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import (
    CRIMINAL_ONLY_STAGES,
    ROLES_BY_PROCEDURE,
    HearingKind,
    ProceduralRole,
    Procedure,
    Stage,
)
from legalaid.core.choices import OrganisationKind
from legalaid.core.models import TimeStampedModel

AGENCY = {"kind": OrganisationKind.AGENCY}


class CaseLitigation(TimeStampedModel):
    """Litigation (tham gia tố tụng): the procedure, the beneficiary's standing, the stage, and the court or agency
    with its own reference for the case."""

    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="litigation", verbose_name=_("vụ việc")
    )
    procedure = models.CharField(_("loại vụ án"), max_length=20, choices=Procedure.choices)
    procedural_role = models.CharField(
        _("tư cách tố tụng của người được trợ giúp"), max_length=20, choices=ProceduralRole.choices
    )
    stage = models.CharField(_("giai đoạn tố tụng"), max_length=20, choices=Stage.choices)
    agency = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=AGENCY,
        verbose_name=_("cơ quan tiến hành tố tụng"),
    )
    agency_reference = models.CharField(_("số thụ lý, số vụ án của cơ quan"), max_length=120, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["case"]
        verbose_name = _("thông tin tham gia tố tụng")
        verbose_name_plural = _("thông tin tham gia tố tụng")

    def __str__(self) -> str:
        return f"{self.get_procedure_display()} – {self.get_stage_display()}"

    def clean(self):
        """The procedure must be one the case's field of law follows, and the role one of that procedure (references
        in ``legalaid.cases.procedure``)."""
        from legalaid.cases.procedure import procedures_for_field, roles_for_procedures

        errors = {}
        field = self.case.field_of_law if self.case_id else None
        procedures = procedures_for_field(field.code) if field else tuple(Procedure.values)
        if self.procedure and self.procedure not in procedures:
            errors["procedure"] = _(
                "Vụ việc lĩnh vực %(field)s không giải quyết theo thủ tục tố tụng %(procedure)s: hãy chọn %(allowed)s."
            ) % {
                "field": field.name.lower(),
                "procedure": self.get_procedure_display().lower(),
                "allowed": ", ".join(str(Procedure(p).label).lower() for p in procedures),
            }
        if self.procedure in procedures and self.procedural_role:
            if self.procedural_role not in ROLES_BY_PROCEDURE[self.procedure]:
                errors["procedural_role"] = _("Tư cách tố tụng này không có trong vụ án %(procedure)s.") % {
                    "procedure": self.get_procedure_display().lower()
                }
        elif self.procedural_role and self.procedural_role not in roles_for_procedures(procedures):
            errors["procedural_role"] = _("Tư cách tố tụng này không có trong vụ việc lĩnh vực %(field)s.") % {
                "field": field.name.lower()
            }
        if self.procedure != Procedure.CRIMINAL and self.stage in CRIMINAL_ONLY_STAGES:
            errors["stage"] = _("Giai đoạn điều tra, truy tố chỉ có trong vụ án hình sự.")
        if self.agency_id and self.agency.kind != OrganisationKind.AGENCY:
            errors["agency"] = _("Hãy chọn một cơ quan tiến hành tố tụng.")
        if errors:
            raise ValidationError(errors)


class Hearing(TimeStampedModel):
    """A hearing or a session with a procedure-conducting agency, on a date the provider must keep."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="hearings", verbose_name=_("vụ việc")
    )
    starts_at = models.DateTimeField(_("thời gian"))
    place = models.CharField(_("địa điểm"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=HearingKind.choices, default=HearingKind.TRIAL)
    agency = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=AGENCY,
        verbose_name=_("cơ quan"),
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("phiên tòa, buổi làm việc")
        verbose_name_plural = _("phiên tòa, buổi làm việc")
        indexes = [models.Index(fields=["starts_at"], name="cases_hearing_starts_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%d/%m/%Y %H:%M}"


class CaseRepresentation(TimeStampedModel):
    """Out-of-court representation (đại diện ngoài tố tụng): the counterpart and the body before which."""

    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="representation", verbose_name=_("vụ việc")
    )
    counterpart = models.CharField(_("bên có quyền lợi đối lập"), max_length=255, blank=True)
    body = models.CharField(_("cơ quan, tổ chức, cá nhân nơi đại diện"), max_length=255)
    scope = models.TextField(_("phạm vi đại diện"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["case"]
        verbose_name = _("thông tin đại diện ngoài tố tụng")
        verbose_name_plural = _("thông tin đại diện ngoài tố tụng")

    def __str__(self) -> str:
        return self.body


class CaseAdvice(TimeStampedModel):
    """Legal advice (tư vấn pháp luật): the question and the date of the written answer."""

    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="advice", verbose_name=_("vụ việc")
    )
    question = models.TextField(_("nội dung cần tư vấn"))
    answered_on = models.DateField(_("ngày trả lời bằng văn bản"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["case"]
        verbose_name = _("thông tin tư vấn pháp luật")
        verbose_name_plural = _("thông tin tư vấn pháp luật")

    def __str__(self) -> str:
        return self.question[:60]
