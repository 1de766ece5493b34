"""The portal's forms: few questions, plain words, labels on every field, errors beside the field in Vietnamese.

Every form that sends something carries a honeypot field (``website``): hidden from people (and from screen readers),
filled in by robots; a filled one is refused without saying why (issue 12 item 7).
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Commune
from legalaid.intake.choices import Relationship
from legalaid.intake.models import FieldOfLaw
from legalaid.lib.parsing import parse_id
from legalaid.people.choices import Sex

from . import consent, uploads
from .choices import Applicant, Need, SecondItem
from .selectors import communes_of, provinces_with_centre

HOUSEHOLD = [
    ("poor", _("Hộ nghèo (có giấy chứng nhận hộ nghèo)")),
    ("near_poor", _("Hộ cận nghèo")),
    ("none", _("Không phải, hoặc không rõ")),
]

#: The situations of the self-check in plain words -> the facts of ``eligibility.Facts`` they set (Law Art. 7).
SITUATIONS = [
    ("revolutionary_merit", _("Là người có công với cách mạng (thương binh, bệnh binh, người hoạt động kháng chiến…)")),
    ("martyr_relative", _("Là cha, mẹ, vợ, chồng, con của liệt sĩ, hoặc người đã nuôi liệt sĩ khi còn nhỏ")),
    ("agent_orange", _("Bị nhiễm chất độc da cam")),
    ("disability", _("Là người khuyết tật")),
    ("hiv", _("Bị nhiễm HIV")),
    ("domestic_violence_victim", _("Bị bạo lực gia đình")),
    ("trafficking_victim", _("Bị mua bán người, hoặc đang được xác định là nạn nhân")),
    ("ethnic_area", _("Là người dân tộc thiểu số, sống ở xã, thôn đặc biệt khó khăn")),
    ("receives_social_allowance", _("Đang nhận trợ cấp xã hội hằng tháng")),
    ("in_social_protection_facility", _("Đang sống ở cơ sở bảo trợ xã hội, nhà xã hội")),
]
SITUATION_FACTS = {
    "ethnic_area": ("ethnic_minority", "lives_in_especially_difficult_area"),
    "trafficking_victim": ("trafficking_victim", "trafficking_under_identification"),
}

#: Criminal matters in plain words -> procedural roles (Criminal Procedure Code 2015 Art. 4; Law 59/2024).
CRIMINAL = [
    ("none", _("Không liên quan đến vụ án hình sự")),
    ("accused", _("Đang bị bắt, bị tạm giữ, bị khởi tố hoặc bị đưa ra xét xử")),
    ("victim", _("Là người bị hại trong vụ án")),
    ("witness", _("Là người làm chứng")),
    ("reported", _("Bị người khác tố giác, tố cáo")),
]
CRIMINAL_ROLES = {
    "none": [],
    "accused": ["suspect"],
    "victim": ["victim"],
    "witness": ["witness"],
    "reported": ["reported"],
}


class HoneypotMixin(forms.Form):
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())


class ProvinceMixin(forms.Form):
    """A province among those with a Centre."""

    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=provinces_with_centre())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_with_centre()


class SelfCheckForm(BootstrapMixin, ProvinceMixin, forms.Form):
    birth_year = forms.IntegerField(
        label=_("Năm sinh của người cần giúp"), required=False, min_value=1900, max_value=2100
    )
    date_of_birth = forms.DateField(
        label=_("Ngày sinh, nếu nhớ (ngày/tháng/năm)"), required=False, help_text=_("Ví dụ: 05/03/2010")
    )
    household = forms.ChoiceField(
        label=_("Gia đình có thuộc hộ nghèo hoặc cận nghèo không?"),
        choices=HOUSEHOLD,
        initial="none",
        widget=forms.RadioSelect,
    )
    situations = forms.MultipleChoiceField(
        label=_("Người cần giúp có thuộc trường hợp nào dưới đây không? (chọn tất cả những gì đúng)"),
        choices=SITUATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    criminal = forms.ChoiceField(
        label=_("Việc cần giúp có liên quan đến vụ án hình sự không?"),
        choices=CRIMINAL,
        initial="none",
        widget=forms.RadioSelect,
    )

    commune = forms.ModelChoiceField(
        label=_("Xã, phường, đặc khu (nếu muốn biết đúng văn phòng phục vụ)"),
        queryset=Commune.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].required = False
        self.fields["province"].label = _("Ông/bà sống ở tỉnh, thành phố nào? (để chỉ văn phòng gần nhất)")
        self.fields["commune"].queryset = communes_of(parse_id(self.data.get("province")) if self.is_bound else None)

    def clean_date_of_birth(self):
        day = self.cleaned_data.get("date_of_birth")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Ngày sinh không được sau ngày hôm nay."))
        return day

    def facts(self) -> dict:
        data = self.cleaned_data
        facts: dict = {
            "household": data.get("household") or "none",
            "date_of_birth": data.get("date_of_birth"),
            "birth_year": data.get("birth_year") if not data.get("date_of_birth") else None,
            "procedural_roles": CRIMINAL_ROLES.get(data.get("criminal") or "none", []),
        }
        for situation in data.get("situations") or []:
            for name in SITUATION_FACTS.get(situation, (situation,)):
                facts[name] = True
        return facts


class OfficeFinderForm(BootstrapMixin, ProvinceMixin, forms.Form):
    commune = forms.ModelChoiceField(label=_("Xã, phường, đặc khu"), queryset=Commune.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province_id = parse_id(self.data.get("province")) if self.is_bound else None
        self.fields["commune"].queryset = communes_of(province_id)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class RequestForm(BootstrapMixin, HoneypotMixin, ProvinceMixin, forms.Form):
    applicant = forms.ChoiceField(
        label=_("Ai cần trợ giúp?"), choices=Applicant.choices, initial=Applicant.SELF, widget=forms.RadioSelect
    )
    full_name = forms.CharField(label=_("Họ và tên của ông/bà"), max_length=120)
    sex = forms.ChoiceField(label=_("Giới tính"), choices=Sex.choices, widget=forms.RadioSelect)
    date_of_birth = forms.DateField(
        label=_("Ngày sinh của ông/bà (ngày/tháng/năm)"),
        required=False,
        help_text=_("Dùng để tra cứu yêu cầu sau này. Ví dụ: 05/03/1960"),
    )
    phone = forms.CharField(
        label=_("Số điện thoại để Trung tâm gọi lại"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("Thư điện tử (nếu có)"), required=False)
    relationship = forms.ChoiceField(
        label=_("Ông/bà là gì của người cần giúp?"),
        choices=[("", _("— Chọn —")), *[c for c in Relationship.choices if c[0] != Relationship.SELF]],
        required=False,
    )
    beneficiary_name = forms.CharField(label=_("Họ và tên người cần giúp"), max_length=120, required=False)
    beneficiary_sex = forms.ChoiceField(
        label=_("Giới tính của người cần giúp"),
        choices=[("", _("— Chọn —")), *Sex.choices],
        required=False,
    )
    beneficiary_birth_year = forms.IntegerField(
        label=_("Năm sinh của người cần giúp"), required=False, min_value=1900, max_value=2100
    )
    commune = forms.ModelChoiceField(label=_("Xã, phường, đặc khu"), queryset=Commune.objects.none())
    street = forms.CharField(label=_("Số nhà, thôn, ấp, tổ dân phố"), max_length=255, required=False)
    need = forms.ChoiceField(label=_("Ông/bà cần gì?"), choices=Need.choices, widget=forms.RadioSelect)
    field_of_law = forms.ModelChoiceField(label=_("Việc thuộc loại nào?"), queryset=FieldOfLaw.objects.none())
    summary = forms.CharField(
        label=_("Kể ngắn gọn sự việc"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Chuyện gì đã xảy ra, với ai, từ bao giờ, ông/bà mong được giúp gì."),
    )
    papers = MultipleFileField(
        label=_("Ảnh chụp giấy tờ (nếu có)"),
        required=False,
        help_text=_("Ảnh JPG, PNG hoặc tệp PDF; tối đa %(n)s tệp, mỗi tệp tối đa %(mb)s MB.")
        % {"n": uploads.max_files(), "mb": uploads.max_bytes() // 1024 // 1024},
    )
    consent = forms.BooleanField(label=consent.TEXTS[consent.CURRENT])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province_id = parse_id(self.data.get("province") if self.is_bound else self.initial.get("province"))
        self.fields["commune"].queryset = communes_of(province_id)
        self.fields["field_of_law"].queryset = FieldOfLaw.objects.filter(in_scope=True)
        self.fields["papers"].widget.attrs.pop("class", None)
        self.fields["papers"].widget.attrs["class"] = "form-control"
        self.fields["consent"].error_messages["required"] = _(
            "Cần có sự đồng ý của ông/bà để Trung tâm xem xét yêu cầu."
        )

    def clean_date_of_birth(self):
        day = self.cleaned_data.get("date_of_birth")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Ngày sinh không được sau ngày hôm nay."))
        return day

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = "".join(ch for ch in phone if ch.isdigit())
        if len(digits) < 9 or len(digits) > 12 or any(not (ch.isdigit() or ch in " +.-()") for ch in phone):
            raise forms.ValidationError(_("Số điện thoại chưa đúng, ví dụ: 0912 345 678."))
        return phone

    def clean(self):
        data = super().clean()
        if data.get("applicant") == Applicant.RELATIVE:
            if not (data.get("beneficiary_name") or "").strip():
                self.add_error("beneficiary_name", _("Hãy ghi họ và tên người cần giúp."))
            if not data.get("beneficiary_sex"):
                self.add_error("beneficiary_sex", _("Hãy chọn giới tính của người cần giúp."))
            if not data.get("relationship"):
                self.add_error("relationship", _("Hãy chọn ông/bà là gì của người cần giúp."))
        year = data.get("beneficiary_birth_year")
        if year and year > timezone.localdate().year:
            self.add_error("beneficiary_birth_year", _("Năm sinh không được sau năm nay."))
        return data

    def to_data(self, files: list):
        from .services import PersonData, RequestData

        d = self.cleaned_data
        relative = d["applicant"] == Applicant.RELATIVE
        return RequestData(
            applicant=d["applicant"],
            requester=PersonData(full_name=d["full_name"], sex=d["sex"], date_of_birth=d.get("date_of_birth")),
            phone=d["phone"],
            email=d.get("email") or "",
            province_id=d["province"].pk,
            commune_id=d["commune"].pk,
            street=d.get("street") or "",
            need=d["need"],
            field_of_law_id=d["field_of_law"].pk,
            summary=d["summary"],
            consent=bool(d.get("consent")),
            beneficiary=PersonData(
                full_name=d["beneficiary_name"], sex=d["beneficiary_sex"], birth_year=d.get("beneficiary_birth_year")
            )
            if relative
            else None,
            relationship=d.get("relationship") or Relationship.SELF,
            papers=files,
        )


class LookupForm(BootstrapMixin, HoneypotMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=30,
        help_text=_("12 chữ và số, in trên giấy biên nhận, ví dụ: ACDE-FHJK-MNPR"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    item = forms.ChoiceField(
        label=_("Để chắc chắn là ông/bà, hãy cho biết thêm"),
        choices=SecondItem.choices,
        initial=SecondItem.BIRTH_DATE,
        widget=forms.RadioSelect,
    )
    birth_date = forms.DateField(label=_("Ngày sinh (ngày/tháng/năm)"), required=False)
    phone_last4 = forms.CharField(
        label=_("4 số cuối điện thoại"),
        max_length=4,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("item") == SecondItem.BIRTH_DATE and not data.get("birth_date") and "birth_date" not in self.errors:
            self.add_error("birth_date", _("Hãy ghi ngày sinh."))
        if data.get("item") == SecondItem.PHONE:
            digits = data.get("phone_last4") or ""
            if len(digits) != 4 or not digits.isdigit():
                self.add_error("phone_last4", _("Hãy ghi đúng 4 chữ số cuối của số điện thoại."))
        return data


class PapersForm(BootstrapMixin, HoneypotMixin, forms.Form):
    papers = MultipleFileField(
        label=_("Ảnh chụp hoặc tệp PDF của giấy tờ"),
        help_text=_("Tối đa %(n)s tệp, mỗi tệp tối đa %(mb)s MB.")
        % {"n": uploads.max_files(), "mb": uploads.max_bytes() // 1024 // 1024},
    )
    description = forms.CharField(label=_("Đây là giấy tờ gì? (không bắt buộc)"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["papers"].error_messages["required"] = _("Hãy chọn ít nhất một tệp.")


class FeedbackForm(BootstrapMixin, HoneypotMixin, ProvinceMixin, forms.Form):
    content = forms.CharField(
        label=_("Nội dung góp ý, phản ánh"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Về chất lượng trợ giúp pháp lý ông/bà đã nhận, hoặc về cách Trung tâm tiếp nhận, giải quyết."),
    )
    sender_name = forms.CharField(label=_("Họ và tên (không bắt buộc)"), max_length=120, required=False)
    sender_contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử để trả lời (không bắt buộc)"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].label = _("Trung tâm của tỉnh, thành phố nào?")
