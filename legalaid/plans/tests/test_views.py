"""The plan pages, allowed and forbidden per role, from the outside (HTTP), with pinned query counts."""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from legalaid.core.tests.html import field_errors, parse, table_text
from legalaid.plans.choices import TaskStatus
from legalaid.plans.models import Plan, PlanDraft, TaskProgress
from legalaid.plans.tests.factories import make_plan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VIEWERS = ["director", "deputy", "officer", "intake", "branch_head", "branch_officer", "admin_staff", "sysadmin"]
MANAGERS = ["director", "deputy", "admin_staff", "sysadmin"]
NO_PLANS = ["lawyer", "collaborator", "agency_officer"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def plans(world):
    return make_plan(world.a.centre), make_plan(world.b.centre, title="Kế hoạch của Trung tâm B")


# --- List ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [*VIEWERS, "doj_officer"])
def test_list_shows_own_centre_plans_only(client, world, plans, persona):
    client.force_login(getattr(world.a, persona))
    text = table_text(client.get(reverse("plans:plan_list")))
    assert "33/KH-TGPL" in text
    assert "Trung tâm B" not in text


@pytest.mark.parametrize("persona", NO_PLANS)
def test_list_forbidden_to_lawyers_collaborators_agencies(client, world, plans, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("plans:plan_list")).status_code == 403


def test_list_filters_and_export(client, world, plans):
    make_plan(world.a.centre, number="12/KH-TGPL", title="Truyền thông", date="2021-03-01")
    client.force_login(world.a.director)
    text = table_text(client.get(reverse("plans:plan_list"), {"year": 2021}))
    assert "12/KH-TGPL" in text and "33/KH-TGPL" not in text
    text = table_text(client.get(reverse("plans:plan_list"), {"q": "truyền thông"}, follow=True))
    assert "12/KH-TGPL" in text and "33/KH-TGPL" not in text
    response = client.get(reverse("plans:plan_list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(numbers) == ["12/KH-TGPL", "33/KH-TGPL"]


def test_list_query_count_is_pinned(client, world, django_assert_num_queries):
    for i in range(3):
        make_plan(world.a.centre, number=f"{i}/KH-TGPL")
    client.force_login(world.a.director)
    client.get(reverse("plans:plan_list"))
    # 6 for every request (session, user, the user's unit; savepoint, session update, release: see
    # core/tests/test_query_counts.py), the count, the page of plans with their task counts annotated.
    with django_assert_num_queries(5):
        client.get(reverse("plans:plan_list"))
    for i in range(10):
        make_plan(world.a.centre, number=f"x{i}/KH-TGPL")
    with django_assert_num_queries(5):
        client.get(reverse("plans:plan_list"))


# --- Detail --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [*VIEWERS, "doj_officer"])
def test_detail_shows_the_task_tree(client, world, plans, persona):
    client.force_login(getattr(world.a, persona))
    response = client.get(reverse("plans:plan_detail", kwargs={"pk": plans[0].pk}))
    refs = [row.get("data-ref") for row in parse(response).xpath('//tr[@class="task"]')]
    assert refs == ["1.", "2.", "2.1", "2.2", "3.", "5.2."]


def test_detail_of_another_centre_is_404(client, world, plans):
    client.force_login(world.a.director)
    assert client.get(reverse("plans:plan_detail", kwargs={"pk": plans[1].pk})).status_code == 404
    task = plans[1].tasks.first()
    assert client.get(reverse("plans:task_detail", kwargs={"pk": task.pk})).status_code == 404


@pytest.mark.parametrize("persona", NO_PLANS)
def test_detail_forbidden_to_lawyers(client, world, plans, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("plans:plan_detail", kwargs={"pk": plans[0].pk})).status_code == 403


def test_late_task_in_red_and_due_soon_amber(client, world, plans):
    client.force_login(world.a.director)
    doc = parse(client.get(reverse("plans:plan_detail", kwargs={"pk": plans[0].pk})))
    late = doc.xpath('//tr[@data-ref="1."]//span[@data-state="late"]')
    assert late and "text-bg-danger" in late[0].get("class")
    assert doc.xpath('//tr[@data-ref="1."]//time[@class="deadline-overdue"]')


def test_detail_query_count_is_pinned(client, world, django_assert_num_queries):
    plan = make_plan(world.a.centre)
    client.force_login(world.a.director)
    url = reverse("plans:plan_detail", kwargs={"pk": plan.pk})
    client.get(url)
    # 6 for every request, the plan, its tasks, their units, their targets; the same with more tasks.
    with django_assert_num_queries(7):
        client.get(url)
    more = make_plan(world.a.centre)
    more.tasks.update(plan=plan)
    with django_assert_num_queries(7):
        client.get(url)


# --- Import with review --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", MANAGERS)
def test_import_page_for_managers(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("plans:plan_import")).status_code == 200


@pytest.mark.parametrize("persona", ["officer", "branch_head", "intake", "doj_officer", *NO_PLANS])
def test_import_forbidden_to_others(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("plans:plan_import")).status_code == 403


def test_upload_txt_makes_a_draft_for_review(client, world):
    client.force_login(world.a.admin_staff)
    content = (FIXTURES / "plan-2020-lang-son-legal-aid-work.txt").read_bytes()
    upload = SimpleUploadedFile("ke-hoach-2020.txt", content, content_type="text/plain")
    response = client.post(reverse("plans:plan_import"), {"file": upload})
    draft = PlanDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "plans:draft_review", kwargs={"pk": draft.pk}
    )
    assert draft.owner == world.a.admin_staff and draft.centre == world.a.centre
    assert draft.data["number"].startswith("33")
    review = client.get(response["Location"])
    assert review.status_code == 200
    # What the system understood of each time frame reads dd/mm/yyyy, never ISO (issue 8, item 6).
    understood = [
        div.text_content() for div in parse(review).xpath("//div") if div.text_content().startswith("Hệ thống hiểu")
    ]
    assert understood and "31/12/2020" in " ".join(understood)
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", text) for text in understood)
    # Another manager does not see someone else's draft.
    client.force_login(world.a.director)
    assert client.get(response["Location"]).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.pdf", b"%PDF", "Chỉ nhận tệp .docx hoặc .txt."),
        ("ke-hoach.docx", b"not a zip", "Tệp không phải là văn bản Word (.docx) hợp lệ."),
        ("ke-hoach.txt", "Kế hoạch".encode("utf-16"), "Tệp văn bản phải được lưu với mã UTF-8."),
    ],
)
def test_upload_bad_files_get_a_message_beside_the_field(client, world, name, content, message):
    client.force_login(world.a.director)
    response = client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert field_errors(response)["file"] == [message]
    assert not PlanDraft.objects.exists()


