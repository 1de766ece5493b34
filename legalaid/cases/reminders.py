"""The daily e-mail of deadlines: one digest per person of what is overdue, due today and due tomorrow.

``send_deadline_reminders(today)`` looks at every active user who keeps deadlines (``deadlines.RESPONSIBLE_ROLES``)
and has an e-mail address, gathers their deadlines with the same selector as their home page
(``deadlines.collect``), and queues ONE e-mail per user through the task queue, after commit
(``core.tasks.notify_after_commit``). A ``DeadlineReminderLog(user, date)`` row, unique per user and day, is written
in the same transaction: running the command twice on a day sends nothing more, and a rolled-back run sends nothing.

Run it once a day: ``manage.py send_deadline_reminders`` (cron or a systemd timer, docs/deploy.md); the e-mails go out
through the task worker (``manage.py db_worker``), so the default configuration needs no extra server.

The e-mail names cases by their code and requests by their number, never the beneficiary (personal data stays in the
system).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from legalaid.core.tasks import notify_after_commit
from legalaid.lib.formatting import format_date, format_datetime

from .deadlines import RESPONSIBLE_ROLES, Deadline, collect
from .models import DeadlineReminderLog


def recipients(today: dt.date):
    """Active users who keep deadlines, with a deliverable address, not yet reminded on ``today``."""
    User = get_user_model()
    return (
        User.objects.staff()
        .filter(is_active=True, is_superuser=False, role__in=RESPONSIBLE_ROLES)
        .exclude(email="")
        .exclude(email__iendswith=".invalid")
        .exclude(pk__in=DeadlineReminderLog.objects.filter(date=today).values("user_id"))
        .select_related("organisation", "organisation__centre")
        .order_by("pk")
    )


def due_for(user, today: dt.date) -> list[Deadline]:
    """``user``'s deadlines that are overdue, due today or due tomorrow."""
    return collect(user, today, today + dt.timedelta(days=1))


def _when(deadline: Deadline) -> str:
    return format_datetime(deadline.due) if deadline.is_datetime else format_date(deadline.due)


def digest(user, items: list[Deadline], today: dt.date) -> tuple[str, str]:
    """The subject and plain-text body of one user's e-mail."""
    site = getattr(settings, "SITE_URL", "").rstrip("/")
    overdue = [d for d in items if d.due_date < today]
    due_today = [d for d in items if d.due_date == today]
    tomorrow = [d for d in items if d.due_date > today]
    subject = _("Hạn cần theo dõi ngày %(date)s: %(count)s việc, %(overdue)s quá hạn") % {
        "date": format_date(today),
        "count": len(items),
        "overdue": len(overdue),
    }
    lines = [_("Kính gửi %(name)s,") % {"name": user.full_name or user.username}, ""]
    for title, group in ((_("Quá hạn"), overdue), (_("Hôm nay"), due_today), (_("Ngày mai"), tomorrow)):
        if not group:
            continue
        lines.append(f"{title} ({len(group)}):")
        for d in group:
            lines.append(f"- {_when(d)} · {d.subject} · {d.label} · {d.responsible}")
            lines.append(f"  {site}{d.url}")
        lines.append("")
    lines.append(_("Thư này được gửi tự động mỗi ngày một lần từ hệ thống quản lý trợ giúp pháp lý."))
    return subject, "\n".join(lines)


def remind(user, today: dt.date) -> bool:
    """Queue ``user``'s digest for ``today`` (after commit) unless they have nothing due or were already reminded;
    True when one was queued."""
    items = due_for(user, today)
    if not items:
        return False
    try:
        with transaction.atomic():
            DeadlineReminderLog.objects.create(user=user, date=today, items=len(items))
            subject, body = digest(user, items, today)
            notify_after_commit(to=user.email, subject=subject, body=body)
    except IntegrityError:
        return False  # another run reminded them meanwhile
    return True


def send_deadline_reminders(today: dt.date | None = None) -> int:
    """Queue one digest per user with deadlines overdue, due today or tomorrow; returns how many were queued."""
    today = today or timezone.localdate()
    count = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients(today):
            count += remind(user, today)
    return count
