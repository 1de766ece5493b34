"""The workflow of a case: its statuses, the table of allowed moves, and the one service that makes a move.

A case is born ``accepted`` by ``intake.services.request_accept``. Every later change of status goes through
``case_transition``, which locks the row, checks the move against ``TRANSITIONS``, checks the actor's scope and the
version (optimistic lock), saves, and writes a ``CaseEvent`` and the audit trail in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legalaid.cases.choices import CaseStatus, DiscontinuationReason, EventKind
from legalaid.cases.models import CaseArchive, CaseCompletion, CaseEvent, LegalAidCase
from legalaid.core import audit
from legalaid.core.choices import AuditAction
from legalaid.core.models import LegalParameter
from legalaid.core.rules import is_centre_staff
from legalaid.core.scoping import scope_of

__all__ = [
    "OPEN_STATUSES",
    "TRANSITIONS",
    "Action",
    "CaseStatus",
    "DiscontinuationReason",
    "Transition",
    "allowed_transitions",
    "case_actions",
    "case_transition",
    "check_transition",
    "check_version",
    "find_transition",
    "lock_case",
    "record_event",
    "require_case_access",
]

S = CaseStatus


@dataclass(frozen=True)
class Transition:
    """One allowed move. ``verb`` names the button; ``providers_may``: an assigned lawyer or collaborator may make
    it (otherwise only the Centre's staff); ``form``: the move needs a page of its own (the button opens it);
    ``key``: the action of the case page that makes it (``STEPS``)."""

    source: str
    target: str
    verb: Promise
    reason_required: bool = False
    providers_may: bool = False
    reference: str = ""
    form: str = ""
    key: str = ""


#: The one table of allowed moves (issue 4 item 4).
TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        S.ACCEPTED,
        S.ASSIGNED,
        gettext_lazy("Cử người thực hiện"),
        reference="TT 12/2018 Điều 11(2)(b) (quyết định cử người thực hiện)",
        form="assign",
        key="assign",
    ),
    Transition(
        S.ASSIGNED,
        S.ASSIGNED,
        gettext_lazy("Thay đổi người thực hiện"),
        reason_required=True,
        reference="TT 12/2018 Điều 11(2)(b); thủ tục thay đổi người thực hiện (03 ngày làm việc)",
        form="assign",
        key="change",
    ),
    Transition(S.ASSIGNED, S.IN_PROGRESS, gettext_lazy("Bắt đầu thực hiện"), providers_may=True, key="start"),
    Transition(
        S.IN_PROGRESS,
        S.SUSPENDED,
        gettext_lazy("Tạm ngừng"),
        reason_required=True,
        providers_may=True,
        reference="Trạng thái nội bộ, không có căn cứ luật định (chưa xác nhận)",
        key="suspend",
    ),
    Transition(S.SUSPENDED, S.IN_PROGRESS, gettext_lazy("Tiếp tục thực hiện"), providers_may=True, key="resume"),
    Transition(
        S.IN_PROGRESS,
        S.COMPLETED,
        gettext_lazy("Kết thúc vụ việc"),
        providers_may=True,
        reference="Luật TGPL Điều 38",
        form="complete",
        key="complete",
    ),
    *(
        Transition(
            source,
            S.DISCONTINUED,
            gettext_lazy("Không tiếp tục thực hiện"),
            reason_required=True,
            reference="Luật TGPL Điều 37",
            form="discontinue",
            key="discontinue",
        )
        for source in (S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS, S.SUSPENDED)
    ),
    *(
        Transition(
            source,
            S.ARCHIVED,
            gettext_lazy("Lưu trữ hồ sơ"),
            reference="Luật TGPL Điều 39",
            form="archive",
            key="archive",
        )
        for source in (S.COMPLETED, S.DISCONTINUED)
    ),
)

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}

#: Statuses in which the case is still being worked on (work log, details and attachments may be added).
OPEN_STATUSES = frozenset({S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS, S.SUSPENDED})


def find_transition(source: str, target: str) -> Transition | None:
    return _BY_PAIR.get((source, target))


def _may_make(user, transition: Transition) -> bool:
    scope = scope_of(user)
    if scope.read_only:
        return False
    if scope.assigned_only:
        return transition.providers_may
    return user.is_superuser or is_centre_staff(user)


def allowed_transitions(case: LegalAidCase, user) -> list[Transition]:
    """The moves ``user`` may make from the case's current status (the action buttons of the case page).
    ``case`` must already have been read through ``visible_to(user)``."""
    return [t for t in TRANSITIONS if t.source == case.status and _may_make(user, t)]


# --- The actions of the case page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One action of the case page, in the order of the workflow. A step that makes a move (``key`` of transitions in
    ``TRANSITIONS``) is possible where the table allows that move; the other steps (records of the work) list their
    statuses in ``statuses``. ``not_yet``: {status: why the step is not possible yet} (the button is shown disabled
    with the reason); ``who``: who does it, shown when the user may not (None: the button is hidden from them)."""

    key: str
    verb: Promise
    perm: str = "cases.work_case"
    statuses: frozenset = frozenset()
    not_yet: dict = field(default_factory=dict)
    who: Promise | None = None
    side: bool = False
    destructive: bool = False
    litigation_only: bool = False


NEED_ASSIGNMENT = gettext_lazy("Cần cử người thực hiện trước.")
SIGNERS = gettext_lazy("Giám đốc, Phó Giám đốc hoặc Trưởng Chi nhánh (vụ việc của Chi nhánh) cử người thực hiện.")
ARCHIVISTS = gettext_lazy("Phòng Hành chính – Tổng hợp nhận bàn giao và lưu trữ hồ sơ.")
WORKING = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.SUSPENDED})

