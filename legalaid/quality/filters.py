"""The FilterSets of quality management's lists, shared by the pages and their exports."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from legalaid.core.filters import BaseFilterSet

from .choices import AppraisalStatus, EvaluationOrigin, EvaluationStatus, FollowUpStatus
from .models import Appraisal, Evaluation, FollowUp, ResultLevel


def _providers(request):
    from legalaid.providers.models import Provider

    if request is None:
        return Provider.objects.none()
    return Provider.objects.visible_to(request.user).only("pk", "full_name")


class AppraisalFilter(BaseFilterSet):
    code = django_filters.CharFilter(label=_("Mã hồ sơ"), field_name="case__code", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=AppraisalStatus.choices)
    result_level = django_filters.ModelChoiceFilter(label=_("Mức kết quả"), queryset=ResultLevel.objects.all())
    completed_from = django_filters.DateFilter(
        label=_("Vụ việc kết thúc từ ngày"), field_name="case__completion__completed_on", lookup_expr="gte"
    )
    completed_to = django_filters.DateFilter(
        label=_("đến ngày"), field_name="case__completion__completed_on", lookup_expr="lte"
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Người thực hiện"),
        field_name="case__assignments__provider",
        queryset=lambda request: _providers(request),
        distinct=True,
    )
    mine = django_filters.BooleanFilter(label=_("Tôi thẩm định"), method="filter_mine")

    class Meta:
        model = Appraisal
        fields = ["code", "status", "result_level", "completed_from", "completed_to", "provider", "mine"]

    def filter_mine(self, queryset, name, value):
        if value and self.request is not None:
            return queryset.filter(appraiser=self.request.user)
        return queryset


def _centres(request):
    from legalaid.core.models import Organisation
    from legalaid.core.scoping import scope_of

    if request is None:
        return Organisation.objects.none()
    return Organisation.objects.centres().filter(pk__in=scope_of(request.user).centre_ids)


class EvaluationFilter(BaseFilterSet):
    code = django_filters.CharFilter(label=_("Mã hồ sơ"), field_name="case__code", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=EvaluationStatus.choices)
    origin = django_filters.ChoiceFilter(label=_("Căn cứ"), choices=EvaluationOrigin.choices)
    centre = django_filters.ModelChoiceFilter(label=_("Trung tâm"), queryset=_centres)
    result_level = django_filters.ModelChoiceFilter(label=_("Mức kết quả"), queryset=ResultLevel.objects.all())

    class Meta:
        model = Evaluation
        fields = ["code", "status", "origin", "centre", "result_level"]


class FollowUpFilter(BaseFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=FollowUpStatus.choices)
    due_to = django_filters.DateFilter(label=_("Hạn đến ngày"), field_name="due_on", lookup_expr="lte")

    class Meta:
        model = FollowUp
        fields = ["status", "due_to"]
