"""The period and unit picker of the report pages (GET), and the parameters of a drill-down list."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin

from . import facts
from .models import PeriodKind
from .periods import RANGE, Period, range_period, regime_period

FIRST_YEAR = 2018  # the Law on Legal Aid 11/2017/QH14 in force from 01/01/2018


class ReportForm(BootstrapMixin, forms.Form):
    period = forms.ChoiceField(
        label=_("Kỳ báo cáo"), choices=[*PeriodKind.choices, (RANGE, _("Khoảng thời gian tùy chọn"))], required=False
    )
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=FIRST_YEAR, max_value=2100)
    start = forms.DateField(label=_("Từ ngày"), required=False)
    end = forms.DateField(label=_("Đến ngày"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị trong phạm vi")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = facts.unit_choices(user)
        self.today = timezone.localdate()

    def clean(self):
        data = super().clean()
        kind = data.get("period") or PeriodKind.YEAR
        if kind == RANGE:
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Hãy nhập ngày bắt đầu và ngày kết thúc của khoảng thời gian."))
            data["report_period"] = range_period(start, end)
            return data
        year = data.get("year") or self.today.year
        try:
            data["report_period"] = regime_period(kind, year)
        except LookupError:
            raise forms.ValidationError(_("Chưa có quy định về kỳ báo cáo này cho năm đã chọn.")) from None
        return data

    def result(self) -> tuple[Period, object]:
        """The period and unit chosen; this year's annual period over the whole scope when the form is not valid."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["report_period"], self.cleaned_data.get("unit")
        try:
            return regime_period(PeriodKind.YEAR, self.today.year), None
        except LookupError:
            return range_period(self.today.replace(month=1, day=1), self.today), None


def default_data(today: dt.date, *, to_date: bool = False) -> dict:
    if to_date:
        return {"period": RANGE, "start": f"{today:01/01/%Y}", "end": f"{today:%d/%m/%Y}"}
    return {"period": PeriodKind.YEAR, "year": today.year}


class DrillForm(BootstrapMixin, forms.Form):
    """What a drill-down list shows: the measure, the counted days, the unit, and the cell's dimensions (read from
    the other query parameters by ``dims``)."""

    measure = forms.ChoiceField(choices=[(m.code, m.label) for m in facts.MEASURES.values()])
    start = forms.DateField()
    end = forms.DateField()
    unit = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, data, *, user):
        data = data.copy()
        data.setdefault("start", data.get("from", ""))
        data.setdefault("end", data.get("to", ""))
        data.setdefault("unit", data.get("centre", ""))  # the catalogue's drill-down links (``Metric.drilldown_url``)
        super().__init__(data)
        self.fields["unit"].queryset = facts.unit_choices(user)
        self.raw = data

    def dims(self) -> dict[str, str]:
        return {code: self.raw.get(code) for code in facts.DIMENSIONS if self.raw.get(code)}
