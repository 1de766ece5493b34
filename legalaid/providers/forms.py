"""Forms of the providers pages: the provider, a contract, a quota, and the change of provider."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.fields import harden
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation, User
from legalaid.lib.parsing import MAX_ID

from .choices import ChangeGround
from .models import Language, Provider, ProviderContract


class ProviderForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Provider
        fields = [
            "kind",
            "full_name",
            "branch",
            "partner",
            "user",
            "card_number",
            "card_issued_on",
            "card_valid_until",
            "fields_of_law",
            "languages",
            "phone",
            "email",
            "is_active",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "fields_of_law": forms.CheckboxSelectMultiple,
            "languages": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = Organisation.objects.visible_to(user)
        centre = self.instance.centre if self.instance.centre_id else user.centre
        if centre is not None:
            units = units.filter(centre=centre)
        self.fields["branch"].queryset = units.filter(kind=OrganisationKind.BRANCH)
        self.fields["partner"].queryset = units.filter(kind=OrganisationKind.PARTNER)
        accounts = (
            User.objects.visible_to(user)
            .staff()
            .filter(
                role__in=[
                    Role.OFFICER,
                    Role.LAWYER,
                    Role.COLLABORATOR,
                    Role.BRANCH_HEAD,
                    Role.DIRECTOR,
                    Role.DEPUTY_DIRECTOR,
                ],
                is_active=True,
            )
        )
        self.fields["user"].queryset = accounts.select_related("organisation")
        self.fields["user"].help_text = _("Tài khoản để luật sư, cộng tác viên xem các vụ việc được cử thực hiện.")
        self.fields["languages"].queryset = Language.objects.all()
        self.fields["fields_of_law"].widget.attrs["class"] = "form-check-input"


class ContractForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = ProviderContract
        fields = ["number", "signed_on", "valid_from", "valid_to"]


class QuotaForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2018, max_value=2100)
    cases = forms.IntegerField(label=_("Số vụ việc tham gia tố tụng"), min_value=0, max_value=500)
    reference = forms.CharField(label=_("Căn cứ"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)


class AssignForm(forms.Form):
    """The "Cử người thực hiện" button of one provider row."""

    provider = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        harden(self)


class ChangeForm(BootstrapMixin, forms.Form):
    """The change of provider (DOMAIN 1.8): the beneficiary's application and its reason; the new provider is the row
    whose button is pressed."""

    provider = forms.IntegerField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    requested_on = forms.DateField(
        label=_("Ngày nhận đơn đề nghị thay đổi"),
        help_text=_("Trả lời và cử người khác trong 03 ngày làm việc (thủ tục thay đổi người thực hiện TGPL)."),
    )
    reason = forms.CharField(
        label=_("Lý do thay đổi"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Điều 25(1), (2) Luật TGPL: người thực hiện không được tiếp tục hoặc phải từ chối."),
    )
    replaces = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The pending application (ChangeApplication) the decision answers, when it is made on one.
    application = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ChangeApplicationForm(BootstrapMixin, forms.Form):
    """The beneficiary's application to change the provider (đơn đề nghị thay đổi người thực hiện TGPL, TT 10/2023),
    as the Centre or branch receives it (DOMAIN 1.8)."""

    assignment = forms.TypedChoiceField(label=_("Người thực hiện được đề nghị thay"), coerce=int)
    received_on = forms.DateField(
        label=_("Ngày nhận đơn"),
        help_text=_("Trung tâm trả lời bằng văn bản trong 03 ngày làm việc kể từ ngày nhận đơn."),
    )
    applicant = forms.CharField(
        label=_("Người đề nghị"),
        max_length=200,
        help_text=_("Người được trợ giúp pháp lý hoặc người đại diện của họ."),
    )
    ground = forms.ChoiceField(label=_("Căn cứ đề nghị"), choices=ChangeGround.choices)
    ground_text = forms.CharField(
        label=_("Lý do nêu trong đơn"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ghi đúng lý do người đề nghị nêu (Điều 25 khoản 1, 2 Luật Trợ giúp pháp lý)."),
    )

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].choices = [(a.pk, f"{a.provider.full_name} ({a.decision_code})") for a in assignments]


class ChangeRejectForm(BootstrapMixin, forms.Form):
    """The refusal of an application to change the provider: the written answer's reasons (DOMAIN 1.8)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reasons = forms.CharField(
        label=_("Lý do từ chối"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Văn bản trả lời người đề nghị phải nêu rõ lý do."),
    )
