"""Forms of quality management. They parse input; the rules are in ``services``, whose errors come back beside the
fields (``apply_form_errors``)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.cases.models import LegalAidCase
from legalaid.core.forms import BootstrapMixin, DateInput
from legalaid.core.models import Organisation, User
from legalaid.core.scoping import scope_of

from .choices import TRIGGER_ORIGINS
from .models import CriteriaSet, EvaluationPlan, ResultLevel, TeamMember
from .services import APPRAISER_ROLES, DELEGATE_ROLES


def staff_of_centre(centre_id: int, roles):
    """Active users of the Centre and its branches with one of ``roles``, by name."""
    units = Organisation.objects.filter(pk=centre_id) | Organisation.objects.filter(parent_id=centre_id)
    return (
        User.objects.staff()
        .filter(is_active=True, role__in=roles, organisation__in=units.values("pk"))
        .order_by("full_name", "pk")
    )


class AppraiserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name or obj.username} – {obj.get_role_display()}"


class AssignAppraiserForm(BootstrapMixin, forms.Form):
    """Name the appraiser. The choices are the Centre's professional staff; whether one of them is a provider of the
    case is the service's check (TT 12/2018 Art. 16: the appraiser is independent of the provider)."""

    appraiser = AppraiserChoiceField(
        label=_("Người thẩm định"),
        queryset=User.objects.none(),
        help_text=_("Không được là người thực hiện trợ giúp pháp lý của vụ việc."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appraiser"].queryset = staff_of_centre(case.centre_id, APPRAISER_ROLES)


class DelegationForm(BootstrapMixin, forms.Form):
    """The director names a member of the Centre who assigns appraisers in their stead, for a period."""

    delegate = AppraiserChoiceField(label=_("Người được ủy quyền"), queryset=User.objects.none())
    valid_from = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    valid_to = forms.DateField(
        label=_("Đến ngày"), widget=DateInput(), required=False, help_text=_("Để trống: đến khi chấm dứt.")
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate"].queryset = staff_of_centre(centre.pk, DELEGATE_ROLES)


class AppraisalForm(BootstrapMixin, forms.Form):
    """The appraisal: one field of points per criterion of the set in force (``score_<code>``), the appraised working
    time in sessions, the result level (empty: decided by the total) and the conclusion. The bounds (points of each
    criterion, the session cap) are the service's checks, so that their messages cite the rule."""

    appraised_sessions = forms.DecimalField(
        label=_("Thời gian thực hiện được thẩm định (buổi)"),
        max_digits=6,
        decimal_places=1,
        localize=True,
        help_text=_(
            "Một buổi là 4 giờ làm việc; tối đa 30 buổi (tham gia tố tụng), 20 buổi (đại diện ngoài tố tụng) – "
            "Điều 3, Điều 8 Thông tư 02/2021/TT-BTP."
        ),
    )
    result_level = forms.ModelChoiceField(
        label=_("Mức kết quả"),
        queryset=ResultLevel.objects.filter(is_active=True),
        required=False,
        help_text=_("Để trống để xếp mức theo tổng điểm."),
    )
    conclusion = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 4}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, criteria_set: CriteriaSet | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria_set.criteria.all()) if criteria_set else []
        self.score_names = []
        for criterion in self.criteria:
            name = f"score_{criterion.code}"
            self.fields[name] = forms.DecimalField(
                label=f"{criterion.code}. {criterion.text}",
                max_digits=5,
                decimal_places=1,
                localize=True,
                help_text=_("Tối đa %(max)s điểm") % {"max": criterion.max_points},
            )
            self.fields[name].widget.attrs.update({"class": "form-control", "inputmode": "decimal"})
            self.score_names.append(name)
        # Scores first, in the order of the criteria.
        self.order_fields([*self.score_names, "appraised_sessions", "result_level", "conclusion", "version"])

    def scores(self) -> dict[str, Decimal]:
        return {c.code: self.cleaned_data.get(f"score_{c.code}") for c in self.criteria}

    def score_fields(self):
        return [(c, self[f"score_{c.code}"]) for c in self.criteria]


# --- Evaluation ------------------------------------------------------------------------------------------------


class PlanForm(BootstrapMixin, forms.ModelForm):
    """A Department's evaluation plan (TT 12/2018 Art. 15: scope, sample ratio, method)."""

    centres = forms.ModelMultipleChoiceField(
        label=_("Trung tâm được đánh giá"), queryset=Organisation.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = EvaluationPlan
        fields = ["title", "centres", "period_start", "period_end", "sample_ratio", "method", "note"]
        help_texts = {
            "period_start": _("Vụ việc tham gia tố tụng, đại diện ngoài tố tụng kết thúc trong kỳ này được chọn mẫu."),
            "sample_ratio": _(
                "Ví dụ 10 (%). Mỗi người thực hiện có ít nhất một vụ việc được đánh giá (Điều 15 Thông tư "
                "12/2018/TT-BTP); vụ việc đã đánh giá không được chọn lại."
            ),
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centres"].queryset = Organisation.objects.centres().filter(pk__in=scope_of(user).centre_ids)
        self.fields["centres"].widget.attrs["class"] = "form-check-input"
        self.fields["sample_ratio"].localize = True
        self.fields["sample_ratio"].widget = forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"})
        self.fields["sample_ratio"].widget.is_localized = True


class TriggerForm(BootstrapMixin, forms.Form):
    """An evaluation started by a complaint, a request or an inspection: the case by its Centre and code."""

    centre = forms.ModelChoiceField(label=_("Trung tâm"), queryset=Organisation.objects.none())
    code = forms.CharField(label=_("Mã hồ sơ vụ việc"), max_length=40, help_text=_("Ví dụ: TT.TGTT.01.2026"))
    origin = forms.ChoiceField(
        label=_("Căn cứ đánh giá"), choices=[("", "")] + [(o.value, o.label) for o in TRIGGER_ORIGINS]
    )
    trigger_reference = forms.CharField(label=_("Số, ngày của đơn hoặc văn bản"), max_length=255)
    trigger_received_on = forms.DateField(label=_("Ngày nhận"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["centre"].queryset = Organisation.objects.centres().filter(pk__in=scope_of(user).centre_ids)

    def clean(self):
        data = super().clean()
        centre, code = data.get("centre"), (data.get("code") or "").strip()
        if centre and code:
            case = LegalAidCase.objects.visible_to(self.user).filter(centre=centre, code__iexact=code).first()
            if case is None:
                self.add_error("code", _("Không tìm thấy vụ việc mang mã này ở Trung tâm đã chọn."))
            data["case"] = case
        return data


class TeamMemberForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["role", "name", "affiliation"]
        help_texts = {"affiliation": _("Với chuyên gia được mời: cơ quan, tổ chức nơi công tác.")}


class OpinionForm(BootstrapMixin, forms.Form):
    opinion = forms.CharField(label=_("Ý kiến bằng văn bản"), widget=forms.Textarea(attrs={"rows": 3}))
    opinion_on = forms.DateField(label=_("Ngày có ý kiến"))


FOLLOW_UP_ROWS = 3


class ConcludeForm(BootstrapMixin, forms.Form):
    findings = forms.CharField(label=_("Nhận xét, phát hiện"), widget=forms.Textarea(attrs={"rows": 4}))
    conclusion = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 3}))
    result_level = forms.ModelChoiceField(label=_("Mức kết quả"), queryset=ResultLevel.objects.filter(is_active=True))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, FOLLOW_UP_ROWS + 1):
            self.fields[f"follow_up_{i}"] = forms.CharField(
                label=_("Yêu cầu khắc phục %(n)s") % {"n": i}, required=False, max_length=1000
            )
            self.fields[f"follow_up_{i}_due"] = forms.DateField(label=_("Hạn thực hiện"), required=False)
            self.fields[f"follow_up_{i}"].widget.attrs["class"] = "form-control"
            self.fields[f"follow_up_{i}_due"].widget = DateInput(attrs={"class": "form-control"})

    def clean(self):
        data = super().clean()
        for i in range(1, FOLLOW_UP_ROWS + 1):
            text, due = (data.get(f"follow_up_{i}") or "").strip(), data.get(f"follow_up_{i}_due")
            if text and due is None and f"follow_up_{i}_due" not in self.errors:
                self.add_error(f"follow_up_{i}_due", _("Hãy ghi hạn thực hiện."))
            if due and not text:
                self.add_error(f"follow_up_{i}", _("Hãy ghi nội dung yêu cầu."))
        return data

    def follow_ups(self) -> list[tuple[str, object]]:
        out = []
        for i in range(1, FOLLOW_UP_ROWS + 1):
            text = (self.cleaned_data.get(f"follow_up_{i}") or "").strip()
            if text:
                out.append((text, self.cleaned_data.get(f"follow_up_{i}_due")))
        return out

    def follow_up_rows(self):
        return [(self[f"follow_up_{i}"], self[f"follow_up_{i}_due"]) for i in range(1, FOLLOW_UP_ROWS + 1)]


class FollowUpDoneForm(BootstrapMixin, forms.Form):
    done_on = forms.DateField(label=_("Ngày thực hiện xong"))
    done_note = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
