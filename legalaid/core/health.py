"""The health endpoint (issue 14 item 8): ``GET /suc-khoe/``, for load balancers, monitoring and ``.ci/prod-stack``.

No login, no personal data, no error text (an exception's class name at most; the details go to the log). JSON::

    {"status": "ok", "database": {"ok": true}, "queue": {"ok": true, "backend": "rq", "waiting": 0, ...},
     "storage": {"ok": true}}

with 200, or 503 when any part fails:

- database: a ``SELECT 1`` on the default database;
- queue: the task backend can be reached, and no task has waited longer than ``HEALTH_QUEUE_MAX_WAIT`` seconds (a
  stalled or missing worker); with RQ, also the number of workers alive (their Redis heartbeat);
- storage: a small file can be written to and deleted from the media storage.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _seconds_since(moment: datetime) -> int:
    if moment.tzinfo is None:  # RQ keeps naive UTC times
        moment = moment.replace(tzinfo=UTC)
    return max(0, int((timezone.now() - moment).total_seconds()))


def _backend_path() -> str:
    return settings.TASKS["default"]["BACKEND"]


def check_queue() -> dict:
    """Whether tasks can be queued and are being taken: the oldest task waiting, in seconds."""
    max_wait = settings.HEALTH_QUEUE_MAX_WAIT
    backend = _backend_path()
    if backend.startswith("django_tasks_rq."):
        import django_rq
        from rq import Worker

        queue = django_rq.get_queue("default")
        queue.connection.ping()
        first_ids = queue.get_job_ids(0, 1)
        job = queue.fetch_job(first_ids[0]) if first_ids else None
        oldest = _seconds_since(job.enqueued_at) if job is not None and job.enqueued_at else None
        result = {
            "backend": "rq",
            "waiting": queue.count,
            "oldest_wait_seconds": oldest,
            "workers": Worker.count(connection=queue.connection, queue=queue),
        }
    elif backend.startswith("django_tasks_db."):
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.ready()
        first = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        oldest = None if first is None else _seconds_since(first)
        result = {"backend": "database", "waiting": ready.count(), "oldest_wait_seconds": oldest}
    else:  # the immediate or dummy backend (development, tests): nothing waits
        return {"ok": True, "backend": backend.rsplit(".", 1)[-1]}
    result["ok"] = oldest is None or oldest <= max_wait
    if not result["ok"]:
        result["reason"] = "stalled"
    return result


def check_storage() -> dict:
    name = default_storage.save(f".health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as handle:
            readable = handle.read() == b"ok"
    finally:
        default_storage.delete(name)
    return {"ok": readable}


CHECKS = {"database": check_database, "queue": check_queue, "storage": check_storage}


def run_checks() -> dict:
    report: dict = {}
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as error:  # a health check reports every failure, it never raises
            logger.exception("Health check %s failed", name)
            report[name] = {"ok": False, "error": type(error).__name__}
    report["status"] = "ok" if all(part["ok"] for part in report.values()) else "fail"
    return report


@never_cache
@require_GET
def health(request):
    report = run_checks()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)
