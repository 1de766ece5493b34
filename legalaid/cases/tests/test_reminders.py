"""The daily deadline e-mail: one digest per user of what is overdue, due today and tomorrow; at most one per user and
day; queued only after commit; nothing for users without a deliverable address or without deadlines."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from legalaid.cases.models import CaseArchive, DeadlineReminderLog, Hearing
from legalaid.cases.reminders import send_deadline_reminders
from legalaid.intake.models import LegalAidRequest
from legalaid.intake.tests.factories import receive_request
from legalaid.providers.tests.factories import assigned_case, provider_for

#: A Wednesday: tomorrow is Thursday 19/11/2026.
TODAY = dt.date(2026, 11, 18)


def at(day, hour=8):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def queued():
    """(to, subject, body) of the e-mails in the task queue."""
    return [
        (r.args_kwargs["kwargs"]["to"], r.args_kwargs["kwargs"]["subject"], r.args_kwargs["kwargs"]["body"])
        for r in DBTaskResult.objects.order_by("enqueued_at")
    ]


def with_email(user, address):
    user.email = address
    user.save()
    return user


@pytest.fixture
def officer_case(world):
    with_email(world.a.officer, "officer.a@example.vn")
    case = assigned_case(world.a.director, provider_for(world.a.officer), form="litigation")
    Hearing.objects.create(case=case, starts_at=at(TODAY, 14), place="Tòa án nhân dân tỉnh")  # today
    Hearing.objects.create(case=case, starts_at=at(TODAY + dt.timedelta(days=1), 8), place="Viện kiểm sát")
    Hearing.objects.create(case=case, starts_at=at(TODAY + dt.timedelta(days=2), 8), place="Tòa án huyện")  # later
    CaseArchive.objects.create(
        case=case, ended_on=TODAY - dt.timedelta(days=35), handover_due_on=TODAY - dt.timedelta(days=5)
    )
    return case


@override_settings(SITE_URL="https://tgpl.example.gov.vn")
def test_one_digest_with_overdue_today_and_tomorrow(world, officer_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY) == 1
    ((to, subject, body),) = queued()
    assert to == ["officer.a@example.vn"]
    assert subject == "Hạn cần theo dõi ngày 18/11/2026: 3 việc, 1 quá hạn"
    assert body.startswith(f"Kính gửi {world.a.officer.full_name},")
    overdue, today, tomorrow = (
        body.split("Quá hạn (1):")[1],
        body.split("Hôm nay (1):")[1],
        body.split("Ngày mai (1):")[1],
    )
    assert "13/11/2026" in overdue.split("Hôm nay")[0] and "Điều 39" in overdue.split("Hôm nay")[0]
    assert "Tòa án nhân dân tỉnh" in today.split("Ngày mai")[0]
    assert "08:00 19/11/2026" in tomorrow and "Viện kiểm sát" in tomorrow
    assert "Tòa án huyện" not in body  # the day after tomorrow is for the home page, not the e-mail
    assert f"https://tgpl.example.gov.vn/vu-viec/{officer_case.pk}/" in body
    assert officer_case.beneficiary.full_name not in body  # no personal data in e-mail
    log = DeadlineReminderLog.objects.get()
    assert (log.user, log.date, log.items) == (world.a.officer, TODAY, 3)


def test_at_most_one_per_user_and_day(world, officer_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY) == 1
        assert send_deadline_reminders(TODAY) == 0
    assert len(queued()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY + dt.timedelta(days=1)) == 1
    assert len(queued()) == 2


def test_queued_only_after_commit(world, officer_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        send_deadline_reminders(TODAY)
        assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(queued()) == 1


def test_a_rolled_back_run_sends_nothing_and_records_nothing(world, officer_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                send_deadline_reminders(TODAY)
                raise RuntimeError("the run failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not DBTaskResult.objects.exists()
    assert not DeadlineReminderLog.objects.exists()


@pytest.mark.parametrize("address", ["", "officer.a@demo.tgpl.invalid"])
def test_nothing_without_a_deliverable_address(world, officer_case, django_capture_on_commit_callbacks, address):
    with_email(world.a.officer, address)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY) == 0
    assert not DBTaskResult.objects.exists()
    assert not DeadlineReminderLog.objects.exists()


def test_nothing_for_inactive_users(world, officer_case, django_capture_on_commit_callbacks):
    world.a.officer.is_active = False
    world.a.officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY) == 0


def test_nothing_without_deadlines(world, django_capture_on_commit_callbacks):
    for persona in ("director", "officer", "intake", "lawyer", "doj_officer", "sysadmin"):
        with_email(getattr(world.a, persona), f"{persona}@example.vn")
    request = receive_request(world.a.intake)
    LegalAidRequest.objects.filter(pk=request.pk).update(
        status="awaiting_papers", papers_due_on=TODAY + dt.timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY) == 0
    assert not DBTaskResult.objects.exists()


def test_each_responsible_user_gets_their_own(world, officer_case, django_capture_on_commit_callbacks):
    with_email(world.a.director, "director.a@example.vn")
    with_email(world.a.intake, "intake.a@example.vn")
    with_email(world.b.director, "director.b@example.vn")  # nothing due in Centre B
    with_email(world.a.doj_officer, "doj.a@example.vn")  # keeps no deadlines
    request = receive_request(world.a.intake)
    LegalAidRequest.objects.filter(pk=request.pk).update(status="awaiting_papers", papers_due_on=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(TODAY) == 3
    by_address = {to[0]: subject for to, subject, _body in queued()}
    assert set(by_address) == {"officer.a@example.vn", "director.a@example.vn", "intake.a@example.vn"}
    assert by_address["director.a@example.vn"].endswith("4 việc, 1 quá hạn")
    assert by_address["intake.a@example.vn"].endswith("1 việc, 0 quá hạn")


def test_command(world, officer_case, django_capture_on_commit_callbacks):
    out = io.StringIO()
    call_command("send_deadline_reminders", "--date", TODAY.isoformat(), "--dry-run", stdout=out)
    assert out.getvalue() == f"{world.a.officer.username}\tofficer.a@example.vn\t3\n"
    assert not DeadlineReminderLog.objects.exists()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--date", TODAY.isoformat(), stdout=out)
    assert out.getvalue() == "1 reminder(s) queued for 18/11/2026.\n"
    assert len(queued()) == 1


def test_command_refuses_a_bad_date(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_deadline_reminders", "--date", "18/11/2026")
