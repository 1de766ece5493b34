"""The upload form of a legacy register."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation


class RegisterUploadForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Sổ của đơn vị"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_(
            "Mỗi đơn vị (Trung tâm, từng Chi nhánh) có sổ thụ lý riêng theo năm (Điều 5 Thông tư 12/2018/TT-BTP)."
        ),
    )
    file = forms.FileField(
        label=_("Tệp sổ thụ lý (.xlsx)"),
        help_text=_(
            "Sổ theo Mẫu số 01-TP-TGPL của các năm trước; mỗi dòng một vụ việc. Hệ thống kiểm tra trước, chưa ghi gì."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
