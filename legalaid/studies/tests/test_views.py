"""Study pages: who may open and change what, forms with Vietnamese errors beside the fields, the list's filters,
pinned query counts and the export read back."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from legalaid.core.models import AccessLogEntry
from legalaid.core.tests.html import field_errors, table_text
from legalaid.studies import services
from legalaid.studies.choices import StepKind, StudyStatus
from legalaid.studies.models import StudyComment, ThematicStudy

from .factories import DOCX, make_study, second_department, upload

pytestmark = pytest.mark.django_db

LIST = reverse("studies:study_list")
CREATE = reverse("studies:study_create")
VIEWERS = [
    "director",
    "deputy",
    "officer",
    "intake",
    "branch_head",
    "branch_officer",
    "admin_staff",
    "sysadmin",
    "doj_officer",
]
OUTSIDERS = ["lawyer", "collaborator", "agency_officer"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def studies(world):
    a = make_study(world.a, title="Truyền thông cho người dân tộc thiểu số", number=1)
    b = make_study(world.b, title="Thẩm định chất lượng vụ việc", number=1)
    return a, b


def urls(study):
    version = study.versions.first()
    out = [
        reverse("studies:study_detail", kwargs={"pk": study.pk}),
        reverse("studies:study_update", kwargs={"pk": study.pk}),
    ]
    if version:
        out.append(reverse("studies:version_download", kwargs={"pk": version.pk}))
    return out


@pytest.mark.parametrize("persona", VIEWERS)
def test_centre_staff_and_doj_see_their_centres_studies(client, world, studies, persona):
    client.force_login(getattr(world.a, persona))
    text = table_text(client.get(LIST))
    assert "Truyền thông cho người dân tộc thiểu số" in text and "Thẩm định chất lượng" not in text
    assert client.get(reverse("studies:study_detail", kwargs={"pk": studies[0].pk})).status_code == 200


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_lawyers_collaborators_and_agencies_get_403(client, world, studies, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(LIST).status_code == 403
    assert client.get(LIST + "?export=xlsx").status_code == 403
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("studies:study_detail", kwargs={"pk": studies[0].pk})).status_code == 403


def test_anonymous_goes_to_login(client):
    assert client.get(LIST).status_code == 302


def test_other_centres_study_is_404(client, world, studies):
    services.study_submit_version(actor=world.b.director, study=studies[1], file=upload())
    client.force_login(world.a.director)
    for url in urls(studies[1]):
        assert client.get(url).status_code == 404, url
    version = studies[1].versions.get()
    assert (
        client.post(reverse("studies:comment_add", kwargs={"pk": version.pk}), {f"c{version.pk}-text": "x"}).status_code
        == 404
    )
    assert (
        client.post(reverse("studies:step_complete", kwargs={"pk": studies[1].pk, "kind": "draft"})).status_code == 404
    )


@pytest.mark.parametrize("persona", ["doj_officer", "branch_officer", "branch_head"])
def test_viewers_who_do_not_edit_get_403_on_writes(client, world, studies, persona):
    study = studies[0]
    client.force_login(getattr(world.a, persona))
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("studies:study_update", kwargs={"pk": study.pk})).status_code == 403
    response = client.post(reverse("studies:version_upload", kwargs={"pk": study.pk}), {"file": upload()})
    assert response.status_code == 403
    response = client.post(reverse("studies:step_complete", kwargs={"pk": study.pk, "kind": "draft"}))
    assert response.status_code == 403


def test_doj_officer_cannot_comment(client, world, studies):
    version = services.study_submit_version(actor=world.a.officer, study=studies[0], file=upload())
    client.force_login(world.a.doj_officer)
    url = reverse("studies:comment_add", kwargs={"pk": version.pk})
    assert client.post(url, {f"c{version.pk}-text": "Ý kiến"}).status_code == 403


def _form_data(world, **overrides):
    data = {
        "year": "2025",
        "number": "2",
        "title": "Chia sẻ kỹ năng tham gia tố tụng trong vụ án dân sự",
        "source_plan": "Kế hoạch số 35/KH-TGPL",
        "lead_department": str(world.a.department.pk),
        "reviewing_department": str(second_department(world.a).pk),
        "authors": [str(world.a.officer.pk)],
        "completion_period": "Quý II/2025",
        "outline": [],
        "outline_note": "",
        "draft_due": "15/06/2025",
        "critique_due": "20/06/2025",
        "session_due": "28/06/2025",
    }
    data.update(overrides)
    return data


def test_director_assigns_a_study(client, world):
    client.force_login(world.a.director)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, _form_data(world))
    study = ThematicStudy.objects.get(number=2)
    assert response.status_code == 302 and response.url == reverse("studies:study_detail", kwargs={"pk": study.pk})
    assert study.steps.get(kind=StepKind.DRAFT).due_on == dt.date(2025, 6, 15)
    assert study.steps.get(kind=StepKind.DRAFT).deadline == dt.date(2025, 6, 16)  # a Sunday
    assert list(study.authors.all()) == [world.a.officer]


def test_form_errors_are_in_vietnamese_beside_the_fields(client, world):
    client.force_login(world.a.director)
    response = client.post(CREATE, _form_data(world, critique_due="01/06/2025", draft_due="31/02/2025", title=""))
    assert response.status_code == 200
    errors = field_errors(response)
    assert "title" in errors and "draft_due" in errors
    response = client.post(CREATE, _form_data(world, critique_due="01/06/2025"))
    errors = field_errors(response)
    assert any("không thể trước hạn" in e for e in errors["critique_due"])
    response = client.post(CREATE, _form_data(world, reviewing_department=str(world.a.department.pk)))
    assert "Đơn vị phản biện phải khác đơn vị chủ trì." in response.content.decode()
    response = client.post(CREATE, _form_data(world, lead_department=str(world.b.department.pk)))
    assert "lead_department" in field_errors(response)
    assert not ThematicStudy.objects.exists()


def test_lead_department_member_edits_uploads_and_confirms_the_draft(client, world, studies):
    study = studies[0]
    client.force_login(world.a.intake)  # a member of Phòng Nghiệp vụ, the lead department
    response = client.post(
        reverse("studies:study_update", kwargs={"pk": study.pk}),
        _form_data(
            world,
            title="Tên đã sửa",
            number="1",
            draft_due="14/03/2025",
            critique_due="20/03/2025",
            session_due="28/03/2025",
            version=str(study.version),
        ),
    )
    assert response.status_code == 302
    response = client.post(
        reverse("studies:version_upload", kwargs={"pk": study.pk}), {"file": upload(), "note": "Dự thảo lần 1"}
    )
    assert response.status_code == 302
    study.refresh_from_db()
    assert study.title == "Tên đã sửa" and study.status == StudyStatus.DRAFTING
    response = client.post(
        reverse("studies:step_complete", kwargs={"pk": study.pk, "kind": "draft"}),
        {"draft-kind": "draft", "draft-done_on": "18/03/2025", "draft-note": ""},
    )
    assert response.status_code == 302
    step = study.steps.get(kind=StepKind.DRAFT)
    assert step.done_late and step.late_working_days == 2
    page = client.get(reverse("studies:study_detail", kwargs={"pk": study.pk})).content.decode()
    assert "Hoàn thành chậm 2 ngày làm việc" in page


def test_bad_upload_shows_a_message_beside_the_file_field(client, world, studies):
    client.force_login(world.a.director)
    response = client.post(
        reverse("studies:version_upload", kwargs={"pk": studies[0].pk}), {"file": upload("a.exe", b"MZ00")}
    )
    assert response.status_code == 200
    assert any("Chỉ nhận tệp" in e for e in field_errors(response)["file"])


def test_step_out_of_order_shows_a_message(client, world, studies):
    client.force_login(world.a.director)
    response = client.post(
        reverse("studies:step_complete", kwargs={"pk": studies[0].pk, "kind": "session"}),
        {"session-kind": "session", "session-done_on": "18/03/2025"},
    )
    assert response.status_code == 200
    assert "Phải hoàn thành bước" in response.content.decode()
    response = client.post(reverse("studies:step_complete", kwargs={"pk": studies[0].pk, "kind": "nonsense"}))
    assert response.status_code == 404


def test_branch_staff_comment_and_download(client, world, studies):
    version = services.study_submit_version(actor=world.a.officer, study=studies[0], file=upload())
    client.force_login(world.a.branch_officer)
    response = client.post(reverse("studies:comment_add", kwargs={"pk": version.pk}), {f"c{version.pk}-text": "Góp ý"})
    assert response.status_code == 302
    assert StudyComment.objects.get().author == world.a.branch_officer
    response = client.post(reverse("studies:comment_add", kwargs={"pk": version.pk}), {f"c{version.pk}-text": ""})
    assert response.status_code == 200 and f"c{version.pk}-text" in field_errors(response)
    response = client.get(reverse("studies:version_download", kwargs={"pk": version.pk}))
    assert response.status_code == 200 and b"".join(response.streaming_content) == DOCX
    assert AccessLogEntry.objects.filter(action="download", object_id=str(version.pk)).exists()


def test_filters_and_search(client, world, studies):
    other = make_study(
        world.a,
        title="Bào chữa cho người dưới 18 tuổi",
        year=2024,
        lead_department=second_department(world.a),
        reviewing_department=world.a.department,
    )
    client.force_login(world.a.director)
    assert "Bào chữa" not in table_text(client.get(LIST, {"year": 2025}))
    assert "Bào chữa" in table_text(client.get(LIST, {"q": "bao chua duoi 18"}, follow=True))
    text = table_text(client.get(LIST, {"department": second_department(world.a).pk}))
    assert "Bào chữa" in text and "Truyền thông" not in text
    assert "Truyền thông" not in table_text(client.get(LIST, {"status": "finalised"}))
    # Both were due in March of their years: both behind schedule today.
    text = table_text(client.get(LIST, {"status": "late"}))
    assert "Bào chữa" in text and "Truyền thông" in text
    assert other.is_late(timezone.localdate())
    assert client.get(LIST, {"status": "nonsense"}).status_code == 200


def test_export_reads_back(client, world, studies):
    client.force_login(world.a.doj_officer)
    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][2] == "Tên chuyên đề"
    assert len(rows) == 2 and rows[1][2] == "Truyền thông cho người dân tộc thiểu số"
    assert rows[1][8] == dt.datetime(2025, 3, 14)


def _count(client, url) -> int:
    cache.clear()  # the working-day calendar is cached: measure with it cold
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


#: Measured. Both: session, user and unit (3; no session save), the working-day calendar of the year (2, cached
#: after the first page). List: count, page, steps and authors prefetches, the department filter's choices. Detail: the
#: study, its steps, authors, outline, versions and their comments.
PINNED_LIST = 10
PINNED_DETAIL = 11


def test_query_counts_are_pinned_and_do_not_grow(client, world):
    for i in range(3):
        study = make_study(world.a, title=f"Chuyên đề {i}")
        services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    client.force_login(world.a.director)
    assert _count(client, LIST) == PINNED_LIST
    detail = reverse("studies:study_detail", kwargs={"pk": study.pk})
    assert _count(client, detail) == PINNED_DETAIL
    for i in range(5):
        more = make_study(world.a, title=f"Thêm {i}")
        v = services.study_submit_version(actor=world.a.officer, study=more, file=upload())
        services.study_comment(actor=world.a.director, version=v, text="x")
        v = services.study_submit_version(actor=world.a.officer, study=study, file=upload())
        services.study_comment(actor=world.a.director, version=v, text="y")
    assert _count(client, LIST) == PINNED_LIST
    assert _count(client, detail) == PINNED_DETAIL


def test_bad_filter_values_do_not_fail(client, world, studies):
    client.force_login(world.a.director)
    for params in ({"year": "abc"}, {"department": "999999"}, {"status": "x"}, {"page": "zz"}):
        assert client.get(LIST, params).status_code == 200
    client.force_login(world.a.deputy)
    for params in ({"year": "x"}, {"status": "nope"}):
        assert client.get(reverse("commendations:campaign_list"), params).status_code == 200
