"""Writes of the people app, and the duplicate check run while a person is entered.

Every write runs in a transaction, checks that the actor may write in the person's unit, validates (the identity
number's structure included, DOMAIN.md §10), saves and writes the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legalaid.core import audit
from legalaid.core.choices import AccessAction, AuditAction, OrganisationKind
from legalaid.core.scoping import scope_of
from legalaid.lib.citizen_id import CheckResult, check_citizen_id, normalise
from legalaid.lib.text import fold

from .choices import CorrectionDecision, DuplicateReason, IdType
from .models import CorrectionRequest, Person

#: The fields whose change makes a confirmed identity check stale.
IDENTITY_FIELDS = ("id_type", "id_number", "date_of_birth", "birth_year", "sex")

CONFIRM_LABEL = gettext_lazy("Tôi đã kiểm tra, thông tin đúng")


# --- Identity number -----------------------------------------------------------------------------------------------


def check_identity(
    *, id_type: str, id_number: str, date_of_birth, birth_year, sex, previous: Person | None = None
) -> tuple[CheckResult, bool]:
    """The structural check of the identity number, and whether its warnings were already confirmed.

    A confirmation stands while the identity fields stay as they were when it was given.
    """
    result = check_citizen_id(
        id_number, date_of_birth=date_of_birth, birth_year=birth_year, sex=sex, id_type=id_type or IdType.CCCD
    )
    already_confirmed = bool(
        previous is not None
        and previous.id_warnings_confirmed
        and (previous.id_type, previous.id_number, previous.date_of_birth, previous.year_of_birth, previous.sex)
        == (id_type, result.number, date_of_birth, date_of_birth.year if date_of_birth else birth_year, sex)
    )
    return result, already_confirmed


def confirmation_message(warnings: list[str]) -> str:
    return _("Số giấy tờ có điểm chưa khớp: %(warnings)s Hãy kiểm tra lại giấy tờ và đánh dấu “%(label)s”.") % {
        "warnings": " ".join(warnings),
        "label": CONFIRM_LABEL,
    }


def _apply_identity_check(*, actor, person: Person, previous: Person | None) -> None:
    result, already_confirmed = check_identity(
        id_type=person.id_type,
        id_number=person.id_number,
        date_of_birth=person.date_of_birth,
        birth_year=person.birth_year,
        sex=person.sex,
        previous=previous,
    )
    if result.errors:
        raise ValidationError({"id_number": result.errors})
    person.id_number = result.number
    if not result.warnings:
        person.id_warnings_confirmed = False
        person.id_confirmed_by = None
        person.id_confirmed_at = None
    elif already_confirmed:
        person.id_warnings_confirmed = True
        person.id_confirmed_by_id = previous.id_confirmed_by_id
        person.id_confirmed_at = previous.id_confirmed_at
    elif person.id_warnings_confirmed:
        person.id_confirmed_by = actor if actor is not None and actor.is_authenticated else None
        person.id_confirmed_at = timezone.now()
    else:
        raise ValidationError({"id_warnings_confirmed": confirmation_message(result.warnings)})


# --- Checks shared by create and update ----------------------------------------------------------------------------


def _check_unit(actor, person: Person) -> None:
    """The actor writes in their own Centre (and, for branch staff, their own branch); DOJ officers do not write."""
    scope = scope_of(actor)
    if person.centre_id is None:
        raise ValidationError({"centre": _("Chưa xác định Trung tâm đăng ký người này.")})
    if person.centre.kind != OrganisationKind.CENTRE:
        raise ValidationError({"centre": _("Đơn vị đăng ký phải là một Trung tâm.")})
    if person.branch_id is not None and (
        person.branch.kind != OrganisationKind.BRANCH or person.branch.centre_id != person.centre_id
    ):
        raise ValidationError({"branch": _("Chi nhánh phải thuộc Trung tâm đã chọn.")})
    if scope.sees_everything:
        return
    if scope.read_only or scope.assigned_only or person.centre_id not in scope.centre_ids:
        raise PermissionDenied(_("Bạn không có quyền ghi thông tin người được trợ giúp của đơn vị này."))
    if scope.branch_id and person.branch_id != scope.branch_id:
        raise PermissionDenied(_("Nhân viên Chi nhánh chỉ ghi thông tin người do Chi nhánh mình đăng ký."))


def _clean_birth(person: Person) -> None:
    if person.date_of_birth:
        if person.birth_year and person.birth_year != person.date_of_birth.year:
            raise ValidationError({"birth_year": _("Năm sinh khác với năm của ngày sinh.")})
        person.birth_year = person.date_of_birth.year
        if person.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": _("Ngày sinh không được sau ngày hôm nay.")})
    if person.birth_year and person.birth_year > timezone.localdate().year:
        raise ValidationError({"birth_year": _("Năm sinh không được sau năm nay.")})
    if person.commune_id and person.province_id is None:
        person.province_id = person.commune.province_id
    if person.commune_id and person.commune.province_id != person.province_id:
        raise ValidationError({"commune": _("Xã, phường không thuộc tỉnh, thành phố đã chọn.")})


def _default_unit(actor, person: Person) -> None:
    """A new person belongs to the actor's Centre, and to the actor's branch for branch staff."""
    if person.centre_id is None and actor is not None and getattr(actor, "centre", None) is not None:
        person.centre = actor.centre
        if person.branch_id is None and actor.branch is not None:
            person.branch = actor.branch


# --- Services ------------------------------------------------------------------------------------------------------


@transaction.atomic
def person_create(*, actor, person: Person) -> Person:
    """Register a new person. ``person`` is unsaved (``PersonForm.save(commit=False)``); its Centre and branch default
    to the actor's. ``person.id_warnings_confirmed`` carries the staff's "I have checked" answer."""
    if person.pk is not None:
        raise ValueError("person_create takes an unsaved person")
    _default_unit(actor, person)
    _check_unit(actor, person)
    _clean_birth(person)
    _apply_identity_check(actor=actor, person=person, previous=None)
    person.version = 1
    person.name_key = fold(person.full_name)
    person.full_clean()
    person.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=person)
    return person


@transaction.atomic
def person_update(*, actor, person: Person, version: int) -> Person:
    """Save the changes made to ``person`` if nobody changed it since the editor loaded ``version``.

    The row is locked, so two concurrent saves of the same version cannot both succeed: the second is refused and
    nothing it carried is written.
    """
    if person.pk is None:
        raise ValueError("person_update takes a saved person")
    current = Person.objects.select_for_update(of=("self",)).select_related("centre", "branch").get(pk=person.pk)
    if version is None or int(version) != current.version:
        raise ValidationError(
            _(
                "Thông tin người này đã được người khác sửa (lúc %(at)s) sau khi bạn mở trang. Thay đổi của bạn chưa "
                "được lưu: hãy mở lại trang để xem thông tin mới rồi sửa lại."
            )
            % {"at": timezone.localtime(current.updated_at).strftime("%H:%M %d/%m/%Y")}
        )
    # The unit that registered the person is not edited here; a transfer would be its own service.
    person.centre_id, person.branch_id = current.centre_id, current.branch_id
    _check_unit(actor, current)
    _clean_birth(person)
    _apply_identity_check(actor=actor, person=person, previous=current)
    before = audit.snapshot(current)
    person.version = current.version + 1
    person.name_key = fold(person.full_name)
    person.full_clean()
    person.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=person, before=before)
    return person


# --- Duplicates ----------------------------------------------------------------------------------------------------


@dataclass
class Duplicate:
    """An existing person who may be the one being entered, with every reason that points to them."""

    person: Person
    reasons: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [str(DuplicateReason(r).label) for r in self.reasons]

    @property
    def strongest(self) -> str:
        return self.reasons[0]


#: At most this many candidates are returned (the strongest first).
MAX_DUPLICATES = 20
#: At most this many persons of one commune are compared by name.
MAX_COMMUNE_CANDIDATES = 300


def _similar_names(a: str, b: str) -> bool:
    """Same family name (first word) and given name (last word), or one middle name missing or added, or one letter
    typed differently in names of the same shape."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or a == b:
        return a == b and bool(wa)
    if wa[0] == wb[0] and wa[-1] == wb[-1]:
        return True
    return len(wa) == len(wb) and _within_one_edit(a, b)


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1


