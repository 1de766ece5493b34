"""Personal data rights (issue 14 item 9): the data subject's export and the correction procedure, from the outside."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from legalaid.cases.tests.factories import accepted_case
from legalaid.core import workqueue
from legalaid.core.models import AccessLogEntry, AuditEntry
from legalaid.core.tests.factories import PERSONAS
from legalaid.core.tests.html import parse
from legalaid.intake.tests.factories import receive_request
from legalaid.people.models import CorrectionRequest, Person
from legalaid.people.rules import DATA_OFFICERS_GROUP
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

#: Who may export a person's data and decide on a correction (people/rules.py).
MAY_EXERCISE = {"director", "deputy"}


def export_url(person) -> str:
    return reverse("people:person_data_export", args=[person.pk])


@pytest.fixture
def subject(world):
    """A person of Centre A with a case (request, events), a correction request and a view in the access log."""
    person = PersonFactory(centre=world.a.centre, full_name="Lê Thị Chủ Thể", phone="0912 111 222")
    case = accepted_case(world.a.intake, beneficiary=person)
    other = PersonFactory(centre=world.a.centre, full_name="Phạm Văn Người Khác")
    # A request in which the subject is only the opposing party: another person's data, never exported to them.
    receive_request(world.a.intake, beneficiary=other, other_party=person, summary="Tranh chấp với Chủ Thể")
    CorrectionRequest.objects.create(
        person=person, received_on=dt.date(2026, 3, 2), asked="Sửa số điện thoại", received_by=world.a.intake
    )
    return person, case


def open_zip(response) -> dict[str, bytes]:
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_export_holds_everything_about_the_person(client, world, subject):
    person, case = subject
    client.force_login(world.a.officer)
    client.get(reverse("people:person_detail", args=[person.pk]))  # a view, for the access log
    client.force_login(world.a.director)
    response = client.get(export_url(person))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == f'attachment; filename="du-lieu-ca-nhan-{person.pk}.zip"'
    files = open_zip(response)
    assert set(files) == {"du-lieu.json", "du-lieu.xlsx", "doc-truoc.txt"}

    data = json.loads(files["du-lieu.json"])
    records = data["records"]
    assert records["people.person"][0]["full_name"] == "Lê Thị Chủ Thể"
    assert records["people.person"][0]["phone"] == "0912 111 222"
    assert "name_key" not in records["people.person"][0]
    assert [r["id"] for r in records["intake.legalaidrequest"]] == [case.request_id]
    assert records["intake.legalaidrequest"][0]["categories"] == [c.pk for c in case.request.categories.all()] != []
    assert [r["id"] for r in records["cases.legalaidcase"]] == [case.pk]
    assert records["people.correctionrequest"][0]["asked"] == "Sửa số điện thoại"
    assert "Tranh chấp với Chủ Thể" not in files["du-lieu.json"].decode()  # the other person's request
    assert "Phạm Văn Người Khác" not in files["du-lieu.json"].decode()
    objects = {(e["object"], e["object_id"]) for e in data["audit_trail"]}
    assert ("cases.legalaidcase", str(case.pk)) in objects
    assert ("intake.legalaidrequest", str(case.request_id)) in objects
    viewers = [(e["user"], e["action"]) for e in data["access_log"]]
    assert (world.a.officer.full_name, "view") in viewers

    workbook = load_workbook(io.BytesIO(files["du-lieu.xlsx"]))
    sheet = workbook["Người được trợ giúp pháp lý"]
    headers = [c.value for c in sheet[1]]
    row = dict(zip(headers, [c.value for c in sheet[2]], strict=True))
    assert row["Họ và tên"] == "Lê Thị Chủ Thể" and row["Giới tính"] == "Nam"
    assert "Khóa tìm kiếm" not in headers
    assert "Nhật ký thay đổi" in workbook.sheetnames and "Nhật ký truy cập" in workbook.sheetnames
    assert any("Yêu cầu trợ giúp" in name for name in workbook.sheetnames)
    assert "Lê Thị Chủ Thể" not in files["doc-truoc.txt"].decode()  # the read-me names nobody

    # The export itself is audited: an audit row and an access-log row, by the director, in the same request.
    entry = AuditEntry.objects.get(message="subject_export")
    assert (entry.actor, entry.object_id, entry.centre) == (world.a.director, str(person.pk), world.a.centre)
    log = AccessLogEntry.objects.get(user=world.a.director, action="export")
    assert log.object_id == str(person.pk) and log.request_id == entry.request_id != ""
    client.force_login(world.a.director)
    detail = parse(client.get(reverse("core:audit_detail", args=[entry.pk]))).text_content()
    assert "Xuất toàn bộ dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu" in detail


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_export(client, world, persona):
    person = PersonFactory(centre=world.a.centre, branch=world.a.branch1)
    user = getattr(world.a, persona)
    client.force_login(user)
    response = client.get(export_url(person))
    assert response.status_code == (200 if persona in MAY_EXERCISE else 403)
    assert AuditEntry.objects.filter(message="subject_export").exists() == (persona in MAY_EXERCISE)
    page = client.get(reverse("people:person_detail", args=[person.pk]))
    if page.status_code == 200:
        assert (export_url(person) in page.content.decode()) == (persona in MAY_EXERCISE)


def test_a_designated_data_officer_may_export_for_their_centre_only(client, world):
    officer = world.a.officer
    officer.groups.add(Group.objects.get(name=DATA_OFFICERS_GROUP))
    own = PersonFactory(centre=world.a.centre)
    other = PersonFactory(centre=world.b.centre)
    client.force_login(officer)
    assert client.get(export_url(own)).status_code == 200
    assert client.get(export_url(other)).status_code == 404
    assert AccessLogEntry.objects.get(user=officer, action="refused").object_id == str(other.pk)
    client.force_login(world.b.director)
    assert client.get(export_url(own)).status_code == 404


def test_anonymous_visitors_go_to_the_login_page(client, world):
    person = PersonFactory(centre=world.a.centre)
    response = client.get(export_url(person))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


# --- Correction ----------------------------------------------------------------------------------------------------


def person_post(person, **changes) -> dict:
    data = {
        "full_name": person.full_name,
        "sex": person.sex,
        "date_of_birth": person.date_of_birth.strftime("%d/%m/%Y") if person.date_of_birth else "",
        "birth_year": person.birth_year or "",
        "id_type": person.id_type,
        "id_number": person.id_number,
        "ethnicity": person.ethnicity_id,
        "nationality": person.nationality,
        "phone": person.phone,
        "version": person.version,
        **changes,
    }
    return {f"person-{k}": v for k, v in data.items()}


def test_the_correction_procedure_end_to_end(client, world):
    person = PersonFactory(centre=world.a.centre, phone="0912 000 000")
    client.force_login(world.a.intake)
    response = client.post(
        reverse("people:correction_create", args=[person.pk]),
        {"received_on": "02/03/2026", "asked": "Số điện thoại đúng là 0988 777 666"},
    )
    assert response.status_code == 302
    correction = CorrectionRequest.objects.get()
    assert (correction.received_by, correction.received_on, correction.decision) == (
        world.a.intake,
        dt.date(2026, 3, 2),
        "",
    )
    assert AuditEntry.objects.filter(content_type__model="correctionrequest", action="create").count() == 1

    # It waits on the director's work queue, with its answer due 72 hours after it was received.
    (section,) = [
        s for s in workqueue.queue_for(world.a.director, dt.date(2026, 3, 3)) if s.code == "correction_requests"
    ]
    assert section.total == 1 and section.items[0].due == dt.date(2026, 3, 5)
    assert section.items[0].url == reverse("people:correction_decide", args=[correction.pk])
    assert not [s for s in workqueue.queue_for(world.a.officer) if s.code == "correction_requests"]

    # The intake officer may record, not decide.
    assert client.get(reverse("people:correction_decide", args=[correction.pk])).status_code == 403

    client.force_login(world.a.director)
    url = reverse("people:correction_decide", args=[correction.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "accepted", "reason": "", **person_post(person, phone="0988 777 666")})
    assert response.status_code == 302, parse(response).xpath('//*[contains(@class,"invalid-feedback")]//text()')
    person.refresh_from_db()
    correction.refresh_from_db()
    assert person.phone == "0988 777 666" and person.version == 2
    assert correction.decision == "accepted" and correction.decided_by == world.a.director
    assert correction.changes == {"phone": ["0912 000 000", "0988 777 666"]}
    # The change went through the person service (its own audit row), and the decision has its own.
    assert AuditEntry.objects.filter(content_type__model="person", object_id=str(person.pk), action="update").exists()
    assert AuditEntry.objects.filter(content_type__model="correctionrequest", action="update").count() == 1
    page = parse(client.get(url)).text_content()
    assert "Chấp nhận, đã chỉnh sửa" in page and "0988 777 666" in page
    # Decided once: a second decision is refused, nothing changes.
    client.post(url, {"decision": "refused", "reason": "x", **person_post(person)})
    correction.refresh_from_db()
    assert correction.decision == "accepted"


def test_a_refusal_needs_a_reason_and_changes_nothing(client, world):
    person = PersonFactory(centre=world.a.centre, phone="0912 000 000")
    correction = CorrectionRequest.objects.create(
        person=person, received_on=dt.date(2026, 3, 2), asked="Xóa số điện thoại", received_by=world.a.intake
    )
    client.force_login(world.a.deputy)
    url = reverse("people:correction_decide", args=[correction.pk])
    response = client.post(url, {"decision": "refused", "reason": "", **person_post(person, phone="")})
    assert response.status_code == 200
    assert "Hãy ghi lý do không chấp nhận" in parse(response).text_content()
    response = client.post(
        url, {"decision": "refused", "reason": "Số điện thoại cần để liên lạc về vụ việc", **person_post(person)}
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    person.refresh_from_db()
    assert (correction.decision, correction.changes, person.phone, person.version) == ("refused", {}, "0912 000 000", 1)


def test_an_accepted_correction_with_no_change_is_refused(client, world):
    person = PersonFactory(centre=world.a.centre)
    correction = CorrectionRequest.objects.create(
        person=person, received_on=dt.date(2026, 3, 2), asked="Sửa ngày sinh", received_by=world.a.intake
    )
    client.force_login(world.a.director)
    response = client.post(
        reverse("people:correction_decide", args=[correction.pk]),
        {"decision": "accepted", "reason": "", **person_post(person)},
    )
    assert response.status_code == 200
    assert "Chưa có thông tin nào được sửa" in parse(response).text_content()
    correction.refresh_from_db()
    assert correction.decision == ""


def test_a_correction_over_a_stale_version_is_refused(client, world):
    person = PersonFactory(centre=world.a.centre, phone="1")
    correction = CorrectionRequest.objects.create(
        person=person, received_on=dt.date(2026, 3, 2), asked="Sửa điện thoại", received_by=world.a.intake
    )
    stale = person_post(person, phone="2")
    Person.objects.filter(pk=person.pk).update(version=2)  # someone saved meanwhile
    client.force_login(world.a.director)
    response = client.post(
        reverse("people:correction_decide", args=[correction.pk]), {"decision": "accepted", "reason": "", **stale}
    )
    assert response.status_code == 200
    assert "đã được người khác sửa" in parse(response).text_content()
    correction.refresh_from_db()
    assert correction.decision == ""


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_record_a_correction_request(client, world, persona):
    person = PersonFactory(centre=world.a.centre, branch=world.a.branch1)
    client.force_login(getattr(world.a, persona))
    response = client.post(
        reverse("people:correction_create", args=[person.pk]), {"received_on": "02/03/2026", "asked": "Sửa tên"}
    )
    may = getattr(world.a, persona).has_perm("people.change_person")
    assert response.status_code in ((302,) if may else (403, 404))
    assert CorrectionRequest.objects.exists() == may


def test_the_received_day_cannot_be_in_the_future(client, world):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.intake)
    response = client.post(
        reverse("people:correction_create", args=[person.pk]), {"received_on": "02/03/2099", "asked": "Sửa tên"}
    )
    assert response.status_code == 200
    assert "không thể sau hôm nay" in parse(response).text_content()
    assert not CorrectionRequest.objects.exists()


def test_the_export_includes_the_persons_survey_answers(client, world):
    """Records of later apps pointing to the person's cases are found without being listed (feedback's surveys)."""
    from django.utils import timezone

    from legalaid.feedback import services as feedback
    from legalaid.feedback.choices import Audience, Respondent
    from legalaid.feedback.tests.factories import all_answers

    person = PersonFactory(centre=world.a.centre)
    case = accepted_case(world.a.intake, beneficiary=person)
    response = feedback.response_enter(
        actor=world.a.officer,
        case=case,
        respondent=Respondent.BENEFICIARY,
        answered_on=timezone.localdate(),
        answers=all_answers(Audience.BENEFICIARY),
        comment="Cán bộ nhiệt tình",
    )
    client.force_login(world.a.director)
    data = json.loads(open_zip(client.get(export_url(person)))["du-lieu.json"])
    assert [r["id"] for r in data["records"]["feedback.surveyresponse"]] == [response.pk]
    assert data["records"]["feedback.surveyresponse"][0]["comment"] == "Cán bộ nhiệt tình"
    assert len(data["records"]["feedback.surveyanswer"]) == response.answers.count() > 0
