"""The plans' section of the work queue (``legalaid.core.workqueue``): tasks of active plans due soon or overdue.

For the administration (Phòng Hành chính – Tổng hợp), who follow the plans, and the Centre's managers: open tasks whose
deadline falls within the reminder horizon (``plans.reminder_working_days``) or has passed.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from legalaid.core import calendar
from legalaid.core.choices import Role
from legalaid.core.workqueue import LIMIT, Item, Section, section, tone_of, total_of
from legalaid.lib.formatting import format_date
from legalaid.plans.choices import PlanStatus, TaskStatus
from legalaid.plans.models import PlanTask, deadline_of
from legalaid.plans.reminders import reminder_working_days


@section("plan_tasks_due", roles=(Role.ADMIN_STAFF, Role.DIRECTOR, Role.DEPUTY_DIRECTOR), order=60)
def plan_tasks_due(user, today: dt.date) -> Section | None:
    if not user.has_perm("plans.view_plan"):
        return None
    horizon = calendar.add_working_days(today, reminder_working_days(today))
    due = (
        PlanTask.objects.visible_to(user)
        .filter(plan__status=PlanStatus.ACTIVE, end__isnull=False, end__lte=horizon)
        .exclude(status=TaskStatus.DONE)
    )
    rows = list(due.select_related("plan").order_by("end", "plan_id", "position")[:LIMIT])
    soon_until = calendar.add_working_days(today, 2)
    items = []
    for task in rows:
        deadline = deadline_of(task.end)
        items.append(
            Item(
                title=_("Nhiệm vụ kế hoạch đến hạn"),
                subject=str(task),
                url=reverse("plans:task_detail", kwargs={"pk": task.pk}),
                detail=_("%(plan)s · hạn %(date)s") % {"plan": task.plan, "date": format_date(deadline)},
                due=deadline,
                tone=tone_of(deadline, today, soon_until),
                action=_("Cập nhật tiến độ"),
            )
        )
    return Section(
        code="plan_tasks_due",
        title=_("Nhiệm vụ kế hoạch đến hạn, quá hạn"),
        items=items,
        total=total_of(due, rows),
        list_url=reverse("plans:plan_list"),
        note=_("Đơn vị chủ trì báo cáo tiến độ kèm minh chứng."),
    )
