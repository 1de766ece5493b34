"""Forms of the outreach pages. Rules are the services'; these parse input and narrow choices to the user's Centre."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Commune, Organisation, User
from legalaid.feedback.choices import EntryKind, Ground
from legalaid.intake.models import FieldOfLaw
from legalaid.people.choices import Sex

from .choices import CallOutcome, OutreachForm, TargetMeasure
from .models import AUDIENCE_PARTS, HotlineCall, OutreachSession, OutreachTarget

MONEY = re.compile(r"^\d{1,3}([.\s]\d{3})*$|^\d+$")


class MoneyField(forms.Field):
    """An amount in đồng typed as 1.800.000 (or 1800000); the result is a whole Decimal."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "20")
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("placeholder", "1.800.000")

    def prepare_value(self, value):
        if isinstance(value, (int, Decimal)):
            return f"{int(value):,}".replace(",", ".")
        return value

    def to_python(self, value):
        text = str(value or "").strip().removesuffix("đ").strip()
        if not text:
            return Decimal(0)
        if not MONEY.match(text):
            raise forms.ValidationError(_("Nhập số tiền bằng chữ số, ví dụ 1.800.000."))
        amount = Decimal(re.sub(r"[.\s]", "", text))
        if amount > Decimal("99999999999999"):
            raise forms.ValidationError(_("Số tiền quá lớn."))
        return amount


def communes_of(user):
    centre = getattr(user, "centre", None)
    if centre is None or centre.province_id is None:
        return Commune.objects.all().only("pk", "name") if user.is_superuser else Commune.objects.none()
    return Commune.objects.filter(province_id=centre.province_id).only("pk", "name")


def staff_of(user):
    centre = getattr(user, "centre", None)
    if centre is None:
        return User.objects.none()
    return User.objects.staff().filter(is_active=True, organisation__centre=centre).order_by("full_name")


class SessionForm(BootstrapMixin, forms.ModelForm):
    cost = MoneyField(label=_("Kinh phí (đồng)"), required=False)

    class Meta:
        model = OutreachSession
        fields = [
            "date",
            "form",
            "commune",
            "place",
            "topic",
            "languages",
            "audience_total",
            "audience_women",
            "audience_ethnic_minority",
            "audience_disabled",
            "audience_children",
            "organiser",
            "partners",
            "materials",
            "cost",
            "notes",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "materials": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "commune": _(
                "Đặc điểm của xã (đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số, ven biển) được lấy theo danh mục "
                "đơn vị hành chính, còn hiệu lực vào ngày truyền thông."
            ),
            "audience_women": _("Các nhóm có thể trùng nhau; mỗi nhóm không lớn hơn tổng số."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_of(user)
        self.fields["organiser"].queryset = staff_of(user)
        self.fields["organiser"].label_from_instance = lambda u: u.full_name or u.username
        self.fields["languages"].widget.attrs["class"] = "form-check-input"
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("organiser", user.pk)

    def clean(self):
        data = super().clean()
        total = data.get("audience_total")
        if total is not None:
            for part in AUDIENCE_PARTS:
                if (data.get(part) or 0) > total:
                    self.add_error(part, _("Không được lớn hơn tổng số người tham dự (%(total)s).") % {"total": total})
        return data


class PhotoForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Ảnh (JPEG, PNG)"), required=False)


class TargetForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = OutreachTarget
        fields = ["year", "branch", "measure", "comparison", "value", "source"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        centre = user.centre
        branches = Organisation.objects.filter(kind="branch", centre=centre) if centre else Organisation.objects.none()
        if user.branch is not None:
            branches = branches.filter(pk=user.branch.pk)
        self.fields["branch"].queryset = branches
        self.fields["branch"].empty_label = _("Toàn Trung tâm")
        self.fields["measure"].choices = TargetMeasure.choices
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("year", timezone.localdate().year)


class CallForm(BootstrapMixin, forms.ModelForm):
    called_on = forms.DateField(label=_("Ngày gọi"))
    called_time = forms.TimeField(label=_("Giờ gọi"), input_formats=["%H:%M", "%H:%M:%S"])
    sex = forms.ChoiceField(label=_("Giới tính"), choices=[("", "—"), *Sex.choices], required=False)
    birth_year = forms.IntegerField(label=_("Năm sinh"), min_value=1900, max_value=2100, required=False)
    commune = forms.ModelChoiceField(label=_("Xã, phường nơi ở"), queryset=Commune.objects.none(), required=False)
    # A CharField: the candidates are known only after the service looked for them; the service checks the choice.
    person_choice = forms.CharField(label=_("Người đã có trong hệ thống"), required=False, max_length=20)
    complaint_kind = forms.ChoiceField(label=_("Loại phản ánh, khiếu nại"), choices=EntryKind.choices, required=False)
    complaint_ground = forms.ChoiceField(
        label=_("Căn cứ khiếu nại (Điều 45 khoản 1)"), choices=[("", "—"), *Ground.choices], required=False
    )

    class Meta:
        model = HotlineCall
        fields = ["caller_type", "caller_name", "caller_phone", "topic", "field_of_law", "answer", "outcome"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 3}), "topic": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, duplicates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_of(user)
        self.fields["field_of_law"].queryset = FieldOfLaw.objects.filter(in_scope=True)
        self.fields["outcome"].initial = CallOutcome.ANSWERED
        self.set_duplicates(duplicates)
        if not self.is_bound:
            now = timezone.localtime()
            self.initial.setdefault("called_on", now.date())
            self.initial.setdefault("called_time", now.time().replace(second=0, microsecond=0))

    def set_duplicates(self, duplicates) -> None:
        """Offer the likely duplicates (only those the user sees: ``duplicates`` is already filtered) and "new"."""
        choices = [("", "—")]
        for d in duplicates:
            year = d.person.year_of_birth or ""
            commune = d.person.commune or ""
            label = f"{d.person.full_name} ({year}{', ' if year and commune else ''}{commune}): {', '.join(d.labels)}"
            choices.append((str(d.person.pk), label))
        choices.append(("new", _("Người mới, đăng ký mới")))
        self.fields["person_choice"].widget = forms.RadioSelect(choices=choices, attrs={"class": "form-check-input"})
        self.duplicates = list(duplicates)

    def clean_called_on(self):
        value = self.cleaned_data["called_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Ngày gọi không được sau ngày hôm nay."))
        return value

    @property
    def called_at(self) -> dt.datetime:
        moment = dt.datetime.combine(self.cleaned_data["called_on"], self.cleaned_data["called_time"])
        return timezone.make_aware(moment)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == CallOutcome.TO_INTAKE and not data.get("sex"):
            self.add_error("sex", _("Hãy chọn giới tính của người cần trợ giúp."))
        return data


class DecideForm(BootstrapMixin, forms.Form):
    person_choice = forms.ChoiceField(label=_("Người được trợ giúp"), widget=forms.RadioSelect)

    def __init__(self, *args, duplicates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (str(d.person.pk), f"{d.person.full_name} ({d.person.year_of_birth or ''}): {', '.join(d.labels)}")
            for d in duplicates
        ]
        choices.append(("new", _("Người mới, đăng ký mới")))
        self.fields["person_choice"].choices = choices
        self.fields["person_choice"].widget.attrs["class"] = "form-check-input"


#: The forms of the outreach list's filter.
FORM_CHOICES = [("", _("Tất cả")), *OutreachForm.choices]
