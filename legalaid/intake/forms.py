"""Forms of the intake pages: receiving a request (with its referral), and the four decisions on it."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation
from legalaid.people.models import Person

from .choices import Channel, ProceduralStatus, RefusalGround, Relationship, UrgencyReason
from .models import FieldOfLaw, FormOfAid, LegalAidRequest, SimpleMatter

TIME_HELP = _("Giờ:phút, ví dụ 08:30.")


class TimeInput(forms.TimeInput):
    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "hh:mm", "inputmode": "numeric", **(attrs or {})}, format="%H:%M")


def _combine(day: dt.date, time: dt.time | None) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time or dt.time(0, 0)))


class RequestForm(BootstrapMixin, forms.ModelForm):
    """The request itself. The beneficiary and requester are chosen among the persons the user sees (radio buttons
    that the search fragment renders), or entered with the person form (``PersonForm`` with a prefix)."""

    REQUESTER_MODES = [
        ("same", _("Chính người được trợ giúp")),
        ("existing", _("Người khác, đã có trong hệ thống")),
        ("new", _("Người khác, nhập mới")),
    ]

    beneficiary = forms.ModelChoiceField(
        label=_("Người được trợ giúp đã có trong hệ thống"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.RadioSelect,
    )
    requester_mode = forms.ChoiceField(
        label=_("Người yêu cầu"), choices=REQUESTER_MODES, initial="same", widget=forms.RadioSelect
    )
    requester = forms.ModelChoiceField(
        label=_("Người yêu cầu đã có trong hệ thống"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(label=_("Ngày tiếp nhận"))
    received_time = forms.TimeField(label=_("Giờ tiếp nhận"), required=False, help_text=TIME_HELP, widget=TimeInput)

    class Meta:
        model = LegalAidRequest
        fields = [
            "channel",
            "relationship",
            "field_of_law",
            "desired_form",
            "summary",
            "counterpart_name",
            "court_case_reference",
            "limitation_ends_on",
            "trial_date",
            "court_appointed",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "field_of_law": _("Kinh doanh, thương mại không thuộc phạm vi trợ giúp pháp lý (Luật TGPL, Điều 27)."),
            "limitation_ends_on": _("Còn dưới 05 ngày làm việc thì được thụ lý ngay (Điều 30(4))."),
            "trial_date": _("Còn dưới 05 ngày làm việc thì được thụ lý ngay (Điều 30(4))."),
            "counterpart_name": _("Dùng để cảnh báo xung đột quyền lợi (Điều 25(2)(a))."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        visible = Person.objects.visible_to(user)
        self.fields["beneficiary"].queryset = visible
        self.fields["requester"].queryset = visible
        for name in ("beneficiary", "requester", "requester_mode"):
            self.fields[name].widget.attrs["class"] = "form-check-input"
        self.fields["field_of_law"].queryset = FieldOfLaw.objects.all()
        self.fields["desired_form"].queryset = FormOfAid.objects.all()
        self.fields["channel"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("intake:referral_fields"),
                "hx-target": "#referral-fields",
                "hx-trigger": "change",
                "hx-include": "this",
            }
        )
        if not self.is_bound:
            now = timezone.localtime()
            self.initial.setdefault("received_on", now.date())
            self.initial.setdefault("received_time", now.time().replace(second=0, microsecond=0))
            org = getattr(user, "organisation", None)
            is_branch = org is not None and org.kind == OrganisationKind.BRANCH
            self.initial.setdefault("channel", Channel.IN_PERSON_BRANCH if is_branch else Channel.IN_PERSON_CENTRE)

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Ngày tiếp nhận không được sau ngày hôm nay."))
        return value

    def clean(self):
        data = super().clean()
        mode = data.get("requester_mode")
        if mode == "existing" and not data.get("requester"):
            self.add_error("requester", _("Hãy tìm và chọn người yêu cầu, hoặc chọn “nhập mới”."))
        if mode == "same" and data.get("relationship") not in (None, "", Relationship.SELF):
            data["relationship"] = Relationship.SELF
        if mode in ("existing", "new") and data.get("relationship") == Relationship.SELF:
            self.add_error("relationship", _("Hãy chọn quan hệ của người yêu cầu với người được trợ giúp."))
        return data

    @property
    def received_at(self) -> dt.datetime:
        return _combine(self.cleaned_data["received_on"], self.cleaned_data.get("received_time"))


class ReferralForm(BootstrapMixin, forms.Form):
    """A referral by an investigation body, procuracy or court (Law Art. 31(3))."""

    agency = forms.ModelChoiceField(label=_("Cơ quan chuyển"), queryset=Organisation.objects.none())
    officer_name = forms.CharField(label=_("Người tiến hành tố tụng"), max_length=120, required=False)
    referral_number = forms.CharField(label=_("Số văn bản"), max_length=60, required=False)
    referral_date = forms.DateField(label=_("Ngày văn bản"), required=False)
    procedural_status = forms.ChoiceField(label=_("Tư cách tố tụng"), choices=ProceduralStatus.choices)
    requested_on = forms.DateField(
        label=_("Ngày người đó yêu cầu tại cơ quan"),
        help_text=_(
            "Điều 31(3): cơ quan thông báo cho Trung tâm trong 12 giờ (người bị bắt, tạm giữ) hoặc 24 giờ "
            "(bị can, bị cáo, bị hại) kể từ thời điểm này."
        ),
    )
    requested_time = forms.TimeField(label=_("Giờ"), help_text=TIME_HELP, widget=TimeInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Organisation.objects.visible_to(user).filter(kind=OrganisationKind.AGENCY)

    @property
    def requested_at(self) -> dt.datetime:
        return _combine(self.cleaned_data["requested_on"], self.cleaned_data["requested_time"])


# --- Decisions ---------------------------------------------------------------------------------------------------


class _DecisionForm(BootstrapMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AcceptForm(_DecisionForm):
    form_of_aid = forms.ModelChoiceField(label=_("Hình thức trợ giúp"), queryset=FormOfAid.objects.all())
    immediate = forms.BooleanField(
        label=_("Thụ lý ngay (giấy tờ bổ sung sau)"),
        required=False,
        help_text=_("Luật TGPL Điều 30(4); Thông tư 12/2018/TT-BTP Điều 6."),
    )
    urgency_reason = forms.ChoiceField(
        label=_("Căn cứ thụ lý ngay"), choices=[("", "---------"), *UrgencyReason.choices], required=False
    )
    papers_due_on = forms.DateField(
        label=_("Hạn bổ sung giấy tờ"), required=False, help_text=_("Để trống: tính theo ngày làm việc.")
    )
    conflict_note = forms.CharField(
        label=_("Ý kiến về xung đột quyền lợi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi có dấu hiệu xung đột quyền lợi (Điều 25(2)(a))."),
    )
    field_order = ["form_of_aid", "immediate", "urgency_reason", "papers_due_on", "conflict_note", "note", "version"]


class AskPapersForm(_DecisionForm):
    missing_papers = forms.CharField(
        label=_("Giấy tờ còn thiếu"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi giấy tờ một dòng (Luật TGPL Điều 30(2))."),
    )
    papers_due_on = forms.DateField(
        label=_("Hạn bổ sung"), required=False, help_text=_("Để trống: 05 ngày làm việc kể từ hôm nay.")
    )
    field_order = ["missing_papers", "papers_due_on", "note", "version"]

    def clean_missing_papers(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["missing_papers"].splitlines() if line.strip()]


class RefuseForm(_DecisionForm):
    ground = forms.ChoiceField(
        label=_("Lý do từ chối (Điều 30(3))"), choices=RefusalGround.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Nội dung lý do"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Ghi vào văn bản từ chối.")
    )
    field_order = ["ground", "note", "version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].widget.attrs["class"] = "form-check-input"


class TransferForm(_DecisionForm):
    transfer_to = forms.CharField(label=_("Chuyển đến"), max_length=255)
    field_order = ["transfer_to", "note", "version"]


class SimpleMatterForm(BootstrapMixin, forms.ModelForm):
    person = forms.ModelChoiceField(label=_("Người hỏi"), queryset=Person.objects.none())

    class Meta:
        model = SimpleMatter
        fields = ["person", "channel", "field_of_law", "question", "answer"]
        widgets = {"question": forms.Textarea(attrs={"rows": 3}), "answer": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.visible_to(user)


class RegisterChoiceForm(BootstrapMixin, forms.Form):
    """The unit and year of the books to print (the registers page); the units are those the user may print."""

    #: The first year of the books: the Law on Legal Aid 2017 took effect on 01/01/2018.
    FIRST_YEAR = 2018

    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Organisation.objects.none(), empty_label=None)
    year = forms.IntegerField(label=_("Năm"), min_value=FIRST_YEAR)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("Năm chưa đến: chưa có sổ của năm này."), code="future")
        return year