def find_duplicates(
    *,
    centre,
    id_number: str | None = None,
    full_name: str | None = None,
    date_of_birth: dt.date | None = None,
    birth_year: int | None = None,
    commune=None,
    exclude_pk: int | None = None,
) -> list[Duplicate]:
    """Persons of ``centre`` who may be the person being entered, strongest reason first.

    Reasons: the same identity number; the same folded name and date of birth (or the same year when either side
    knows only the year); a similar folded name in the same commune (see ``_similar_names``). Every query uses an
    index: (centre, id_number), (centre, name_key), (commune, name_key).

    The result is not scoped to a user: callers show details only of candidates the user may see
    (``Person.objects.visible_to``) and only the reason for the others.
    """
    centre_id = getattr(centre, "pk", centre)
    if not centre_id:
        return []
    base = Person.objects.filter(centre_id=centre_id).select_related("commune", "province", "branch")
    if exclude_pk:
        base = base.exclude(pk=exclude_pk)
    found: dict[int, Duplicate] = {}

    def add(people, reason):
        for p in people:
            found.setdefault(p.pk, Duplicate(person=p)).reasons.append(reason)

    number = normalise(id_number or "")
    if len(number) >= 6:
        add(base.filter(Q(id_number=number) | Q(id_number=number.upper()))[:MAX_DUPLICATES], DuplicateReason.SAME_ID)

    key = fold(full_name)
    year = date_of_birth.year if date_of_birth else birth_year
    if key and year:
        same_birth = Q(birth_year=year, date_of_birth__isnull=True)
        if date_of_birth:
            same_birth |= Q(date_of_birth=date_of_birth)
        else:
            same_birth |= Q(birth_year=year)
        add(base.filter(same_birth, name_key=key)[:MAX_DUPLICATES], DuplicateReason.SAME_NAME_BIRTH)

    commune_id = getattr(commune, "pk", commune)
    words = key.split()
    if commune_id and words:
        near = Q(name_key__startswith=words[0] + " ") | Q(name_key__endswith=" " + words[-1]) | Q(name_key=key)
        candidates = base.filter(near, commune_id=commune_id)[:MAX_COMMUNE_CANDIDATES]
        add([p for p in candidates if _similar_names(key, p.name_key)], DuplicateReason.SIMILAR_NAME_COMMUNE)

    order = list(DuplicateReason.values)
    for duplicate in found.values():
        duplicate.reasons.sort(key=order.index)
    result = sorted(found.values(), key=lambda d: (order.index(d.strongest), d.person.name_key, d.person.pk))
    return result[:MAX_DUPLICATES]


