"""Writes of outreach: sessions and their photos, yearly targets, mobile sessions sent from a device, hotline calls.

Each service runs in one transaction, checks the actor's right over the unit, validates, saves and writes the audit
row. Requests are received through ``legalaid.intake.services.request_receive`` (the one place of intake's rules),
persons through ``legalaid.people.services.person_create``, complaints through ``legalaid.feedback.services
.entry_register``: this module never copies their rules."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.scoping import scope_of
from legalaid.lib.uploads import content_matches, extension, max_upload_bytes

from .choices import PLACE_FORMS, CallOutcome, EntryStatus, OutreachForm
from .models import AUDIENCE_PARTS, HotlineCall, MobileEntry, OutreachSession, OutreachTarget, SessionPhoto

PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png")


def _require(actor, perm: str, obj=None) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def unit_of(actor):
    """The Centre and branch an actor works for: what they record belongs there."""
    org = actor.organisation
    if org is None or actor.centre is None:
        raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
    if scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    return actor.centre, (org if org.kind == OrganisationKind.BRANCH else None)


# --- Sessions --------------------------------------------------------------------------------------------------------


def check_session(session: OutreachSession) -> None:
    """The rules of a session's record (docs/outreach.md "Rules"); errors keyed by field."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if session.date and session.date > today:
        errors["date"] = _("Ngày truyền thông không được sau hôm nay.")
    if session.form in PLACE_FORMS and not session.commune_id:
        errors["commune"] = _("Hình thức này diễn ra tại một xã: hãy chọn xã, phường, đặc khu.")
    province_id = session.centre.province_id if session.centre_id else None
    if session.commune_id and province_id and session.commune.province_id != province_id:
        errors["commune"] = _("Xã, phường này không thuộc tỉnh, thành phố của Trung tâm.")
    total = session.audience_total or 0
    for part in AUDIENCE_PARTS:
        if (getattr(session, part) or 0) > total:
            errors[part] = _("Không được lớn hơn tổng số người tham dự (%(total)s).") % {"total": total}
    if session.cost is not None and session.cost < 0:
        errors["cost"] = _("Kinh phí không được âm.")
    if session.organiser_id and (session.organiser.centre is None or session.organiser.centre.pk != session.centre_id):
        errors["organiser"] = _("Người chủ trì phải là cán bộ của Trung tâm.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(*, actor, session: OutreachSession, languages=()) -> OutreachSession:
    """Record a session held by the actor's unit (branch staff: their branch)."""
    _require(actor, "outreach.add_session")
    session.centre, session.branch = unit_of(actor)
    session.created_by = actor
    session.topic = (session.topic or "").strip()
    check_session(session)
    session.version = 1
    session.full_clean()
    session.save()
    session.languages.set(languages)
    audit.record(actor=actor, action=AuditAction.CREATE, instance=session)
    return session


@transaction.atomic
def session_update(*, actor, session: OutreachSession, version: int, languages=()) -> OutreachSession:
    """Save the edited ``session`` if nobody saved it since the editor loaded ``version`` (the row is locked)."""
    locked = OutreachSession.objects.select_for_update().get(pk=session.pk)
    _require(actor, "outreach.change_session", locked)
    if locked.version != version:
        raise ValidationError(
            _("Lượt truyền thông này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất.")
        )
    before = audit.snapshot(locked)
    session.centre_id, session.branch_id = locked.centre_id, locked.branch_id
    session.created_by_id, session.client_key = locked.created_by_id, locked.client_key
    session.topic = (session.topic or "").strip()
    check_session(session)
    session.version = locked.version + 1
    session.full_clean()
    session.save()
    session.languages.set(languages)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=session, before=before)
    return session


