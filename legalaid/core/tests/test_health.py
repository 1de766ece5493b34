"""The health endpoint /suc-khoe/ (issue 14 item 8): no login, no personal data, 200 when the database, the queue and
the storage work, 503 naming the part that does not."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from legalaid.core import health
from legalaid.core.tasks import send_email

URL = "/suc-khoe/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_url():
    assert reverse("health") == URL


@pytest.mark.django_db
def test_all_well_without_login(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True},
        "queue": {"ok": True, "backend": "database", "waiting": 0, "oldest_wait_seconds": None},
        "storage": {"ok": True},
    }
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_the_storage_probe_leaves_nothing(client, settings):
    client.get(URL)
    assert not [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


@pytest.mark.django_db
def test_a_failing_database_is_a_503_naming_it_and_nothing_more(client, monkeypatch):
    def broken():
        raise ConnectionError("could not connect to server at 10.0.0.5 as legalaid with password ...")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get(URL)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["database"] == {"ok": False, "error": "ConnectionError"}
    assert body["queue"]["ok"] and body["storage"]["ok"]
    assert b"10.0.0.5" not in response.content and b"password" not in response.content


@pytest.mark.django_db
def test_an_unwritable_storage_is_a_503(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings.MEDIA_ROOT = blocker / "media"

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["storage"]["ok"] is False
    assert response.json()["database"] == {"ok": True}


@pytest.mark.django_db
def test_a_task_waiting_too_long_means_the_worker_is_gone(client, settings):
    settings.HEALTH_QUEUE_MAX_WAIT = 600
    send_email.enqueue(to=["a@example.vn"], subject="s", body="b")
    assert client.get(URL).json()["queue"]["waiting"] == 1
    assert client.get(URL).status_code == 200  # just queued

    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["queue"] == {
        "ok": False,
        "backend": "database",
        "waiting": 1,
        "oldest_wait_seconds": pytest.approx(660, abs=5),
        "reason": "stalled",
    }


def test_the_rq_queue_reports_its_workers(settings, monkeypatch):
    """With TASKS_BACKEND=rq the queue part asks Redis (stood in for here; .ci/prod-stack uses the real one)."""

    class FakeRedis:
        def ping(self):
            return True

    class FakeQueue:
        connection = FakeRedis()
        count = 0

        def get_job_ids(self, start, end):
            return []

    import django_rq
    import rq

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    monkeypatch.setattr(django_rq, "get_queue", lambda name: FakeQueue(), raising=False)
    monkeypatch.setattr(rq.Worker, "count", classmethod(lambda cls, connection, queue: 2))

    assert health.check_queue() == {
        "ok": True,
        "backend": "rq",
        "waiting": 0,
        "oldest_wait_seconds": None,
        "workers": 2,
    }


def test_post_is_refused(client):
    assert client.post(URL).status_code == 405
