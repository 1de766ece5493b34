"""Forms of the payments app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin

from .choices import DecisionOutcome, Payer, PaymentMethod, PaymentStatus
from .models import BaseSalary


class BaseSalaryForm(BootstrapMixin, forms.ModelForm):
    """A new base salary value (lương cơ sở) set by a decree."""

    class Meta:
        model = BaseSalary
        fields = ["valid_from", "amount", "reference"]
        help_texts = {
            "amount": _("Số đồng mỗi tháng, không có phần lẻ, ví dụ 2340000."),
        }


class ProposeForm(BootstrapMixin, forms.Form):
    """How the fee is computed: per session on the appraised sessions, or a lump sum by complexity (Art. 13(1))."""

    method = forms.ChoiceField(label=_("Cách tính"), choices=PaymentMethod.choices, initial=PaymentMethod.PER_SESSION)
    lump_multiple = forms.DecimalField(
        label=_("Mức khoán (lần lương cơ sở)"),
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text=_("Chỉ với khoán chi: từ 3 đến 10 lần lương cơ sở theo mức độ phức tạp (Điều 13 khoản 1)."),
    )


class VersionForm(BootstrapMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class RejectForm(VersionForm):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class PaidForm(VersionForm):
    paid_on = forms.DateField(label=_("Ngày chi"))
    voucher = forms.CharField(label=_("Số chứng từ chi"), max_length=60, required=False)


class DecisionForm(BootstrapMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Quyết định"), choices=DecisionOutcome.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class PaymentFilterForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *PaymentStatus.choices]
    )
    payer = forms.ChoiceField(label=_("Đơn vị chi trả"), required=False, choices=[("", _("Tất cả")), *Payer.choices])
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2018, max_value=2100)
