"""The beneficiary's application to change the provider (DOMAIN 1.8; Law Art. 25(1)-(2); TT 12/2018 Art. 11): recorded
by the staff of the case's unit, pending until the signer answers within 03 working days, by a change decision
(``case_change_provider(application=...)``) or a refusal with reasons; on the case page and the signer's work queue."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import LegalAidCase
from legalaid.core import calendar
from legalaid.core import services as core_services
from legalaid.core.models import AuditEntry
from legalaid.providers import services
from legalaid.providers.choices import ChangeApplicationStatus, ChangeGround
from legalaid.providers.models import Assignment, ChangeApplication

from .factories import ProviderFactory, assigned_case, provider_for

pytestmark = pytest.mark.django_db
HOME = reverse("home")


@pytest.fixture
def case(world):
    return assigned_case(world.a.director, provider_for(world.a.officer))


def record(actor, case, received_on=None, **fields):
    values = {
        "received_on": received_on or timezone.localdate(),
        "applicant": "Hoàng Thị Mai",
        "ground": ChangeGround.CONFLICT,
        "ground_text": "Người thực hiện từng giúp bên kia trong cùng vụ tranh chấp đất đai",
    }
    values.update(fields)
    return services.change_application_record(actor=actor, case=case, **values)


def accepted_back(case, day: dt.date):
    LegalAidCase.objects.filter(pk=case.pk).update(
        accepted_at=timezone.make_aware(dt.datetime.combine(day, dt.time(8)))
    )
    case.refresh_from_db()


# --- Services ------------------------------------------------------------------------------------------------------


def test_record_waits_with_its_due_date_and_is_audited(world, case):
    application = record(world.a.intake, case)
    assert application.status == ChangeApplicationStatus.PENDING
    assert application.assignment == Assignment.objects.get(case=case, is_active=True)
    assert application.due_on == calendar.add_working_days(timezone.localdate(), 3)
    assert application.recorded_by == world.a.intake
    assert AuditEntry.objects.filter(object_repr=str(application)).exists()
    with pytest.raises(ValidationError, match="đang chờ giải quyết"):
        record(world.a.intake, case)  # one pending application per provider


def test_record_refuses_bad_input_and_outsiders(world, case):
    with pytest.raises(ValidationError) as error:
        record(world.a.intake, case, applicant=" ", ground="x", ground_text=" ")
    assert set(error.value.message_dict) == {"applicant", "ground", "ground_text"}
    with pytest.raises(ValidationError) as error:
        record(world.a.intake, case, received_on=timezone.localdate() + dt.timedelta(days=1))
    assert "received_on" in error.value.message_dict
    for outsider in (world.a.lawyer, world.a.doj_officer, world.b.director, world.a.branch_officer):
        with pytest.raises(PermissionDenied):
            record(outsider, case)
    assert not ChangeApplication.objects.exists()


def test_due_date_counts_working_days_over_the_weekend_and_holidays(world, case):
    core_services.holidays_load_year(actor=None, year=2026)
    calendar.invalidate()
    accepted_back(case, dt.date(2026, 3, 1))
    # Thursday 5/3: Friday 6, then the weekend, Monday 9, Tuesday 10.
    assert record(world.a.intake, case, received_on=dt.date(2026, 3, 5)).due_on == dt.date(2026, 3, 10)
    answered = {"status": "rejected", "reject_reasons": "x", "answered_on": dt.date(2026, 3, 6)}
    ChangeApplication.objects.update(**answered, decided_by=world.a.director)
    # Thursday 23/4: Friday 24; Monday 27 is off for the Hùng Kings' day (Sunday 26/4): Tuesday 28, Wednesday 29.
    assert record(world.a.intake, case, received_on=dt.date(2026, 4, 23)).due_on == dt.date(2026, 4, 29)
    ChangeApplication.objects.update(**answered, decided_by=world.a.director)
    # Wednesday 29/4: 30/4 and 1/5 are public holidays, then the weekend: Monday 4, Tuesday 5, Wednesday 6/5.
    assert record(world.a.intake, case, received_on=dt.date(2026, 4, 29)).due_on == dt.date(2026, 5, 6)


def test_reject_needs_reasons_and_the_signer(world, case):
    application = record(world.a.intake, case)
    with pytest.raises(ValidationError) as error:
        services.change_application_reject(actor=world.a.director, application=application, reasons="  ")
    assert "reasons" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.change_application_reject(actor=world.a.intake, application=application, reasons="Không có căn cứ")
    rejected = services.change_application_reject(
        actor=world.a.deputy, application=application, reasons="Không có căn cứ tại Điều 25"
    )
    assert rejected.status == ChangeApplicationStatus.REJECTED
    assert rejected.answered_on == timezone.localdate() and rejected.decided_by == world.a.deputy
    assert not rejected.answered_late
    assert Assignment.objects.get(case=case, is_active=True).provider.user == world.a.officer  # nothing changed
    with pytest.raises(ValidationError, match="đã được giải quyết"):
        services.change_application_reject(actor=world.a.director, application=rejected, reasons="x")


def test_late_answer_is_flagged(world, case):
    accepted_back(case, timezone.localdate() - dt.timedelta(days=30))
    application = record(world.a.intake, case, received_on=timezone.localdate() - dt.timedelta(days=14))
    rejected = services.change_application_reject(actor=world.a.director, application=application, reasons="Không")
    assert rejected.answered_late


def test_grant_through_the_change_decision_closes_it(world, case):
    accepted_back(case, timezone.localdate() - dt.timedelta(days=30))
    received = timezone.localdate() - dt.timedelta(days=14)
    application = record(world.a.intake, case, received_on=received)
    new = ProviderFactory(centre=world.a.centre)
    decision = services.case_change_provider(
        actor=world.a.director, case=case, new_provider=new, reason="Xung đột quyền lợi", application=application
    )
    application.refresh_from_db()
    assert application.status == ChangeApplicationStatus.GRANTED and application.decision == decision
    assert application.answered_late and decision.change_late
    assert decision.change_requested_on == received and decision.replaces == application.assignment
    with pytest.raises(ValidationError, match="đã được giải quyết"):
        services.case_change_provider(
            actor=world.a.director,
            case=case,
            new_provider=ProviderFactory(centre=world.a.centre),
            reason="x",
            application=application,
        )


def test_a_change_without_the_application_answers_it_too(world, case):
    application = record(world.a.intake, case)
    services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=ProviderFactory(centre=world.a.centre),
        reason="Người thực hiện ốm",
        requested_on=timezone.localdate(),
    )
    application.refresh_from_db()
    assert application.status == ChangeApplicationStatus.GRANTED


# --- Pages ---------------------------------------------------------------------------------------------------------


def test_record_then_grant_through_the_confirmation(client, world, case):
    client.force_login(world.a.intake)
    page = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk})).content.decode()
    create = reverse("providers:change_application_create", kwargs={"pk": case.pk})
    assert create in page and "Ghi nhận đề nghị thay đổi người thực hiện" in page
    current = Assignment.objects.get(case=case, is_active=True)
    response = client.post(
        create,
        {
            "assignment": current.pk,
            "received_on": timezone.localdate().strftime("%d/%m/%Y"),
            "applicant": "Hoàng Thị Mai",
            "ground": "art25_2_a",
            "ground_text": "Đã giúp bên kia",
        },
        follow=True,
    )
    application = ChangeApplication.objects.get()
    body = response.content.decode()
    assert "Tiếp theo: Giám đốc trả lời người đề nghị bằng văn bản" in body
    assert f'id="change-application-{application.pk}"' in body
    assert reverse("providers:change_application_reject", kwargs={"pk": application.pk}) not in body  # intake

    client.force_login(world.a.director)
    page = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk})).content.decode()
    change = reverse("providers:case_change", kwargs={"pk": case.pk}) + f"?application={application.pk}"
    assert change in page and reverse("providers:change_application_reject", kwargs={"pk": application.pk}) in page
    choose = client.get(change).content.decode()
    assert 'name="application"' in choose and "Hoàng Thị Mai" in choose
    new = ProviderFactory(centre=world.a.centre)
    case.refresh_from_db()
    data = {
        "provider": new.pk,
        "version": case.version,
        "requested_on": timezone.localdate().strftime("%d/%m/%Y"),
        "reason": "Đã giúp bên kia",
        "application": application.pk,
        "replaces": current.pk,
    }
    preview = client.post(reverse("providers:case_change", kwargs={"pk": case.pk}), data)
    assert "Xác nhận và cấp số" in preview.content.decode()
    application.refresh_from_db()
    assert application.status == ChangeApplicationStatus.PENDING  # the preview writes nothing
    done = client.post(
        reverse("providers:case_change", kwargs={"pk": case.pk}), {**data, "step": "confirm"}, follow=True
    )
    assert "Đã thay đổi người thực hiện" in done.content.decode()
    application.refresh_from_db()
    assert application.status == ChangeApplicationStatus.GRANTED


def test_reject_page_requires_reasons(client, world, case):
    application = record(world.a.intake, case)
    url = reverse("providers:change_application_reject", kwargs={"pk": application.pk})
    client.force_login(world.a.director)
    assert client.get(url).status_code == 200
    response = client.post(url, {"version": application.version, "reasons": ""})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    done = client.post(url, {"version": application.version, "reasons": "Không có căn cứ"}, follow=True)
    assert "Tiếp theo: gửi văn bản trả lời nêu rõ lý do" in done.content.decode()
    application.refresh_from_db()
    assert application.status == ChangeApplicationStatus.REJECTED


@pytest.mark.parametrize(
    ("persona", "create", "reject"),
    [
        ("lawyer", 404, 404),
        ("doj_officer", 403, 403),
        ("agency_officer", 404, 404),
        ("intake", 200, 403),
        ("officer", 200, 403),
        ("branch_head", 404, 404),
    ],
)
def test_who_may_open_the_pages(client, world, case, persona, create, reject):
    provider_for(world.a.lawyer)
    application = record(world.a.intake, case)
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("providers:change_application_create", kwargs={"pk": case.pk})).status_code == create
    url = reverse("providers:change_application_reject", kwargs={"pk": application.pk})
    assert client.get(url).status_code == reject
    assert client.post(url, {"reasons": "x"}).status_code == reject


def test_the_lawyer_of_the_case_gets_403(client, world):
    case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    application = record(world.a.intake, case)
    client.force_login(world.a.lawyer)
    assert client.get(reverse("cases:case_detail", kwargs={"pk": case.pk})).status_code == 200
    assert client.get(reverse("providers:change_application_create", kwargs={"pk": case.pk})).status_code == 403
    url = reverse("providers:change_application_reject", kwargs={"pk": application.pk})
    assert client.post(url, {"reasons": "x"}).status_code == 404  # applications are not shown to providers


def test_another_centre_gets_404(client, world, case):
    application = record(world.a.intake, case)
    client.force_login(world.b.director)
    assert client.get(reverse("providers:change_application_create", kwargs={"pk": case.pk})).status_code == 404
    url = reverse("providers:change_application_reject", kwargs={"pk": application.pk})
    assert client.post(url, {"reasons": "x"}).status_code == 404
    assert client.get(reverse("providers:case_change", kwargs={"pk": case.pk})).status_code == 404


def test_branch_case_recorded_by_branch_staff_answered_by_the_branch_head(client, world):
    case = assigned_case(world.a.branch_head, provider_for(world.a.branch_officer))
    application = record(world.a.branch_officer, case)
    with pytest.raises(PermissionDenied):
        record(world.a.branch_officer, assigned_case(world.a.director, provider_for(world.a.officer)))
    client.force_login(world.a.branch_head)
    url = reverse("providers:change_application_reject", kwargs={"pk": application.pk})
    assert client.get(url).status_code == 200
    fragment = section_of(client.get(HOME), "change_applications_pending")
    assert f"#change-application-{application.pk}" in fragment


# --- Work queue ----------------------------------------------------------------------------------------------------


def section_of(response, code: str) -> str:
    html = response.content.decode()
    match = re.search(rf'<div class="work-queue-section[^"]*" data-section="{code}">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def test_queue_shows_pending_applications_with_working_days_left(client, world, case):
    application = record(world.a.intake, case)
    # (another form of aid: case codes are unique across Centres while each Centre numbers its own)
    other = assigned_case(world.b.director, provider_for(world.b.officer), form="litigation")
    record(world.b.intake, other)
    client.force_login(world.a.director)
    response = client.get(HOME)
    fragment = section_of(response, "change_applications_pending")
    link = reverse("cases:case_detail", kwargs={"pk": case.pk}) + f"#change-application-{application.pk}"
    assert link in fragment and "còn 3 ngày làm việc" in fragment
    assert other.code not in response.content.decode()
    assert client.get(link.split("#")[0]).status_code == 200
    client.force_login(world.a.branch_head)
    assert section_of(client.get(HOME), "change_applications_pending") == ""  # a head-office case


def test_queue_marks_an_overdue_application_red(client, world, case):
    accepted_back(case, timezone.localdate() - dt.timedelta(days=30))
    record(world.a.intake, case, received_on=timezone.localdate() - dt.timedelta(days=14))
    client.force_login(world.a.deputy)
    fragment = section_of(client.get(HOME), "change_applications_pending")
    assert "quá hạn" in fragment and "deadline-overdue" in fragment
    services.change_application_reject(
        actor=world.a.director, application=ChangeApplication.objects.get(), reasons="Không có căn cứ"
    )
    from legalaid.core import workqueue

    workqueue.forget_count(world.a.deputy)
    assert section_of(client.get(HOME), "change_applications_pending") == ""


def test_case_in_a_closed_status_offers_no_application(client, world, case):
    LegalAidCase.objects.filter(pk=case.pk).update(status=CaseStatus.COMPLETED)
    client.force_login(world.a.intake)
    page = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk})).content.decode()
    assert reverse("providers:change_application_create", kwargs={"pk": case.pk}) not in page