@transaction.atomic
def photo_add(*, actor, session: OutreachSession, upload) -> SessionPhoto:
    """Attach a photo (JPEG or PNG, checked by its content, within ``UPLOAD_MAX_MB``)."""
    _require(actor, "outreach.change_session", session)
    if upload is None:
        raise ValidationError({"file": _("Hãy chọn một tệp ảnh.")})
    ext = extension(upload)
    if ext not in PHOTO_EXTENSIONS or not content_matches(upload, ext):
        raise ValidationError({"file": _("Chỉ nhận ảnh JPEG hoặc PNG (nội dung tệp phải đúng loại ảnh).")})
    if upload.size > max_upload_bytes():
        raise ValidationError(
            {"file": _("Tệp lớn hơn giới hạn %(mb)s MB.") % {"mb": max_upload_bytes() // (1024 * 1024)}}
        )
    photo = SessionPhoto(session=session, file=upload, original_name=upload.name[:255], uploaded_by=actor)
    photo.full_clean()
    photo.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=photo, centre_id=session.centre_id)
    return photo


# --- Targets ---------------------------------------------------------------------------------------------------------


@transaction.atomic
def target_save(*, actor, target: OutreachTarget) -> OutreachTarget:
    """Set a unit's yearly target. A branch head sets their branch's; the director any unit of the Centre."""
    centre, branch = unit_of(actor)
    target.centre = centre
    if branch is not None:
        target.branch = branch
    if target.branch_id and (
        target.branch.kind != OrganisationKind.BRANCH or target.branch.centre_id != target.centre_id
    ):
        raise ValidationError({"branch": _("Chi nhánh phải thuộc Trung tâm.")})
    _require(actor, "outreach.set_target", target)
    if not 2000 <= (target.year or 0) <= 2100:
        raise ValidationError({"year": _("Năm phải từ 2000 đến 2100.")})
    before = audit.snapshot(OutreachTarget.objects.get(pk=target.pk)) if target.pk else None
    target.full_clean()
    target.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE if before else AuditAction.CREATE, instance=target, before=before
    )
    return target


# --- Persons behind a request (mobile entries, hotline referrals) ---------------------------------------------------


@dataclass
class PersonData:
    """What is typed about the person who asks, on a device or on the phone (no identity number: papers are checked
    when intake decides)."""

    full_name: str
    sex: str
    birth_year: int | None = None
    phone: str = ""
    commune_id: int | None = None


class NeedsDecision(Exception):
    """Persons already registered who may be this one: staff must choose (never merged silently)."""

    def __init__(self, duplicates):
        super().__init__("likely duplicate person")
        self.duplicates = duplicates


def duplicates_of(centre, data: PersonData):
    from legalaid.people.services import find_duplicates

    return find_duplicates(centre=centre, full_name=data.full_name, birth_year=data.birth_year, commune=data.commune_id)


def person_for(*, actor, centre, data: PersonData, choice: str = ""):
    """The person a request is for. ``choice``: "" (none yet), "new" (register a new person although similar ones
    exist) or the id of an existing person the actor sees. With no choice and a likely duplicate: ``NeedsDecision``."""
    from legalaid.people.choices import IdType
    from legalaid.people.models import Person
    from legalaid.people.services import person_create

    if choice and choice != "new":
        from legalaid.lib.parsing import parse_id

        person = Person.objects.visible_to(actor).filter(pk=parse_id(choice) or 0).first()
        if person is None or person.centre_id != centre.pk:
            raise ValidationError({"person_choice": _("Người đã chọn không có trong danh sách của Trung tâm.")})
        return person
    if not choice:
        duplicates = duplicates_of(centre, data)
        if duplicates:
            raise NeedsDecision(duplicates)
    person = Person(
        full_name=data.full_name.strip(),
        sex=data.sex,
        birth_year=data.birth_year,
        phone=data.phone.strip(),
        commune_id=data.commune_id,
        id_type=IdType.NONE,
        id_number="",
    )
    return person_create(actor=actor, person=person)


def receive_request(*, actor, person, channel: str, field_of_law, summary: str, received_at=None, desired_form=None):
    """A request in the intake queue, received through intake's own service."""
    from legalaid.intake.models import FormOfAid, LegalAidRequest
    from legalaid.intake.services import request_receive

    request = LegalAidRequest(
        channel=channel,
        requester=person,
        beneficiary=person,
        field_of_law=field_of_law,
        desired_form=desired_form or FormOfAid.objects.get(code="advice"),
        summary=summary.strip(),
        received_at=received_at or timezone.now(),
    )
    return request_receive(actor=actor, request=request)