#: The case page's actions in workflow order: assign -> start -> log work, hearings -> complete -> hand over ->
#: archive; then, set apart, suspending and the destructive "Không tiếp tục thực hiện" (never the first button).
STEPS: tuple[Step, ...] = (
    Step("assign", gettext_lazy("Cử người thực hiện"), perm="providers.assign_case", who=SIGNERS),
    Step("start", gettext_lazy("Bắt đầu thực hiện"), not_yet={S.ACCEPTED: NEED_ASSIGNMENT}),
    Step("resume", gettext_lazy("Tiếp tục thực hiện")),
    Step("worklog", gettext_lazy("Ghi công việc"), statuses=WORKING),
    Step("hearing", gettext_lazy("Thêm phiên tòa, buổi làm việc"), statuses=OPEN_STATUSES, litigation_only=True),
    Step(
        "complete",
        gettext_lazy("Kết thúc vụ việc"),
        not_yet={
            S.ASSIGNED: gettext_lazy("Cần bắt đầu thực hiện trước."),
            S.SUSPENDED: gettext_lazy("Vụ việc đang tạm ngừng: cần tiếp tục thực hiện trước."),
        },
    ),
    Step(
        "handover",
        gettext_lazy("Nhận bàn giao hồ sơ"),
        perm="cases.archive_case",
        statuses=frozenset({S.COMPLETED, S.DISCONTINUED}),
        who=ARCHIVISTS,
    ),
    Step("archive", gettext_lazy("Lưu trữ hồ sơ"), perm="cases.archive_case", who=ARCHIVISTS),
    Step("suspend", gettext_lazy("Tạm ngừng"), side=True),
    Step("discontinue", gettext_lazy("Không tiếp tục thực hiện"), side=True, destructive=True),
)


@dataclass(frozen=True)
class Action:
    """One button of the case page. ``enabled`` False: shown disabled with ``reason``. ``transition``: the move it
    makes, if any (``one_click``: no page of its own, posted from the case page)."""

    key: str
    verb: str
    enabled: bool
    reason: str = ""
    transition: Transition | None = None
    side: bool = False
    destructive: bool = False

    @property
    def one_click(self) -> bool:
        return self.transition is not None and not self.transition.form and not self.transition.reason_required


