"""An imported register file (the batch) and the trace each imported case keeps of its row."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.lib.uploads import RandomName

from .choices import RUNNING, ImportStatus


class RegisterImportQuerySet(models.QuerySet):
    def of(self, user):
        """The imports ``user`` uploaded: the file and its rows are shown to nobody else (as exports are)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(uploaded_by_id=user.pk)


class RegisterImport(TimeStampedModel):
    """One Excel register uploaded to be imported into the book of ``unit`` (the Centre or a branch).

    Checked first (``summary``, ``errors``, ``error_file``: nothing written), then imported in one transaction
    (``legalaid.imports.services``). The uploaded file is stored under a random name; its own name is kept in
    ``filename`` for display only.
    """

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    unit = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("sổ của đơn vị")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    file = models.FileField(_("tệp"), upload_to=RandomName("imports"))
    filename = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    total = models.PositiveIntegerField(_("số dòng"), default=0)
    done = models.PositiveIntegerField(_("đã đọc"), default=0)
    summary = models.JSONField(_("kết quả"), default=dict, blank=True)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    error_file = models.FileField(_("tệp lỗi"), upload_to=RandomName("imports"), blank=True)
    #: The rows that passed the check of the row alone (gzipped JSON), read by the import instead of the workbook.
    checked_rows = models.FileField(_("các dòng đã kiểm tra"), upload_to=RandomName("imports"), blank=True)
    message = models.TextField(_("thông báo"), blank=True)
    request_id = models.CharField(max_length=64, blank=True, editable=False)
    checked_at = models.DateTimeField(_("kiểm tra lúc"), null=True, blank=True)
    imported_at = models.DateTimeField(_("nhập lúc"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )

    objects = RegisterImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tệp sổ thụ lý nhập vào")
        verbose_name_plural = _("tệp sổ thụ lý nhập vào")

    def __str__(self) -> str:
        return self.filename

    @property
    def running(self) -> bool:
        return self.status in RUNNING

    @property
    def percent(self) -> int:
        if self.status in (ImportStatus.CHECKED, ImportStatus.DONE):
            return 100
        return min(99, round(100 * self.done / self.total)) if self.total else 0

    @property
    def importable(self) -> bool:
        """Checked, with no row in error and something new to write."""
        return (
            self.status == ImportStatus.CHECKED
            and not self.summary.get("rows_in_error")
            and bool(self.summary.get("cases_new"))
        )


class ImportedCase(models.Model):
    """The row of the register a case was imported from, and what the row holds that has no field of its own:
    the provider, the result and the end date as written (the case has no assignment or completion record)."""

    batch = models.ForeignKey(RegisterImport, on_delete=models.PROTECT, related_name="cases", verbose_name=_("tệp"))
    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="imported", verbose_name=_("vụ việc")
    )
    sheet = models.CharField(_("trang"), max_length=31)
    row = models.PositiveIntegerField(_("dòng"))
    provider = models.CharField(_("người thực hiện (theo sổ)"), max_length=255, blank=True)
    result = models.TextField(_("kết quả (theo sổ)"), blank=True)
    closed_on = models.DateField(_("ngày kết thúc (theo sổ)"), null=True, blank=True)
    note = models.TextField(_("ghi chú (theo sổ)"), blank=True)
    person_created = models.BooleanField(_("người được tạo khi nhập"), default=False)

    class Meta:
        ordering = ["batch", "sheet", "row"]
        verbose_name = _("dòng sổ đã nhập")
        verbose_name_plural = _("dòng sổ đã nhập")

    def __str__(self) -> str:
        return f"{self.sheet}!{self.row}"