# --- Mobile sessions sent from a device ------------------------------------------------------------------------------


@dataclass
class EntryResult:
    key: str
    status: str  # "received", "needs_decision" or "error"
    errors: dict = field(default_factory=dict)
    request_id: int | None = None

    def as_json(self) -> dict:
        return {"key": self.key, "status": self.status, "errors": self.errors, "request": self.request_id}


def _uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _text(data: dict, name: str, limit: int) -> str:
    value = data.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _int(data: dict, name: str, low: int, high: int) -> int | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError({name: _("Hãy nhập một số nguyên.")}) from None
    if not low <= number <= high:
        raise ValidationError({name: _("Giá trị phải từ %(low)s đến %(high)s.") % {"low": low, "high": high}})
    return number


def _commune(data: dict, centre, name: str = "commune"):
    from legalaid.core.models import Commune

    raw = data.get(name)
    if raw in (None, ""):
        return None
    commune = Commune.objects.filter(pk=int(raw) if str(raw).isdigit() and len(str(raw)) < 10 else 0).first()
    if commune is None or (centre.province_id and commune.province_id != centre.province_id):
        raise ValidationError({name: _("Xã, phường không thuộc tỉnh, thành phố của Trung tâm.")})
    return commune


def _session_from(actor, data: dict) -> OutreachSession:
    """The mobile session a device sends (created the first time its key is seen)."""
    from legalaid.lib.parsing import parse_date

    key = _uuid(data.get("key"))
    if key is None:
        raise ValidationError({"key": _("Thiếu mã buổi lưu động trên thiết bị.")})
    existing = OutreachSession.objects.visible_to(actor).filter(client_key=key).first()
    if existing is not None:
        return existing
    if OutreachSession.objects.filter(client_key=key).exists():
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    centre, _branch = unit_of(actor)
    date = parse_date(_text(data, "date", 20))
    if date is None:
        raise ValidationError({"date": _("Hãy nhập ngày theo dạng dd/mm/yyyy.")})
    session = OutreachSession(
        form=OutreachForm.MOBILE,
        date=date,
        commune=_commune(data, centre),
        place=_text(data, "place", 255),
        topic=_text(data, "topic", 500) or _("Trợ giúp pháp lý lưu động"),
        audience_total=_int(data, "audience_total", 0, 100000) or 0,
        notes=_text(data, "notes", 4000),
        organiser=actor,
        client_key=key,
    )
    try:
        with transaction.atomic():
            return session_create(actor=actor, session=session)
    except IntegrityError:
        # The same device sent the same session at the same moment: the other sending created it.
        return OutreachSession.objects.visible_to(actor).get(client_key=key)


def _entry_data(data: dict, centre) -> tuple[PersonData, dict]:
    from legalaid.intake.models import FieldOfLaw
    from legalaid.people.choices import Sex

    errors = {}
    full_name = _text(data, "full_name", 120)
    if not full_name:
        errors["full_name"] = _("Hãy nhập họ và tên.")
    sex = _text(data, "sex", 8)
    if sex not in Sex.values:
        errors["sex"] = _("Hãy chọn giới tính.")
    summary = _text(data, "summary", 4000)
    if not summary:
        errors["summary"] = _("Hãy ghi tóm tắt nội dung yêu cầu.")
    field_of_law = FieldOfLaw.objects.filter(code=_text(data, "field_of_law", 30)).first()
    if field_of_law is None:
        errors["field_of_law"] = _("Hãy chọn lĩnh vực.")
    elif not field_of_law.in_scope:
        errors["field_of_law"] = _("Lĩnh vực kinh doanh, thương mại không thuộc phạm vi trợ giúp pháp lý (Điều 27).")
    try:
        birth_year = _int(data, "birth_year", 1900, timezone.localdate().year)
    except ValidationError as error:
        errors.update(error.message_dict)
        birth_year = None
    try:
        commune = _commune(data, centre)
    except ValidationError as error:
        errors.update(error.message_dict)
        commune = None
    if errors:
        raise ValidationError(errors)
    person = PersonData(
        full_name=full_name,
        sex=sex,
        birth_year=birth_year,
        phone=_text(data, "phone", 40),
        commune_id=commune.pk if commune else None,
    )
    clean = {
        "full_name": full_name,
        "sex": sex,
        "birth_year": birth_year,
        "phone": person.phone,
        "commune": person.commune_id,
        "field_of_law": field_of_law.code,
        "summary": summary,
        "typed_at": _text(data, "typed_at", 40),
    }
    return person, clean


