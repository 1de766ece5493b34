"""Outreach's figures in the plans' catalogue (``legalaid.plans.metrics``), registered from ``OutreachConfig.ready``,
each with its drill-down list. ``outreach_sessions_difficult_communes`` replaces the plans app's placeholder of the
same code (the Lạng Sơn 2020 target "trên 50 lượt tại các xã, thôn, bản đặc biệt khó khăn"): a session counts when
its commune had the "especially difficult" flag (core ``CommuneFlag``, dated) on the session's date."""

from __future__ import annotations

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

from .choices import OutreachForm
from .selectors import in_difficult_communes


def _sessions(centre, start, end):
    from .models import OutreachSession

    return OutreachSession.objects.filter(centre=centre, date__range=(start, end))


@register_metric(
    "outreach_sessions_difficult_communes",
    _("Số lượt truyền thông về trợ giúp pháp lý tại xã đặc biệt khó khăn"),
    _("lượt"),
    note=_("Lượt truyền thông trong kỳ tại xã có đặc điểm “xã đặc biệt khó khăn” còn hiệu lực vào ngày truyền thông."),
    keywords=("dac biet kho khan",),
    drilldown="outreach:session_list_difficult",
)
def sessions_difficult(centre, start, end):
    return in_difficult_communes(_sessions(centre, start, end)).count()


@register_metric(
    "outreach_sessions",
    _("Số lượt truyền thông về trợ giúp pháp lý"),
    _("lượt"),
    keywords=("luot truyen thong",),
    drilldown="outreach:session_list",
)
def sessions(centre, start, end):
    return _sessions(centre, start, end).count()


@register_metric(
    "outreach_audience",
    _("Số người được truyền thông về trợ giúp pháp lý"),
    _("người"),
    keywords=("nguoi duoc truyen thong",),
    drilldown="outreach:session_list",
)
def audience(centre, start, end):
    return _sessions(centre, start, end).aggregate(total=Sum("audience_total"))["total"] or 0


@register_metric(
    "mobile_sessions",
    _("Số buổi trợ giúp pháp lý lưu động"),
    _("buổi"),
    keywords=("tro giup phap ly luu dong", "tgpl luu dong"),
    drilldown="outreach:session_list_mobile",
)
def mobile_sessions(centre, start, end):
    return _sessions(centre, start, end).filter(form=OutreachForm.MOBILE).count()


@register_metric(
    "mobile_session_requests",
    _("Số yêu cầu trợ giúp pháp lý nhận tại buổi lưu động"),
    _("yêu cầu"),
    note=_("Yêu cầu đã vào hàng đợi tiếp nhận, của các buổi lưu động trong kỳ."),
    drilldown="outreach:entry_list",
)
def mobile_session_requests(centre, start, end):
    from .models import MobileEntry

    return MobileEntry.objects.filter(
        session__centre=centre, session__date__range=(start, end), request__isnull=False
    ).count()


@register_metric(
    "hotline_calls",
    _("Số cuộc gọi đến đường dây nóng trợ giúp pháp lý"),
    _("cuộc gọi"),
    keywords=("duong day nong",),
    drilldown="outreach:call_list",
)
def hotline_calls(centre, start, end):
    from legalaid.lib.dates import on_days

    from .models import HotlineCall

    return HotlineCall.objects.filter(centre=centre, **on_days("called_at", start, end)).count()
