"""The case page's actions (issue 8 item 4): in workflow order (assign -> start -> log work, hearings -> complete ->
hand over -> archive), what is not possible yet disabled with its reason, the destructive "Không tiếp tục thực hiện"
last and set apart; and the success messages of the case's decisions say what comes next (issue 8 item 1)."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from legalaid.cases import services
from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseArchive
from legalaid.cases.tests.factories import case_in
from legalaid.cases.workflow import case_actions
from legalaid.core.tests.html import field_errors, parse
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = pytest.mark.django_db

S = CaseStatus
NEED_ASSIGNMENT = "Cần cử người thực hiện trước."


def listed(case, user):
    archive = CaseArchive.objects.filter(case=case).first()
    return [(a.key, a.enabled, a.reason) for a in case_actions(case, user, archive=archive)]


def ended(actor, status, *, handed_over: bool):
    case = case_in(actor, status)
    today = timezone.localdate()
    CaseArchive.objects.create(
        case=case,
        ended_on=today,
        handover_due_on=today + dt.timedelta(days=30),
        handed_over_on=today if handed_over else None,
    )
    return case


def test_actions_per_status_in_workflow_order(world):
    director = world.a.director
    assert listed(case_in(director, S.ACCEPTED), director) == [
        ("assign", True, ""),
        ("start", False, NEED_ASSIGNMENT),
        ("discontinue", True, ""),
    ]
    assert listed(case_in(director, S.ASSIGNED), director) == [
        ("start", True, ""),
        ("worklog", True, ""),
        ("complete", False, "Cần bắt đầu thực hiện trước."),
        ("discontinue", True, ""),
    ]
    assert listed(case_in(director, S.IN_PROGRESS, form="litigation", field="criminal"), director) == [
        ("worklog", True, ""),
        ("hearing", True, ""),
        ("complete", True, ""),
        ("suspend", True, ""),
        ("discontinue", True, ""),
    ]
    assert listed(case_in(director, S.SUSPENDED), director) == [
        ("resume", True, ""),
        ("worklog", True, ""),
        ("complete", False, "Vụ việc đang tạm ngừng: cần tiếp tục thực hiện trước."),
        ("discontinue", True, ""),
    ]
    assert listed(ended(director, S.COMPLETED, handed_over=False), director) == [
        ("handover", True, ""),
        ("archive", False, "Hồ sơ chưa bàn giao."),
    ]
    assert listed(ended(director, S.DISCONTINUED, handed_over=True), director) == [
        ("handover", True, ""),
        ("archive", True, ""),
    ]
    assert listed(case_in(director, S.ARCHIVED), director) == []


@pytest.mark.parametrize("status", [S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS, S.SUSPENDED])
def test_the_destructive_action_is_last_and_set_apart(world, status):
    actions = case_actions(case_in(world.a.director, status), world.a.director)
    assert actions[-1].key == "discontinue" and actions[-1].destructive and actions[-1].side
    assert not actions[0].destructive and not actions[0].side
    assert [a.side for a in actions] == sorted(a.side for a in actions)  # the side actions come after the others


def test_who_may_act(world):
    case = case_in(world.a.director, S.ACCEPTED)
    # Intake staff do not sign decisions: the button says who does.
    assert listed(case, world.a.intake)[0] == (
        "assign",
        False,
        "Giám đốc, Phó Giám đốc hoặc Trưởng Chi nhánh (vụ việc của Chi nhánh) cử người thực hiện.",
    )
    assert listed(case, world.a.doj_officer) == []  # read only
    lawyer_case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    services.case_transition(actor=world.a.director, case=lawyer_case, to_status=S.IN_PROGRESS)
    keys = [key for key, _enabled, _reason in listed(lawyer_case, world.a.lawyer)]
    assert keys == ["worklog", "complete", "suspend"]  # no discontinuation for the provider (Art. 37: the Centre)


def test_case_page_shows_the_actions(client, world):
    case = case_in(world.a.director, S.ACCEPTED)
    client.force_login(world.a.director)
    bar = parse(client.get(reverse("cases:case_detail", kwargs={"pk": case.pk}))).get_element_by_id("case-actions")
    buttons = bar.xpath(".//a[contains(@class, 'btn')] | .//button")
    labels = [b.text_content().strip() for b in buttons]
    assert labels[0] == "Cử người thực hiện" and labels[-1] == "Không tiếp tục thực hiện"
    assert "btn-primary" in buttons[0].get("class")
    assert "btn-outline-danger" in buttons[-1].get("class")
    start = bar.xpath(".//button[@disabled]")[0]
    assert start.text_content() == "Bắt đầu thực hiện"
    assert bar.get_element_by_id(start.get("aria-describedby")).text_content() == NEED_ASSIGNMENT
    assert bar.xpath(".//*[contains(@class, 'vr')]")  # the destructive action is set apart


def _message(response) -> str:
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


def test_messages_say_what_comes_next(client, world):
    case = case_in(world.a.director, S.ASSIGNED, form="advice")
    client.force_login(world.a.director)

    def move(to, **data):
        response = client.post(reverse("cases:case_move", kwargs={"pk": case.pk, "to": to}), data)
        assert response.status_code == 302
        case.refresh_from_db()
        return _message(response)

    assert move(S.IN_PROGRESS, version=case.version).endswith(
        "Tiếp theo: người thực hiện ghi công việc đã làm và kết thúc vụ việc khi có kết quả (Điều 38)."
    )
    assert move(S.SUSPENDED, version=case.version, reason="Chờ giám định").endswith(
        "Tiếp theo: người thực hiện tiếp tục thực hiện khi hết lý do tạm ngừng."
    )
    move(S.IN_PROGRESS, version=case.version)
    today = timezone.localdate()
    response = client.post(
        reverse("cases:case_complete", kwargs={"pk": case.pk}),
        {
            "version": case.version,
            "completed_on": today.strftime("%d/%m/%Y"),
            "outcome": "Đã tư vấn",
            "written_answer": "Văn bản số 5",
        },
    )
    due = (today + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    assert _message(response) == (
        f"Đã kết thúc vụ việc {case.code}. Tiếp theo: người thực hiện bàn giao hồ sơ trong 30 ngày, trước ngày {due} "
        "(Điều 39)."
    )
    case.refresh_from_db()
    items = [i.pk for i in services.checklist_for(case).filter(required=True)]
    response = client.post(
        reverse("cases:archive_handover", kwargs={"pk": case.pk}),
        {"handed_over_on": today.strftime("%d/%m/%Y"), "handed_over_by": "TGV A", "checked_items": items},
    )
    assert _message(response) == "Đã ghi nhận bàn giao hồ sơ. Tiếp theo: Phòng Hành chính – Tổng hợp lưu trữ hồ sơ."
    response = client.post(
        reverse("cases:case_archive", kwargs={"pk": case.pk}),
        {"file_code": "LT-1", "location": "Kho", "retention": "years"},
    )
    assert response.status_code == 302, field_errors(response)
    assert _message(response).startswith(f"Đã lưu trữ hồ sơ vụ việc {case.code}. Tiếp theo: không còn việc phải làm")


def test_discontinuation_message(client, world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    client.force_login(world.a.director)
    response = client.post(
        reverse("cases:case_move", kwargs={"pk": case.pk, "to": S.DISCONTINUED}),
        {"version": case.version, "reason": "Rút đơn", "ground": "37.dd"},
    )
    assert response.status_code == 302
    assert "Tiếp theo: thông báo bằng văn bản việc không tiếp tục thực hiện (Điều 37); người thực hiện bàn giao" in (
        _message(response)
    )
