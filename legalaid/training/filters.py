"""The FilterSets of the training app's lists."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from legalaid.core.filters import BaseFilterSet

from .choices import DutyPlaceKind, DutySession, EventForm, EventKind
from .models import DutySlot, TrainingEvent


def _providers(request):
    from legalaid.providers.models import Provider

    if request is None:
        return Provider.objects.none()
    return Provider.objects.visible_to(request.user).only("pk", "full_name")


def _courts(request):
    from .forms import courts_for

    if request is None:
        from legalaid.core.models import Organisation

        return Organisation.objects.none()
    return courts_for(request.user).only("pk", "name")


class EventFilter(BaseFilterSet):
    topic = django_filters.CharFilter(label=_("Chủ đề"), lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=EventKind.choices)
    form = django_filters.ChoiceFilter(label=_("Hình thức"), choices=EventForm.choices)
    start = django_filters.DateFilter(label=_("Kết thúc từ ngày"), field_name="ends_on", lookup_expr="gte")
    end = django_filters.DateFilter(label=_("đến ngày"), field_name="ends_on", lookup_expr="lte")
    provider = django_filters.ModelChoiceFilter(
        label=_("Người tham dự"),
        field_name="participations__provider",
        queryset=lambda request: _providers(request),
        distinct=True,
    )

    class Meta:
        model = TrainingEvent
        fields = ["topic", "kind", "form", "start", "end", "provider"]


class DutyFilter(BaseFilterSet):
    start = django_filters.DateFilter(label=_("Từ ngày"), field_name="date", lookup_expr="gte")
    end = django_filters.DateFilter(label=_("đến ngày"), field_name="date", lookup_expr="lte")
    session = django_filters.ChoiceFilter(label=_("Buổi"), choices=DutySession.choices)
    place_kind = django_filters.ChoiceFilter(label=_("Hình thức trực"), choices=DutyPlaceKind.choices)
    court = django_filters.ModelChoiceFilter(label=_("Tòa án"), queryset=lambda request: _courts(request))
    provider = django_filters.ModelChoiceFilter(label=_("Người trực"), queryset=lambda request: _providers(request))

    class Meta:
        model = DutySlot
        fields = ["start", "end", "session", "place_kind", "court", "provider"]