def _review_post(draft, **changes):
    from legalaid.plans.forms import DraftHeaderForm, TaskRowForm
    from legalaid.plans.views import _flatten

    data = {}
    for key, value in DraftHeaderForm.initial_from(draft.data).items():
        if key in ("date", "period_start", "period_end") and value:
            value = value.strftime("%d/%m/%Y")
        data[f"plan-{key}"] = value or ""
    for i, (item, _depth) in enumerate(_flatten(draft.data["tasks"])):
        for key, value in TaskRowForm.initial_from(item).items():
            data[f"t{i}-{key}"] = value or ""
    data.update(changes)
    return data


def test_review_corrects_a_task_and_saves_the_plan(client, world):
    from legalaid.plans import services
    from legalaid.plans.tests.factories import plan_data

    draft = services.draft_create(actor=world.a.director, data=plan_data(), source_name="kh.txt", content=b"x")
    client.force_login(world.a.director)
    url = reverse("plans:draft_review", kwargs={"pk": draft.pk})
    post = _review_post(
        draft,
        **{
            "t0-content": "Tham mưu ban hành các kế hoạch năm 2020",
            "t0-timeframe_text": "Quý I/2020",
            "t0-lead": "Phòng Nghiệp vụ; Chi nhánh số 1",
            "t5-remove": "on",
            "action": "save_draft",
        },
    )
    response = client.post(url, post)
    assert response.status_code == 302
    draft.refresh_from_db()
    first = draft.data["tasks"][0]
    assert first["content"] == "Tham mưu ban hành các kế hoạch năm 2020"
    assert first["timeframe"]["end"] == "2020-03-31"
    assert [t["ref"] for t in draft.data["tasks"]] == ["1.", "2.", "3."]  # 5.2. removed
    post = _review_post(draft, action="save_plan")
    response = client.post(url, post)
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:plan_detail", kwargs={"pk": plan.pk})
    task = plan.tasks.get(ref="1.")
    assert task.content == "Tham mưu ban hành các kế hoạch năm 2020"
    assert {u.organisation for u in task.units.filter(role="lead")} == {world.a.department, world.a.branch1}
    assert not PlanDraft.objects.exists()


