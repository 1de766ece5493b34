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


#: Rows between two progress updates of a background export.
EXPORT_PROGRESS_EVERY = 1000


@task()
def run_export(*, job_id: int) -> int:
    """Write the export ``job_id`` (``legalaid.core.exports``): the list's rows as the asking user sees them, streamed
    into a write-only workbook, each exported record in the access log; returns the number of rows."""
    from legalaid.core.models import ExportJob, ExportStatus

    job = ExportJob.objects.select_related("user").filter(pk=job_id, status=ExportStatus.PENDING).first()
    if job is None:  # already run (a task delivered twice), or deleted
        return 0
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING)
    try:
        written = _write_export(job)
    except Exception:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED, params="", finished_at=_now())
        raise
    # Each new export also clears the expired ones, so that files past their time never pile up even where nobody
    # has set up the hourly `cleanup_exports` timer (docs/deploy.md): the timer then only bounds the delay.
    delete_expired_exports()
    return written


def _now():
    from django.utils import timezone

    return timezone.now()


def _write_export(job) -> int:
    import tempfile

    from django.core.files import File
    from django.http import QueryDict
    from django.utils import translation
    from django.utils.module_loading import import_string

    from legalaid.core import exports
    from legalaid.core.models import ExportJob, ExportStatus
    from legalaid.lib.xlsx import stream_workbook

    with translation.override(settings.LANGUAGE_CODE):
        spec = import_string(exports.BACKGROUND[job.kind])(job.user, QueryDict(job.params))
        total = spec.queryset.count()
        ExportJob.objects.filter(pk=job.pk).update(total=total)
        done = 0
        pending_log = []

        def objects():
            nonlocal done
            for obj in spec.queryset.iterator(chunk_size=2000):
                pending_log.append(obj)
                done += 1
                if len(pending_log) >= EXPORT_PROGRESS_EVERY:
                    exports.log_export(job.user, pending_log, spec.model, request_id=job.request_id)
                    pending_log.clear()
                    ExportJob.objects.filter(pk=job.pk).update(done=done)
                yield obj

        with tempfile.TemporaryFile() as handle:
            stream_workbook(handle, spec.title, spec.headers, spec.rows(objects()))
            if pending_log or not done:
                exports.log_export(job.user, pending_log, spec.model, request_id=job.request_id)
            handle.seek(0)
            job.file.save(spec.filename, File(handle), save=False)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.DONE,
            done=done,
            total=max(total, done),
            file=job.file.name,
            filename=spec.filename,
            params="",
            finished_at=_now(),
        )
    return done


@task()
def cleanup_exports() -> int:
    """Delete the background exports past their time, with their files; returns how many."""
    return delete_expired_exports()


def delete_expired_exports() -> int:
    from legalaid.core.models import ExportJob

    removed = 0
    for job in ExportJob.objects.filter(expires_at__lte=_now()):
        if job.file:
            job.file.delete(save=False)
        job.delete()
        removed += 1
    return removed
