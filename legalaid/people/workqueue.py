"""The people app's section of the work queue (``legalaid.core.workqueue``): correction requests awaiting a decision.

Shown to whoever decides them (``people.exercise_data_rights``: the Centre's director or deputy director, or a
designated data protection officer), for the persons they see; the answer is due within the time limit of the
``LegalParameter`` "people.data_subject_response_hours" (72 hours by default, Decree 13/2023 Art. 14-15, UNCONFIRMED).
"""

from __future__ import annotations

import datetime as dt
import math

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core.choices import Role
from legalaid.core.models import LegalParameter
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date

from .models import CorrectionRequest

RESPONSE_PARAMETER = "people.data_subject_response_hours"
DEFAULT_RESPONSE_HOURS = 72

STAFF_ROLES = (
    Role.DIRECTOR,
    Role.DEPUTY_DIRECTOR,
    Role.OFFICER,
    Role.INTAKE,
    Role.BRANCH_HEAD,
    Role.ADMIN_STAFF,
)


def response_days(today: dt.date) -> int:
    """The time limit to answer a data subject, in whole days (72 hours: 3 days)."""
    try:
        hours = LegalParameter.value_on(RESPONSE_PARAMETER, today)
    except LookupError:
        hours = DEFAULT_RESPONSE_HOURS
    return max(1, math.ceil(hours / 24))


def due_on(received_on: dt.date, today: dt.date) -> dt.date:
    return received_on + dt.timedelta(days=response_days(today))


@section("correction_requests", roles=STAFF_ROLES, order=40)
def correction_requests(user, today: dt.date) -> Section | None:
    if not user.has_perm("people.exercise_data_rights"):
        return None
    waiting = CorrectionRequest.objects.visible_to(user).pending()
    rows = list(waiting.select_related("person").order_by("received_on", "pk")[:LIMIT])
    items = []
    for row in rows:
        due = due_on(row.received_on, today)
        items.append(
            Item(
                title=_("Quyết định yêu cầu chỉnh sửa dữ liệu cá nhân"),
                subject=row.person.full_name,
                url=reverse("people:correction_decide", kwargs={"pk": row.pk}),
                detail=_("Nhận ngày %(received)s, hạn trả lời %(due)s")
                % {"received": format_date(row.received_on), "due": format_date(due)},
                due=due,
                tone=tone_of(due, today, today + dt.timedelta(days=1)),
                action=_("Quyết định"),
            )
        )
    return Section(
        code="correction_requests",
        title=_("Yêu cầu chỉnh sửa dữ liệu cá nhân chờ quyết định"),
        items=items,
        total=total_of(waiting, rows),
        note=_(
            "Chủ thể dữ liệu yêu cầu chỉnh sửa thông tin của mình: xem xét, sửa hoặc từ chối có lý do, rồi báo kết quả "
            "cho người yêu cầu (Nghị định 13/2023/NĐ-CP)."
        ),
    )