def _handover_missing(case: LegalAidCase, archive: CaseArchive | None) -> str:
    """Archiving needs the file handed back first (Law Art. 39)."""
    return "" if archive is not None and archive.handed_over_on else str(_("Hồ sơ chưa bàn giao."))


#: Conditions beyond the status: {step: check(case, archive) -> why not yet, or ""}.
PRECONDITIONS = {"archive": _handover_missing}


def case_actions(case: LegalAidCase, user, *, archive: CaseArchive | None = None) -> list[Action]:
    """The actions of the case page for ``user``, in workflow order (``STEPS``), each possible now or disabled with
    the reason; what is neither possible nor next is left out. Possibilities come from ``TRANSITIONS``; ``archive``
    is the case's archive record if any. ``case`` must already have been read through ``visible_to(user)``."""
    scope = scope_of(user)
    if scope.read_only:
        return []
    actions = []
    for step in STEPS:
        if step.litigation_only and case.form_of_aid.code != "litigation":
            continue
        transition = next((t for t in TRANSITIONS if t.key == step.key and t.source == case.status), None)
        possible = transition is not None or case.status in step.statuses
        if not possible and case.status in step.not_yet:
            actions.append(Action(step.key, str(step.verb), False, str(step.not_yet[case.status]), side=step.side))
            continue
        if not possible:
            continue
        may = user.has_perm(step.perm, case) and (transition is None or _may_make(user, transition))
        if not may:
            if step.who is not None and not scope.assigned_only:
                actions.append(Action(step.key, str(step.verb), False, str(step.who), side=step.side))
            continue
        check = PRECONDITIONS.get(step.key)
        reason = check(case, archive) if check else ""
        if step.key == "handover" and archive is None:
            continue
        actions.append(
            Action(
                step.key,
                str(step.verb),
                not reason,
                reason,
                transition=transition,
                side=step.side,
                destructive=step.destructive,
            )
        )
    return actions


def require_case_access(actor, case: LegalAidCase, *, write: bool = True) -> None:
    """PermissionDenied unless ``actor`` sees ``case`` (and, for writes, is not read-only)."""
    if not LegalAidCase.objects.visible_to(actor).filter(pk=case.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền với vụ việc này."))
    if write and scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))


def check_version(case: LegalAidCase, expected_version: int | None) -> None:
    """A stale ``expected_version`` (the case changed since the page was shown) is refused (optimistic lock)."""
    if expected_version is not None and case.version != expected_version:
        raise ValidationError(
            _("Vụ việc này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."),
            code="stale",
        )


def lock_case(case: LegalAidCase, expected_version: int | None = None) -> LegalAidCase:
    """The case row locked for this transaction; a stale ``expected_version`` is refused (optimistic lock)."""
    locked = LegalAidCase.objects.select_for_update().get(pk=case.pk)
    check_version(locked, expected_version)
    return locked


def check_transition(actor, case: LegalAidCase, to_status: str) -> Transition:
    """The move of ``case`` to ``to_status`` if the table allows it and ``actor`` may make it; ValidationError or
    PermissionDenied otherwise. Writes nothing (a preview checks a decision with it before it is confirmed)."""
    transition = find_transition(case.status, to_status)
    if transition is None:
        raise ValidationError(
            _("Không thể chuyển vụ việc từ trạng thái “%(source)s” sang “%(target)s”.")
            % {"source": CaseStatus(case.status).label, "target": _label(to_status)},
            code="illegal_transition",
        )
    if not _may_make(actor, transition):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác “%(verb)s”.") % {"verb": transition.verb})
    return transition


