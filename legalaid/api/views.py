"""The read resources of /api/v1/: every queryset through ``visible_to(request.user)`` and the list pages' FilterSets
(``legalaid.api.filtering``); a record outside the caller's scope is a 404 and a refused attempt in the access log,
exactly as on the pages (``audit.visible_or_404``)."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from legalaid.cases.filters import CaseFilter
from legalaid.cases.models import LegalAidCase
from legalaid.core import audit
from legalaid.core.filters import BaseFilterSet, CommuneFilter, OrganisationFilter
from legalaid.core.models import Commune, Organisation, Province
from legalaid.intake.filters import RequestFilter
from legalaid.intake.models import LegalAidRequest
from legalaid.lib import parsing
from legalaid.people.filters import PersonFilter
from legalaid.people.models import Person
from legalaid.plans.choices import TaskStatus
from legalaid.plans.filters import PlanFilter
from legalaid.plans.models import Plan, PlanTask
from legalaid.providers.filters import ProviderFilter
from legalaid.providers.models import Assignment, Provider

from . import serializers
from .choices import ApiScope
from .logging import log_detail, log_list

ID_REGEX = "[0-9]{1,19}"


class ScopedMixin:
    """Reads of a scoped model: ``visible_to``, a refused id logged and answered 404, every call logged."""

    lookup_value_regex = ID_REGEX
    model = None
    #: Whether the model's manager scopes (``visible_to``); reference lists (provinces, communes) do not.
    scoped = True

    def base_queryset(self):
        return self.model.objects.all()

    def get_queryset(self):
        qs = self.base_queryset()
        return qs.visible_to(self.request.user) if self.scoped else qs

    def get_object(self):
        pk = parsing.parse_id(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        if pk is None:  # beyond what a key column holds: no such record
            raise Http404
        obj = audit.visible_or_404(self.request.user, self.get_queryset(), pk)
        self.check_object_permissions(self.request, obj)
        return obj

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        log_list(request, self.model, len(page))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        log_detail(request, instance)
        return Response(self.get_serializer(instance).data)


class ScopedReadViewSet(ScopedMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only resource of a scoped model: list and detail."""


@extend_schema_view(list=extend_schema(summary="Người được trợ giúp"), retrieve=extend_schema(summary="Một người"))
class PersonViewSet(ScopedReadViewSet):
    model = Person
    read_scope = ApiScope.PERSONS_READ
    serializer_class = serializers.PersonSerializer
    filterset_class = PersonFilter

    def base_queryset(self):
        return Person.objects.select_related("ethnicity")


@extend_schema_view(
    list=extend_schema(summary="Yêu cầu trợ giúp pháp lý"), retrieve=extend_schema(summary="Một yêu cầu")
)
class RequestViewSet(ScopedReadViewSet):
    model = LegalAidRequest
    read_scope = ApiScope.REQUESTS_READ
    serializer_class = serializers.RequestSerializer
    filterset_class = RequestFilter

    def base_queryset(self):
        return LegalAidRequest.objects.select_related(
            "field_of_law", "desired_form", "referral", "case"
        ).prefetch_related("categories")


def _case_queryset():
    return LegalAidCase.objects.select_related("form_of_aid", "field_of_law").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.select_related("provider").order_by("started_on", "id"))
    )


@extend_schema_view(list=extend_schema(summary="Vụ việc"), retrieve=extend_schema(summary="Một vụ việc, với diễn biến"))
class CaseViewSet(ScopedReadViewSet):
    model = LegalAidCase
    read_scope = ApiScope.CASES_READ
    filterset_class = CaseFilter

    def get_serializer_class(self):
        return serializers.CaseDetailSerializer if self.action == "retrieve" else serializers.CaseSerializer

    def base_queryset(self):
        qs = _case_queryset()
        return qs.prefetch_related("events") if self.action == "retrieve" else qs


@extend_schema_view(
    list=extend_schema(summary="Người thực hiện"), retrieve=extend_schema(summary="Một người thực hiện")
)
class ProviderViewSet(ScopedReadViewSet):
    model = Provider
    read_scope = ApiScope.PROVIDERS_READ
    serializer_class = serializers.ProviderSerializer
    filterset_class = ProviderFilter

    def base_queryset(self):
        return Provider.objects.prefetch_related("fields_of_law")


@extend_schema_view(list=extend_schema(summary="Đơn vị"), retrieve=extend_schema(summary="Một đơn vị"))
class OrganisationViewSet(ScopedReadViewSet):
    model = Organisation
    read_scope = ApiScope.ORGANISATIONS_READ
    serializer_class = serializers.OrganisationSerializer
    filterset_class = OrganisationFilter


@extend_schema_view(list=extend_schema(summary="Tỉnh, thành phố"), retrieve=extend_schema(summary="Một tỉnh"))
class ProvinceViewSet(ScopedReadViewSet):
    model = Province
    scoped = False
    read_scope = ApiScope.ORGANISATIONS_READ
    serializer_class = serializers.ProvinceSerializer


@extend_schema_view(list=extend_schema(summary="Xã, phường, đặc khu"), retrieve=extend_schema(summary="Một xã"))
class CommuneViewSet(ScopedReadViewSet):
    model = Commune
    scoped = False
    read_scope = ApiScope.ORGANISATIONS_READ
    serializer_class = serializers.CommuneSerializer
    filterset_class = CommuneFilter


@extend_schema_view(list=extend_schema(summary="Kế hoạch"), retrieve=extend_schema(summary="Một kế hoạch"))
class PlanViewSet(ScopedReadViewSet):
    model = Plan
    read_scope = ApiScope.PLANS_READ
    serializer_class = serializers.PlanSerializer
    filterset_class = PlanFilter


class TaskFilter(BaseFilterSet):
    """The tasks of one plan, or by status (the plan page lists them; no list page of its own)."""

    plan = django_filters.ModelChoiceFilter(queryset=Plan.objects.none())
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices)

    class Meta:
        model = PlanTask
        fields = ["plan", "status"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["plan"].queryset = Plan.objects.visible_to(user)


@extend_schema_view(list=extend_schema(summary="Nhiệm vụ của kế hoạch"), retrieve=extend_schema(summary="Một nhiệm vụ"))
class TaskViewSet(ScopedReadViewSet):
    model = PlanTask
    read_scope = ApiScope.PLANS_READ
    serializer_class = serializers.TaskSerializer
    filterset_class = TaskFilter
