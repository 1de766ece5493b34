"""What each resource shows (read). Foreign keys are ids, codes of the law's lists are their codes; the shapes are
documented in the OpenAPI schema (/api/v1/schema/) and docs/api.md."""

from __future__ import annotations

from rest_framework import serializers

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseEvent, LegalAidCase
from legalaid.core.choices import AgencyType
from legalaid.core.models import Commune, Organisation, Province
from legalaid.intake.models import LegalAidRequest, Referral
from legalaid.people.models import Person
from legalaid.plans.models import Plan, PlanTask
from legalaid.providers.choices import AssignmentEnd
from legalaid.providers.models import Provider


class CodeField(serializers.SlugRelatedField):
    """A related row of a coded list (form of aid, field of law, ethnicity) shown by its code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class PersonSerializer(serializers.ModelSerializer):
    ethnicity = CodeField(allow_null=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "full_name",
            "sex",
            "date_of_birth",
            "birth_year",
            "id_type",
            "id_number",
            "ethnicity",
            "nationality",
            "phone",
            "has_disability",
            "province",
            "commune",
            "street",
            "centre",
            "branch",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ReferralSerializer(serializers.ModelSerializer):
    class Meta:
        model = Referral
        fields = [
            "agency",
            "referral_number",
            "referral_date",
            "procedural_status",
            "requested_at_agency",
            "notify_hours",
            "notify_due_at",
        ]
        read_only_fields = fields


class RequestSerializer(serializers.ModelSerializer):
    number = serializers.IntegerField(source="pk", read_only=True)
    field_of_law = CodeField()
    desired_form = CodeField()
    categories = CodeField(many=True, slug_field="ref")
    referral = serializers.SerializerMethodField()
    case = serializers.SerializerMethodField()

    class Meta:
        model = LegalAidRequest
        fields = [
            "id",
            "number",
            "centre",
            "branch",
            "channel",
            "received_at",
            "status",
            "requester",
            "beneficiary",
            "relationship",
            "field_of_law",
            "desired_form",
            "categories",
            "summary",
            "court_case_reference",
            "papers_due_on",
            "referral",
            "case",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_referral(self, obj) -> ReferralSerializer(allow_null=True):
        referral = getattr(obj, "referral", None)
        return ReferralSerializer(referral).data if referral is not None else None

    def get_case(self, obj) -> int | None:
        case = getattr(obj, "case", None)
        return case.pk if case is not None else None


class CaseProviderSerializer(serializers.Serializer):
    provider = serializers.IntegerField(source="provider_id")
    full_name = serializers.CharField(source="provider.full_name")
    kind = serializers.CharField(source="provider.kind")
    is_active = serializers.BooleanField()
    started_on = serializers.DateField()
    ended_on = serializers.DateField(allow_null=True)


class CaseEventSerializer(serializers.ModelSerializer):
    from_status = serializers.ChoiceField(choices=CaseStatus.choices, allow_blank=True, read_only=True)
    to_status = serializers.ChoiceField(choices=CaseStatus.choices, allow_blank=True, read_only=True)

    class Meta:
        model = CaseEvent
        fields = ["id", "kind", "from_status", "to_status", "at", "reason"]
        read_only_fields = fields


class CaseSerializer(serializers.ModelSerializer):
    form_of_aid = CodeField()
    field_of_law = CodeField()
    providers = serializers.SerializerMethodField()

    class Meta:
        model = LegalAidCase
        fields = [
            "id",
            "code",
            "centre",
            "branch",
            "request",
            "beneficiary",
            "form_of_aid",
            "field_of_law",
            "status",
            "accepted_at",
            "immediate",
            "papers_due_on",
            "papers_completed_on",
            "providers",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_providers(self, obj) -> CaseProviderSerializer(many=True):
        """The providers of record: working on it now, or when the case ended (``Assignment.objects.of_record``)."""
        rows = [a for a in obj.assignments.all() if a.is_active or a.end_reason == AssignmentEnd.CASE_ENDED]
        return CaseProviderSerializer(rows, many=True).data


class CaseDetailSerializer(CaseSerializer):
    events = CaseEventSerializer(many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "events"]
        read_only_fields = fields


class ProviderSerializer(serializers.ModelSerializer):
    fields_of_law = CodeField(many=True)

    class Meta:
        model = Provider
        fields = [
            "id",
            "full_name",
            "kind",
            "centre",
            "branch",
            "partner",
            "card_number",
            "card_valid_until",
            "fields_of_law",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class OrganisationSerializer(serializers.ModelSerializer):
    agency_type = serializers.ChoiceField(choices=AgencyType.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "kind",
            "name",
            "short_name",
            "code",
            "parent",
            "centre",
            "agency_type",
            "province",
            "commune",
            "is_active",
        ]
        read_only_fields = fields


class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Province
        fields = ["id", "code", "name", "division_type"]
        read_only_fields = fields


class CommuneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commune
        fields = ["id", "code", "name", "division_type", "province"]
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ["id", "centre", "number", "date", "title", "status", "period_start", "period_end", "updated_at"]
        read_only_fields = fields


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanTask
        fields = [
            "id",
            "plan",
            "parent",
            "ref",
            "position",
            "depth",
            "content",
            "timeframe_text",
            "start",
            "end",
            "status",
            "completed_on",
            "updated_at",
        ]
        read_only_fields = fields