def record_event(
    *, actor, case: LegalAidCase, kind: str, reason: str = "", data: dict | None = None, at=None
) -> CaseEvent:
    """Add an entry to the case's timeline (other apps: assignments, activities, documents). Call it inside the
    caller's transaction, after the write it records."""
    event = CaseEvent(
        case=case,
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason,
        at=at or timezone.now(),
        data=data or {},
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def case_transition(
    *,
    actor,
    case: LegalAidCase,
    to_status: str,
    reason: str = "",
    expected_version: int | None = None,
    data: dict | None = None,
) -> CaseEvent:
    """Move ``case`` to ``to_status`` if the table allows it, and write the event and the audit trail.

    - an illegal move is refused: "Không thể chuyển vụ việc từ trạng thái X sang Y";
    - a stale ``expected_version`` is refused, nothing is overwritten;
    - a discontinuation needs ``data["ground"]``, one of the points of Law Art. 37.
    The passed ``case`` object gets the new status and version.
    """
    require_case_access(actor, case)
    locked = lock_case(case, expected_version)
    transition = check_transition(actor, locked, to_status)
    reason = (reason or "").strip()
    data = dict(data or {})
    if transition.reason_required and not reason:
        raise ValidationError({"reason": _("Hãy ghi rõ lý do.")}, code="reason_required")
    if to_status == S.DISCONTINUED and data.get("ground") not in DiscontinuationReason.values:
        raise ValidationError(
            {"ground": _("Hãy chọn căn cứ không tiếp tục thực hiện trợ giúp pháp lý (Điều 37).")},
            code="ground_required",
        )
    _check_records(locked, to_status)
    before = audit.snapshot(locked)
    from_status = locked.status
    locked.status = to_status
    locked.version += 1
    locked.full_clean()
    locked.save(update_fields=["status", "version", "updated_at"])
    event = CaseEvent(
        case=locked,
        kind=EventKind.TRANSITION,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        reason=reason,
        at=timezone.now(),
        data=data,
    )
    event.full_clean()
    event.save()
    audit.record(
        actor=actor,
        action=AuditAction.ACTION,
        instance=locked,
        before=before,
        message=f"{transition.verb}: {from_status} → {to_status}",
    )
    if to_status in (S.COMPLETED, S.DISCONTINUED):
        _open_archive(locked, event)
    case.status = locked.status
    case.version = locked.version
    return event


def _check_records(case: LegalAidCase, to_status: str) -> None:
    """Moves that need a record first: completing needs the outcome (Law Art. 38), archiving the archive record."""
    if to_status == S.COMPLETED and not CaseCompletion.objects.filter(case=case).exists():
        raise ValidationError(_("Hãy ghi kết quả vụ việc trước khi kết thúc (Điều 38 Luật TGPL)."), code="no_outcome")
    if to_status == S.ARCHIVED and not CaseArchive.objects.filter(case=case, archived_on__isnull=False).exists():
        raise ValidationError(_("Hãy ghi mã hồ sơ, nơi lưu trữ và thời hạn bảo quản trước."), code="no_archive")


def _open_archive(case: LegalAidCase, event: CaseEvent) -> CaseArchive:
    """Open the file's archive record with its handover deadline: Law Art. 39, the provider hands the file back
    within 30 days (``cases.handover_days``) of the end of the case."""
    if event.to_status == S.COMPLETED:
        ended_on = CaseCompletion.objects.get(case=case).completed_on
    elif event.data.get("ended_on"):
        ended_on = dt.date.fromisoformat(event.data["ended_on"])
    else:
        ended_on = timezone.localdate(event.at)
    days = LegalParameter.int_on("cases.handover_days", ended_on)
    archive, _created = CaseArchive.objects.update_or_create(
        case=case, defaults={"ended_on": ended_on, "handover_due_on": ended_on + dt.timedelta(days=days)}
    )
    return archive


def _label(status: str) -> str:
    try:
        return str(CaseStatus(status).label)
    except ValueError:
        return status
