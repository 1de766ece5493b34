"""The register's sections of the work queue (``legalaid.core.workqueue``), imported by ``FeedbackConfig.ready``.

- Everyone in a Centre: the entries they are responsible for, by deadline.
- Director, deputy, branch head: complaints awaiting their first-level decision (Law Art. 45(2), 03 working days),
  entries nobody is responsible for yet, and any entry due within two working days or overdue.
- Department of Justice officer: second-level complaints addressed to the Department (Art. 45(3)), by deadline.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date

from .choices import COMPLAINT_KINDS, Level
from .models import FeedbackEntry

STAFF_ROLES = (
    Role.DIRECTOR,
    Role.DEPUTY_DIRECTOR,
    Role.BRANCH_HEAD,
    Role.OFFICER,
    Role.INTAKE,
    Role.ADMIN_STAFF,
)
HEAD_ROLES = (Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)
#: Amber when due within this many working days (STYLE.md: "amber when due within 2 working days").
SOON_WORKING_DAYS = 2


def _rows(queryset) -> tuple[list[FeedbackEntry], int]:
    rows = list(queryset.select_related("case").order_by("due_on", "received_on", "pk")[:LIMIT])
    total = total_of(queryset, rows)
    return rows, total


def _item(entry: FeedbackEntry, today: dt.date, soon: dt.date, title: str, action: str) -> Item:
    detail = _("%(kind)s, nhận %(day)s, hạn %(due)s") % {
        "kind": entry.get_kind_display(),
        "day": format_date(entry.received_on),
        "due": format_date(entry.due_on),
    }
    if entry.case_id:
        detail += " · " + _("vụ việc %(code)s") % {"code": entry.case.code}
    return Item(
        title=title,
        subject=_("Số %(code)s · %(source)s") % {"code": entry.code, "source": entry.get_source_display()},
        url=reverse("feedback:entry_detail", kwargs={"pk": entry.pk}),
        detail=detail,
        due=entry.due_on,
        tone=tone_of(entry.due_on, today, soon),
        action=action,
    )


def _title(entry: FeedbackEntry) -> tuple[str, str]:
    if entry.kind in COMPLAINT_KINDS:
        if entry.level == Level.SECOND:
            return _("Giải quyết khiếu nại lần hai"), _("Ra quyết định")
        return _("Giải quyết khiếu nại lần đầu"), _("Ra quyết định")
    return _("Trả lời phản ánh, kiến nghị"), _("Giải quyết")


@section("feedback_mine", roles=STAFF_ROLES, order=60)
def feedback_mine(user, today: dt.date) -> Section:
    """The open entries the user is responsible for."""
    qs = FeedbackEntry.objects.visible_to(user).open().filter(responsible=user)
    rows, total = _rows(qs)
    soon = calendar.add_working_days(today, SOON_WORKING_DAYS)
    return Section(
        code="feedback_mine",
        title=_("Phản ánh, khiếu nại bạn phụ trách"),
        items=[_item(e, today, soon, *_title(e)) for e in rows],
        total=total,
        list_url=reverse("feedback:entry_list") + "?mine=1&status=open",
        note=_("Ghi việc đã làm và kết quả trên sổ; khiếu nại do người đứng đầu quyết định (Điều 45)."),
    )


@section("feedback_head", roles=HEAD_ROLES, order=61)
def feedback_head(user, today: dt.date) -> Section:
    """For the head of the unit: first-level complaints to decide, unassigned entries, entries due soon or late."""
    soon = calendar.add_working_days(today, SOON_WORKING_DAYS)
    qs = (
        FeedbackEntry.objects.visible_to(user)
        .open()
        .filter(level=Level.FIRST)
        .filter(Q(kind__in=COMPLAINT_KINDS) | Q(responsible__isnull=True) | Q(due_on__lte=soon))
    )
    rows, total = _rows(qs)
    items = []
    for e in rows:
        if e.kind in COMPLAINT_KINDS:
            items.append(_item(e, today, soon, _("Quyết định giải quyết khiếu nại lần đầu"), _("Ra quyết định")))
        elif e.responsible_id is None:
            items.append(_item(e, today, soon, _("Giao người phụ trách"), _("Giao")))
        else:
            items.append(_item(e, today, soon, _("Phản ánh sắp đến hạn hoặc quá hạn"), _("Xem")))
    return Section(
        code="feedback_head",
        title=_("Khiếu nại chờ quyết định, phản ánh cần giao hoặc sắp đến hạn"),
        items=items,
        total=total,
        list_url=reverse("feedback:entry_list") + "?status=open",
        note=_("Người đứng đầu tổ chức giải quyết khiếu nại lần đầu trong 03 ngày làm việc (Điều 45 khoản 2)."),
    )


@section("feedback_department", roles=(Role.DOJ_OFFICER,), order=62)
def feedback_department(user, today: dt.date) -> Section:
    """Second-level complaints addressed to the Director of the Department of Justice."""
    soon = calendar.add_working_days(today, SOON_WORKING_DAYS)
    qs = FeedbackEntry.objects.visible_to(user).open().filter(level=Level.SECOND)
    rows, total = _rows(qs)
    return Section(
        code="feedback_department",
        title=_("Khiếu nại lần hai gửi Giám đốc Sở Tư pháp"),
        items=[_item(e, today, soon, *_title(e)) for e in rows],
        total=total,
        list_url=reverse("feedback:entry_list") + "?status=open",
        note=_("Giám đốc Sở Tư pháp giải quyết trong 15 ngày (Điều 45 khoản 3); quyết định có hiệu lực thi hành."),
    )
