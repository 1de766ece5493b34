"""Background tasks (issue 2, item 11): e-mail is queued after commit, stored by the database backend, and sent by
``manage.py db_worker``; a new account with an e-mail address is told it exists, without its password."""

import signal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from legalaid.core import services, tasks
from legalaid.core.choices import Role
from legalaid.core.models import User

pytestmark = pytest.mark.django_db

SEND_EMAIL = "legalaid.core.tasks.send_email"


@pytest.fixture
def keep_signal_handlers():
    """``db_worker`` installs its own SIGINT/SIGTERM handlers; put pytest's back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_the_task_is_queued_in_the_database_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        tasks.notify_after_commit(to="a@example.vn", subject="Tiêu đề", body="Nội dung")
        assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1

    callbacks[0]()

    row = DBTaskResult.objects.get()
    assert row.task_path == SEND_EMAIL
    assert row.status == "READY"
    assert row.args_kwargs["kwargs"] == {"to": ["a@example.vn"], "subject": "Tiêu đề", "body": "Nội dung"}
    assert mail.outbox == [], "queuing sends nothing; the worker does"


def test_nothing_is_queued_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                tasks.notify_after_commit(to="a@example.vn", subject="Tiêu đề", body="Nội dung")
                raise RuntimeError("the operation failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not DBTaskResult.objects.exists()


@pytest.mark.parametrize("to", ["", [], ["", None], "nguoi.dung@demo.tgpl.invalid"])
def test_no_deliverable_address_queues_nothing(django_capture_on_commit_callbacks, to):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        tasks.notify_after_commit(to=to, subject="Tiêu đề", body="Nội dung")
    assert callbacks == []


def test_running_the_task_sends_the_mail():
    sent = tasks.send_email.call(to=["a@example.vn", "b@example.vn"], subject="Tiêu đề", body="Nội dung")

    assert sent == 1
    (message,) = mail.outbox
    assert message.to == ["a@example.vn", "b@example.vn"]
    assert message.subject == "Tiêu đề"
    assert message.body == "Nội dung"


def _new_account(world, **fields) -> User:
    fields = {
        "username": "tgv.moi",
        "full_name": "Nguyễn Văn Mới",
        "role": Role.OFFICER,
        "organisation": world.a.department,
        **fields,
    }
    return services.user_save(actor=world.a.sysadmin, user=User(**fields), password="Mat-khau-rat-dai-2026")


# The worker closes and reopens its database connection between tasks, as it does in production, so this test
# commits for real (a transactional test) instead of running inside the usual rolled-back transaction.
@pytest.mark.django_db(transaction=True)
def test_db_worker_sends_the_message_of_a_new_account_without_its_password(world, keep_signal_handlers):
    _new_account(world, email="tgv.moi@tgpl.example.vn")  # commits: the task is queued by on_commit
    row = DBTaskResult.objects.get()
    assert (row.task_path, row.status) == (SEND_EMAIL, "READY")
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    (message,) = mail.outbox
    assert message.to == ["tgv.moi@tgpl.example.vn"]
    assert message.subject == "Tài khoản của bạn trên hệ thống quản lý trợ giúp pháp lý đã được tạo"
    assert "Xin chào Nguyễn Văn Mới" in message.body
    assert "Tên đăng nhập: tgv.moi" in message.body
    assert world.a.department.name in message.body
    assert "Mat-khau-rat-dai-2026" not in message.body
    assert "Mat-khau-rat-dai-2026" not in str(row.args_kwargs)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_message_is_vietnamese_even_when_the_administrator_uses_english(world, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        _new_account(world, email="tgv.moi@tgpl.example.vn")

    assert DBTaskResult.objects.get().args_kwargs["kwargs"]["body"].startswith("Xin chào Nguyễn Văn Mới")


def test_no_message_without_an_email_or_on_an_update(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        account = _new_account(world, email="")
        account.email = "tgv.moi@tgpl.example.vn"
        services.user_save(actor=world.a.sysadmin, user=account)

    assert not DBTaskResult.objects.exists()


def test_a_refused_account_sends_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.user_save(
            actor=world.b.sysadmin,
            user=User(username="x", full_name="X", role=Role.OFFICER, organisation=world.a.department, email="x@e.vn"),
        )

    assert not DBTaskResult.objects.exists()
