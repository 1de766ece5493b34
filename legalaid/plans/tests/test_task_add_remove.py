"""Adding a task to a saved plan (top level or under a task) and removing one entered by mistake."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from legalaid.core.models import AuditEntry
from legalaid.core.tests.html import field_errors, parse
from legalaid.plans import services
from legalaid.plans.choices import TaskStatus, UnitGroup, UnitRole
from legalaid.plans.models import PlanTask, TaskProgress
from legalaid.plans.tests.factories import make_plan


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def plan(world):
    return make_plan(world.a.centre)


def _refs(plan):
    return list(plan.tasks.order_by("position", "id").values_list("ref", flat=True))


def _positions(plan):
    return list(plan.tasks.order_by("position", "id").values_list("position", flat=True))


# --- Services: adding --------------------------------------------------------------------------------------------


def test_add_top_level_task_goes_last_with_units_and_time_frame(world, plan):
    task = services.task_add(
        actor=world.a.director,
        plan=plan,
        ref="6.",
        content="Tổng kết công tác trợ giúp pháp lý năm 2020",
        lead="Chi nhánh số 1; Báo Lạng Sơn",
        partners=["Các Chi nhánh"],
        timeframe_text="Tháng 12/2020",
        expected_output="Báo cáo tổng kết",
        expected_version=plan.version,
    )
    assert _refs(plan) == ["1.", "2.", "2.1", "2.2", "3.", "5.2.", "6."]
    assert task.parent is None and task.depth == 0
    assert (task.start, task.end) == (dt.date(2020, 12, 1), dt.date(2020, 12, 31))
    assert task.timeframe_text == "Tháng 12/2020" and task.expected_output == "Báo cáo tổng kết"
    units = {(u.role, u.text): u for u in task.units.all()}
    assert units[(UnitRole.LEAD, "Chi nhánh số 1")].organisation == world.a.branch1
    assert units[(UnitRole.LEAD, "Báo Lạng Sơn")].organisation is None
    assert units[(UnitRole.PARTNER, "Các Chi nhánh")].group == UnitGroup.BRANCHES
    plan.refresh_from_db()
    assert plan.version == 2
    assert AuditEntry.objects.filter(object_id=str(task.pk), action="create").exists()


def test_add_child_goes_after_last_sibling_and_its_descendants(world, plan):
    parent = plan.tasks.get(ref="2.")
    services.task_add(actor=world.a.admin_staff, plan=plan, parent=plan.tasks.get(ref="2.2"), ref="a)", content="x")
    child = services.task_add(actor=world.a.admin_staff, plan=plan, parent=parent, ref="2.3", content="Hòa giải")
    assert _refs(plan) == ["1.", "2.", "2.1", "2.2", "a)", "2.3", "3.", "5.2."]
    positions = _positions(plan)
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert child.parent == parent and child.depth == 1
    grandchild = plan.tasks.get(ref="a)")
    assert grandchild.depth == 2
    assert (child.start, child.end, child.timeframe_text) == (None, None, "")


def test_add_child_of_first_task_moves_later_tasks(world, plan):
    services.task_add(actor=world.a.director, plan=plan, parent=plan.tasks.get(ref="1."), ref="1.1", content="x")
    assert _refs(plan) == ["1.", "1.1", "2.", "2.1", "2.2", "3.", "5.2."]


def test_add_needs_content_and_a_parent_of_the_same_plan(world, plan):
    with pytest.raises(ValidationError) as info:
        services.task_add(actor=world.a.director, plan=plan, ref="7.", content="  ")
    assert "content" in info.value.message_dict
    other = make_plan(world.a.centre)
    with pytest.raises(ValidationError):
        services.task_add(actor=world.a.director, plan=plan, parent=other.tasks.first(), ref="7.", content="x")
    assert plan.tasks.count() == 6


def test_add_with_a_stale_version_is_refused(world, plan):
    services.task_add(actor=world.a.director, plan=plan, ref="6.", content="x", expected_version=1)
    with pytest.raises(ValidationError) as info:
        services.task_add(actor=world.a.director, plan=plan, ref="7.", content="y", expected_version=1)
    assert info.value.code == "stale"
    assert plan.tasks.count() == 7


@pytest.mark.parametrize("persona", ["officer", "doj_officer"])
def test_add_forbidden_to_non_managers(world, plan, persona):
    with pytest.raises(PermissionDenied):
        services.task_add(actor=getattr(world.a, persona), plan=plan, ref="6.", content="x")
    assert plan.tasks.count() == 6


def test_add_to_another_centre_s_plan_is_forbidden(world, plan):
    with pytest.raises(PermissionDenied):
        services.task_add(actor=world.b.director, plan=plan, ref="6.", content="x")


# --- Services: removing ------------------------------------------------------------------------------------------


def test_remove_a_task_without_progress_or_children(world, plan):
    task = plan.tasks.get(ref="3.")
    services.task_remove(actor=world.a.director, task=task, expected_version=plan.version)
    assert _refs(plan) == ["1.", "2.", "2.1", "2.2", "5.2."]
    plan.refresh_from_db()
    assert plan.version == 2
    assert AuditEntry.objects.filter(object_id=str(task.pk), action="delete").exists()


def test_remove_refused_when_the_task_has_children(world, plan):
    with pytest.raises(ValidationError) as info:
        services.task_remove(actor=world.a.director, task=plan.tasks.get(ref="2."))
    assert "nhiệm vụ con" in info.value.messages[0]
    assert plan.tasks.count() == 6


def test_remove_refused_when_the_task_has_progress_or_evidence(world, plan):
    task = plan.tasks.get(ref="1.")
    services.task_progress_record(actor=world.a.director, task=task, new_status=TaskStatus.IN_PROGRESS, note="Đã họp")
    with pytest.raises(ValidationError) as info:
        services.task_remove(actor=world.a.director, task=task)
    assert "báo cáo tiến độ" in info.value.messages[0]
    other = plan.tasks.get(ref="5.2.")
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    services.task_progress_record(actor=world.a.director, task=other, new_status=TaskStatus.DONE, files=[upload])
    with pytest.raises(ValidationError) as info:
        services.task_remove(actor=world.a.director, task=other)
    assert "minh chứng" in info.value.messages[0]
    assert plan.tasks.count() == 6


def test_remove_with_a_stale_version_is_refused(world, plan):
    with pytest.raises(ValidationError) as info:
        services.task_remove(actor=world.a.director, task=plan.tasks.get(ref="3."), expected_version=5)
    assert info.value.code == "stale"
    assert plan.tasks.count() == 6


@pytest.mark.parametrize("persona", ["officer", "doj_officer"])
def test_remove_forbidden_to_non_managers(world, plan, persona):
    with pytest.raises(PermissionDenied):
        services.task_remove(actor=getattr(world.a, persona), task=plan.tasks.get(ref="3."))


def test_remove_from_another_centre_s_plan_is_forbidden(world, plan):
    with pytest.raises(PermissionDenied):
        services.task_remove(actor=world.b.director, task=plan.tasks.get(ref="3."))
    assert plan.tasks.count() == 6


# --- Pages -------------------------------------------------------------------------------------------------------


def _add_url(plan, parent=None):
    url = reverse("plans:task_add", kwargs={"plan_pk": plan.pk})
    return f"{url}?parent={parent.pk}" if parent else url


def _add_data(plan, **changes):
    data = {
        "ref": "2.3",
        "content": "Hòa giải tại cơ sở",
        "lead": "Phòng Nghiệp vụ",
        "partners": "Các Chi nhánh",
        "timeframe_text": "Quý III năm 2020",
        "expected_output": "",
        "version": plan.version,
    }
    data.update(changes)
    return data


def test_urls():
    assert reverse("plans:task_add", kwargs={"plan_pk": 3}) == "/ke-hoach/3/nhiem-vu/them/"
    assert reverse("plans:task_remove", kwargs={"pk": 4}) == "/ke-hoach/nhiem-vu/4/xoa/"


@pytest.mark.parametrize("persona", ["director", "admin_staff"])
def test_manager_adds_a_child_task_through_the_page(client, world, plan, persona):
    client.force_login(getattr(world.a, persona))
    parent = plan.tasks.get(ref="2.")
    response = client.get(_add_url(plan, parent))
    assert response.status_code == 200 and parse(response).xpath('//*[@id="task-parent"]')
    response = client.post(_add_url(plan, parent), _add_data(plan))
    assert response.status_code == 302
    task = plan.tasks.get(ref="2.3")
    assert response["Location"] == reverse("plans:task_detail", kwargs={"pk": task.pk})
    assert task.parent == parent and task.depth == 1 and task.end == dt.date(2020, 9, 30)
    assert task.units.get(role=UnitRole.LEAD).organisation == world.a.department
    assert _refs(plan) == ["1.", "2.", "2.1", "2.2", "2.3", "3.", "5.2."]


def test_manager_adds_a_top_level_task(client, world, plan):
    client.force_login(world.a.director)
    assert client.post(_add_url(plan), _add_data(plan, ref="6.")).status_code == 302
    assert _refs(plan)[-1] == "6." and plan.tasks.get(ref="6.").depth == 0


def test_bad_input_keeps_the_form_and_says_why_beside_the_field(client, world, plan):
    client.force_login(world.a.director)
    response = client.post(_add_url(plan), _add_data(plan, content=""))
    assert response.status_code == 200
    assert field_errors(response)["content"] == ["Trường này là bắt buộc."]
    response = client.post(_add_url(plan), _add_data(plan, content="   "))
    assert field_errors(response)["content"]
    response = client.post(_add_url(plan), _add_data(plan, ref="x" * 41))
    assert "ref" in field_errors(response)
    assert plan.tasks.count() == 6


def test_stale_plan_version_gives_a_message(client, world, plan):
    client.force_login(world.a.director)
    response = client.post(_add_url(plan), _add_data(plan, version=plan.version + 1))
    assert response.status_code == 200
    assert any("người khác cập nhật" in m for m in field_errors(response)["__all__"])
    assert plan.tasks.count() == 6


def test_parent_of_another_plan_is_404(client, world, plan):
    client.force_login(world.a.director)
    other = make_plan(world.a.centre)
    assert client.get(_add_url(plan, other.tasks.first())).status_code == 404
    assert client.get(_add_url(plan) + "?parent=abc").status_code == 404


@pytest.mark.parametrize("persona", ["officer", "doj_officer"])
def test_add_and_remove_pages_forbidden_to_non_managers(client, world, plan, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(_add_url(plan)).status_code == 403
    assert client.post(_add_url(plan), _add_data(plan)).status_code == 403
    task = plan.tasks.get(ref="3.")
    assert client.post(reverse("plans:task_remove", kwargs={"pk": task.pk})).status_code == 403
    assert plan.tasks.count() == 6
    doc = parse(client.get(reverse("plans:plan_detail", kwargs={"pk": plan.pk})))
    assert not doc.xpath('//*[@id="task-add"]') and not doc.xpath('//form[contains(@class, "task-remove")]')


def test_another_centre_s_plan_is_404(client, world, plan):
    client.force_login(world.b.director)
    assert client.get(_add_url(plan)).status_code == 404
    assert client.post(_add_url(plan), _add_data(plan)).status_code == 404
    task = plan.tasks.get(ref="3.")
    assert client.post(reverse("plans:task_remove", kwargs={"pk": task.pk}), {"version": 1}).status_code == 404
    assert plan.tasks.count() == 6


def test_detail_page_buttons_for_managers(client, world, plan):
    services.task_progress_record(
        actor=world.a.director, task=plan.tasks.get(ref="1."), new_status=TaskStatus.IN_PROGRESS, note="Đã họp"
    )
    client.force_login(world.a.admin_staff)
    doc = parse(client.get(reverse("plans:plan_detail", kwargs={"pk": plan.pk})))
    assert doc.xpath('//a[@id="task-add"]')[0].get("href") == _add_url(plan)
    assert len(doc.xpath('//tr[@class="task"]//a[@class="task-add-child"]')) == 6
    removable = [
        row.get("data-ref")
        for row in doc.xpath('//tr[@class="task"]')
        if row.xpath('.//form[contains(@class, "task-remove")]')
    ]
    # "1." has a progress report, "2." has tasks below it.
    assert removable == ["2.1", "2.2", "3.", "5.2."]


@pytest.mark.parametrize("persona", ["director", "admin_staff"])
def test_manager_removes_a_task_through_the_page(client, world, plan, persona):
    client.force_login(getattr(world.a, persona))
    task = plan.tasks.get(ref="3.")
    url = reverse("plans:task_remove", kwargs={"pk": task.pk})
    assert client.get(url).status_code == 405
    response = client.post(url, {"version": plan.version}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("plans:plan_detail", kwargs={"pk": plan.pk})
    assert not PlanTask.objects.filter(pk=task.pk).exists()
    assert "Đã xóa nhiệm vụ 3." in response.content.decode()


def test_removal_refused_with_a_vietnamese_message(client, world, plan):
    task = plan.tasks.get(ref="1.")
    TaskProgress.objects.create(
        task=task, date=dt.date(2020, 2, 1), old_status="not_started", new_status="in_progress", user=world.a.director
    )
    client.force_login(world.a.director)
    response = client.post(reverse("plans:task_remove", kwargs={"pk": task.pk}), {"version": plan.version}, follow=True)
    assert "Không xóa được nhiệm vụ 1.: nhiệm vụ đã có báo cáo tiến độ." in response.content.decode()
    response = client.post(
        reverse("plans:task_remove", kwargs={"pk": plan.tasks.get(ref="2.").pk}), {"version": plan.version}, follow=True
    )
    assert "nhiệm vụ còn nhiệm vụ con" in response.content.decode()
    assert plan.tasks.count() == 6
