"""Forms of the case pages. They parse and check input; the rules are in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import DiscontinuationReason, ProceduralRole, Procedure, Retention
from legalaid.cases.models import (
    ActivityType,
    CaseAdvice,
    CaseCompletion,
    CaseLitigation,
    CaseRepresentation,
    ComplexityCriterion,
    Hearing,
    SuccessCriterion,
    WorkLogEntry,
)
from legalaid.cases.procedure import (
    complexity_criteria_for,
    procedures_for_field,
    roles_for_procedures,
    success_criteria_for,
)
from legalaid.core.choices import OrganisationKind
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation


class VersionMixin(forms.Form):
    """The version of the record when the form was opened (optimistic lock: a stale save is refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _agencies(case):
    return Organisation.objects.filter(kind=OrganisationKind.AGENCY, centre=case.centre_id, is_active=True)


class PapersReceivedForm(BootstrapMixin, VersionMixin):
    received_on = forms.DateField(label=_("Ngày nhận đủ giấy tờ"))
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)


class MoveForm(BootstrapMixin, VersionMixin):
    """A change of status that needs a reason (suspension, resumption) or an Art. 37 ground (discontinuation)."""

    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, transition, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        self.fields["reason"].required = transition.reason_required
        if transition.target == "discontinued":
            self.fields["ground"] = forms.ChoiceField(
                label=_("Căn cứ"),
                choices=[("", "---------"), *DiscontinuationReason.choices],
                help_text=_("Luật TGPL Điều 37; tổ chức thông báo bằng văn bản cho người được trợ giúp."),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields["ended_on"] = forms.DateField(
                label=_("Ngày không tiếp tục thực hiện"),
                required=False,
                help_text=_("Để trống: hôm nay. Hạn bàn giao hồ sơ tính từ ngày này (Điều 39)."),
            )
            self.fields["ended_on"].widget.attrs["class"] = "form-control"
            self.order_fields(["ground", "reason", "ended_on", "version"])


class LitigationForm(BootstrapMixin, VersionMixin, forms.ModelForm):
    """The procedure and the procedural roles offered are those of the case's field of law (civil roles on civil,
    marriage and family, labour and land cases; administrative ones on administrative cases; criminal ones on criminal
    cases: ``legalaid.cases.procedure``); another is refused beside its field."""

    class Meta:
        model = CaseLitigation
        fields = ["procedure", "procedural_role", "stage", "agency", "agency_reference", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(case)
        field = case.field_of_law
        procedures = procedures_for_field(field.code)
        roles = roles_for_procedures(procedures)
        procedure = self.fields["procedure"]
        procedure.choices = [("", "---------"), *((v, lbl) for v, lbl in Procedure.choices if v in procedures)]
        if len(procedures) == 1 and not self.instance.procedure:
            self.initial.setdefault("procedure", procedures[0])
        # The field name and the allowed list are filled in now: Django adds only %(value)s, a raw code.
        procedure.error_messages["invalid_choice"] = _(
            "Vụ việc lĩnh vực %(field)s không giải quyết theo thủ tục tố tụng này: hãy chọn %(allowed)s."
        ) % {"field": field.name.lower(), "allowed": ", ".join(str(Procedure(p).label).lower() for p in procedures)}
        role = self.fields["procedural_role"]
        role.choices = [("", "---------"), *((v, lbl) for v, lbl in ProceduralRole.choices if v in roles)]
        role.error_messages["invalid_choice"] = _(
            "Tư cách tố tụng này không có trong vụ việc lĩnh vực %(field)s: hãy chọn %(allowed)s."
        ) % {"field": field.name.lower(), "allowed": ", ".join(str(ProceduralRole(r).label) for r in roles)}


class RepresentationForm(BootstrapMixin, VersionMixin, forms.ModelForm):
    class Meta:
        model = CaseRepresentation
        fields = ["counterpart", "body", "scope"]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)


class AdviceForm(BootstrapMixin, VersionMixin, forms.ModelForm):
    class Meta:
        model = CaseAdvice
        fields = ["question", "answered_on"]
        widgets = {"question": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)


DETAIL_FORMS = {"litigation": LitigationForm, "representation": RepresentationForm, "advice": AdviceForm}


class HearingForm(BootstrapMixin, forms.ModelForm):
    day = forms.DateField(label=_("Ngày"))
    time = forms.TimeField(label=_("Giờ"), widget=forms.TimeInput(attrs={"placeholder": "hh:mm"}, format="%H:%M"))

    class Meta:
        model = Hearing
        fields = ["kind", "day", "time", "place", "agency", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(case)

    def clean(self):
        import datetime as dt

        from django.utils import timezone

        data = super().clean()
        if data.get("day") and data.get("time"):
            self.instance.starts_at = timezone.make_aware(dt.datetime.combine(data["day"], data["time"]))
        return data


class WorkLogForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = WorkLogEntry
        fields = ["activity_type", "date", "sessions", "hours", "place", "provider_name", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "hours": _(
                "Một buổi là 04 giờ làm việc; số giờ lẻ dưới 03 giờ tính nửa buổi, từ 03 giờ tính một buổi "
                "(TT 02/2021/TT-BTP Điều 3)."
            ),
            "provider_name": _("Để trống nếu chính bạn thực hiện."),
        }

    def __init__(self, *args, provider_fields: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].queryset = ActivityType.objects.filter(is_active=True)
        if not provider_fields:
            del self.fields["provider_name"]

    def clean(self):
        data = super().clean()
        if not data.get("sessions") and not data.get("hours") and "hours" not in self.errors:
            self.add_error("hours", _("Hãy ghi số buổi hoặc số giờ làm việc."))
        return data


class AttachmentForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Tệp"), help_text=_("PDF, Word (.doc, .docx), Excel (.xlsx), ODT, JPG hoặc PNG."))
    description = forms.CharField(label=_("Mô tả"), max_length=255, required=False)


class CompletionForm(BootstrapMixin, VersionMixin, forms.ModelForm):
    success_criteria = forms.ModelMultipleChoiceField(
        label=_("Tiêu chí vụ việc thành công"),
        queryset=SuccessCriterion.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("QĐ 1179/QĐ-BTP: phải đủ ba điều kiện của nguyên tắc chung (NT1–NT3)."),
    )
    complexity_criteria = forms.ModelMultipleChoiceField(
        label=_("Tiêu chí vụ việc phức tạp, điển hình"),
        queryset=ComplexityCriterion.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("TT 09/2018/TT-BTP Điều 3."),
    )

    class Meta:
        model = CaseCompletion
        fields = [
            "completed_on",
            "outcome",
            "decision_number",
            "decision_date",
            "beneficiary_change",
            "written_answer",
            "representation_result",
            "acknowledged_on",
            "acknowledgement_signed",
            "successful",
            "complex_or_typical",
        ]
        widgets = {
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "beneficiary_change": forms.Textarea(attrs={"rows": 2}),
            "written_answer": forms.Textarea(attrs={"rows": 3}),
            "representation_result": forms.Textarea(attrs={"rows": 3}),
        }

    #: The fields each form of aid asks for (the others are hidden).
    FORM_FIELDS = {
        "litigation": {"decision_number", "decision_date", "beneficiary_change", "successful", "success_criteria"},
        "advice": {"written_answer"},
        "representation": {"representation_result"},
    }
    SPECIFIC = {
        "decision_number",
        "decision_date",
        "beneficiary_change",
        "written_answer",
        "representation_result",
        "successful",
        "success_criteria",
    }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        keep = self.FORM_FIELDS.get(case.form_of_aid.code, set())
        for name in self.SPECIFIC - keep:
            del self.fields[name]
        # Only the criteria of the case's field (its procedure) are offered; another is refused beside the field.
        field_name = case.field_of_law.name.lower()
        offered = {"success_criteria": success_criteria_for(case), "complexity_criteria": complexity_criteria_for(case)}
        for name, queryset in offered.items():
            if name in self.fields:
                self.fields[name].queryset = queryset
                self.fields[name].widget.attrs["class"] = "form-check-input"
                self.fields[name].error_messages["invalid_choice"] = _(
                    "Tiêu chí này không áp dụng cho vụ việc lĩnh vực %(field)s: hãy chọn trong danh sách."
                ) % {"field": field_name}
        self.order_fields([*self.Meta.fields[:-2], "successful", "success_criteria", "complex_or_typical"])


class HandoverForm(BootstrapMixin, VersionMixin):
    handed_over_on = forms.DateField(label=_("Ngày bàn giao hồ sơ"), help_text=_("Luật TGPL Điều 39."))
    handed_over_by = forms.CharField(label=_("Người bàn giao"), max_length=150)
    checked_items = forms.ModelMultipleChoiceField(
        label=_("Giấy tờ đã có trong hồ sơ"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("TT 12/2018/TT-BTP Điều 11(2) (tham gia tố tụng); Luật TGPL Điều 38 (hình thức khác)."),
    )

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_items"].queryset = checklist
        self.fields["checked_items"].widget.attrs["class"] = "form-check-input"


class ArchiveForm(BootstrapMixin, VersionMixin):
    file_code = forms.CharField(label=_("Mã hồ sơ lưu trữ"), max_length=60)
    location = forms.CharField(label=_("Nơi lưu trữ"), max_length=255)
    retention = forms.ChoiceField(label=_("Thời hạn bảo quản"), choices=Retention.choices)
    retention_years = forms.IntegerField(
        label=_("Số năm bảo quản"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Để trống: theo tham số “cases.retention_years” (chưa xác nhận theo TT 07/2025/TT-BTP)."),
    )