def _typed_at(value: str, session: OutreachSession) -> dt.datetime:
    """When the entry was typed on the device (its clock), kept within the session's day and never in the future."""
    now = timezone.now()
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        moment = None
    if moment is None or timezone.is_naive(moment) or moment > now:
        return now
    if timezone.localdate(moment) != session.date:
        return now
    return moment


def _receive_entry(actor, entry: MobileEntry, person) -> None:
    from legalaid.intake.choices import Channel
    from legalaid.intake.models import FieldOfLaw

    data = entry.payload
    entry.request = receive_request(
        actor=actor,
        person=person,
        channel=Channel.MOBILE_SESSION,
        field_of_law=FieldOfLaw.objects.get(code=data["field_of_law"]),
        summary=data["summary"],
        received_at=_typed_at(data.get("typed_at", ""), entry.session),
    )
    entry.status = EntryStatus.RECEIVED
    entry.save(update_fields=["request", "status", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=entry, centre_id=entry.session.centre_id)


def entry_receive(*, actor, session: OutreachSession, data: dict) -> EntryResult:
    """One request typed on the device. Its key claims the row first, so a second sending (or two at once) finds the
    first and creates nothing; everything of one entry is saved together or not at all."""
    key = _uuid(data.get("key"))
    if key is None:
        return EntryResult(str(data.get("key", ""))[:40], "error", {"key": _("Thiếu mã yêu cầu trên thiết bị.")})
    existing = MobileEntry.objects.filter(client_key=key).first()
    if existing is not None:
        if existing.session_id != session.pk:
            return EntryResult(str(key), "error", {"key": _("Mã này đã dùng cho buổi lưu động khác.")})
        return EntryResult(str(key), existing.status, request_id=existing.request_id)
    try:
        with transaction.atomic():
            person_data, clean = _entry_data(data, session.centre)
            entry = MobileEntry(
                session=session,
                client_key=key,
                payload=clean,
                status=EntryStatus.NEEDS_DECISION,
                created_by=actor,
            )
            entry.save()
            audit.record(actor=actor, action=AuditAction.CREATE, instance=entry, centre_id=session.centre_id)
            try:
                person = person_for(actor=actor, centre=session.centre, data=person_data)
            except NeedsDecision:
                return EntryResult(str(key), EntryStatus.NEEDS_DECISION)
            _receive_entry(actor, entry, person)
            return EntryResult(str(key), EntryStatus.RECEIVED, request_id=entry.request_id)
    except ValidationError as error:
        return EntryResult(str(key), "error", _messages(error))
    except IntegrityError:
        again = MobileEntry.objects.filter(client_key=key).first()
        if again is None:
            raise
        return EntryResult(str(key), again.status, request_id=again.request_id)


def _messages(error: ValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return {k: " ".join(str(m) for m in v) for k, v in error.message_dict.items()}
    return {"__all__": " ".join(str(m) for m in error.messages)}


def mobile_sync(*, actor, data: dict) -> dict:
    """What a device sends when the connection returns: one mobile session and the requests typed during it.

    The session is created once (its key), then each entry in its own transaction: an entry with an error stays on
    the device with its messages, the others are received."""
    _require(actor, "outreach.add_session")
    if not actor.has_perm("intake.add_request"):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    if not isinstance(data, dict):
        raise ValidationError(_("Dữ liệu gửi lên không đúng định dạng."))
    session = _session_from(actor, data.get("session") if isinstance(data.get("session"), dict) else {})
    entries = data.get("entries") if isinstance(data.get("entries"), list) else []
    results = [
        entry_receive(actor=actor, session=session, data=e if isinstance(e, dict) else {}) for e in entries[:200]
    ]
    return {"session": session.pk, "entries": [r.as_json() for r in results]}


@transaction.atomic
def entry_decide(*, actor, entry: MobileEntry, choice: str) -> MobileEntry:
    """Staff's decision on an entry whose person may already be registered: an existing person, or a new one."""
    locked = (
        MobileEntry.objects.select_for_update(of=("self",))
        .select_related("session", "session__centre")
        .get(pk=entry.pk)
    )
    _require(actor, "outreach.change_session", locked.session)
    if not actor.has_perm("intake.add_request"):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    if locked.status != EntryStatus.NEEDS_DECISION:
        raise ValidationError({"person_choice": _("Yêu cầu này đã được xử lý.")})
    if not choice:
        raise ValidationError({"person_choice": _("Hãy chọn một người đã có hoặc đăng ký người mới.")})
    data = locked.payload
    person_data = PersonData(
        full_name=data["full_name"],
        sex=data["sex"],
        birth_year=data.get("birth_year"),
        phone=data.get("phone", ""),
        commune_id=data.get("commune"),
    )
    person = person_for(actor=actor, centre=locked.session.centre, data=person_data, choice=choice)
    _receive_entry(actor, locked, person)
    return locked


# --- Hotline ---------------------------------------------------------------------------------------------------------


@dataclass
class IntakeReferral:
    person: PersonData
    choice: str = ""


@dataclass
class ComplaintReferral:
    kind: str
    ground: str = ""


@transaction.atomic
def call_record(
    *,
    actor,
    call: HotlineCall,
    intake: IntakeReferral | None = None,
    complaint: ComplaintReferral | None = None,
) -> HotlineCall:
    """Record a hotline call and what it led to: an answer, a request received in the intake queue (channel
    "phone"), or an entry in the register of feedback and complaints (source "hotline")."""
    from legalaid.feedback.choices import Source
    from legalaid.feedback.models import FeedbackEntry
    from legalaid.feedback.services import entry_register
    from legalaid.intake.choices import Channel

    _require(actor, "outreach.add_call")
    call.centre, call.branch = unit_of(actor)
    call.taken_by = actor
    call.topic = (call.topic or "").strip()
    if call.called_at and call.called_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"called_at": _("Thời điểm gọi không được sau lúc này.")})
    if call.outcome == CallOutcome.ANSWERED and not (call.answer or "").strip():
        raise ValidationError({"answer": _("Hãy ghi nội dung đã trả lời, hướng dẫn.")})
    if call.outcome == CallOutcome.TO_INTAKE:
        if intake is None or not intake.person.full_name.strip():
            raise ValidationError({"caller_name": _("Hãy nhập họ và tên người cần trợ giúp để tiếp nhận yêu cầu.")})
        if call.field_of_law_id is None:
            raise ValidationError({"field_of_law": _("Hãy chọn lĩnh vực của yêu cầu.")})
        if not actor.has_perm("intake.add_request"):
            raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
        person = person_for(actor=actor, centre=call.centre, data=intake.person, choice=intake.choice)
        call.request = receive_request(
            actor=actor,
            person=person,
            channel=Channel.PHONE,
            field_of_law=call.field_of_law,
            summary=call.topic,
            received_at=call.called_at,
        )
    if call.outcome == CallOutcome.TO_COMPLAINTS:
        if complaint is None or not complaint.kind:
            raise ValidationError({"complaint_kind": _("Hãy chọn loại phản ánh, kiến nghị, khiếu nại.")})
        entry = FeedbackEntry(
            source=Source.HOTLINE,
            kind=complaint.kind,
            ground=complaint.ground,
            received_on=timezone.localdate(call.called_at),
            sender_name=call.caller_name.strip()[:120],
            sender_contact=call.caller_phone.strip()[:200],
            content=call.topic,
        )
        try:
            call.feedback_entry = entry_register(actor=actor, entry=entry)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "ground" in error.error_dict:
                raise ValidationError({"complaint_ground": error.error_dict["ground"]}) from error
            raise
    call.full_clean()
    call.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=call)
    return call