@dataclass(frozen=True)
class Identity:
    """What identifies a person coming from outside (a referral, an imported register row)."""

    full_name: str = ""
    date_of_birth: dt.date | None = None
    id_type: str = IdType.NONE
    id_number: str = ""


#: Values per ``IN (...)`` list of ``match_persons`` (well under SQLite's limit of bound variables).
_MATCH_CHUNK = 5000


def match_persons(centre, identities: list[Identity], *, load: bool = False) -> list:
    """The person already registered at ``centre`` that each identity names, or None: by identity document (type and
    normalised number) when one is given, else by folded name and exact date of birth; a birth year alone never
    matches (too weak to merge two people's records). When several persons fit, the first registered (lowest id).

    The one matching rule of referrals (``legalaid.api.services``) and of register imports (``legalaid.imports``).
    Queries: one per 5,000 ID numbers and one per 5,000 name keys, whatever the number of identities.
    ``load``: return ``Person`` objects instead of ids.
    """
    centre_id = getattr(centre, "pk", centre)
    by_id: dict[tuple[str, str], object] = {}
    by_name: dict[tuple[str, dt.date], object] = {}
    wanted_ids: dict[str, set[str]] = {}
    wanted_names: set[tuple[str, dt.date]] = set()
    keys: list[tuple] = []
    for identity in identities:
        id_type = identity.id_type or IdType.NONE
        if id_type != IdType.NONE and identity.id_number:
            key = ("id", id_type, normalise(identity.id_number, id_type))
            wanted_ids.setdefault(id_type, set()).add(key[2])
        elif identity.date_of_birth and identity.full_name:
            key = ("name", fold(identity.full_name), identity.date_of_birth)
            wanted_names.add(key[1:])
        else:
            key = None
        keys.append(key)
    people = Person.objects.filter(centre_id=centre_id).order_by("-pk")  # the lowest id is written last, and wins

    def rows(queryset):
        return queryset if load else queryset.values_list("pk", "id_type", "id_number", "name_key", "date_of_birth")

    for id_type, numbers in wanted_ids.items():
        numbers = sorted(numbers)
        for start in range(0, len(numbers), _MATCH_CHUNK):
            for row in rows(people.filter(id_type=id_type, id_number__in=numbers[start : start + _MATCH_CHUNK])):
                value, row_type, number = (row, row.id_type, row.id_number) if load else (row[0], row[1], row[2])
                by_id[(row_type, number)] = value
    if wanted_names:
        names = sorted({name for name, _day in wanted_names})
        for start in range(0, len(names), _MATCH_CHUNK):
            chunk = people.filter(name_key__in=names[start : start + _MATCH_CHUNK], date_of_birth__isnull=False)
            for row in rows(chunk):
                value, name, day = (row, row.name_key, row.date_of_birth) if load else (row[0], row[3], row[4])
                if (name, day) in wanted_names:
                    by_name[(name, day)] = value
    return [None if key is None else (by_id.get(key[1:]) if key[0] == "id" else by_name.get(key[1:])) for key in keys]


