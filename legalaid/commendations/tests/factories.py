"""Campaigns for tests: ``make_campaign(centre_world)`` creates (and by default launches) one through the services."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from legalaid.commendations import services
from legalaid.commendations.models import Campaign, CommendationForm, Nomination


def form(code: str) -> CommendationForm:
    return CommendationForm.objects.get(code=code)


def make_campaign(w, *, actor=None, launched=True, start=None, end=None, **fields) -> Campaign:
    today = timezone.localdate()
    campaign = Campaign(
        title=fields.pop("title", "Thi đua lập thành tích chào mừng kỷ niệm 25 năm Ngày thành lập Tổ chức TGPL"),
        theme=fields.pop("theme", "Thi đua lập thành tích chào mừng kỷ niệm 25 năm"),
        period_start=start or today - dt.timedelta(days=30),
        period_end=end or today + dt.timedelta(days=30),
        **fields,
    )
    actor = actor or w.director
    campaign = services.campaign_create(
        actor=actor,
        campaign=campaign,
        lead_units="Trung tâm trợ giúp pháp lý nhà nước tỉnh",
        partner_units="Văn phòng Sở; Phòng Nghiệp vụ A; Báo Ninh Thuận",
    )
    if launched:
        campaign = services.campaign_transition(actor=actor, campaign=campaign, to_status="launched")
    return campaign


def propose(w, campaign, *, actor=None, user=None, unit=None, code=None, achievements="Hoàn thành xuất sắc nhiệm vụ"):
    code = code or ("cstd_co_so" if user is not None else "tap_the_ldtt")
    return services.nomination_propose(
        actor=actor or w.director,
        nomination=Nomination(
            campaign=campaign, nominee_user=user, nominee_unit=unit, proposed_form=form(code), achievements=achievements
        ),
    )