def test_review_without_title_keeps_the_input_and_says_why(client, world):
    from legalaid.plans import services
    from legalaid.plans.tests.factories import plan_data

    draft = services.draft_create(actor=world.a.director, data=plan_data(), source_name="kh.txt")
    client.force_login(world.a.director)
    url = reverse("plans:draft_review", kwargs={"pk": draft.pk})
    post = _review_post(
        draft, **{"plan-title": "", "plan-date": "31/02/2020", "t1-content": "Sửa", "action": "save_plan"}
    )
    response = client.post(url, post)
    assert response.status_code == 200
    errors = field_errors(response)
    assert "plan-title" in errors and "plan-date" in errors
    assert parse(response).xpath('//textarea[@name="t1-content"]')[0].text_content().strip() == "Sửa"
    assert not Plan.objects.exists()


# --- Task: progress, editing, targets ------------------------------------------------------------------------------


def _progress(client, task, **data):
    return client.post(
        reverse("plans:task_progress", kwargs={"pk": task.pk}),
        {"new_status": TaskStatus.DONE, "note": "Xong", "version": task.version, **data},
    )


def test_lead_unit_reports_progress_with_evidence(client, world, plans):
    task = plans[0].tasks.get(ref="2.1")  # "Phòng Nghiệp vụ", "Các Chi nhánh"
    client.force_login(world.a.branch_officer)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = _progress(client, task, files=[upload])
    assert response.status_code == 302
    progress = TaskProgress.objects.get()
    assert progress.user == world.a.branch_officer and progress.new_status == TaskStatus.DONE
    page = client.get(reverse("plans:task_detail", kwargs={"pk": task.pk}))
    link = parse(page).xpath('//a[@class="evidence"]')[0]
    assert link.text_content() == "bien-ban.pdf"
    download = client.get(link.get("href"))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4"
    # Another Centre cannot fetch the file.
    client.force_login(world.b.director)
    assert client.get(link.get("href")).status_code == 404


@pytest.mark.parametrize("persona", ["branch_officer", "officer", "doj_officer"])
def test_progress_forbidden_on_tasks_not_led_by_the_unit(client, world, plans, persona):
    task = plans[0].tasks.get(ref="5.2.")  # "Phòng HC-TH": no such unit in the test world
    client.force_login(getattr(world.a, persona))
    assert _progress(client, task).status_code == 403
    page = client.get(reverse("plans:task_detail", kwargs={"pk": task.pk}))
    assert page.status_code == 200 and not parse(page).xpath('//form[@id="progress-form"]')
    assert not TaskProgress.objects.exists()


def test_progress_on_another_centre_is_404(client, world, plans):
    client.force_login(world.b.director)
    assert _progress(client, plans[0].tasks.first()).status_code == 404


def test_progress_bad_file_message_beside_the_field(client, world, plans):
    task = plans[0].tasks.get(ref="1.")
    client.force_login(world.a.director)
    response = _progress(client, task, files=[SimpleUploadedFile("x.exe", b"MZ")])
    assert response.status_code == 200
    assert "files" in field_errors(response)
    assert not TaskProgress.objects.exists()


