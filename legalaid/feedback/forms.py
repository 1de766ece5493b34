"""Forms of the survey and register pages. The questionnaire form is built from the version's questions (data)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin, DateInput
from legalaid.core.models import User

from .choices import AUDIENCE_OF, COMPLAINT_KINDS, DecisionResult, EntryKind, QuestionKind, Respondent, Source
from .models import ComplaintDecision, FeedbackEntry, QuestionnaireVersion


class QuestionnaireForm(forms.Form):
    """One field per question (``q<id>``): radio buttons for a scale, a text area for a free answer; the comment and
    whether it is a complaint."""

    def __init__(self, *args, version: QuestionnaireVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.questions = list(version.questions.select_related("scale").prefetch_related("scale__options"))
        for q in self.questions:
            name = f"q{q.pk}"
            if q.kind == QuestionKind.SCALE:
                self.fields[name] = forms.ChoiceField(
                    label=q.text,
                    required=q.required,
                    choices=[(o.pk, o.label) for o in q.scale.options.all()],
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    error_messages={"required": _("Hãy chọn một mức cho câu hỏi này.")},
                )
            else:
                self.fields[name] = forms.CharField(
                    label=q.text,
                    required=q.required,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
                )
        self.fields["comment"] = forms.CharField(
            label=_("Ý kiến khác, góp ý"),
            required=False,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        )
        self.fields["comment_is_complaint"] = forms.BooleanField(
            label=_("Đây là phản ánh, khiếu nại cần Trung tâm giải quyết"),
            required=False,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        )

    def question_fields(self):
        return [self[f"q{q.pk}"] for q in self.questions]

    def answers(self) -> dict:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}


class PaperHeaderForm(BootstrapMixin, forms.Form):
    """Who answered the paper form, and when."""

    respondent = forms.ChoiceField(label=_("Người trả lời"), choices=Respondent.choices)
    answered_on = forms.DateField(label=_("Ngày trả lời"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("answered_on", timezone.localdate())


class InvitationForm(BootstrapMixin, forms.Form):
    respondent = forms.ChoiceField(
        label=_("Người được mời trả lời"),
        choices=Respondent.choices,
        help_text=_(
            "Người được trợ giúp, người thân: phiếu về thái độ, trách nhiệm, chuyên môn của người thực hiện. "
            "Thẩm phán, Kiểm sát viên, Điều tra viên: phiếu của người tiến hành tố tụng."
        ),
    )

    def audience(self):
        return AUDIENCE_OF.get(self.cleaned_data["respondent"])


def _staff_of(centre):
    return User.objects.staff().filter(is_active=True, organisation__centre=centre).order_by("full_name")


def case_by_code(cases, code: str):
    """The case typed by its code (a Centre has thousands: no select), case-insensitively, among ``cases`` (already
    scoped to the user); None when the code is empty or not found there."""
    return cases.filter(code__iexact=code).first() if code else None


class EntryForm(BootstrapMixin, forms.ModelForm):
    case_code = forms.CharField(
        label=_("Mã hồ sơ vụ việc liên quan"),
        required=False,
        max_length=40,
        help_text=_("Ví dụ: TT.TV.01.2026. Để trống nếu không liên quan đến vụ việc nào."),
    )

    class Meta:
        model = FeedbackEntry
        fields = [
            "source",
            "kind",
            "ground",
            "received_on",
            "event_on",
            "sender_name",
            "sender_contact",
            "content",
            "provider",
            "responsible",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from legalaid.providers.models import Provider

        self.user = user
        self.fields["source"].choices = [c for c in Source.choices if c[0] != Source.SURVEY]
        self.fields["kind"].choices = EntryKind.choices
        self.fields["ground"].required = False
        self.fields["ground"].help_text = _("Bắt buộc với khiếu nại (Điều 45 khoản 1 Luật Trợ giúp pháp lý).")
        self.fields["provider"].queryset = Provider.objects.visible_to(user)
        centre = user.centre
        self.fields["responsible"].queryset = _staff_of(centre) if centre else User.objects.none()
        self.fields["responsible"].label_from_instance = lambda u: f"{u.full_name} ({u.role_label})"
        self.initial.setdefault("received_on", timezone.localdate())
        self.initial.setdefault("responsible", user.pk)

    def clean_case_code(self):
        """The case is typed by its code (a Centre has thousands: no select), looked up among those the user sees."""
        from legalaid.cases.models import LegalAidCase

        code = self.cleaned_data.get("case_code", "").strip()
        self.instance.case = case_by_code(LegalAidCase.objects.visible_to(self.user), code)
        if code and self.instance.case is None:
            raise forms.ValidationError(_("Không tìm thấy vụ việc có mã này trong phạm vi của bạn."))
        return code

    def clean(self):
        data = super().clean()
        if data.get("kind") in (EntryKind.COMPLAINT_DECISION, EntryKind.COMPLAINT_PROVIDER) and not data.get("ground"):
            self.add_error("ground", _("Khiếu nại phải nêu căn cứ theo Điều 45 khoản 1 Luật Trợ giúp pháp lý."))
        return data


class DepartmentComplaintForm(BootstrapMixin, forms.ModelForm):
    """A second complaint received by the Department of Justice (Law Art. 45(3)) that the Centre never registered:
    the Centre it concerns (one the Department oversees), the complaint, the first-level decision as written, the day
    the Department received it. The case is typed by its code, looked up in the chosen Centre."""

    centre = forms.ModelChoiceField(label=_("Trung tâm bị khiếu nại"), queryset=None)
    case_code = forms.CharField(
        label=_("Mã hồ sơ vụ việc liên quan"), required=False, max_length=40, help_text=_("Ví dụ: TT.TGTT.12.2026.")
    )
    second_received_on = forms.DateField(label=_("Ngày Sở Tư pháp nhận khiếu nại lần hai"), widget=DateInput())
    first_decision = forms.CharField(
        label=_("Quyết định giải quyết lần đầu"),
        required=False,
        max_length=200,
        help_text=_("Số, ngày quyết định của Giám đốc Trung tâm; để trống nếu Trung tâm không giải quyết đúng hạn."),
    )

    class Meta:
        model = FeedbackEntry
        fields = ["source", "kind", "ground", "received_on", "event_on", "sender_name", "sender_contact", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}
        labels = {"received_on": _("Ngày Trung tâm nhận khiếu nại lần đầu")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from legalaid.core.models import Organisation
        from legalaid.core.scoping import scope_of

        self.user = user
        centres = Organisation.objects.filter(pk__in=scope_of(user).centre_ids).order_by("name")
        self.fields["centre"].queryset = centres
        self.fields["source"].choices = [c for c in Source.choices if c[0] not in (Source.SURVEY, Source.WEB)]
        self.fields["kind"].choices = [c for c in EntryKind.choices if c[0] in COMPLAINT_KINDS]
        self.fields["ground"].required = True
        self.fields["received_on"].required = False
        self.fields["received_on"].help_text = _("Để trống nếu không rõ.")
        self.initial.setdefault("second_received_on", timezone.localdate())
        self.initial.setdefault("source", Source.LETTER)

    def clean(self):
        from legalaid.cases.models import LegalAidCase

        data = super().clean()
        code = (data.get("case_code") or "").strip()
        self.instance.case = None
        if code and data.get("centre"):
            in_centre = LegalAidCase.objects.visible_to(self.user).filter(centre=data["centre"])
            self.instance.case = case_by_code(in_centre, code)
            if self.instance.case is None:
                self.add_error("case_code", _("Không tìm thấy vụ việc có mã này trong Trung tâm đã chọn."))
        return data


class ActionForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Việc đã làm"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    on = forms.DateField(label=_("Ngày"), required=False)


class AssignForm(BootstrapMixin, forms.Form):
    responsible = forms.ModelChoiceField(label=_("Người phụ trách"), queryset=User.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _staff_of(entry.centre)
        self.fields["responsible"].label_from_instance = lambda u: f"{u.full_name} ({u.role_label})"
        self.initial.setdefault("version", entry.version)


class ResolveForm(BootstrapMixin, forms.Form):
    resolution = forms.CharField(label=_("Kết quả giải quyết"), widget=forms.Textarea(attrs={"rows": 3}))
    on = forms.DateField(label=_("Ngày giải quyết"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())
        self.initial.setdefault("version", entry.version)


class DecisionForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ComplaintDecision
        fields = ["decision_code", "decided_on", "result", "reasoning"]
        widgets = {"reasoning": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = DecisionResult.choices
        self.initial.setdefault("decided_on", timezone.localdate())
        self.initial.setdefault("version", entry.version)


class EscalateForm(BootstrapMixin, forms.Form):
    received_on = forms.DateField(label=_("Ngày Sở Tư pháp nhận khiếu nại lần hai"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("received_on", timezone.localdate())
        self.initial.setdefault("version", entry.version)


class WithdrawForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do rút đơn"), widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label=_("Ngày rút"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())
        self.initial.setdefault("version", entry.version)


class EntryFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    kind = forms.ChoiceField(label=_("Loại"), required=False)
    source = forms.ChoiceField(label=_("Nguồn"), required=False)
    start = forms.DateField(label=_("Nhận từ ngày"), required=False, input_formats=["%d/%m/%Y"])
    end = forms.DateField(label=_("Đến ngày"), required=False, input_formats=["%d/%m/%Y"])
    mine = forms.BooleanField(label=_("Tôi phụ trách"), required=False)

    def __init__(self, *args, **kwargs):
        from .choices import EntryStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Tất cả")), *EntryStatus.choices]
        self.fields["kind"].choices = [("", _("Tất cả")), *EntryKind.choices]
        self.fields["source"].choices = [("", _("Tất cả")), *Source.choices]
