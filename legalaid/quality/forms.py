"""Forms of quality management. They parse input; the rules are in ``services``, whose errors come back beside the
fields (``apply_form_errors``)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import User

from .models import CriteriaSet, ResultLevel
from .services import APPRAISER_ROLES


class AppraiserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name or obj.username} – {obj.get_role_display()}"


class AssignAppraiserForm(BootstrapMixin, forms.Form):
    """Name the appraiser. The choices are the Centre's professional staff; whether one of them is a provider of the
    case is the service's check (TT 12/2018 Art. 16: the appraiser is independent of the provider)."""

    appraiser = AppraiserChoiceField(
        label=_("Người thẩm định"),
        queryset=User.objects.none(),
        help_text=_("Không được là người thực hiện trợ giúp pháp lý của vụ việc."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        from legalaid.core.models import Organisation

        units = Organisation.objects.filter(pk=case.centre_id) | Organisation.objects.filter(parent_id=case.centre_id)
        self.fields["appraiser"].queryset = User.objects.filter(
            is_active=True, role__in=APPRAISER_ROLES, organisation__in=units.values("pk")
        ).order_by("full_name", "pk")


class AppraisalForm(BootstrapMixin, forms.Form):
    """The appraisal: one field of points per criterion of the set in force (``score_<code>``), the appraised working
    time in sessions, the result level (empty: decided by the total) and the conclusion. The bounds (points of each
    criterion, the session cap) are the service's checks, so that their messages cite the rule."""

    appraised_sessions = forms.DecimalField(
        label=_("Thời gian thực hiện được thẩm định (buổi)"),
        max_digits=6,
        decimal_places=1,
        localize=True,
        help_text=_(
            "Một buổi là 4 giờ làm việc; tối đa 30 buổi (tham gia tố tụng), 20 buổi (đại diện ngoài tố tụng) – "
            "Điều 3, Điều 8 Thông tư 02/2021/TT-BTP."
        ),
    )
    result_level = forms.ModelChoiceField(
        label=_("Mức kết quả"),
        queryset=ResultLevel.objects.filter(is_active=True),
        required=False,
        help_text=_("Để trống để xếp mức theo tổng điểm."),
    )
    conclusion = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 4}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, criteria_set: CriteriaSet | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria_set.criteria.all()) if criteria_set else []
        self.score_names = []
        for criterion in self.criteria:
            name = f"score_{criterion.code}"
            self.fields[name] = forms.DecimalField(
                label=f"{criterion.code}. {criterion.text}",
                max_digits=5,
                decimal_places=1,
                localize=True,
                help_text=_("Tối đa %(max)s điểm") % {"max": criterion.max_points},
            )
            self.fields[name].widget.attrs.update({"class": "form-control", "inputmode": "decimal"})
            self.score_names.append(name)
        # Scores first, in the order of the criteria.
        self.order_fields([*self.score_names, "appraised_sessions", "result_level", "conclusion", "version"])

    def scores(self) -> dict[str, Decimal]:
        return {c.code: self.cleaned_data.get(f"score_{c.code}") for c in self.criteria}

    def score_fields(self):
        return [(c, self[f"score_{c.code}"]) for c in self.criteria]
