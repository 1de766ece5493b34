"""Forms of the campaign pages: the campaign, a nomination, the decision on a nomination, a decision with awards."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation, User

from .choices import NominationStatus, NomineeKind
from .models import Campaign, CommendationForm, Decision, Nomination
from .services import NOMINEE_UNIT_KINDS


class CampaignForm(BootstrapMixin, forms.ModelForm):
    lead_units = forms.CharField(
        label=_("Đơn vị chủ trì"),
        required=False,
        help_text=_("Như kế hoạch ghi; nhiều đơn vị cách nhau bằng dấu chấm phẩy. Để trống: Trung tâm."),
    )
    partner_units = forms.CharField(
        label=_("Đơn vị phối hợp"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: Văn phòng Sở; Hội đồng phối hợp liên ngành về TGPL trong hoạt động tố tụng tỉnh."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Campaign
        fields = ["title", "theme", "period_start", "period_end", "source_plan", "plan", "plan_task", "description"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from legalaid.plans.models import Plan, PlanTask

        centre = self.instance.centre if self.instance.pk else user.centre
        plans = Plan.objects.visible_to(user)
        tasks = PlanTask.objects.visible_to(user).select_related("plan")
        if centre is not None:
            plans, tasks = plans.filter(centre=centre), tasks.filter(plan__centre=centre)
        self.fields["plan"].queryset = plans
        self.fields["plan_task"].queryset = tasks
        self.fields["plan_task"].label_from_instance = lambda t: (
            f"{t.plan.number or t.plan.title[:40]} – {t.ref} {t.content[:80]}"
        )
        if self.instance.pk:
            self.initial.setdefault("lead_units", "; ".join(u.text for u in self.instance.lead_units))
            self.initial.setdefault("partner_units", "; ".join(u.text for u in self.instance.partner_units))
            self.initial.setdefault("version", self.instance.version)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class NominationForm(BootstrapMixin, forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Đề nghị cho"),
        choices=[(NomineeKind.INDIVIDUAL, _("Cá nhân")), (NomineeKind.COLLECTIVE, _("Tập thể"))],
        widget=forms.RadioSelect,
        initial=NomineeKind.INDIVIDUAL,
    )

    class Meta:
        model = Nomination
        fields = ["nominee_user", "nominee_unit", "proposed_form", "achievements"]
        widgets = {"achievements": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, user, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campaign = campaign
        self.fields["kind"].widget.attrs["class"] = "form-check-input"
        self.fields["nominee_user"].queryset = (
            User.objects.visible_to(user)
            .staff()
            .filter(is_active=True, organisation__centre_id=campaign.centre_id)
            .select_related("organisation")
        )
        self.fields["nominee_user"].label_from_instance = lambda u: f"{u.full_name} – {u.organisation}"
        self.fields["nominee_unit"].queryset = Organisation.objects.visible_to(user).filter(
            kind__in=NOMINEE_UNIT_KINDS, centre_id=campaign.centre_id
        )
        self.fields["proposed_form"].queryset = CommendationForm.objects.filter(is_active=True)
        self.fields["achievements"].help_text = _(
            "Thành tích tiêu biểu trong thời gian phong trào. Số liệu của hệ thống (yêu cầu, vụ việc) được tính tự "
            "động cho thời gian phong trào và hiện bên cạnh."
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == NomineeKind.COLLECTIVE:
            data["nominee_user"] = None
            if not data.get("nominee_unit"):
                self.add_error("nominee_unit", _("Chọn tập thể được đề nghị."))
        else:
            data["nominee_unit"] = None
            if not data.get("nominee_user"):
                self.add_error("nominee_user", _("Chọn cá nhân được đề nghị."))
        return data

    def _post_clean(self):
        # The nominee constraint is the service's to check (with the actor's scope); validate fields only here.
        self.instance.nominee_user = self.cleaned_data.get("nominee_user")
        self.instance.nominee_unit = self.cleaned_data.get("nominee_unit")
        super()._post_clean()


class DecideForm(BootstrapMixin, forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Kết quả xét"),
        choices=[("1", _("Xét duyệt")), ("0", _("Không xét duyệt"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(BootstrapMixin, forms.ModelForm):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Khen thưởng cho"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Các đề nghị đã được xét duyệt; mỗi người, tập thể nhận danh hiệu, hình thức đã đề nghị."),
    )
    upload = forms.FileField(label=_("Tệp quyết định (.pdf, .docx, .doc, .odt)"), required=False)

    class Meta:
        model = Decision
        fields = ["number", "date", "issuer_name"]

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = campaign.nominations.filter(
            status=NominationStatus.APPROVED
        ).select_related("nominee_user", "nominee_unit", "proposed_form")
        self.fields["nominations"].widget.attrs.pop("class", None)
        self.fields["nominations"].label_from_instance = lambda n: f"{n.nominee} – {n.proposed_form}"
        self.instance.campaign = campaign
