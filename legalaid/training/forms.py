"""Forms of the training app: they parse input (dates dd/mm/yyyy, hours with a comma or a point); the services check
the rules and their errors come back beside the fields."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import AgencyType, OrganisationKind
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest, SimpleMatter
from legalaid.people.models import Person
from legalaid.providers.models import Provider

from .models import DutySlot, Participation, TrainingEvent
from .services import CERTIFICATE_EXTENSIONS

HOURS_HELP = _(
    "Số giờ thực tế tham dự, ví dụ 4 hoặc 7,5. Trợ giúp viên pháp lý phải bồi dưỡng ít nhất 08 giờ/năm "
    "(Điều 4 Thông tư 12/2018/TT-BTP)."
)


class HoursField(forms.DecimalField):
    """Hours typed as "7,5" or "7.5": 0.5 to 999.5, one decimal."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 4)
        kwargs.setdefault("decimal_places", 1)
        kwargs.setdefault("max_value", Decimal("999.9"))
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("Hãy nhập số giờ bằng số, ví dụ 4 hoặc 7,5."),
                "max_digits": _("Số giờ quá lớn."),
                "max_decimal_places": _("Số giờ chỉ lấy một chữ số thập phân, ví dụ 7,5."),
                "max_whole_digits": _("Số giờ quá lớn."),
                "max_value": _("Số giờ quá lớn."),
            },
        )
        super().__init__(**kwargs)
        self.localize = False
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "size": 6})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        try:
            return super().to_python(value)
        except (InvalidOperation, ArithmeticError) as error:  # pragma: no cover - DecimalField already guards
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise ValidationError(_("Số giờ tham dự phải lớn hơn 0."), code="min")


def providers_for(user):
    """The active providers a user may list as participants or put on duty (their Centre; a branch: its own and the
    head office's)."""
    centre = user.centre
    qs = Provider.objects.visible_to(user).filter(is_active=True)
    return qs.filter(centre=centre) if centre is not None else qs.none()


class EventForm(BootstrapMixin, forms.ModelForm):
    participants = forms.ModelMultipleChoiceField(
        label=_("Người tham dự"),
        queryset=Provider.objects.none(),
        required=False,
        help_text=_("Chọn một hoặc nhiều người (giữ Ctrl để chọn nhiều). Sửa số giờ từng người sau khi lưu."),
    )
    hours = HoursField(label=_("Số giờ mỗi người tham dự"), required=False, help_text=HOURS_HELP)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = TrainingEvent
        fields = ["topic", "kind", "form", "starts_on", "ends_on", "organiser", "location", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, with_participants: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_participants:
            self.fields["participants"].queryset = providers_for(user).only("pk", "full_name").order_by("full_name")
            self.fields["participants"].widget.attrs["size"] = 8
        else:
            del self.fields["participants"]
            del self.fields["hours"]

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        if data.get("participants") and data.get("hours") is None and "hours" not in self.errors:
            self.add_error("hours", _("Hãy nhập số giờ tham dự của những người đã chọn."))
        return data


class ParticipantForm(BootstrapMixin, forms.ModelForm):
    certificate_upload = forms.FileField(
        label=_("Tệp giấy chứng nhận"),
        required=False,
        help_text=_("Bản chụp hoặc bản quét: %(types)s.") % {"types": ", ".join(CERTIFICATE_EXTENSIONS)},
    )
    hours = HoursField(label=_("Số giờ tham dự"), help_text=HOURS_HELP)

    class Meta:
        model = Participation
        fields = ["provider", "hours", "certificate_number", "certificate_date"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["provider"]
        else:
            self.fields["provider"].queryset = providers_for(user).order_by("full_name")


# --- Court duty --------------------------------------------------------------------------------------------------


def courts_for(user):
    return Organisation.objects.visible_to(user).filter(
        kind=OrganisationKind.AGENCY, agency_type=AgencyType.COURT, is_active=True
    )


class DutySlotForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = DutySlot
        fields = ["date", "session", "place_kind", "court", "location", "provider", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts_for(user).order_by("name")
        self.fields["provider"].queryset = providers_for(user).order_by("full_name")

    def clean(self):
        data = super().clean()
        if data.get("place_kind") == "online_point" and not (data.get("location") or "").strip():
            self.add_error("location", _("Hãy ghi nơi đặt điểm cầu trực tuyến."))
        return data

    def _get_validation_exclusions(self):
        """The one-slot-per-session rule is checked by the service, whose message goes beside the provider (the
        model's constraint would put it at the top)."""
        exclusions = super()._get_validation_exclusions()
        exclusions.add("provider")
        return exclusions


class DutyMatterForm(BootstrapMixin, forms.ModelForm):
    """A simple answer given on duty: intake's book of simple matters (Law Art. 32(2))."""

    person = forms.ModelChoiceField(label=_("Người hỏi"), queryset=Person.objects.none())

    class Meta:
        model = SimpleMatter
        fields = ["person", "field_of_law", "question", "answer"]
        widgets = {"question": forms.Textarea(attrs={"rows": 2}), "answer": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, prefix="matter", **kwargs)
        self.fields["person"].queryset = Person.objects.visible_to(user).order_by("full_name")
        self.fields["field_of_law"].queryset = FieldOfLaw.objects.all()


class DutyRequestForm(BootstrapMixin, forms.ModelForm):
    """A request for legal aid made on duty by the person themself; intake decides on it (Law Art. 29-30)."""

    beneficiary = forms.ModelChoiceField(label=_("Người yêu cầu trợ giúp"), queryset=Person.objects.none())

    class Meta:
        model = LegalAidRequest
        fields = ["beneficiary", "field_of_law", "desired_form", "summary", "court_case_reference"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, prefix="request", **kwargs)
        self.fields["beneficiary"].queryset = Person.objects.visible_to(user).order_by("full_name")
        self.fields["field_of_law"].queryset = FieldOfLaw.objects.all()
        self.fields["desired_form"].queryset = FormOfAid.objects.all()

    def _post_clean(self):
        super()._post_clean()
        # The requester is the beneficiary; the service fills in the unit and the channel.
        self.instance.requester = self.cleaned_data.get("beneficiary")


class YearForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(
        label=_("Năm"),
        min_value=2018,
        max_value=2100,
        error_messages={
            "invalid": _("Hãy nhập năm bằng số, ví dụ 2026."),
            "min_value": _("Năm phải từ 2018 trở đi (Thông tư 12/2018/TT-BTP)."),
            "max_value": _("Năm không được sau %(limit_value)s."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
    )
