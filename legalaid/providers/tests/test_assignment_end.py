"""Completion, discontinuation and archiving end the provider's assignment (issue 8 item 5), audited, in the same
transaction; the provider still reads the case they worked on (to hand the file over, Law Art. 39), a provider
replaced by a change decision does not."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from legalaid.cases import services as case_services
from legalaid.cases.choices import CaseStatus, DiscontinuationReason
from legalaid.cases.models import CaseCompletion, LegalAidCase
from legalaid.cases.workflow import allowed_transitions
from legalaid.core.models import AuditEntry
from legalaid.core.tests.html import parse
from legalaid.people.models import Person
from legalaid.providers import services
from legalaid.providers.choices import AssignmentEnd
from legalaid.providers.models import Assignment

from .factories import assigned_case, provider_for

S = CaseStatus


def case_url(case):
    return reverse("cases:case_detail", kwargs={"pk": case.pk})


def panel(page) -> str:
    """The providers panel of the case page."""
    return page.content.decode().split('id="case-assignments"')[1].split("</section>")[0]


def in_progress(world, provider, form="advice"):
    case = assigned_case(world.a.director, provider, form=form)
    case_services.case_transition(actor=world.a.director, case=case, to_status=S.IN_PROGRESS)
    case.refresh_from_db()
    return case


def complete(actor, case):
    return case_services.case_complete(
        actor=actor,
        case=case,
        completion=CaseCompletion(
            completed_on=timezone.localdate(), outcome="Đã trả lời", written_answer="Văn bản trả lời"
        ),
    )


def audited(assignment) -> bool:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Assignment), object_id=str(assignment.pk), action="update"
    ).exists()


@pytest.mark.parametrize("persona", ["lawyer", "collaborator"])
def test_completion_ends_the_assignment_and_the_provider_still_reads_the_case(client, world, persona):
    user = getattr(world.a, persona)
    case = in_progress(world, provider_for(user))
    complete(user, case)
    assignment = Assignment.objects.get(case=case)
    assert not assignment.is_active
    assert assignment.end_reason == AssignmentEnd.CASE_ENDED
    assert assignment.ended_on == timezone.localdate()
    assert audited(assignment)
    assert LegalAidCase.objects.visible_to(user).filter(pk=case.pk).exists()
    assert Person.objects.visible_to(user).filter(pk=case.beneficiary_id).exists()
    client.force_login(user)
    page = client.get(case_url(case))
    assert page.status_code == 200
    assert "Đang thực hiện" not in panel(page)
    # Nothing more to do on an ended case: no move is offered to the provider.
    assert allowed_transitions(case, user) == []


def test_the_staff_case_page_no_longer_shows_the_provider_at_work(client, world):
    lawyer = provider_for(world.a.lawyer)
    case = in_progress(world, lawyer)
    complete(world.a.officer, case)
    client.force_login(world.a.director)
    text = panel(client.get(case_url(case)))
    assert lawyer.full_name in text
    assert "Đang thực hiện" not in text
    assert "Vụ việc kết thúc" in text


def test_completion_through_the_page_ends_the_assignment(client, world):
    case = in_progress(world, provider_for(world.a.lawyer))
    client.force_login(world.a.lawyer)
    url = reverse("cases:case_complete", kwargs={"pk": case.pk})
    response = client.post(
        url,
        {
            "version": case.version,
            "completed_on": timezone.localdate().strftime("%d/%m/%Y"),
            "outcome": "Đã trả lời",
            "written_answer": "Văn bản trả lời",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Assignment.objects.get(case=case).is_active
    assert client.get(case_url(case)).status_code == 200


@pytest.mark.parametrize("status", [S.ASSIGNED, S.IN_PROGRESS])
def test_discontinuation_ends_the_assignment(client, world, status):
    case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    if status == S.IN_PROGRESS:
        case_services.case_transition(actor=world.a.director, case=case, to_status=S.IN_PROGRESS)
    case_services.case_discontinue(
        actor=world.a.director, case=case, ground=DiscontinuationReason.WITHDRAWAL, reason="Người yêu cầu rút đơn"
    )
    assignment = Assignment.objects.get(case=case)
    assert (assignment.is_active, assignment.end_reason) == (False, AssignmentEnd.CASE_ENDED)
    assert audited(assignment)
    client.force_login(world.a.lawyer)
    assert client.get(case_url(case)).status_code == 200


def test_archiving_ends_an_assignment_left_active(world):
    """A case completed before this rule existed still had an active assignment: archiving ends it."""
    case = in_progress(world, provider_for(world.a.lawyer))
    complete(world.a.officer, case)
    Assignment.objects.filter(case=case).update(is_active=True, ended_on=None, end_reason="")
    today = timezone.localdate()
    case.refresh_from_db()
    required = list(case_services.checklist_for(case).filter(required=True))
    case_services.archive_handover(
        actor=world.a.admin_staff, case=case, handed_over_on=today, handed_over_by="LS A", checked_items=required
    )
    case_services.case_archive(
        actor=world.a.admin_staff, case=case, file_code="LT-01", location="Kho 1", retention="years"
    )
    assignment = Assignment.objects.get(case=case)
    assert (assignment.is_active, assignment.end_reason) == (False, AssignmentEnd.CASE_ENDED)
    assert LegalAidCase.objects.visible_to(world.a.lawyer).filter(pk=case.pk).exists()


def test_a_replaced_provider_no_longer_sees_the_case(client, world):
    lawyer = provider_for(world.a.lawyer)
    collaborator = provider_for(world.a.collaborator)
    case = in_progress(world, lawyer)  # advice: collaborators may give legal advice (Art. 32)
    services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=collaborator,
        reason="Người được trợ giúp đề nghị thay đổi",
        requested_on=timezone.localdate(),
    )
    client.force_login(world.a.lawyer)
    assert client.get(case_url(case)).status_code == 404
    client.force_login(world.a.collaborator)
    assert client.get(case_url(case)).status_code == 200
    complete(world.a.collaborator, case)
    old, new = Assignment.objects.filter(case=case).order_by("pk")
    assert old.end_reason == AssignmentEnd.CHANGED and new.end_reason == AssignmentEnd.CASE_ENDED
    client.force_login(world.a.lawyer)
    assert client.get(case_url(case)).status_code == 404  # still not: replaced before the end
    client.force_login(world.a.collaborator)
    assert client.get(case_url(case)).status_code == 200


def test_ending_is_all_or_nothing(world, monkeypatch):
    """If the assignment cannot be ended, the completion is not saved either (one transaction)."""
    case = in_progress(world, provider_for(world.a.lawyer))

    def boom(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "assignments_end_with_case", boom)
    with pytest.raises(RuntimeError):
        complete(world.a.lawyer, case)
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS
    assert not CaseCompletion.objects.filter(case=case).exists()
    assert Assignment.objects.get(case=case).is_active


def test_the_case_list_still_names_the_provider_of_an_ended_case(client, world):
    """The list's provider column and filter show who handled a completed case; not a provider replaced before."""
    lawyer = provider_for(world.a.lawyer)
    collaborator = provider_for(world.a.collaborator)
    case = in_progress(world, lawyer)
    services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=collaborator,
        reason="Người được trợ giúp đề nghị thay đổi",
        requested_on=timezone.localdate(),
    )
    complete(world.a.officer, case)
    client.force_login(world.a.director)
    cases = reverse("cases:case_list")
    row = next(tr for tr in parse(client.get(cases)).xpath("//tr") if case.code in tr.text_content()).text_content()
    assert collaborator.full_name in row and lawyer.full_name not in row
    assert case.code in client.get(f"{cases}?provider={collaborator.pk}").content.decode()
    assert case.code not in client.get(f"{cases}?provider={lawyer.pk}").content.decode()
