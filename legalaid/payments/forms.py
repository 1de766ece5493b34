"""Forms of the payments app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin

from .models import BaseSalary


class BaseSalaryForm(BootstrapMixin, forms.ModelForm):
    """A new base salary value (lương cơ sở) set by a decree."""

    class Meta:
        model = BaseSalary
        fields = ["valid_from", "amount", "reference"]
        help_texts = {
            "amount": _("Số đồng mỗi tháng, không có phần lẻ, ví dụ 2340000."),
        }
