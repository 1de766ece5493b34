"""The portal's figures in the plans' catalogue of metrics (``plans.metrics.register_metric``): how many requests
arrived online, and their share of all requests received (the online public service's use, DOMAIN.md 7)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from legalaid.intake.choices import Channel
from legalaid.lib.dates import on_days
from legalaid.plans.metrics import register_metric


def _received(centre, start, end, requests=None):
    from legalaid.intake.models import LegalAidRequest

    requests = LegalAidRequest.objects.all() if requests is None else requests
    return requests.filter(centre=centre, **on_days("received_at", start, end))


def online_requests(requests, centre, start, end):
    """The requests of ``centre`` sent online and received in the period (``requests``: all, or those a user sees)."""
    return _received(centre, start, end, requests).filter(channel=Channel.ONLINE)


@register_metric(
    "requests_online",
    _("Số yêu cầu trợ giúp pháp lý gửi trực tuyến"),
    _("yêu cầu"),
    note=_("Yêu cầu gửi qua cổng dịch vụ công, tiếp nhận trong kỳ."),
    keywords=("truc tuyen", "dich vu cong truc tuyen"),
)
def requests_online(centre, start, end):
    from legalaid.intake.models import LegalAidRequest

    return online_requests(LegalAidRequest.objects.all(), centre, start, end).count()


@register_metric(
    "requests_online_pct",
    _("Tỷ lệ yêu cầu trợ giúp pháp lý gửi trực tuyến"),
    "%",
    note=_("Yêu cầu gửi qua cổng dịch vụ công trên tổng số yêu cầu tiếp nhận trong kỳ."),
    keywords=("ty le truc tuyen", "ho so truc tuyen"),
)
def requests_online_pct(centre, start, end):
    received = _received(centre, start, end)
    total = received.count()
    if not total:
        return None
    return 100 * received.filter(channel=Channel.ONLINE).count() / total
