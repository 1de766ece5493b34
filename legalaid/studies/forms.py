"""Forms of the study pages: the study with its three due dates, a version upload, a comment, a step confirmation."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.core.forms import BootstrapMixin
from legalaid.core.models import Organisation, User

from .choices import StepKind
from .models import StudyOutlineSection, ThematicStudy
from .services import DUE_FIELDS


def task_label(task) -> str:
    return f"{task.plan.number or task.plan.title[:40]} – {task.ref} {task.content[:80]}".strip()


class StudyForm(BootstrapMixin, forms.ModelForm):
    draft_due = forms.DateField(
        label=_("Hạn trình dự thảo lên Ban Giám đốc"),
        help_text=_("Ví dụ trong kế hoạch: “gửi Ban lãnh đạo Trung tâm xem xét, cho ý kiến trước ngày 15/3/2025”."),
    )
    critique_due = forms.DateField(label=_("Hạn nhận xét, phản biện"))
    session_due = forms.DateField(label=_("Hạn sinh hoạt chuyên đề, hoàn thiện"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ThematicStudy
        fields = [
            "year",
            "number",
            "title",
            "source_plan",
            "plan",
            "plan_task",
            "lead_department",
            "reviewing_department",
            "authors",
            "completion_period",
            "outline",
            "outline_note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "outline_note": forms.Textarea(attrs={"rows": 3}),
            "outline": forms.CheckboxSelectMultiple,
            "authors": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        centre = self.instance.centre if self.instance.pk else user.centre
        units = Organisation.objects.visible_to(user).filter(
            kind__in=[OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH]
        )
        if centre is not None:
            units = units.filter(centre=centre)
        for name in ("lead_department", "reviewing_department"):
            self.fields[name].queryset = units.order_by("kind", "name")
        staff = User.objects.visible_to(user).staff().filter(is_active=True).select_related("organisation")
        if centre is not None:
            staff = staff.filter(organisation__centre=centre)
        self.fields["authors"].queryset = staff
        from legalaid.plans.models import Plan, PlanTask

        plans = Plan.objects.visible_to(user)
        tasks = PlanTask.objects.visible_to(user).select_related("plan")
        if centre is not None:
            plans, tasks = plans.filter(centre=centre), tasks.filter(plan__centre=centre)
        self.fields["plan"].queryset = plans
        self.fields["plan_task"].queryset = tasks
        self.fields["plan_task"].label_from_instance = task_label
        self.fields["outline"].queryset = StudyOutlineSection.objects.filter(is_active=True)
        self.fields["outline"].widget.attrs.pop("class", None)
        if self.instance.pk:
            for step in self.instance.steps.all():
                self.initial.setdefault(DUE_FIELDS[step.kind], step.due_on)
            self.initial.setdefault("version", self.instance.version)
        else:
            self.initial.setdefault("year", timezone.localdate().year)
            self.initial.setdefault("outline", list(self.fields["outline"].queryset.filter(required=True)))

    def due_dates(self) -> dict:
        return {kind: self.cleaned_data[field] for kind, field in DUE_FIELDS.items()}


class VersionForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp chuyên đề"),
        help_text=_("Tệp .docx, .doc, .odt hoặc .pdf."),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Ý kiến góp ý"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000)


class StepForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(choices=StepKind.choices, widget=forms.HiddenInput)
    done_on = forms.DateField(label=_("Ngày hoàn thành"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
