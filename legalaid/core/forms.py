from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.fields import harden
from legalaid.core.models import BranchCommune, CalendarOverride, Commune, CommuneFlag, Organisation, User
from legalaid.lib.parsing import parse_id


class DateInput(forms.DateInput):
    """dd/mm/yyyy typed or picked."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **(attrs or {})}
        # ``date-input`` keeps the field wide enough for dd/mm/yyyy (app.css).
        classes = attrs.get("class", "form-control").split()
        attrs["class"] = " ".join([*classes, "date-input"] if "date-input" not in classes else classes)
        super().__init__(attrs=attrs, format="%d/%m/%Y")


#: The empty choice of a select, instead of Django's "---------".
EMPTY_CHOICE = _("— Chọn —")


def _say_choose(field) -> None:
    """A select's empty choice reads "— Chọn —" (a form's own label, set after, still wins)."""
    if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
        field.empty_label = EMPTY_CHOICE
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = list(field.choices)
        if choices and choices[0] == ("", "---------"):
            field.choices = [("", EMPTY_CHOICE), *choices[1:]]


class BootstrapMixin:
    """Bootstrap classes on every widget, and aria-invalid on fields with errors; every id, date and integer field
    bounded by ``legalaid.core.fields.harden`` (an out-of-range value is a message beside the field, never a 500).

    Fields are marked invalid as errors are added, never by validating in ``__init__``: a subclass narrows its
    querysets (to what the user may see) and its required fields after this ``__init__``, and validation must run
    with them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            widget.attrs["class"] = css
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs=widget.attrs)
            _say_choose(field)
        harden(self)

    def full_clean(self):
        # Again before validating: a subclass may add fields after this class's __init__.
        harden(self)
        super().full_clean()

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self._errors or {}:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs.get("class", "").split():
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"


class OrganisationForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name",
            "short_name",
            "code",
            "parent",
            "centre",
            "province",
            "commune",
            "street",
            "phone",
            "email",
            "opening_hours",
            "head_name",
            "partner_type",
            "partner_form",
            "contract_number",
            "valid_from",
            "valid_to",
            "agency_type",
            "is_active",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        visible = Organisation.objects.visible_to(user)
        self.fields["parent"].queryset = visible.filter(kind__in=[OrganisationKind.DOJ, OrganisationKind.CENTRE])
        self.fields["centre"].queryset = visible.centres()
        self.fields["centre"].help_text = _("Chỉ cho tổ chức tham gia và cơ quan tiến hành tố tụng.")
        self.fields["commune"].queryset = Commune.objects.none()
        province_id = parse_id(self.data.get("province")) if self.is_bound else self.instance.province_id
        if province_id:
            self.fields["commune"].queryset = Commune.objects.filter(province_id=province_id)


class BranchCommuneForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = BranchCommune
        fields = ["commune", "valid_from", "valid_to"]

    def __init__(self, *args, branch, **kwargs):
        super().__init__(*args, **kwargs)
        province_id = branch.province_id or (branch.centre.province_id if branch.centre else None)
        qs = Commune.objects.select_related("province")
        self.fields["commune"].queryset = qs.filter(province_id=province_id) if province_id else qs


class UserForm(BootstrapMixin, forms.ModelForm):
    password = forms.CharField(
        label=_("Mật khẩu"),
        widget=forms.PasswordInput,
        required=False,
        help_text=_("Để trống khi sửa nếu không đổi mật khẩu. Ít nhất 10 ký tự."),
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "phone", "job_title", "role", "organisation", "is_active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)
        self.fields["organisation"].required = True
        if self.instance.pk is None:
            self.fields["password"].required = True

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            validate_password(password, self.instance)
        return password


class CommuneFlagForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = CommuneFlag
        fields = ["kind", "valid_from", "valid_to", "source_document"]


class CalendarOverrideForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = CalendarOverride
        fields = ["date", "kind", "reason"]


class WorkingDaysForm(BootstrapMixin, forms.Form):
    start = forms.DateField(label=_("Từ ngày"))
    days = forms.IntegerField(label=_("Số ngày làm việc"), min_value=0, max_value=365)
