"""Reads of plans, always through ``visible_to(user)``: the list, the task tree, targets against measured figures,
and the plan implementation report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from legalaid.core import calendar

from .choices import TaskStatus
from .metrics import get_metric, is_met
from .models import SOON_WORKING_DAYS, Plan, PlanTask, TaskTarget, TaskUnit


def plan_list(*, user):
    return (
        Plan.objects.visible_to(user)
        .select_related("centre", "issuer")
        .annotate(
            task_count=Count("tasks", distinct=True),
            done_count=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE), distinct=True),
        )
        .order_by(F("date").desc(nulls_last=True), "-id")
    )


def deadlines(today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    return {"today": today, "soon_until": calendar.add_working_days(today, SOON_WORKING_DAYS)}


def plan_tasks(plan: Plan):
    """Every task of the plan in document order, with its units and targets (three queries)."""
    return plan.tasks.prefetch_related(
        Prefetch("units", queryset=TaskUnit.objects.select_related("organisation")),
        "targets",
    ).order_by("position", "id")


def task_period(task: PlanTask) -> tuple[dt.date | None, dt.date | None]:
    """The period a task's targets are measured over: its own dates, else the plan's period."""
    plan = task.plan
    start = task.start or plan.period_start
    end = task.end or plan.period_end
    if start is None and end is not None:
        start = end.replace(month=1, day=1)
    if end is None and start is not None:
        end = start.replace(month=12, day=31)
    return start, end


@dataclass
class TargetResult:
    target: TaskTarget
    metric: object | None
    start: dt.date | None
    end: dt.date | None
    actual: Decimal | None = None
    met: bool | None = None
    note: str = ""


def measure_target(target: TaskTarget, today: dt.date | None = None) -> TargetResult:
    """Target against the actual figure over the task's period (up to today when the period is not over)."""
    today = today or timezone.localdate()
    metric = get_metric(target.metric_code) if target.metric_code else None
    start, end = task_period(target.task)
    result = TargetResult(target=target, metric=metric, start=start, end=end)
    if metric is None:
        return result
    result.note = str(metric.note or "")
    if start is None or end is None:
        return result
    measured_end = min(end, today)
    if measured_end < start:
        return result
    result.end = measured_end
    result.actual = metric.measure(target.task.plan.centre, start, measured_end)
    result.met = is_met(result.actual, target.comparison, target.value)
    return result


@dataclass
class PlanReport:
    plan: Plan
    today: dt.date
    tasks: list[PlanTask]
    by_status: list[tuple[str, str, int]]
    late: list[PlanTask]
    targets: list[TargetResult] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.tasks)


def task_state(task: PlanTask, today: dt.date) -> str:
    """The status shown: the stored status, or "late" when the deadline has passed (derived, never stored)."""
    return "late" if task.is_late(today) else task.status


def state_label(state: str) -> str:
    from django.utils.translation import gettext as _

    return _("Chậm tiến độ") if state == "late" else str(TaskStatus(state).label)


def plan_report(plan: Plan, today: dt.date | None = None) -> PlanReport:
    """Tasks by status (late derived from the deadline and the calendar), the late tasks, targets against actuals."""
    today = today or timezone.localdate()
    tasks = list(plan_tasks(plan).select_related("plan", "plan__centre"))
    counts = Counter(task_state(t, today) for t in tasks)
    order = [TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, "late", TaskStatus.DONE]
    by_status = [(str(s), state_label(str(s)), counts.get(str(s), 0)) for s in order]
    late = [t for t in tasks if t.is_late(today)]
    targets = [measure_target(target, today) for t in tasks for target in t.targets.all()]
    return PlanReport(plan=plan, today=today, tasks=tasks, by_status=by_status, late=late, targets=targets)
