from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation

from .choices import ApiScope, KeyKind
from .services import key_owners


class ApiKeyForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Tên kết nối"), max_length=120)
    kind = forms.ChoiceField(label=_("Loại kết nối"), choices=KeyKind.choices)
    owner = forms.ModelChoiceField(label=_("Đơn vị quản lý"), queryset=Organisation.objects.none())
    agency = forms.ModelChoiceField(
        label=_("Cơ quan tiến hành tố tụng"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Chỉ với kết nối của cơ quan tiến hành tố tụng: cơ quan chỉ xem được văn bản do mình chuyển."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Phạm vi"), choices=ApiScope.choices, widget=forms.CheckboxSelectMultiple
    )
    expires_on = forms.DateField(
        label=_("Hết hạn ngày"), required=False, help_text=_("Để trống: không hết hạn (có thể thu hồi bất cứ lúc nào).")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        owners = key_owners(user)
        self.fields["owner"].queryset = owners
        if owners.count() == 1:
            self.fields["owner"].initial = owners.first().pk
        self.fields["agency"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.AGENCY, centre__in=owners.filter(kind=OrganisationKind.CENTRE)
        ).order_by("name")
        self.fields["scopes"].widget.attrs["class"] = "form-check-input"

    def clean_expires_on(self):
        value = self.cleaned_data.get("expires_on")
        if value is not None and value <= timezone.localdate():
            raise forms.ValidationError(_("Ngày hết hạn phải sau hôm nay."))
        return value

    @property
    def expires_at(self):
        """The key stops working at the end of the chosen day (local time)."""
        value = self.cleaned_data.get("expires_on")
        if value is None:
            return None
        return timezone.make_aware(dt.datetime.combine(value + dt.timedelta(days=1), dt.time.min))
