"""The training app's sections of the work queue (``legalaid.core.workqueue``).

- Director, deputy, branch head: from the alert day (``training.shortfall_alert_month``, 1 October by default,
  UNCONFIRMED) to the year's end, the legal aid officers still short of the yearly training hours (TT 12/2018
  Art. 4), fewest hours first, each linking to the hours table where the training is recorded.
- Legal aid officer: the same reminder about their own hours; and, for every provider who logs in, their own court
  duty in the coming days.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, total_of
from legalaid.lib.formatting import format_date

from . import requirement, selectors
from .models import DutySlot

MANAGER_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)
DUTY_ROLES = (Role.OFFICER, Role.LAWYER, Role.COLLABORATOR)
#: How far ahead a provider's own duty is shown.
DUTY_DAYS_AHEAD = 14


def _hours(value) -> str:
    return requirement.hours_text(value)


@section("training_shortfall", roles=MANAGER_ROLES, order=60)
def training_shortfall(user, today: dt.date) -> Section | None:
    if user.centre is None or not requirement.alert_active(today):
        return None
    year = today.year
    short = selectors.short_rows(user, user.centre, year)
    rows = short[:LIMIT]
    url = reverse("training:hours_table") + f"?year={year}&short=1"
    year_end = dt.date(year, 12, 31)
    items = [
        Item(
            title=_("Chưa đủ giờ bồi dưỡng"),
            subject=r.provider.full_name,
            url=url,
            detail=_("%(hours)s / %(required)s giờ, còn thiếu %(missing)s giờ")
            % {"hours": _hours(r.hours), "required": _hours(r.required), "missing": _hours(r.shortfall)},
            due=year_end,
            tone="soon",
            action=_("Cử đi tập huấn"),
        )
        for r in rows
    ]
    return Section(
        code="training_shortfall",
        title=_("Trợ giúp viên pháp lý chưa đủ giờ bồi dưỡng năm %(year)s") % {"year": year},
        items=items,
        total=len(short),
        list_url=url,
        note=_(
            "Mỗi Trợ giúp viên pháp lý phải tham gia ít nhất %(hours)s giờ bồi dưỡng bắt buộc mỗi năm "
            "(Điều 4 Thông tư 12/2018/TT-BTP); hạn là hết ngày %(date)s."
        )
        % {"hours": _hours(requirement.hours_required(year)), "date": format_date(year_end)},
    )


@section("training_my_shortfall", roles=(Role.OFFICER,), order=61)
def training_my_shortfall(user, today: dt.date) -> Section | None:
    if not requirement.alert_active(today):
        return None
    own = selectors.own_hours(user, today.year)
    if own is None or own.reached is not False:
        return None
    year_end = dt.date(today.year, 12, 31)
    url = reverse("training:event_list") + f"?provider={own.provider.pk}"
    return Section(
        code="training_my_shortfall",
        title=_("Giờ bồi dưỡng năm %(year)s của tôi chưa đủ") % {"year": today.year},
        items=[
            Item(
                title=_("Tham gia tập huấn, bồi dưỡng"),
                subject=own.provider.full_name,
                url=url,
                detail=_("%(hours)s / %(required)s giờ, còn thiếu %(missing)s giờ")
                % {"hours": _hours(own.hours), "required": _hours(own.required), "missing": _hours(own.shortfall)},
                due=year_end,
                tone="soon",
                action=_("Xem các đợt đã tham dự"),
            )
        ],
        total=1,
        list_url=url,
        note=_("Điều 4 Thông tư 12/2018/TT-BTP: ít nhất %(hours)s giờ mỗi năm.") % {"hours": _hours(own.required)},
    )


@section("duty_upcoming", roles=DUTY_ROLES, order=62)
def duty_upcoming(user, today: dt.date) -> Section | None:
    """The provider's own court duty, today and the next ``DUTY_DAYS_AHEAD`` days."""
    until = today + dt.timedelta(days=DUTY_DAYS_AHEAD)
    slots = DutySlot.objects.filter(provider__user_id=user.pk, date__range=(today, until)).order_by(
        "date", "session", "pk"
    )
    rows = list(slots.select_related("court")[:LIMIT])
    if not rows:
        return None
    items = [
        Item(
            title=_("Trực tại tòa"),
            subject=s.court.name,
            url=reverse("training:duty_detail", kwargs={"pk": s.pk}),
            detail=_("%(session)s %(date)s – %(place)s")
            % {"session": s.get_session_display(), "date": format_date(s.date), "place": s.get_place_kind_display()},
            due=s.date,
            tone="soon" if s.date == today else "",
            action=_("Ghi nhận người được giúp") if s.date == today else _("Xem lịch trực"),
        )
        for s in rows
    ]
    return Section(
        code="duty_upcoming",
        title=_("Lịch trực tại tòa của tôi"),
        items=items,
        total=total_of(slots, rows),
        list_url=reverse("training:duty_list"),
        note=_("Người được giúp trong buổi trực được ghi thành việc trợ giúp pháp lý hoặc yêu cầu mới."),
    )
