"""Reminders before a task's deadline (N working days, a legal parameter) and for overdue tasks, by e-mail to the lead
unit's users, queued after commit; the daily command."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from legalaid.core.models import CalendarOverride, LegalParameter
from legalaid.plans import services
from legalaid.plans.choices import TaskStatus
from legalaid.plans.reminders import REMINDER_PARAMETER, due_reminders, queue_plan_reminders, recipients
from legalaid.plans.tasks import send_plan_reminders
from legalaid.plans.tests.factories import make_plan


@pytest.fixture
def plan(world):
    for user in (world.a.officer, world.a.intake, world.a.director, world.a.branch_officer, world.a.branch_head):
        user.email = f"{user.username}@tgpl.example.vn"
        user.save()
    return make_plan(world.a.centre)


def _refs(reminders, kind):
    return [r.task.ref for r in reminders if r.kind == kind]


def test_due_within_n_working_days_and_overdue(plan):
    # Task "1." ends Friday 31/01/2020. The parameter is 5 working days (unconfirmed default).
    assert LegalParameter.int_on(REMINDER_PARAMETER, dt.date(2020, 1, 24)) == 5
    assert _refs(due_reminders(dt.date(2020, 1, 23)), "due_soon") == []  # Thu: 31/01 is 6 working days away
    assert _refs(due_reminders(dt.date(2020, 1, 24)), "due_soon") == ["1."]
    assert _refs(due_reminders(dt.date(2020, 2, 3)), "overdue") == ["1."]
    assert _refs(due_reminders(dt.date(2020, 10, 1)), "overdue") == ["1.", "5.2."]


def test_a_deadline_on_a_day_off_moves_to_the_next_working_day(plan):
    CalendarOverride.objects.create(date=dt.date(2020, 1, 31), kind="day_off", reason="Nghỉ bù")
    from legalaid.core import calendar

    calendar.invalidate()
    reminders = due_reminders(dt.date(2020, 2, 3))  # Monday: the deadline moved from Friday 31/01 to today
    assert _refs(reminders, "due_soon") == ["1."] and reminders[0].deadline == dt.date(2020, 2, 3)


def test_done_tasks_and_closed_plans_are_not_reminded(plan, world):
    task = plan.tasks.get(ref="1.")
    services.task_progress_record(actor=world.a.director, task=task, new_status=TaskStatus.DONE)
    assert _refs(due_reminders(dt.date(2020, 2, 3)), "overdue") == []
    plan.status = "completed"
    plan.save()
    assert due_reminders(dt.date(2020, 10, 1)) == []


def test_recipients_are_the_lead_unit_s_users(plan, world):
    assert recipients(plan.tasks.get(ref="1.")) == ["intake.a@tgpl.example.vn", "officer.a@tgpl.example.vn"]
    # "Các Chi nhánh" leads 2.1 with "Phòng Nghiệp vụ": every branch's users too.
    assert "branchofficer.a@tgpl.example.vn" in recipients(plan.tasks.get(ref="2.1"))
    # 5.2. is led by "Phòng HC-TH", not in the system: the plan's managers are told.
    assert recipients(plan.tasks.get(ref="5.2.")) == ["director.a@tgpl.example.vn"]


def test_parameter_change_widens_the_window(plan):
    LegalParameter.objects.filter(code=REMINDER_PARAMETER).update(value=Decimal(10))
    assert _refs(due_reminders(dt.date(2020, 1, 17)), "due_soon") == ["1."]


def test_queue_after_commit_and_command(plan, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_plan_reminders(dt.date(2020, 1, 24)) == 1
    row = DBTaskResult.objects.get()
    kwargs = row.args_kwargs["kwargs"]
    assert kwargs["to"] == ["intake.a@tgpl.example.vn", "officer.a@tgpl.example.vn"]
    assert kwargs["subject"].startswith("Nhiệm vụ sắp đến hạn")
    assert "31/01/2020" in kwargs["body"] and "/ke-hoach/nhiem-vu/" in kwargs["body"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_plan_reminders", "--date", "2020-10-01")
    assert "2 reminder(s) queued" in capsys.readouterr().out
    assert DBTaskResult.objects.count() == 3
    call_command("send_plan_reminders", "--date", "2020-10-01", "--dry-run")
    assert "overdue" in capsys.readouterr().out


def test_the_task_runs_the_same_reminders(plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_plan_reminders.call(today="2020-01-24") == 1
