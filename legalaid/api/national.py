"""The national legal aid database's export (docs/api.md, "National export"): cases in a stable, versioned JSON
shape, incremental by ``changed_since`` (the case's ``updated_at``, indexed), cursor-paginated in change order; and
the figures of a year. Beneficiaries are described, never named (no name, ID number, phone or address leaves here)."""

from __future__ import annotations

import django_filters
from django.db.models import Count
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from legalaid.cases.models import LegalAidCase
from legalaid.core.filters import BaseFilterSet
from legalaid.intake.models import LegalAidRequest
from legalaid.lib import parsing

from .choices import ApiScope
from .logging import log_list
from .permissions import ScopePermission
from .views import ScopedMixin

#: The version of the shape below. A change that removes or renames a field is a new version (docs/api.md).
SCHEMA_VERSION = "1"


class ChangeCursor(CursorPagination):
    ordering = ("updated_at", "id")
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data = {"schema_version": SCHEMA_VERSION, **response.data}
        return response

    def get_paginated_response_schema(self, schema):
        result = super().get_paginated_response_schema(schema)
        result["properties"] = {"schema_version": {"type": "string", "example": SCHEMA_VERSION}, **result["properties"]}
        result["required"] = ["schema_version", "results"]
        return result


class NationalBeneficiarySerializer(serializers.Serializer):
    person = serializers.IntegerField(source="id")
    sex = serializers.CharField()
    birth_year = serializers.IntegerField(source="year_of_birth", allow_null=True)
    ethnicity = serializers.CharField(source="ethnicity.code", allow_null=True, default=None)
    has_disability = serializers.BooleanField()
    province = serializers.IntegerField(source="province.code", allow_null=True, default=None)


class NationalCaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    centre = serializers.IntegerField(source="centre_id")
    centre_name = serializers.CharField(source="centre.name")
    centre_province = serializers.IntegerField(source="centre.province.code", allow_null=True, default=None)
    branch = serializers.IntegerField(source="branch_id", allow_null=True)
    form_of_aid = serializers.CharField(source="form_of_aid.code")
    field_of_law = serializers.CharField(source="field_of_law.code")
    channel = serializers.CharField(source="request.channel")
    categories = serializers.SerializerMethodField()
    status = serializers.CharField()
    accepted_at = serializers.DateTimeField()
    immediate = serializers.BooleanField()
    beneficiary = NationalBeneficiarySerializer()
    updated_at = serializers.DateTimeField()

    def get_categories(self, obj) -> list[str]:
        return [c.ref for c in obj.request.categories.all()]


class ChangedSinceFilter(BaseFilterSet):
    changed_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = LegalAidCase
        fields = ["changed_since"]


@extend_schema_view(list=extend_schema(summary="Xuất vụ việc cho cơ sở dữ liệu quốc gia (thay đổi từ thời điểm)"))
class NationalCaseViewSet(ScopedMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    model = LegalAidCase
    read_scope = ApiScope.NATIONAL_READ
    serializer_class = NationalCaseSerializer
    filterset_class = ChangedSinceFilter
    pagination_class = ChangeCursor

    def base_queryset(self):
        return LegalAidCase.objects.select_related(
            "centre__province",
            "form_of_aid",
            "field_of_law",
            "request",
            "beneficiary__ethnicity",
            "beneficiary__province",
        ).prefetch_related("request__categories")


class NationalReadPermission(BasePermission):
    def has_permission(self, request, view):
        view.read_scope = ApiScope.NATIONAL_READ
        return ScopePermission().has_permission(request, view)


def _counts(qs, field: str) -> dict[str, int]:
    return {str(row[field]): row["n"] for row in qs.values(field).annotate(n=Count("id")).order_by(field)}


@extend_schema(
    summary="Số liệu của một năm cho cơ sở dữ liệu quốc gia",
    parameters=[OpenApiParameter("year", int, required=True, description="Năm (thụ lý, tiếp nhận)")],
    responses=inline_serializer(
        "NationalFigures",
        {
            "schema_version": serializers.CharField(),
            "year": serializers.IntegerField(),
            "requests": serializers.IntegerField(),
            "cases": serializers.IntegerField(),
            "cases_by_form": serializers.DictField(child=serializers.IntegerField()),
            "cases_by_field": serializers.DictField(child=serializers.IntegerField()),
            "cases_by_status": serializers.DictField(child=serializers.IntegerField()),
        },
    ),
)
@api_view(["GET"])
@permission_classes([NationalReadPermission])
def figures(request):
    """Requests received and cases accepted in the year, by form of aid, field of law and status (the caller's
    scope)."""
    from rest_framework.exceptions import ValidationError

    year = parsing.parse_year(request.query_params.get("year"))
    if year is None:
        raise ValidationError({"year": [_("Hãy nhập năm từ 1900 đến 2100.")]})
    user = request.user
    cases = LegalAidCase.objects.visible_to(user).filter(accepted_at__year=year)
    requests = LegalAidRequest.objects.visible_to(user).filter(received_at__year=year)
    log_list(request, LegalAidCase, 0)
    return Response(
        {
            "schema_version": SCHEMA_VERSION,
            "year": year,
            "requests": requests.count(),
            "cases": cases.count(),
            "cases_by_form": _counts(cases, "form_of_aid__code"),
            "cases_by_field": _counts(cases, "field_of_law__code"),
            "cases_by_status": _counts(cases, "status"),
        }
    )
