"""Reminders before a task's deadline and for what is overdue, by e-mail to the users of the lead unit.

A task is "due soon" when its deadline (the end date, moved to the next working day when it falls on a day off) is
within N working days, N being the legal parameter ``plans.reminder_working_days`` (a Centre default, not a rule of
law: confirmed=False); it is overdue once the deadline has passed. Run daily: ``manage.py send_plan_reminders``
(docs/plans.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from legalaid.core import calendar
from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.models import LegalParameter
from legalaid.core.tasks import notify_after_commit

from .choices import PlanStatus, TaskStatus, UnitGroup, UnitRole
from .models import PlanTask, deadline_of

REMINDER_PARAMETER = "plans.reminder_working_days"
DEFAULT_REMINDER_WORKING_DAYS = 5
#: Roles told when a task has no lead unit in the system (those who "theo dõi, đôn đốc" the plan).
MANAGER_ROLES = (Role.ADMIN_STAFF, Role.DIRECTOR, Role.DEPUTY_DIRECTOR)


@dataclass(frozen=True)
class Reminder:
    task: PlanTask
    kind: str  # "due_soon" or "overdue"
    deadline: dt.date


def reminder_working_days(today: dt.date) -> int:
    try:
        return LegalParameter.int_on(REMINDER_PARAMETER, today)
    except LookupError:
        return DEFAULT_REMINDER_WORKING_DAYS


def due_reminders(today: dt.date) -> list[Reminder]:
    """Open tasks of active plans whose deadline is within N working days of ``today``, or past."""
    horizon = calendar.add_working_days(today, reminder_working_days(today))
    # The end date can be before its deadline (a day off), never after: filter generously, then decide in Python.
    tasks = (
        PlanTask.objects.filter(plan__status=PlanStatus.ACTIVE, end__isnull=False, end__lte=horizon)
        .exclude(status=TaskStatus.DONE)
        .select_related("plan", "plan__centre")
        .prefetch_related("units", "units__organisation")
        .order_by("end", "plan_id", "position")
    )
    out = []
    for task in tasks:
        deadline = deadline_of(task.end)
        if deadline < today:
            out.append(Reminder(task, "overdue", deadline))
        elif deadline <= horizon:
            out.append(Reminder(task, "due_soon", deadline))
    return out


def recipients(task: PlanTask) -> list[str]:
    """E-mail addresses of the active users of the task's lead units; the plan's managers when no lead unit is in
    the system."""
    User = get_user_model()
    centre_id = task.plan.centre_id
    condition = Q()
    for unit in task.units.all():
        if unit.role != UnitRole.LEAD:
            continue
        if unit.organisation_id:
            if unit.organisation.kind == OrganisationKind.CENTRE:
                condition |= Q(organisation_id=unit.organisation_id, role__in=MANAGER_ROLES)
            else:
                condition |= Q(organisation_id=unit.organisation_id)
        elif unit.group == UnitGroup.BRANCHES:
            condition |= Q(organisation__centre_id=centre_id, organisation__kind=OrganisationKind.BRANCH)
        elif unit.group == UnitGroup.DEPARTMENTS:
            condition |= Q(organisation__centre_id=centre_id, organisation__kind=OrganisationKind.DEPARTMENT)
    if not condition:
        condition = Q(role__in=MANAGER_ROLES) & (Q(organisation_id=centre_id) | Q(organisation__centre_id=centre_id))
    users = User.objects.staff().filter(condition, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _message(reminder: Reminder) -> tuple[str, str]:
    task = reminder.task
    if reminder.kind == "overdue":
        subject = _("Nhiệm vụ quá hạn: %(task)s") % {"task": str(task)[:80]}
    else:
        subject = _("Nhiệm vụ sắp đến hạn: %(task)s") % {"task": str(task)[:80]}
    lines = [
        _("Kế hoạch: %(plan)s") % {"plan": task.plan},
        _("Nhiệm vụ: %(ref)s %(content)s") % {"ref": task.ref, "content": task.content},
        _("Thời gian thực hiện: %(text)s") % {"text": task.timeframe_text},
        _("Hạn hoàn thành: %(date)s") % {"date": reminder.deadline.strftime("%d/%m/%Y")},
        _("Trạng thái: %(status)s") % {"status": task.get_status_display()},
        "",
        _("Cập nhật tiến độ tại: %(url)s") % {"url": task_url(task)},
    ]
    return subject, "\n".join(lines)


def task_url(task: PlanTask) -> str:
    from django.urls import reverse

    return getattr(settings, "SITE_URL", "").rstrip("/") + reverse("plans:task_detail", kwargs={"pk": task.pk})


def queue_plan_reminders(today: dt.date) -> int:
    """Queue one e-mail per reminder to the lead unit's users (after commit); returns the number queued."""
    count = 0
    with translation.override(settings.LANGUAGE_CODE):
        for reminder in due_reminders(today):
            to = recipients(reminder.task)
            if not to:
                continue
            subject, body = _message(reminder)
            notify_after_commit(to=to, subject=subject, body=body)
            count += 1
    return count
