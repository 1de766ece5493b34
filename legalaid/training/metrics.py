"""The training app's figures in the plans' catalogue (``legalaid.plans.metrics``), registered at start-up from
``TrainingConfig.ready``; each opens the list behind it (``drilldown``)."""

from __future__ import annotations

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

from . import requirement
from .choices import EventKind
from .models import DutyHelp, DutySlot, Participation, TrainingEvent


@register_metric(
    "training_hours",
    _("Số giờ tập huấn, bồi dưỡng của người thực hiện trợ giúp pháp lý"),
    _("giờ"),
    note=_("Tổng số giờ tham dự của các đợt kết thúc trong kỳ."),
    keywords=("gio boi duong", "gio tap huan"),
    drilldown="training:event_list",
)
def training_hours(centre, start, end):
    total = Participation.objects.filter(event__centre=centre, event__ends_on__range=(start, end)).aggregate(
        total=Sum("hours")
    )["total"]
    return total or 0


@register_metric(
    "officers_training_hours_reached_pct",
    _("Tỷ lệ Trợ giúp viên pháp lý đủ giờ bồi dưỡng bắt buộc"),
    "%",
    note=_(
        "Trợ giúp viên pháp lý đang hoạt động có số giờ tham dự trong kỳ từ mức yêu cầu của năm cuối kỳ trở lên "
        "(Điều 4 Thông tư 12/2018/TT-BTP: 08 giờ/năm); kỳ nên là một năm."
    ),
    keywords=("du gio boi duong", "boi duong bat buoc", "08 gio", "8 gio"),
    drilldown="training:hours_table",
)
def officers_reached_pct(centre, start, end):
    from django.db.models import DecimalField, Q, Value
    from django.db.models.functions import Coalesce

    from legalaid.providers.choices import ProviderKind
    from legalaid.providers.models import Provider

    required = requirement.hours_required(end.year)
    officers = Provider.objects.filter(centre=centre, kind=ProviderKind.OFFICER, is_active=True)
    total = officers.count()
    if not total or required is None:
        return None
    counted = Q(training_participations__event__ends_on__range=(start, end))
    zero = Value(0, output_field=DecimalField(max_digits=7, decimal_places=1))
    reached = (
        officers.annotate(h=Coalesce(Sum("training_participations__hours", filter=counted), zero))
        .filter(h__gte=required)
        .count()
    )
    return reached * 100 / total


@register_metric(
    "training_events_organised",
    _("Số đợt tập huấn, hội nghị do Trung tâm tổ chức"),
    _("đợt"),
    note=_("Các đợt kết thúc trong kỳ."),
    keywords=("to chuc tap huan", "hoi nghi tap huan"),
    drilldown="training:event_list",
)
def events_organised(centre, start, end):
    return TrainingEvent.objects.filter(centre=centre, kind=EventKind.ORGANISED, ends_on__range=(start, end)).count()


@register_metric(
    "duty_sessions",
    _("Số buổi trực tại tòa, điểm cầu phiên tòa trực tuyến"),
    _("buổi"),
    keywords=("truc tai toa", "diem cau"),
    drilldown="training:duty_list",
)
def duty_sessions(centre, start, end):
    return DutySlot.objects.filter(centre=centre, date__range=(start, end)).count()


@register_metric(
    "duty_persons_helped",
    _("Số lượt người được trợ giúp khi trực tại tòa"),
    _("lượt"),
    note=_("Việc trợ giúp pháp lý và yêu cầu mới ghi nhận trong các buổi trực của kỳ."),
    drilldown="training:duty_list",
)
def duty_persons_helped(centre, start, end):
    return DutyHelp.objects.filter(slot__centre=centre, slot__date__range=(start, end)).count()