# --- Personal data rights (docs/privacy.md) --------------------------------------------------------------------------

#: Audit-trail notes of these services (shown as labels by ``legalaid.core.audit_display``).
SUBJECT_EXPORT = "subject_export"

#: Fields of a person that are bookkeeping, not data the subject asked to correct.
_BOOKKEEPING = frozenset({"updated_at", "version", "name_key", "id_confirmed_at", "id_confirmed_by_id"})


def _check_data_rights(actor, person: Person, perm: str = "people.exercise_data_rights") -> None:
    if not actor.has_perm(perm) or not Person.objects.visible_to(actor).filter(pk=person.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền thực hiện yêu cầu về dữ liệu cá nhân của người này."))


@transaction.atomic
def subject_export(*, actor, person: Person) -> bytes:
    """Everything held about ``person`` as a .zip (``people.rights``), for a data subject's request.

    Only the Centre's director, deputy director or a designated data protection officer (``people/rules.py``); the
    export is written to the audit trail and to the access log in the same transaction.
    """
    from . import rights

    _check_data_rights(actor, person)
    data = rights.collect(person)
    audit.record(actor=actor, action=AuditAction.ACTION, instance=person, message=SUBJECT_EXPORT)
    audit.log_access(user=actor, instance=person, action=AccessAction.EXPORT)
    return rights.build_zip(data)


@transaction.atomic
def correction_request_create(*, actor, person: Person, received_on: dt.date, asked: str) -> CorrectionRequest:
    """Record a data subject's request to correct their data, as received (staff who may edit persons)."""
    _check_data_rights(actor, person, "people.record_correction")
    correction = CorrectionRequest(person=person, received_on=received_on, asked=asked.strip(), received_by=actor)
    if received_on and received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày nhận yêu cầu không thể sau hôm nay.")})
    correction.full_clean()
    correction.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=correction)
    return correction


@transaction.atomic
def correction_request_decide(
    *,
    actor,
    correction: CorrectionRequest,
    decision: str,
    reason: str = "",
    person: Person | None = None,
    version: int | None = None,
) -> CorrectionRequest:
    """Decide on a correction request; an accepted change goes through ``person_update`` (its checks, its version).

    ``person`` is the person as edited on the decision page (unsaved), ``version`` the person's version it was loaded
    at. The request keeps what was changed (field -> [before, after]), the decision, its reason, who and when.
    """
    locked = CorrectionRequest.objects.select_for_update().select_related("person").get(pk=correction.pk)
    _check_data_rights(actor, locked.person)
    if locked.decision:
        raise ValidationError(_("Yêu cầu này đã được quyết định; hãy tải lại trang."))
    if decision not in CorrectionDecision.values:
        raise ValidationError({"decision": _("Hãy chọn quyết định.")})
    reason = reason.strip()
    if decision != CorrectionDecision.ACCEPTED and not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do không chấp nhận (toàn bộ hoặc một phần).")})
    before_request = audit.snapshot(locked)
    changes = {}
    if decision != CorrectionDecision.REFUSED:
        if person is None or person.pk != locked.person_id:
            raise ValidationError(_("Thiếu nội dung chỉnh sửa."))
        before = audit.snapshot(Person.objects.get(pk=person.pk))
        updated = person_update(actor=actor, person=person, version=version)
        after = audit.snapshot(updated)
        changes = {
            name: [before.get(name), value]
            for name, value in after.items()
            if name not in _BOOKKEEPING and before.get(name) != value
        }
        if not changes:
            raise ValidationError(_("Chưa có thông tin nào được sửa: hãy sửa thông tin theo yêu cầu, hoặc từ chối."))
    locked.decision, locked.reason, locked.changes = decision, reason, changes
    locked.decided_by, locked.decided_at = actor, timezone.now()
    locked.version += 1
    locked.full_clean()
    locked.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before_request)
    return locked
