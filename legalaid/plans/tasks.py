"""Background work of plans (the ``legalaid.core.tasks`` pattern): the daily reminders."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task


@task()
def send_plan_reminders(*, today: str | None = None) -> int:
    """Queue the reminders of ``today`` (ISO date; default: today). Returns the number of e-mails queued."""
    from .reminders import queue_plan_reminders

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    with transaction.atomic():
        return queue_plan_reminders(day)
