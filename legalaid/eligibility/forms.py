"""The facts form: the same fields as ``rules.Facts``, with Vietnamese labels. The intake form reuses it (or its
field names) and targets the ``eligibility/_result.html`` partial."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin

from .choices import HouseholdStatus, ProceduralRole
from .models import ProofDocument
from .rules import Facts


def _flag(label, help_text=""):
    return forms.BooleanField(label=label, required=False, help_text=help_text)


class FactsForm(BootstrapMixin, forms.Form):
    """What is known about the beneficiary, and the date to evaluate on (the date of the request)."""

    on_date = forms.DateField(
        label=_("Ngày xét (ngày yêu cầu)"),
        required=False,
        help_text=_("Diện được xác định theo văn bản có hiệu lực vào ngày này; để trống là hôm nay."),
    )
    date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False)
    birth_year = forms.IntegerField(
        label=_("Năm sinh (nếu không rõ ngày sinh)"), required=False, min_value=1900, max_value=2100
    )
    household = forms.ChoiceField(
        label=_("Hộ gia đình"), choices=HouseholdStatus.choices, initial=HouseholdStatus.NONE, required=False
    )
    procedural_roles = forms.MultipleChoiceField(
        label=_("Tư cách tham gia tố tụng"),
        choices=[c for c in ProceduralRole.choices if c[0] != ProceduralRole.NONE],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Người bị buộc tội: người bị bắt, bị tạm giữ, bị can, bị cáo (Điều 7 khoản 5, 6)."),
    )
    revolutionary_merit = _flag(_("Người có công với cách mạng"), _("Luật TGPL, Điều 7 khoản 1"))
    ethnic_minority = _flag(_("Người dân tộc thiểu số"), _("Luật TGPL, Điều 7 khoản 4"))
    lives_in_especially_difficult_area = _flag(
        _("Cư trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn"),
        _("Theo danh sách xã đặc biệt khó khăn tại ngày xét (Điều 7 khoản 4)."),
    )
    receives_social_allowance = _flag(
        _("Đang hưởng trợ cấp xã hội hằng tháng"), _("Khó khăn về tài chính: Nghị định 144/2017/NĐ-CP, Điều 2")
    )
    in_social_protection_facility = _flag(
        _("Đang sống tại nhà xã hội, cơ sở bảo trợ xã hội"),
        _("Quyết định tiếp nhận được chấp nhận làm giấy tờ chứng minh khó khăn về tài chính."),
    )
    martyr_relative = _flag(
        _("Cha đẻ, mẹ đẻ, vợ, chồng, con liệt sĩ hoặc người nuôi dưỡng liệt sĩ"), _("Điều 7 khoản 7 điểm a")
    )
    agent_orange = _flag(_("Người nhiễm chất độc da cam"), _("Điều 7 khoản 7 điểm b"))
    disability = _flag(_("Người khuyết tật"), _("Điều 7 khoản 7 điểm d"))
    domestic_violence_victim = _flag(_("Nạn nhân bạo lực gia đình"), _("Điều 7 khoản 7 điểm e"))
    hiv = _flag(_("Người nhiễm HIV"), _("Điều 7 khoản 7 điểm h"))
    trafficking_victim = _flag(
        _("Nạn nhân của hành vi mua bán người"), _("Điều 7 khoản 6a từ 01/07/2025; trước đó khoản 7 điểm g")
    )
    trafficking_under_identification = _flag(
        _("Đang trong quá trình xác định là nạn nhân mua bán người"), _("Điều 7 khoản 6a, từ 01/07/2025")
    )
    accompanying_trafficking_victim = _flag(
        _("Người dưới 18 tuổi đi cùng nạn nhân mua bán người"), _("Điều 7 khoản 6a, từ 01/07/2025")
    )
    foreigner = _flag(_("Người nước ngoài"))
    proofs_provided = forms.MultipleChoiceField(
        label=_("Giấy tờ chứng minh đã nộp"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proofs_provided"].choices = list(ProofDocument.objects.values_list("code", "name"))
        # Multiple-choice checkboxes take no Bootstrap class on the <ul>; each input gets form-check-input.
        for name in ("procedural_roles", "proofs_provided"):
            self.fields[name].widget.attrs = {"class": "form-check-input"}

    def clean_date_of_birth(self):
        value = self.cleaned_data.get("date_of_birth")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Ngày sinh không thể sau hôm nay."))
        return value

    def clean(self):
        cleaned = super().clean()
        dob, year = cleaned.get("date_of_birth"), cleaned.get("birth_year")
        if dob and year and dob.year != year:
            self.add_error("birth_year", _("Năm sinh khác với năm của ngày sinh."))
        return cleaned

    @property
    def evaluation_date(self) -> dt.date:
        """The date to evaluate on (valid form only)."""
        return self.cleaned_data.get("on_date") or timezone.localdate()

    def to_facts(self) -> Facts:
        """The facts of a valid form."""
        return Facts.from_mapping(self.cleaned_data)
