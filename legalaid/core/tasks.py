"""Background work through Django's tasks API (the ``django-tasks`` backport).

The default backend keeps the queue in the database (``django_tasks_db``) and ``manage.py db_worker`` runs it, so
e-mail works on one machine with no extra server; ``make run`` starts the worker beside the web server. Services never
send mail themselves: they call ``notify_after_commit``, which enqueues the task only once the transaction has
committed, so an operation that rolls back sends nothing (STYLE.md rule 12).

Task arguments are stored as JSON: pass plain strings and lists, never model instances or lazy translations.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail to ``to``; returns the number of messages sent (1)."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def notify_after_commit(*, to: str | Iterable[str], subject: str, body: str, using: str | None = None) -> None:
    """Queue an e-mail to go out after the current transaction commits (at once when none is open).

    Empty addresses are dropped, and so are those in the reserved ``.invalid`` domain (RFC 2606: never deliverable;
    the demonstration accounts use it); with none left, nothing is queued. Subject and body are rendered now, in
    the caller's language, and stored as text.
    """
    recipients = [
        address
        for address in ([to] if isinstance(to, str) else to)
        if address and not address.strip().lower().endswith(".invalid")
    ]
    if not recipients:
        return
    subject, body = str(subject), str(body)
    transaction.on_commit(lambda: send_email.enqueue(to=recipients, subject=subject, body=body), using=using)
