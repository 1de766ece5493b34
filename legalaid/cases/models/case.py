"""The legal aid case (vụ việc TGPL): born at acceptance in its register, then lives here until archived."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import STATUS_TONES, CaseStatus
from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet


class CaseQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def assigned_q(self, user) -> Q | None:
        """A lawyer or collaborator sees only the cases assigned to them: an active assignment, or one that ended with
        the case (``Assignment.objects.granting_access``, providers app)."""
        from legalaid.providers.models import Assignment

        return Q(pk__in=Assignment.objects.granting_access(user).values("case_id"))


class LegalAidCase(TimeStampedModel):
    """An accepted case (vụ việc TGPL), entered in its register with its code ``<org>.<form>.<number>.<year>``.

    The entry in the register is the moment of acceptance (TT 12/2018 Art. 5(2)): intake's ``request_accept`` opens
    the case through ``legalaid.cases.services.case_open``; the case is born ``accepted`` and moves through the
    workflow table of ``legalaid.cases.workflow``.
    """

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
    )
    request = models.OneToOneField(
        "intake.LegalAidRequest", on_delete=models.PROTECT, related_name="case", verbose_name=_("yêu cầu")
    )
    register = models.ForeignKey(
        "intake.Register", on_delete=models.PROTECT, related_name="cases", verbose_name=_("sổ")
    )
    number = models.PositiveIntegerField(_("số thụ lý"))
    # Unique within the Centre: every Centre numbers its own register ("TT.TV.01.2026" exists in each province).
    code = models.CharField(_("mã hồ sơ"), max_length=40, db_index=True)
    beneficiary = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cases", verbose_name=_("người được trợ giúp")
    )
    form_of_aid = models.ForeignKey("intake.FormOfAid", on_delete=models.PROTECT, verbose_name=_("hình thức trợ giúp"))
    field_of_law = models.ForeignKey("intake.FieldOfLaw", on_delete=models.PROTECT, verbose_name=_("lĩnh vực"))
    accepted_at = models.DateTimeField(_("thời điểm thụ lý"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người thụ lý")
    )
    immediate = models.BooleanField(_("thụ lý ngay"), default=False)
    papers_due_on = models.DateField(_("hạn bổ sung giấy tờ"), null=True, blank=True)
    papers_completed_on = models.DateField(
        _("ngày nhận đủ giấy tờ"),
        null=True,
        blank=True,
        help_text=_(
            "Sau khi thụ lý ngay, người yêu cầu bổ sung giấy tờ (Điều 30(4) Luật TGPL; Điều 6 Thông tư 12/2018)."
        ),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.ACCEPTED, db_index=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CaseQuerySet.as_manager()
    is_sensitive = True

    class Meta:
        ordering = ["-accepted_at", "-id"]
        verbose_name = _("vụ việc trợ giúp pháp lý")
        verbose_name_plural = _("vụ việc trợ giúp pháp lý")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "code"],
                name="cases_case_unique_centre_code",
                violation_error_message=_("Trung tâm đã có hồ sơ mang mã này."),
            ),
            models.UniqueConstraint(
                fields=["register", "number"],
                name="cases_case_unique_register_number",
                violation_error_message=_("Số thụ lý này đã được cấp trong sổ."),
            ),
        ]
        indexes = [
            # A Centre's or a branch's list in its order (-accepted_at, -id), the id included so that a deep page's
            # ids are read from the index alone (lib.pagination, issue 11).
            models.Index(fields=["centre", "-accepted_at", "-id"], name="cases_case_centre_acc_id_idx"),
            models.Index(fields=["branch", "-accepted_at", "-id"], name="cases_case_branch_acc_id_idx"),
            # The work queues' cases by status, oldest first (awaiting a provider, in progress, ...): the status
            # sets are small, so the index finds them without walking a million cases by date (issue 11).
            models.Index(fields=["centre", "status", "accepted_at", "id"], name="cases_case_centre_status_idx"),
            models.Index(fields=["branch", "status", "accepted_at", "id"], name="cases_case_branch_status_idx"),
            # The national database's incremental export reads cases in change order (legalaid.api.national).
            models.Index(fields=["updated_at", "id"], name="cases_case_updated_idx"),
            # The list's filters at a million cases (issue 11 item 4): a form or a field within a Centre, newest
            # first; the whole deployment (a Department, the Ministry) newest first.
            models.Index(fields=["centre", "form_of_aid", "-accepted_at"], name="cases_case_centre_form_idx"),
            models.Index(fields=["centre", "field_of_law", "-accepted_at"], name="cases_case_centre_field_idx"),
            models.Index(fields=["-accepted_at", "-id"], name="cases_case_accepted_idx"),
            # The home page's overdue papers (selectors.overdue_cases_q): only the few immediate cases still
            # missing papers are in this index, so the count reads no table scan (issue 11, docs/performance.md).
            models.Index(
                fields=["papers_due_on"],
                condition=models.Q(immediate=True, papers_completed_on__isnull=True),
                name="cases_case_papers_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def status_tone(self) -> str:
        """The colour of the status badge."""
        return STATUS_TONES.get(self.status, "secondary")
