"""The case pages from the outside: allowed and forbidden per role, bad input beside the field, the pinned query
count of the case page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from legalaid.cases import services
from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import ActivityType, CaseEvent, WorkLogEntry
from legalaid.cases.tests.factories import accepted_case, case_in
from legalaid.core.models import AccessLogEntry
from legalaid.core.tests.html import field_errors, parse
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = pytest.mark.django_db

S = CaseStatus
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


def detail(case):
    return reverse("cases:case_detail", kwargs={"pk": case.pk})


def url(name, case, **kw):
    return reverse(f"cases:{name}", kwargs={"pk": case.pk, **kw})


# --- who sees the case page --------------------------------------------------------------------------------------

HEAD_OFFICE_CASE = {
    "director": 200,
    "deputy": 200,
    "officer": 200,
    "intake": 200,
    "admin_staff": 200,
    "sysadmin": 200,
    "doj_officer": 200,
    "branch_head": 404,
    "branch_officer": 404,
    "lawyer": 404,
    "collaborator": 404,
    "agency_officer": 403,
}


@pytest.mark.parametrize(("persona", "status"), HEAD_OFFICE_CASE.items())
def test_case_page_per_role(client, world, persona, status):
    case = accepted_case(world.a.intake)
    client.force_login(getattr(world.a, persona))
    assert client.get(detail(case)).status_code == status
    client.force_login(getattr(world.b, persona))
    assert client.get(detail(case)).status_code in (403, 404)


def test_branch_case_seen_by_its_branch_only(client, world):
    case = accepted_case(world.a.branch_officer)
    client.force_login(world.a.branch_head)
    assert client.get(detail(case)).status_code == 200
    client.force_login(world.a.director)
    assert client.get(detail(case)).status_code == 200
    client.force_login(world.b.branch_head)
    assert client.get(detail(case)).status_code == 404


def test_lawyer_and_collaborator_see_only_their_assigned_cases(client, world):
    lawyer = provider_for(world.a.lawyer)
    mine = assigned_case(world.a.director, lawyer)
    other = assigned_case(world.a.director, provider_for(world.a.officer))
    client.force_login(world.a.lawyer)
    assert client.get(detail(mine)).status_code == 200
    assert client.get(detail(other)).status_code == 404
    collaborator = provider_for(world.a.collaborator)
    branch_case = assigned_case(world.a.branch_head, collaborator)
    client.force_login(world.a.collaborator)
    assert client.get(detail(branch_case)).status_code == 200
    assert client.get(detail(mine)).status_code == 404


def test_intake_case_url_redirects_here(client, world):
    case = accepted_case(world.a.intake)
    client.force_login(world.a.intake)
    response = client.get(f"/tiep-nhan/vu-viec/{case.pk}/")
    assert response.status_code == 302 and response.url == detail(case)
    listing = client.get("/tiep-nhan/vu-viec/?status=accepted")
    assert listing.status_code == 302 and listing.url == reverse("cases:case_list") + "?status=accepted"
    # A free-text search is first moved behind a key (issue 14 item 4), which the new address keeps.
    listing = client.get("/tiep-nhan/vu-viec/?status=accepted&q=abc", follow=True)
    final = listing.redirect_chain[-1][0]
    assert final.startswith(reverse("cases:case_list") + "?s=") and "abc" not in final
    assert listing.status_code == 200


def test_case_page_panels_notice_link_and_access_log(client, world):
    case = accepted_case(world.a.intake, form="litigation", field="criminal")
    client.force_login(world.a.officer)
    before = AccessLogEntry.objects.count()
    response = client.get(detail(case))
    doc = parse(response)
    assert doc.get_element_by_id("case-code").text_content() == case.code
    assert doc.get_element_by_id("acceptance-notice") is not None
    assert "Đã thụ lý" in doc.get_element_by_id("case-status").text_content()
    assert doc.get_element_by_id("case-assignments") is not None  # the providers app's panel
    assert doc.get_element_by_id("timeline") is not None
    assert AccessLogEntry.objects.count() == before + 1


def test_buttons_follow_the_allowed_moves(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    client.force_login(world.a.officer)
    actions = parse(client.get(detail(case))).get_element_by_id("case-actions").text_content()
    assert "Tạm ngừng" in actions and "Kết thúc vụ việc" in actions and "Không tiếp tục thực hiện" in actions
    assert "Bắt đầu thực hiện" not in actions
    client.force_login(world.a.doj_officer)
    actions = parse(client.get(detail(case))).get_element_by_id("case-actions").text_content()
    assert "Tạm ngừng" not in actions


# --- changes of status -------------------------------------------------------------------------------------------


def test_start_then_suspend_with_reason_then_resume(client, world):
    case = case_in(world.a.director, S.ASSIGNED)
    client.force_login(world.a.officer)
    response = client.post(url("case_move", case, to="in_progress"), {"version": case.version})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS
    response = client.post(url("case_move", case, to="suspended"), {"version": case.version, "reason": ""})
    assert response.status_code == 200
    assert "reason" in field_errors(response)
    client.post(url("case_move", case, to="suspended"), {"version": case.version, "reason": "Chờ giám định"})
    case.refresh_from_db()
    assert case.status == S.SUSPENDED
    assert CaseEvent.objects.filter(case=case, to_status=S.SUSPENDED, reason="Chờ giám định").exists()


def test_stale_version_is_refused_on_the_page(client, world):
    case = case_in(world.a.director, S.ASSIGNED)
    client.force_login(world.a.officer)
    stale = case.version
    services.case_transition(actor=world.a.director, case=case, to_status=S.IN_PROGRESS)
    response = client.post(url("case_move", case, to="suspended"), {"version": stale, "reason": "Tạm ngừng"})
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in " ".join(field_errors(response)["__all__"])
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS


def test_discontinue_needs_a_ground(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    client.force_login(world.a.director)
    response = client.post(url("case_move", case, to="discontinued"), {"version": case.version, "reason": "x"})
    assert "ground" in field_errors(response)
    response = client.post(
        url("case_move", case, to="discontinued"),
        {"version": case.version, "reason": "Rút đơn", "ground": "37.dd", "ended_on": "02/03/2026"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == S.DISCONTINUED
    assert case.archive.handover_due_on == dt.date(2026, 4, 1)


def test_moves_forbidden(client, world):
    case = case_in(world.a.director, S.ASSIGNED)
    client.force_login(world.a.doj_officer)
    assert client.post(url("case_move", case, to="in_progress"), {}).status_code == 403
    client.force_login(world.b.director)
    assert client.post(url("case_move", case, to="in_progress"), {}).status_code == 404
    client.force_login(world.a.director)
    assert client.get(url("case_move", case, to="archived")).status_code == 404
    assert client.get(url("case_move", case, to="completed")).status_code == 404


def test_assigned_lawyer_may_start_but_not_discontinue(client, world):
    case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    client.force_login(world.a.lawyer)
    assert client.post(url("case_move", case, to="discontinued"), {}).status_code == 403
    assert client.post(url("case_move", case, to="in_progress"), {"version": case.version}).status_code == 302


# --- details, hearings, work log ---------------------------------------------------------------------------------


def test_details_edit_errors_beside_fields_then_saved(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="litigation", field="civil")
    client.force_login(world.a.officer)
    assert client.get(url("details_edit", case)).status_code == 200
    data = {"procedure": "civil", "procedural_role": "accused", "stage": "investigation", "agency": world.a.agency.pk}
    response = client.post(url("details_edit", case), data)
    errors = field_errors(response)
    assert "procedural_role" in errors and "stage" in errors
    data.update(procedural_role="plaintiff", stage="first_instance")
    assert client.post(url("details_edit", case), data).status_code == 302
    assert case.litigation.stage == "first_instance"
    response = client.post(url("details_edit", case), {**data, "stage": "appeal", "version": 0})
    assert "vừa được người khác" in " ".join(field_errors(response)["__all__"])


def test_details_agency_of_another_centre_refused(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="litigation", field="criminal")
    client.force_login(world.a.officer)
    data = {
        "procedure": "criminal",
        "procedural_role": "accused",
        "stage": "investigation",
        "agency": world.b.agency.pk,
    }
    assert "agency" in field_errors(client.post(url("details_edit", case), data))


def test_hearing_add(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="litigation", field="criminal")
    client.force_login(world.a.officer)
    day = (timezone.localdate() + dt.timedelta(days=5)).strftime("%d/%m/%Y")
    response = client.post(url("hearing_add", case), {"kind": "trial", "day": day, "time": "25:00", "place": "TAND"})
    assert "time" in field_errors(response)
    response = client.post(url("hearing_add", case), {"kind": "trial", "day": day, "time": "08:30", "place": "TAND"})
    assert response.status_code == 302
    assert case.hearings.get().place == "TAND"


def test_worklog_add_per_role(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    activity = ActivityType.objects.get(code="meet_beneficiary")
    data = {"activity_type": activity.pk, "date": timezone.localdate().strftime("%d/%m/%Y"), "hours": "5"}
    client.force_login(world.a.officer)
    response = client.post(url("worklog_add", case), {**data, "hours": ""})
    assert "hours" in field_errors(response)
    assert client.post(url("worklog_add", case), data).status_code == 302
    assert WorkLogEntry.objects.get(case=case).counted_sessions == 1.5
    client.force_login(world.a.doj_officer)
    assert client.post(url("worklog_add", case), data).status_code == 403
    client.force_login(world.b.officer)
    assert client.post(url("worklog_add", case), data).status_code == 404
    client.force_login(world.a.lawyer)
    assert client.post(url("worklog_add", case), data).status_code == 404


def test_assigned_lawyer_logs_own_work(client, world):
    case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    activity = ActivityType.objects.get(code="study_file")
    client.force_login(world.a.lawyer)
    page = client.get(url("worklog_add", case))
    assert b'name="provider_name"' not in page.content
    data = {"activity_type": activity.pk, "date": timezone.localdate().strftime("%d/%m/%Y"), "sessions": "1"}
    assert client.post(url("worklog_add", case), data).status_code == 302
    assert WorkLogEntry.objects.get(case=case).provider_user == world.a.lawyer


# --- attachments -------------------------------------------------------------------------------------------------


def test_attachment_upload_and_download(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    client.force_login(world.a.officer)
    bad = client.post(url("attachment_add", case), {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert "Chỉ nhận tệp" in " ".join(field_errors(bad)["file"])
    ok = client.post(url("attachment_add", case), {"file": SimpleUploadedFile("Đơn.pdf", PDF), "description": "Đơn"})
    assert ok.status_code == 302
    attachment = case.attachments.get()
    download = reverse("cases:attachment_download", kwargs={"pk": attachment.pk})
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert AccessLogEntry.objects.filter(action="download", object_id=str(case.pk)).count() == 1
    for outsider in (world.b.officer, world.a.branch_officer, world.a.lawyer):
        client.force_login(outsider)
        assert client.get(download).status_code == 404
    client.force_login(world.a.doj_officer)
    assert client.get(download).status_code == 200
    assert client.post(url("attachment_add", case), {"file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 403


def test_attachment_too_big_message(client, world, settings):
    settings.UPLOAD_MAX_MB = 1
    case = case_in(world.a.director, S.IN_PROGRESS)
    client.force_login(world.a.officer)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    response = client.post(url("attachment_add", case), {"file": big})
    assert field_errors(response)["file"] == ["Tệp quá lớn: tối đa 1 MB."]


# --- completion and archiving ------------------------------------------------------------------------------------


def test_complete_handover_archive_through_the_pages(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    today = timezone.localdate().strftime("%d/%m/%Y")
    client.force_login(world.a.officer)
    assert client.get(url("case_complete", case)).status_code == 200
    response = client.post(
        url("case_complete", case), {"version": case.version, "completed_on": today, "outcome": "Đã tư vấn"}
    )
    assert "written_answer" in field_errors(response)
    response = client.post(
        url("case_complete", case),
        {"version": case.version, "completed_on": today, "outcome": "Đã tư vấn", "written_answer": "Văn bản số 5"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == S.COMPLETED
    client.force_login(world.a.lawyer)
    assert client.get(url("archive_handover", case)).status_code == 404
    client.force_login(world.a.doj_officer)
    assert client.post(url("archive_handover", case), {}).status_code == 403
    client.force_login(world.a.admin_staff)
    response = client.post(url("case_archive", case), {"file_code": "LT-1", "location": "Kho", "retention": "years"})
    assert "bàn giao" in " ".join(field_errors(response)["__all__"])
    items = [i.pk for i in services.checklist_for(case).filter(required=True)]
    response = client.post(
        url("archive_handover", case), {"handed_over_on": today, "handed_over_by": "TGV A", "checked_items": items}
    )
    assert response.status_code == 302
    response = client.post(url("case_archive", case), {"file_code": "LT-1", "location": "Kho", "retention": "years"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == S.ARCHIVED and case.archive.retention_years == 20
    page = parse(client.get(detail(case)))
    assert "LT-1" in page.get_element_by_id("case-archive").text_content()


# --- the query count of the case page ----------------------------------------------------------------------------

#: Session read (no longer saved on every request), user, organisation and centre (scope), the case with its
#: one-to-one records in one join, the prefetches (events, hearings, the work log with its activity and provider in one
#: join, attachments, every assignment with its provider, marked when the user may open its decision), the access-log
#: row chained (head locked, insert, head moved: 3), the "Văn bản" panel's notices and decisions of the request, the
#: session cap parameter, the providers panel's applications to change the provider (staff of the case's unit), the
#: feedback panel's survey answers and register entries of the case (two queries, Centre staff only). The same for 1 or
#: 5 rows of each kind: nothing is read per row.
#: 23 -> 18 (issue 11): the work log's activity and provider joined (-2); the assignments read once for the providers
#: panel and the "Văn bản" panel (-1); no model-permission reads when a rule says no (-2, ``legalaid.core.backends``).
CASE_PAGE_QUERIES = 18


@pytest.mark.parametrize("rows", [1, 5])
def test_case_page_query_count_is_pinned(client, world, django_assert_num_queries, rows):
    case = case_in(world.a.director, S.IN_PROGRESS, form="litigation", field="criminal")
    activity = ActivityType.objects.first()
    for n in range(rows):
        services.worklog_add(
            actor=world.a.officer,
            case=case,
            entry=WorkLogEntry(activity_type=activity, date=timezone.localdate(), hours=n + 1),
        )
        services.attachment_add(actor=world.a.officer, case=case, upload=SimpleUploadedFile(f"{n}.pdf", PDF))
    client.force_login(world.a.officer)
    client.get(detail(case))
    with django_assert_num_queries(CASE_PAGE_QUERIES):
        assert client.get(detail(case)).status_code == 200


WRITE_PAGES = ["details_edit", "hearing_add", "worklog_add", "attachment_add", "case_complete"]
STAFF_PAGES = ["archive_handover", "case_archive"]


@pytest.mark.parametrize("name", WRITE_PAGES + STAFF_PAGES)
def test_every_write_page_forbidden_from_outside(client, world, name):
    case = case_in(world.a.director, S.IN_PROGRESS, form="litigation", field="criminal")
    target = url(name, case)
    for persona, status in [
        (world.a.doj_officer, 403),
        (world.a.agency_officer, 403),
        (world.b.director, 404),
        (world.a.branch_head, 404),
        (world.a.lawyer, 404),
        (world.a.collaborator, 404),
    ]:
        client.force_login(persona)
        assert client.get(target).status_code == status, (persona, status)
        assert client.post(target, {}).status_code == status, (persona, status)


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_write_pages_open_for_staff_and_the_assigned_provider(client, world, name):
    case = assigned_case(world.a.director, provider_for(world.a.lawyer), form="litigation", field="criminal")
    services.case_transition(actor=world.a.director, case=case, to_status=S.IN_PROGRESS)
    for persona in (world.a.officer, world.a.lawyer):
        client.force_login(persona)
        assert client.get(url(name, case)).status_code == 200


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_archive_pages_refused_to_the_assigned_provider(client, world, name):
    case = assigned_case(world.a.director, provider_for(world.a.lawyer), form="advice")
    client.force_login(world.a.lawyer)
    assert client.get(url(name, case)).status_code == 403
