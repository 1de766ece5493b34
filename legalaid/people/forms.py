"""The person form, shared by the people pages and the intake form.

Use it with a prefix inside another form (``PersonForm(request.POST or None, user=request.user, prefix="person")``),
render its fields with the ``person_fields`` macro of ``people/_person_fields.html``, then::

    person = services.person_create(actor=request.user, person=form.save(commit=False))

or, when editing::

    services.person_update(actor=..., person=form.save(commit=False), version=form.cleaned_data["version"])
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Commune
from legalaid.lib.parsing import parse_id

from . import services
from .choices import CorrectionDecision, IdType
from .models import Ethnicity, Person


class PersonForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = [
            "full_name",
            "sex",
            "date_of_birth",
            "birth_year",
            "id_type",
            "id_number",
            "id_warnings_confirmed",
            "ethnicity",
            "nationality",
            "province",
            "commune",
            "street",
            "old_address",
            "phone",
            "has_disability",
            "disability_note",
            "notes",
        ]
        labels = {"id_warnings_confirmed": services.CONFIRM_LABEL}
        help_texts = {
            "id_number": _(
                "Căn cước: 12 chữ số (3 số đầu là mã tỉnh nơi đăng ký khai sinh, số thứ 4 là giới tính và thế kỷ "
                "sinh, số thứ 5-6 là năm sinh). CMND cũ: 9 chữ số."
            ),
            "date_of_birth": _("Ngày/tháng/năm, ví dụ 02/03/1985. Nếu chỉ biết năm sinh, hãy nhập ô năm sinh."),
            "old_address": _("Địa chỉ trên giấy tờ cấp trước ngày 01/07/2025 (có huyện), ghi nguyên văn."),
        }
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "birth_year": forms.NumberInput(attrs={"min": 1900, "inputmode": "numeric"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.id_check = None
        self.fields["ethnicity"].queryset = Ethnicity.objects.all()
        self.fields["commune"].queryset = Commune.objects.none()
        province_id = parse_id(self._value("province")) if self.is_bound else self.instance.province_id
        if province_id:
            self.fields["commune"].queryset = Commune.objects.filter(province_id=province_id).only(
                "id", "name", "province_id"
            )
        # The confirmation box always starts unticked: a confirmation stands on its own only while the identity
        # fields stay unchanged (legalaid.people.services.check_identity).
        self.initial["id_warnings_confirmed"] = False
        self.initial["version"] = self.instance.version if self.instance.pk else None

    def _value(self, name):
        return self.data.get(self.add_prefix(name))

    def clean(self):
        data = super().clean()
        dob, year = data.get("date_of_birth"), data.get("birth_year")
        today = timezone.localdate()
        if dob and dob > today:
            self.add_error("date_of_birth", _("Ngày sinh không được sau ngày hôm nay."))
        if year is not None and not 1900 <= year <= today.year:
            self.add_error("birth_year", _("Năm sinh phải từ 1900 đến năm nay."))
        if dob and year and dob.year != year:
            self.add_error("birth_year", _("Năm sinh khác với năm của ngày sinh."))
        province, commune = data.get("province"), data.get("commune")
        if commune and province and commune.province_id != province.pk:
            self.add_error("commune", _("Xã, phường không thuộc tỉnh, thành phố đã chọn."))
        if "id_number" in data and "id_type" in data:
            result, already_confirmed = services.check_identity(
                id_type=data.get("id_type") or IdType.CCCD,
                id_number=data.get("id_number") or "",
                date_of_birth=dob,
                birth_year=year,
                sex=data.get("sex"),
                previous=self.instance if self.instance.pk else None,
            )
            self.id_check = result
            if result.errors:
                for error in result.errors:
                    self.add_error("id_number", error)
            elif result.warnings and not already_confirmed and not data.get("id_warnings_confirmed"):
                self.add_error("id_warnings_confirmed", services.confirmation_message(result.warnings))
            else:
                data["id_number"] = result.number
        return data

    #: Fields whose change re-runs the live duplicate and identity check (``people:duplicates``).
    WATCHED = ("full_name", "sex", "date_of_birth", "birth_year", "id_type", "id_number", "commune")

    def watched_selectors(self) -> list[str]:
        return ["#" + self[name].id_for_label for name in self.WATCHED]

    @property
    def id_warnings(self) -> list[str]:
        return self.id_check.warnings if self.id_check and not self.id_check.errors else []


class CorrectionRequestForm(BootstrapMixin, forms.Form):
    """A data subject's request to correct their data, as received (docs/privacy.md)."""

    received_on = forms.DateField(label=_("Ngày nhận yêu cầu"))
    asked = forms.CharField(
        label=_("Nội dung yêu cầu chỉnh sửa"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ghi đúng điều người đó yêu cầu sửa và lý do họ nêu (ví dụ: ngày sinh đúng là 02/03/1985)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("received_on", timezone.localdate())


class CorrectionDecisionForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Quyết định"), choices=CorrectionDecision.choices)
    reason = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi từ chối hoặc chỉ chấp nhận một phần."),
    )
