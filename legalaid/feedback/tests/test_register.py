"""The register of feedback and complaints: a complaint's two levels (Law on Legal Aid 2017 Art. 45) end to end, the
decisions as .docx opened back, who may do what (from the outside, per role), scoping, the work queues, the web
seam, and the pinned query count of the list."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from legalaid.core.models import AccessLogEntry, AuditEntry
from legalaid.core.tests.html import field_errors
from legalaid.core.workqueue import queue_for
from legalaid.feedback import services
from legalaid.feedback.choices import EntryKind, EntryStatus, Level, Source
from legalaid.feedback.models import ComplaintDecision, FeedbackEntry

from .factories import case_with_provider

TODAY = timezone.localdate


def complaint(world, actor=None, **fields):
    actor = actor or world.a.intake
    case = fields.pop("case", None)
    entry = FeedbackEntry(
        source=fields.pop("source", Source.LETTER),
        kind=fields.pop("kind", EntryKind.COMPLAINT_PROVIDER),
        ground=fields.pop("ground", "no_aid"),
        received_on=fields.pop("received_on", TODAY()),
        sender_name="Nguyễn Thị Khiếu Nại",
        content="Người thực hiện không liên lạc với tôi.",
        case=case,
        **fields,
    )
    return services.entry_register(actor=actor, entry=entry)


def url(name, entry):
    return reverse(f"feedback:{name}", kwargs={"pk": entry.pk})


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


# --- The two levels, end to end -----------------------------------------------------------------------------------


def test_a_complaint_through_both_levels(client, world):
    case, provider = case_with_provider(world)
    client.force_login(world.a.intake)
    response = client.post(
        reverse("feedback:entry_create"),
        {
            "source": "letter",
            "kind": "complaint_provider",
            "ground": "no_aid",
            "received_on": TODAY().strftime("%d/%m/%Y"),
            "sender_name": "Nguyễn Thị Khiếu Nại",
            "content": "Người thực hiện không liên lạc với tôi.",
            "case_code": case.code.lower(),
            "provider": provider.pk,
            "responsible": world.a.officer.pk,
        },
    )
    assert response.status_code == 302, field_errors(client.post(reverse("feedback:entry_create"), {}))
    entry = FeedbackEntry.objects.get()
    assert entry.level == Level.FIRST and entry.status == EntryStatus.OPEN and entry.number == 1
    assert entry.due_on >= TODAY() + dt.timedelta(days=3)
    page = client.get(url("entry_detail", entry))
    assert "Giám đốc Trung tâm (người đứng đầu tổ chức) ra quyết định" in page.content.decode()
    assert AccessLogEntry.objects.filter(object_id=str(entry.pk)).exists()

    # The first level is the head of the organisation's (Art. 45(2)): not the intake officer's.
    data = {"decided_on": TODAY().strftime("%d/%m/%Y"), "result": "partly", "reasoning": "Đã nhắc nhở người thực hiện."}
    assert client.post(url("entry_decide", entry), {**data, "version": entry.version}).status_code == 403
    client.force_login(world.a.director)
    response = client.post(url("entry_decide", entry), {**data, "version": entry.version, "decision_code": "5/QĐ-TGPL"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == EntryStatus.RESOLVED
    first = ComplaintDecision.objects.get(entry=entry, level=Level.FIRST)
    assert not first.late
    text = docx_text(client.get(reverse("feedback:decision_download", kwargs={"pk": first.pk})).content)
    assert "giải quyết khiếu nại lần đầu" in text and "Đã nhắc nhở người thực hiện." in text
    assert "Giám đốc Sở Tư pháp" in text and case.code in text and "Điều 45" in text

    # The complainant disagrees: the second level goes to the Director of the Department of Justice.
    response = client.post(
        url("entry_escalate", entry), {"received_on": TODAY().strftime("%d/%m/%Y"), "version": entry.version}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.level == Level.SECOND and entry.status == EntryStatus.OPEN and entry.responsible is None
    # The Centre may not decide the second level; the Department officer does.
    assert client.post(url("entry_decide", entry), {**data, "version": entry.version}).status_code == 403
    client.force_login(world.a.doj_officer)
    assert client.get(url("entry_detail", entry)).status_code == 200
    response = client.post(url("entry_decide", entry), {**data, "result": "rejected", "version": entry.version})
    assert response.status_code == 302
    second = ComplaintDecision.objects.get(entry=entry, level=Level.SECOND)
    text = docx_text(client.get(reverse("feedback:decision_download", kwargs={"pk": second.pk})).content)
    assert "lần hai" in text and "SỞ TƯ PHÁP A" in text and "khởi kiện" in text
    entry.refresh_from_db()
    assert entry.status == EntryStatus.RESOLVED
    assert AuditEntry.objects.filter(object_id=str(entry.pk)).count() >= 4


def test_a_complaint_needs_its_ground(client, world):
    client.force_login(world.a.intake)
    response = client.post(
        reverse("feedback:entry_create"),
        {
            "source": "hotline",
            "kind": "complaint_decision",
            "received_on": TODAY().strftime("%d/%m/%Y"),
            "content": "Khiếu nại",
        },
    )
    assert response.status_code == 200
    assert "Điều 45" in " ".join(field_errors(response)["ground"])
    assert not FeedbackEntry.objects.exists()


def test_a_case_of_another_centre_or_an_unknown_code_is_refused_beside_the_field(client, world):
    other, _ = case_with_provider(world)
    client.force_login(world.b.intake)
    for code in (other.code, "KHONG.CO.01.2026"):
        response = client.post(
            reverse("feedback:entry_create"),
            {
                "source": "hotline",
                "kind": "feedback",
                "received_on": TODAY().strftime("%d/%m/%Y"),
                "content": "Phản ánh",
                "case_code": code,
            },
        )
        assert field_errors(response)["case_code"] == ["Không tìm thấy vụ việc có mã này trong phạm vi của bạn."]
    assert not FeedbackEntry.objects.exists()


def test_the_case_page_button_fills_in_the_case_code(client, world):
    case, _ = case_with_provider(world)
    client.force_login(world.a.intake)
    page = client.get(reverse("feedback:entry_create") + f"?case={case.pk}").content.decode()
    assert f'value="{case.code}"' in page


def test_a_future_date_is_refused_beside_the_field(client, world):
    client.force_login(world.a.intake)
    response = client.post(
        reverse("feedback:entry_create"),
        {
            "source": "hotline",
            "kind": "feedback",
            "received_on": (TODAY() + dt.timedelta(days=3)).strftime("%d/%m/%Y"),
            "content": "Phản ánh",
        },
    )
    assert response.status_code == 200
    assert field_errors(response)["received_on"] == ["Ngày nhận không thể sau hôm nay."]
    assert not FeedbackEntry.objects.exists()


def test_escalation_before_a_decision_and_within_the_time_limit_is_refused(world):
    entry = complaint(world)
    with pytest.raises(ValidationError):
        services.complaint_escalate(actor=world.a.intake, entry=entry, received_on=TODAY())


def test_escalation_after_the_first_level_time_limit_without_a_decision(world):
    entry = complaint(world, received_on=TODAY() - dt.timedelta(days=20))
    services.complaint_escalate(actor=world.a.doj_officer, entry=entry, received_on=TODAY())
    entry.refresh_from_db()
    assert entry.level == Level.SECOND and entry.second_received_on == TODAY()


def test_a_late_decision_is_marked_late(world):
    entry = complaint(world, received_on=TODAY() - dt.timedelta(days=20))
    decision = services.complaint_decide(
        actor=world.a.director,
        entry=entry,
        decision=ComplaintDecision(decided_on=TODAY(), result="rejected", reasoning="Không có căn cứ."),
    )
    assert decision.late


def test_feedback_is_resolved_with_an_answer_not_a_decision(world):
    entry = complaint(world, kind=EntryKind.FEEDBACK, ground="")
    assert entry.ground == "" and not entry.is_complaint
    with pytest.raises(ValidationError):
        services.complaint_decide(
            actor=world.a.director,
            entry=entry,
            decision=ComplaintDecision(decided_on=TODAY(), result="rejected", reasoning="x"),
        )
    services.entry_resolve(actor=world.a.officer, entry=entry, resolution="Đã trả lời qua điện thoại", on=TODAY())
    entry.refresh_from_db()
    assert entry.status == EntryStatus.RESOLVED


def test_a_stale_edit_is_refused(world):
    entry = complaint(world)
    services.entry_assign(actor=world.a.director, entry=entry, responsible=world.a.officer)
    with pytest.raises(ValidationError) as exc:
        services.entry_assign(
            actor=world.a.director, entry=entry, responsible=world.a.intake, expected_version=entry.version
        )
    assert exc.value.code == "stale"


def test_numbers_follow_each_other_per_centre_and_year(world):
    a1, a2 = complaint(world), complaint(world)
    b1 = complaint(world, actor=world.b.intake)
    assert (a1.number, a2.number, b1.number) == (1, 2, 1)
    assert a1.code == f"1/{TODAY().year}"


def test_the_web_seam_registers_an_unassigned_entry_on_the_directors_queue(world):
    entry = services.entry_register_from_web(
        centre=world.a.centre, content="Tôi muốn được tư vấn", sender_name="Lê Văn Web"
    )
    assert entry.source == Source.WEB and entry.created_by is None and entry.responsible is None
    section = next(s for s in queue_for(world.a.director) if s.code == "feedback_head")
    assert any(entry.code in i.subject for i in section.items)
    assert not any(s.code == "feedback_head" for s in queue_for(world.b.director))


# --- Who sees and does what ---------------------------------------------------------------------------------------

VIEWERS = ["director", "deputy", "officer", "intake", "admin_staff", "sysadmin"]
NO_ACCESS = ["lawyer", "collaborator", "agency_officer"]


@pytest.mark.parametrize("persona", VIEWERS + NO_ACCESS + ["doj_officer", "branch_head", "branch_officer"])
def test_who_sees_a_first_level_complaint_of_the_head_office(client, world, persona):
    entry = complaint(world)
    client.force_login(getattr(world.a, persona))
    detail = client.get(url("entry_detail", entry)).status_code
    listing = client.get(reverse("feedback:entry_list"))
    if persona in VIEWERS:
        assert detail == 200 and entry.code in listing.content.decode()
    elif persona in NO_ACCESS:
        assert detail == 403 and listing.status_code == 403
    else:  # the Department (first level is the Centre's), branch staff (head office's entry): 404
        assert detail == 404 and f">{entry.code}<" not in listing.content.decode()


def test_another_centre_sees_nothing(client, world):
    entry = complaint(world)
    for persona in ("director", "officer", "doj_officer"):
        client.force_login(getattr(world.b, persona))
        assert client.get(url("entry_detail", entry)).status_code == 404


def test_the_department_sees_and_decides_second_level_complaints_of_its_centres_only(world):
    entry = complaint(world, received_on=TODAY() - dt.timedelta(days=20))
    services.complaint_escalate(actor=world.a.director, entry=entry, received_on=TODAY())
    assert list(FeedbackEntry.objects.visible_to(world.a.doj_officer)) == [entry]
    assert not FeedbackEntry.objects.visible_to(world.b.doj_officer).exists()
    with pytest.raises(PermissionDenied):
        services.complaint_decide(
            actor=world.b.doj_officer,
            entry=entry,
            decision=ComplaintDecision(decided_on=TODAY(), result="rejected", reasoning="x"),
        )
    section = next(s for s in queue_for(world.a.doj_officer) if s.code == "feedback_department")
    assert section.total == 1 and not section.read_only


@pytest.mark.parametrize("persona", ["officer", "intake", "admin_staff", "doj_officer"])
def test_who_may_not_decide_a_first_level_complaint(world, persona):
    entry = complaint(world)
    with pytest.raises(PermissionDenied):
        services.complaint_decide(
            actor=getattr(world.a, persona),
            entry=entry,
            decision=ComplaintDecision(decided_on=TODAY(), result="rejected", reasoning="x"),
        )


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer", "doj_officer"])
def test_who_may_not_register(client, world, persona):
    client.force_login(getattr(world.a, persona))
    response = client.post(
        reverse("feedback:entry_create"),
        {"source": "hotline", "kind": "feedback", "received_on": TODAY().strftime("%d/%m/%Y"), "content": "x"},
    )
    assert response.status_code == 403
    assert not FeedbackEntry.objects.exists()


def test_branch_staff_register_in_their_branch_and_see_it(client, world):
    entry = complaint(world, actor=world.a.branch_officer, kind=EntryKind.FEEDBACK, ground="")
    assert entry.branch == world.a.branch1
    client.force_login(world.a.branch_head)
    assert client.get(url("entry_detail", entry)).status_code == 200
    assert any(s.code == "feedback_head" for s in queue_for(world.a.branch_head))


# --- Work queues --------------------------------------------------------------------------------------------------


def test_the_responsible_person_and_the_director_see_it_on_their_queues(world):
    entry = complaint(world)
    services.entry_assign(actor=world.a.director, entry=entry, responsible=world.a.officer)
    mine = next(s for s in queue_for(world.a.officer) if s.code == "feedback_mine")
    assert mine.items[0].url == url("entry_detail", entry)
    head = next(s for s in queue_for(world.a.director) if s.code == "feedback_head")
    assert head.items[0].title == "Quyết định giải quyết khiếu nại lần đầu"


def test_an_overdue_entry_is_red(world):
    entry = complaint(world, received_on=TODAY() - dt.timedelta(days=20))
    head = next(s for s in queue_for(world.a.director) if s.code == "feedback_head")
    assert head.items[0].tone == "overdue" and head.items[0].due == entry.due_on


# --- The list's query count ---------------------------------------------------------------------------------------

#: Session read and save (savepoint, update, release), user, organisation (scope); the count and the page of entries
#: (case, responsible and branch in one join). The same for 1 or 6 rows: nothing is read per row.
LIST_QUERIES = 5  # -3: the session is no longer saved on every request (issue 11)


@pytest.mark.parametrize("rows", [1, 6])
def test_the_list_query_count_is_pinned(client, world, django_assert_num_queries, rows):
    case, _ = case_with_provider(world)
    for _ in range(rows):
        entry = complaint(world, case=case)
        services.entry_assign(actor=world.a.director, entry=entry, responsible=world.a.officer)
    client.force_login(world.a.director)
    client.get(reverse("feedback:entry_list"))
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(reverse("feedback:entry_list")).status_code == 200


def test_the_template_matches_the_build_script(tmp_path):
    from legalaid.feedback.documents import PACKAGED_DIR
    from legalaid.feedback.documents.build_templates import build

    for path in build(tmp_path):
        assert path.read_bytes() == (PACKAGED_DIR / path.name).read_bytes(), path.name