def test_manager_edits_a_saved_task(client, world, plans):
    task = plans[0].tasks.get(ref="5.2.")
    client.force_login(world.a.admin_staff)
    url = reverse("plans:task_edit", kwargs={"pk": task.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "ref": "5.2.",
            "content": "Tổ chức 02 hội nghị tập huấn",
            "lead": "Phòng Nghiệp vụ",
            "partners": "",
            "timeframe_text": "Tháng 8/2020",
            "expected_output": "02 hội nghị",
            "version": task.version,
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.content == "Tổ chức 02 hội nghị tập huấn" and str(task.end) == "2020-08-31"
    response = client.post(url, {"ref": "", "content": "", "version": task.version})
    assert "content" in field_errors(response)


@pytest.mark.parametrize("persona", ["officer", "branch_head", "doj_officer"])
def test_task_edit_forbidden(client, world, plans, persona):
    client.force_login(getattr(world.a, persona))
    task = plans[0].tasks.first()
    assert client.get(reverse("plans:task_edit", kwargs={"pk": task.pk})).status_code == 403
    assert client.post(reverse("plans:plan_edit", kwargs={"pk": plans[0].pk})).status_code == 403


def test_task_page_shows_target_and_unmeasured_figure(client, world, plans):
    task = plans[0].tasks.get(ref="2.2")  # officers reaching their quota: still a placeholder
    client.force_login(world.a.director)
    page = parse(client.get(reverse("plans:task_detail", kwargs={"pk": task.pk})))
    assert page.xpath('//span[@class="target-actual"]')[0].text_content().strip() == "chưa đo được"
    # Outreach in especially difficult communes is measured since issue 10 (legalaid/outreach/figures.py).
    outreach = plans[0].tasks.get(ref="3.")
    page = parse(client.get(reverse("plans:task_detail", kwargs={"pk": outreach.pk})))
    assert page.xpath('//span[@class="target-actual"]')[0].text_content().strip() != "chưa đo được"


def test_target_binding_through_the_page(client, world, plans):
    target = plans[0].tasks.get(ref="3.").targets.get()
    client.force_login(world.a.director)
    prefix = f"target{target.pk}"
    url = reverse("plans:target_edit", kwargs={"pk": target.pk})
    response = client.post(
        url, {f"{prefix}-metric_code": "cases_accepted", f"{prefix}-comparison": ">=", f"{prefix}-value": "abc"}
    )
    assert response.status_code == 200 and f"{prefix}-value" in field_errors(response)
    response = client.post(
        url, {f"{prefix}-metric_code": "cases_accepted", f"{prefix}-comparison": ">=", f"{prefix}-value": "5"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.metric_code == "cases_accepted"
    client.force_login(world.a.doj_officer)
    assert client.post(url, {}).status_code == 403
    client.force_login(world.b.director)
    assert client.post(url, {}).status_code == 404


def test_plan_edit_by_manager(client, world, plans):
    plan = plans[0]
    client.force_login(world.a.director)
    url = reverse("plans:plan_edit", kwargs={"pk": plan.pk})
    data = {
        "number": "33/KH-TGPL",
        "date": "21/01/2020",
        "title": "Triển khai công tác TGPL năm 2020",
        "issuer_name": "Trung tâm",
        "period_start": "01/01/2020",
        "period_end": "01/01/2019",
        "budget_note": "",
        "status": "active",
        "version": plan.version,
    }
    assert "period_end" in field_errors(client.post(url, data))
    data["period_end"] = "31/12/2020"
    assert client.post(url, data).status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Triển khai công tác TGPL năm 2020" and plan.version == 2


# --- Report --------------------------------------------------------------------------------------------------------


def test_report_page_docx_and_xlsx(client, world, plans):
    plan = plans[0]
    client.force_login(world.a.doj_officer)
    page = parse(client.get(reverse("plans:plan_report", kwargs={"pk": plan.pk})))
    late = page.xpath('//tr[@data-state="late"]/td')[0].text_content()
    assert late == "5"  # every task of 2020 with an end date is past its deadline ("2." has none)
    docx = client.get(reverse("plans:plan_report_docx", kwargs={"pk": plan.pk}))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "BÁO CÁO" in text and "Kế hoạch số 33/KH-TGPL" in text
    assert "Chậm tiến độ: 5 nhiệm vụ;" in text
    tables = Document(io.BytesIO(docx.content)).tables
    cells = [c.text for t in tables for row in t.rows for c in row.cells]
    assert "5.2." in cells and "chưa đo được" in cells
    xlsx = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("plans:plan_report_xlsx", kwargs={"pk": plan.pk})).content)
    )
    assert [row[0] for row in xlsx.worksheets[0].iter_rows(min_row=2, values_only=True)] == [
        "1.",
        "2.",
        "2.1",
        "2.2",
        "3.",
        "5.2.",
    ]
    assert xlsx.worksheets[1].max_row == 6
    client.force_login(world.b.director)
    assert client.get(reverse("plans:plan_report_docx", kwargs={"pk": plan.pk})).status_code == 404
    client.force_login(world.a.lawyer)
    assert client.get(reverse("plans:plan_report_xlsx", kwargs={"pk": plan.pk})).status_code == 403


def test_nav_entry(client, world):
    client.force_login(world.a.officer)
    page = parse(client.get(reverse("home")))
    assert page.xpath(f'//nav[@id="sidebar"]//a[@href="{reverse("plans:plan_list")}"]')
    client.force_login(world.a.lawyer)
    page = parse(client.get(reverse("home")))
    assert not page.xpath(f'//nav[@id="sidebar"]//a[@href="{reverse("plans:plan_list")}"]')


def test_a_task_of_one_branch_is_not_another_branch_s(client, world, plans):
    from legalaid.core.choices import Role
    from legalaid.core.tests.factories import UserFactory
    from legalaid.plans import services

    task = plans[0].tasks.get(ref="1.")
    services.task_update(
        actor=world.a.director,
        task=task,
        ref="1.",
        content=task.content,
        timeframe_text=task.timeframe_text,
        expected_output="",
        lead=["Chi nhánh số 1"],
        partners=[],
    )
    task.refresh_from_db()
    other = UserFactory(role=Role.OFFICER, organisation=world.a.branch2)
    client.force_login(other)
    assert _progress(client, task).status_code == 403
    client.force_login(world.a.branch_officer)
    assert _progress(client, task).status_code == 302
