"""/api/v1/referrals/: an investigation body, procuracy or court posts a referral and follows the status of its own
referrals (Law Art. 31(3); TTLT 10/2018). Docs: docs/api.md."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from legalaid.core.choices import Role
from legalaid.intake.choices import ProceduralStatus, RequestStatus
from legalaid.intake.models import LegalAidRequest
from legalaid.lib import parsing
from legalaid.people.choices import IdType, Sex

from .choices import ApiScope
from .logging import log_detail
from .permissions import key_of
from .services import referral_receive
from .views import ScopedReadViewSet

#: A referral may say the person asked at the agency up to this long before now... and not in the future (clock skew
#: of the agency's server allowed).
FUTURE_SKEW = dt.timedelta(minutes=5)


class ReferralPersonSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=120, label=gettext_lazy("Họ và tên"))
    sex = serializers.ChoiceField(choices=Sex.choices, label=gettext_lazy("Giới tính"))
    date_of_birth = serializers.DateField(required=False, allow_null=True, label=gettext_lazy("Ngày sinh"))
    birth_year = serializers.IntegerField(
        required=False, allow_null=True, min_value=parsing.MIN_DATE.year, max_value=parsing.MAX_DATE.year
    )
    id_type = serializers.ChoiceField(choices=IdType.choices, required=False, default=IdType.NONE)
    id_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    id_checked = serializers.BooleanField(
        required=False, default=False, help_text=gettext_lazy("Cơ quan đã đối chiếu giấy tờ tùy thân.")
    )
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")

    def validate_full_name(self, value):
        if not value.strip():
            raise serializers.ValidationError(_("Hãy nhập họ và tên."))
        return value

    def validate_date_of_birth(self, value):
        if value is not None and not (parsing.MIN_DATE <= value <= parsing.MAX_DATE):
            raise serializers.ValidationError(_("Ngày sinh phải trong khoảng năm 1900 đến 2100."))
        return value


class ReferralCreateSerializer(serializers.Serializer):
    agency_reference = serializers.CharField(
        max_length=60, help_text=gettext_lazy("Số, ký hiệu văn bản của cơ quan; gửi lại cùng số không tạo yêu cầu mới.")
    )
    procedural_status = serializers.ChoiceField(choices=ProceduralStatus.choices)
    requested_at_agency = serializers.DateTimeField(
        help_text=gettext_lazy("Thời điểm người đó yêu cầu trợ giúp pháp lý tại cơ quan (Điều 31(3)).")
    )
    referral_date = serializers.DateField(required=False, allow_null=True)
    officer_name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    field_of_law = serializers.CharField(max_length=30, required=False, default="criminal")
    summary = serializers.CharField(max_length=5000)
    court_case_reference = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    person = ReferralPersonSerializer()

    def validate_agency_reference(self, value):
        if not value.strip():
            raise serializers.ValidationError(_("Hãy nhập số văn bản của cơ quan."))
        return value.strip()

    def validate_requested_at_agency(self, value):
        if value > timezone.now() + FUTURE_SKEW:
            raise serializers.ValidationError(_("Thời điểm yêu cầu không được sau thời điểm hiện tại."))
        if value.date() < parsing.MIN_DATE:
            raise serializers.ValidationError(_("Thời điểm yêu cầu không hợp lệ."))
        return value

    def validate_referral_date(self, value):
        if value is not None and not (parsing.MIN_DATE <= value <= parsing.MAX_DATE):
            raise serializers.ValidationError(_("Ngày văn bản phải trong khoảng năm 1900 đến 2100."))
        return value

    def validate_summary(self, value):
        if not value.strip():
            raise serializers.ValidationError(_("Hãy tóm tắt nội dung vụ việc."))
        return value


class ReferralStatusSerializer(serializers.Serializer):
    """What the agency follows: the request's number and status, the notification clock, the case once accepted."""

    request_number = serializers.IntegerField(source="pk")
    agency = serializers.IntegerField(source="referral.agency_id")
    agency_reference = serializers.CharField(source="referral.referral_number")
    procedural_status = serializers.ChoiceField(choices=ProceduralStatus.choices, source="referral.procedural_status")
    requested_at_agency = serializers.DateTimeField(source="referral.requested_at_agency")
    received_at = serializers.DateTimeField()
    notify_hours = serializers.IntegerField(source="referral.notify_hours")
    notify_due_at = serializers.DateTimeField(source="referral.notify_due_at")
    notified_late = serializers.BooleanField(source="referral.notified_late")
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    case_code = serializers.SerializerMethodField()
    case_status = serializers.SerializerMethodField()

    def get_case_code(self, obj) -> str | None:
        case = getattr(obj, "case", None)
        return case.code if case is not None else None

    def get_case_status(self, obj) -> str | None:
        case = getattr(obj, "case", None)
        return case.status if case is not None else None


@extend_schema_view(
    list=extend_schema(summary="Văn bản chuyển yêu cầu (của cơ quan mình)"),
    retrieve=extend_schema(summary="Trạng thái một văn bản chuyển yêu cầu"),
    create=extend_schema(
        summary="Gửi văn bản chuyển yêu cầu",
        request=ReferralCreateSerializer,
        responses={
            201: ReferralStatusSerializer,
            200: OpenApiResponse(ReferralStatusSerializer, description="Đã nhận văn bản mang số này trước đó."),
        },
    ),
)
class ReferralViewSet(mixins.CreateModelMixin, ScopedReadViewSet):
    """Referrals are requests with a referral: an agency's key (or its officer's session) sees its own only
    (``RequestQuerySet.assigned_q``), Centre staff their Centre's."""

    model = LegalAidRequest
    read_scope = ApiScope.REFERRALS_READ
    write_scope = ApiScope.REFERRALS_WRITE
    serializer_class = ReferralStatusSerializer

    @staticmethod
    def session_may_write(user) -> bool:
        return user.role == Role.AGENCY_OFFICER

    def get_serializer_class(self):
        return ReferralCreateSerializer if self.action == "create" else ReferralStatusSerializer

    def base_queryset(self):
        return LegalAidRequest.objects.filter(referral__isnull=False).select_related("referral", "case")

    def create(self, request, *args, **kwargs):
        serializer = ReferralCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        made, created = referral_receive(actor=request.user, data=serializer.validated_data, key=key_of(request))
        made = self.base_queryset().get(pk=made.pk)
        log_detail(request, made)
        return Response(
            ReferralStatusSerializer(made).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )
