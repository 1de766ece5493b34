"""case_transition: the table of moves, the version check, the events written, and who may move what."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from legalaid.cases.choices import CaseStatus, DiscontinuationReason, EventKind
from legalaid.cases.models import CaseEvent
from legalaid.cases.tests.factories import accepted_case, case_in, prepare_for
from legalaid.cases.workflow import TRANSITIONS, allowed_transitions, case_transition, find_transition
from legalaid.core.models import AuditEntry

pytestmark = pytest.mark.django_db

S = CaseStatus

#: Issue 4 item 4: the moves the workflow allows, and nothing else.
ALLOWED = {
    (S.ACCEPTED, S.ASSIGNED),
    (S.ASSIGNED, S.ASSIGNED),
    (S.ASSIGNED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.SUSPENDED),
    (S.SUSPENDED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.COMPLETED),
    (S.ACCEPTED, S.DISCONTINUED),
    (S.ASSIGNED, S.DISCONTINUED),
    (S.IN_PROGRESS, S.DISCONTINUED),
    (S.SUSPENDED, S.DISCONTINUED),
    (S.COMPLETED, S.ARCHIVED),
    (S.DISCONTINUED, S.ARCHIVED),
}
ALL_PAIRS = list(itertools.product(S.values, S.values))


def test_the_table_is_exactly_the_allowed_moves():
    assert {(t.source, t.target) for t in TRANSITIONS} == ALLOWED
    assert len(TRANSITIONS) == len(ALLOWED)


def _args(source, target):
    transition = find_transition(source, target)
    args = {"reason": "Lý do ghi rõ"}
    if target == S.DISCONTINUED:
        args["data"] = {"ground": DiscontinuationReason.WITHDRAWAL}
    return transition, args


@pytest.mark.parametrize(("source", "target"), ALL_PAIRS)
def test_every_pair_allowed_or_refused(world, source, target):
    case = case_in(world.a.director, source)
    transition, args = _args(source, target)
    prepare_for(case, target, world.a.director)
    if (source, target) in ALLOWED:
        assert transition is not None
        event = case_transition(actor=world.a.director, case=case, to_status=target, **args)
        case.refresh_from_db()
        assert case.status == target
        assert (event.from_status, event.to_status, event.kind) == (source, target, EventKind.TRANSITION)
    else:
        with pytest.raises(ValidationError) as exc:
            case_transition(actor=world.a.director, case=case, to_status=target, **args)
        assert "Không thể chuyển vụ việc từ trạng thái" in str(exc.value)
        case.refresh_from_db()
        assert case.status == source
        assert not CaseEvent.objects.filter(case=case).exists()


def test_unknown_status_is_refused_clearly(world):
    case = accepted_case(world.a.director)
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        case_transition(actor=world.a.director, case=case, to_status="nonsense")


def test_event_version_and_audit_written_together(world):
    case = accepted_case(world.a.director)
    assert case.version == 1
    event = case_transition(actor=world.a.director, case=case, to_status=S.ASSIGNED, data={"provider": "x"})
    assert case.version == 2 and case.status == S.ASSIGNED
    event.refresh_from_db()
    assert event.actor == world.a.director and event.data == {"provider": "x"} and event.at is not None
    entry = AuditEntry.objects.filter(object_id=str(case.pk), action="action").latest("id")
    assert entry.before["status"] == S.ACCEPTED and entry.after["status"] == S.ASSIGNED


def test_stale_version_is_refused_and_nothing_overwritten(world):
    case = accepted_case(world.a.director)
    case_transition(actor=world.a.director, case=case, to_status=S.ASSIGNED, expected_version=1)
    with pytest.raises(ValidationError, match="vừa được người khác cập nhật"):
        case_transition(
            actor=world.a.officer,
            case=case,
            to_status=S.DISCONTINUED,
            expected_version=1,
            reason="Rút yêu cầu",
            data={"ground": DiscontinuationReason.WITHDRAWAL},
        )
    case.refresh_from_db()
    assert case.status == S.ASSIGNED and case.version == 2
    assert CaseEvent.objects.filter(case=case).count() == 1


@pytest.mark.parametrize(
    ("source", "target"),
    [(S.IN_PROGRESS, S.SUSPENDED), (S.ASSIGNED, S.ASSIGNED), (S.ASSIGNED, S.DISCONTINUED)],
)
def test_reason_required(world, source, target):
    case = case_in(world.a.director, source)
    data = {"ground": DiscontinuationReason.WITHDRAWAL} if target == S.DISCONTINUED else None
    with pytest.raises(ValidationError) as exc:
        case_transition(actor=world.a.director, case=case, to_status=target, reason="  ", data=data)
    assert "reason" in exc.value.message_dict


def test_discontinuation_needs_an_article_37_ground(world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    with pytest.raises(ValidationError) as exc:
        case_transition(actor=world.a.director, case=case, to_status=S.DISCONTINUED, reason="Không hợp tác")
    assert "ground" in exc.value.message_dict
    event = case_transition(
        actor=world.a.director,
        case=case,
        to_status=S.DISCONTINUED,
        reason="Gây rối",
        data={"ground": DiscontinuationReason.OBSTRUCTION},
    )
    assert event.data["ground"] == "37.d"


def test_other_centre_and_other_branch_are_refused(world):
    case = accepted_case(world.a.branch_officer)  # held by branch 1 of Centre A
    for outsider in (world.b.director, world.b.officer):
        with pytest.raises(PermissionDenied):
            case_transition(actor=outsider, case=case, to_status=S.ASSIGNED)
    head_office_case = accepted_case(world.a.intake)
    with pytest.raises(PermissionDenied):
        case_transition(actor=world.a.branch_officer, case=head_office_case, to_status=S.ASSIGNED)
    case_transition(actor=world.a.branch_head, case=case, to_status=S.ASSIGNED)


def test_doj_officer_is_read_only(world):
    case = accepted_case(world.a.director)
    with pytest.raises(PermissionDenied):
        case_transition(actor=world.a.doj_officer, case=case, to_status=S.ASSIGNED)
    assert allowed_transitions(case, world.a.doj_officer) == []


def test_lawyer_without_assignment_sees_nothing(world):
    case = case_in(world.a.director, S.ASSIGNED)
    with pytest.raises(PermissionDenied):
        case_transition(actor=world.a.lawyer, case=case, to_status=S.IN_PROGRESS)


def test_allowed_transitions_for_staff_and_providers(world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    targets = {t.target for t in allowed_transitions(case, world.a.director)}
    assert targets == {S.SUSPENDED, S.COMPLETED, S.DISCONTINUED}
    provider_moves = {(t.source, t.target) for t in TRANSITIONS if t.providers_may}
    assert provider_moves == {
        (S.ASSIGNED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.SUSPENDED),
        (S.SUSPENDED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.COMPLETED),
    }


def test_completing_needs_the_outcome_and_archiving_the_archive_record(world):
    case = case_in(world.a.director, S.IN_PROGRESS)
    with pytest.raises(ValidationError, match="kết quả vụ việc"):
        case_transition(actor=world.a.director, case=case, to_status=S.COMPLETED)
    prepare_for(case, S.COMPLETED, world.a.director)
    case_transition(actor=world.a.director, case=case, to_status=S.COMPLETED)
    with pytest.raises(ValidationError, match="nơi lưu trữ"):
        case_transition(actor=world.a.director, case=case, to_status=S.ARCHIVED)


def test_ending_opens_the_archive_record_with_the_handover_deadline(world):
    """Law Art. 39: the file is handed back within 30 days of the end of the case."""
    import datetime as dt

    case = case_in(world.a.director, S.IN_PROGRESS)
    case_transition(
        actor=world.a.director,
        case=case,
        to_status=S.DISCONTINUED,
        reason="Rút yêu cầu",
        data={"ground": DiscontinuationReason.WITHDRAWAL, "ended_on": "2026-03-02"},
    )
    assert case.archive.ended_on == dt.date(2026, 3, 2)
    assert case.archive.handover_due_on == dt.date(2026, 4, 1)
