"""Forms of the plan pages: the upload, the review of a parsed plan (header and one row per task), editing a saved
plan and task, binding a target, and a progress report with evidence files."""

from __future__ import annotations

import datetime as dt
import os

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.lib.uploads import content_matches, max_upload_bytes

from .choices import Comparison, PlanStatus, TaskStatus
from .metrics import metric_choices
from .models import Plan
from .services import EVIDENCE_EXTENSIONS, EVIDENCE_MAX_FILES

#: A plan document: the Word file or its text, at most 5 MB.
PLAN_EXTENSIONS = (".docx", ".txt")
PLAN_MAX_BYTES = 5 * 1024 * 1024


class PlanUploadForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("Văn bản kế hoạch"),
        help_text=_("Tệp Word (.docx) hoặc văn bản (.txt, mã UTF-8) của kế hoạch, tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name)[1].lower()
        if extension not in PLAN_EXTENSIONS:
            raise forms.ValidationError(_("Chỉ nhận tệp .docx hoặc .txt."), code="type")
        if upload.size > PLAN_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 5 MB."), code="size")
        if extension == ".docx" and not content_matches(upload, ".docx"):
            raise forms.ValidationError(_("Tệp không phải là văn bản Word (.docx) hợp lệ."), code="type")
        if extension == ".txt":
            try:
                upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("Tệp văn bản phải được lưu với mã UTF-8."), code="encoding") from None
            finally:
                upload.seek(0)
        return upload


def _iso(value) -> dt.date | None:
    """A date of the parser's JSON (ISO text) as a date, so the widget shows it as dd/mm/yyyy."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class DraftHeaderForm(BootstrapMixin, forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    date = forms.DateField(label=_("Ngày ban hành"), required=False)
    issuer = forms.CharField(label=_("Đơn vị ban hành"), max_length=255, required=False)
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    period_start = forms.DateField(label=_("Thực hiện từ ngày"), required=False)
    period_end = forms.DateField(label=_("Thực hiện đến ngày"), required=False)
    bases = forms.CharField(
        label=_("Căn cứ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một văn bản."),
    )
    purposes = forms.CharField(label=_("Mục đích"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    requirements = forms.CharField(label=_("Yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    budget_note = forms.CharField(
        label=_("Kinh phí thực hiện"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def initial_from(cls, data: dict) -> dict:
        return {
            "number": data.get("number") or "",
            "date": _iso(data.get("date")),
            "issuer": data.get("issuer") or "",
            "title": data.get("title") or "",
            "period_start": _iso(data.get("period_start")),
            "period_end": _iso(data.get("period_end")),
            "bases": "\n".join(data.get("bases") or []),
            "purposes": "\n".join(data.get("purposes") or []),
            "requirements": "\n".join(data.get("requirements") or []),
            "budget_note": data.get("budget_note") or data.get("budget") or "",
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu thực hiện kế hoạch."))
        return data

    def apply(self, data: dict) -> None:
        cd = self.cleaned_data
        for key in ("number", "issuer", "title", "budget_note"):
            data[key] = cd[key].strip()
        for key in ("date", "period_start", "period_end"):
            data[key] = cd[key].isoformat() if cd[key] else None
        for key in ("bases", "purposes", "requirements"):
            data[key] = _lines(cd[key])


class TaskRowForm(BootstrapMixin, forms.Form):
    """One task of the parsed plan under review, or a saved task being edited."""

    ref = forms.CharField(label=_("Số thứ tự"), max_length=40, required=False)
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    lead = forms.CharField(
        label=_("Đơn vị chủ trì / thực hiện"),
        max_length=1000,
        required=False,
        help_text=_("Các đơn vị cách nhau bởi dấu chấm phẩy."),
    )
    partners = forms.CharField(label=_("Đơn vị phối hợp"), max_length=1000, required=False)
    timeframe_text = forms.CharField(
        label=_("Thời gian thực hiện"),
        max_length=500,
        required=False,
        help_text=_("Ghi như trong văn bản (ví dụ: “Quý II - III năm 2020”); hệ thống tự xác định ngày."),
    )
    expected_output = forms.CharField(
        label=_("Kết quả, sản phẩm"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )
    remove = forms.BooleanField(label=_("Bỏ nhiệm vụ này"), required=False)

    @classmethod
    def initial_from(cls, item: dict) -> dict:
        timeframe = item.get("timeframe") or {}
        return {
            "ref": item.get("ref") or "",
            "content": item.get("content") or "",
            "lead": "; ".join(item.get("lead") or []),
            "partners": "; ".join(item.get("partners") or []),
            "timeframe_text": timeframe.get("text") if isinstance(timeframe, dict) else str(timeframe),
            "expected_output": item.get("expected_output") or "",
        }


class TaskEditForm(TaskRowForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["remove"]


class TaskAddForm(TaskEditForm):
    """A new task of a saved plan; ``version`` is the plan's."""


class PlanEditForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Plan
        fields = ["number", "date", "title", "issuer_name", "period_start", "period_end", "budget_note", "status"]
        widgets = {"budget_note": forms.Textarea(attrs={"rows": 2}), "title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = PlanStatus.choices

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu thực hiện kế hoạch."))
        return data


class TargetForm(BootstrapMixin, forms.Form):
    metric_code = forms.ChoiceField(label=_("Số liệu đo được"), required=False, choices=())
    comparison = forms.ChoiceField(label=_("So sánh"), choices=Comparison.choices)
    value = forms.DecimalField(label=_("Giá trị chỉ tiêu"), required=False, max_digits=14, decimal_places=2)
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=40, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric_code"].choices = metric_choices()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(sorted(EVIDENCE_EXTENSIONS))}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class ProgressForm(BootstrapMixin, forms.Form):
    new_status = forms.ChoiceField(label=_("Trạng thái"), choices=TaskStatus.choices)
    date = forms.DateField(label=_("Ngày"), required=False, help_text=_("Để trống: hôm nay."))
    note = forms.CharField(label=_("Nội dung cập nhật"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label=_("Tài liệu minh chứng"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("Tối đa %(n)s tệp, mỗi tệp tối đa %(mb)s MB: %(types)s.") % {
            "n": EVIDENCE_MAX_FILES,
            "mb": max_upload_bytes() // (1024 * 1024),
            "types": ", ".join(sorted(EVIDENCE_EXTENSIONS)),
        }
