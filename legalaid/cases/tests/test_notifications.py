"""Providers hear of their assignment and of new hearings by e-mail, queued after commit, without the beneficiary."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from legalaid.cases import services
from legalaid.cases.models import Hearing
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = pytest.mark.django_db


def queued_mails():
    return [row.args_kwargs["kwargs"] for row in DBTaskResult.objects.order_by("enqueued_at")]


def test_the_assigned_provider_is_told_after_commit(world, django_capture_on_commit_callbacks):
    world.a.lawyer.email = "luatsu@example.vn"
    world.a.lawyer.save()
    lawyer = provider_for(world.a.lawyer)
    with django_capture_on_commit_callbacks() as callbacks:
        case = assigned_case(world.a.director, lawyer)
        assert queued_mails() == []  # nothing before the commit
    for callback in callbacks:
        callback()
    [mail] = queued_mails()
    assert mail["to"] == ["luatsu@example.vn"]
    assert case.code in mail["subject"] and "1/QĐ-TGPL" in mail["body"]
    assert case.beneficiary.full_name not in mail["subject"] + mail["body"]


def test_providers_without_an_address_get_nothing(world, django_capture_on_commit_callbacks):
    officer = provider_for(world.a.officer)  # the persona has no e-mail address
    with django_capture_on_commit_callbacks(execute=True):
        assigned_case(world.a.director, officer)
    assert queued_mails() == []


def test_a_new_hearing_reaches_the_current_providers(world, django_capture_on_commit_callbacks):
    world.a.officer.email = "tgv@example.vn"
    world.a.officer.save()
    officer = provider_for(world.a.officer)
    case = assigned_case(world.a.director, officer, form="litigation", field="criminal")
    DBTaskResult.objects.all().delete()
    starts = timezone.make_aware(dt.datetime(2030, 3, 5, 8, 0))
    with django_capture_on_commit_callbacks(execute=True):
        services.hearing_add(actor=world.a.director, case=case, hearing=Hearing(starts_at=starts, place="TAND tỉnh"))
    [mail] = queued_mails()
    assert mail["to"] == ["tgv@example.vn"]
    assert "08:00 05/03/2030" in mail["subject"] and "TAND tỉnh" in mail["body"]
