"""Background exports (issue 13 item 6, issue 11 item 4): past the interactive limit a list export becomes a task with
a progress page, written row by row, visible and downloadable only by the person who asked, logged in the access log,
deleted after its time."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from legalaid.cases.choices import CaseStatus
from legalaid.cases.tests.factories import case_in
from legalaid.core import exports, tasks
from legalaid.core.choices import AccessAction
from legalaid.core.models import AccessLogEntry, ExportJob, ExportStatus

pytestmark = pytest.mark.django_db

CASES = reverse("cases:case_list")


@pytest.fixture
def three_cases(world, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_MAX_ROWS", 2)
    return [
        case_in(world.a.director, CaseStatus.IN_PROGRESS),
        case_in(world.a.director, CaseStatus.IN_PROGRESS),
        case_in(world.a.director, CaseStatus.ACCEPTED),
    ]


def start(client, django_capture_on_commit_callbacks, params=None) -> ExportJob:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(CASES, {"export": "xlsx", **(params or {})})
    job = ExportJob.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse("core:export_detail", args=[job.pk])
    return job


def test_a_long_export_runs_in_the_background(client, world, three_cases, django_capture_on_commit_callbacks):
    client.force_login(world.a.director)
    job = start(client, django_capture_on_commit_callbacks)
    assert (job.user, job.kind, job.status) == (world.a.director, "cases", ExportStatus.PENDING)
    assert "export" not in job.params
    queued = DBTaskResult.objects.get(task_path="legalaid.core.tasks.run_export")
    assert queued.args_kwargs["kwargs"] == {"job_id": job.pk}
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()

    # Waiting: the progress part polls itself.
    page = client.get(reverse("core:export_detail", args=[job.pk]))
    html = page.content.decode()
    assert 'hx-trigger="every 2s"' in html and "<progress" in html and "no-store" in page["Cache-Control"]

    assert tasks.run_export.call(job_id=job.pk) == 3
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.params, job.percent) == (ExportStatus.DONE, 3, 3, "", 100)

    html = client.get(reverse("core:export_detail", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "every 2s" not in html and 'id="export-download"' in html
    response = client.get(reverse("core:export_download", args=[job.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "attachment" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][0] == "Mã hồ sơ" and sorted(r[0] for r in rows[1:]) == sorted(c.code for c in three_cases)

    logged = AccessLogEntry.objects.filter(action=AccessAction.EXPORT, user=world.a.director)
    assert sorted(logged.values_list("object_id", flat=True)) == sorted(str(c.pk) for c in three_cases)
    assert set(logged.values_list("request_id", flat=True)) == {job.request_id}

    assert tasks.run_export.call(job_id=job.pk) == 0  # delivered twice: nothing written twice
    assert logged.count() == 3


def test_the_export_keeps_the_lists_filters(client, world, three_cases, django_capture_on_commit_callbacks):
    client.force_login(world.a.director)
    case_in(world.a.director, CaseStatus.IN_PROGRESS)
    job = start(client, django_capture_on_commit_callbacks, {"status": CaseStatus.IN_PROGRESS})
    assert tasks.run_export.call(job_id=job.pk) == 3
    job.refresh_from_db()
    rows = list(load_workbook(job.file.path).active.iter_rows(values_only=True))
    assert len(rows) == 4


def test_only_the_person_who_asked_sees_the_export(client, world, three_cases, django_capture_on_commit_callbacks):
    client.force_login(world.a.director)
    job = start(client, django_capture_on_commit_callbacks)
    tasks.run_export.call(job_id=job.pk)
    for other in (world.a.deputy, world.a.sysadmin, world.b.director):
        client.force_login(other)
        assert client.get(reverse("core:export_detail", args=[job.pk])).status_code == 404
        assert client.get(reverse("core:export_download", args=[job.pk])).status_code == 404
        assert "export-jobs" not in client.get(reverse("core:export_list")).content.decode()
    client.logout()
    assert client.get(reverse("core:export_download", args=[job.pk])).status_code == 302  # to the login page


def test_a_short_export_stays_in_the_request(client, world, three_cases, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_MAX_ROWS", 10)
    client.force_login(world.a.director)
    response = client.get(CASES, {"export": "xlsx"})
    assert response.status_code == 200 and not ExportJob.objects.exists()


def test_expired_exports_are_deleted_with_their_file(client, world, three_cases, django_capture_on_commit_callbacks):
    client.force_login(world.a.director)
    job = start(client, django_capture_on_commit_callbacks)
    tasks.run_export.call(job_id=job.pk)
    job.refresh_from_db()
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)
    call_command("cleanup_exports", verbosity=0)
    assert ExportJob.objects.filter(pk=job.pk).exists()  # not yet
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert client.get(reverse("core:export_download", args=[job.pk])).status_code == 404  # past its time: gone
    call_command("cleanup_exports", verbosity=0)
    assert not ExportJob.objects.filter(pk=job.pk).exists() and not storage.exists(name)


def test_a_lawyer_cannot_export_the_case_list(client, world, three_cases):
    client.force_login(world.a.lawyer)
    assert client.get(CASES, {"export": "xlsx"}).status_code == 403
    assert not ExportJob.objects.exists()


def test_a_new_export_clears_the_expired_ones_without_the_timer(
    client, world, three_cases, django_capture_on_commit_callbacks
):
    client.force_login(world.a.director)
    old = start(client, django_capture_on_commit_callbacks)
    tasks.run_export.call(job_id=old.pk)
    old.refresh_from_db()
    storage, name = old.file.storage, old.file.name
    ExportJob.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    new = start(client, django_capture_on_commit_callbacks)
    tasks.run_export.call(job_id=new.pk)
    assert not ExportJob.objects.filter(pk=old.pk).exists() and not storage.exists(name)
    assert ExportJob.objects.filter(pk=new.pk).exists()
