"""Writes of the training app: training events and their participants, the court duty roster and the people helped
during duty. Each function is one transaction, checks the actor's right over the unit, validates, saves and writes
the audit trail; a ``ValidationError`` names the field it belongs to, so the form shows it beside the field."""

from __future__ import annotations

import os
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AgencyType, AuditAction, OrganisationKind
from legalaid.core.scoping import scope_of
from legalaid.lib.formatting import format_date
from legalaid.lib.uploads import content_matches, extension, max_upload_bytes

from . import requirement
from .choices import HelpKind
from .models import DutyHelp, DutySlot, Participation, TrainingEvent

#: Certificates are scans or photos.
CERTIFICATE_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")


def _unit_of(actor):
    """The Centre and branch the actor records for."""
    if scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    org = actor.organisation
    if org is None or actor.centre is None:
        raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
    return actor.centre, (org if org.kind == OrganisationKind.BRANCH else None)


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _check_version(obj, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise ValidationError(
            _("Bản ghi này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."), code="stale"
        )


# --- Training events ---------------------------------------------------------------------------------------------


def check_hours(hours: Decimal | None, event: TrainingEvent, field: str = "hours") -> None:
    """Hours attended: more than 0 and no more than the event's days allow (``training.max_hours_per_day``)."""
    if hours is None:
        raise ValidationError({field: _("Hãy nhập số giờ tham dự.")}, code="required")
    if hours <= 0:
        raise ValidationError({field: _("Số giờ tham dự phải lớn hơn 0.")}, code="min")
    if event.starts_on and event.ends_on and event.ends_on >= event.starts_on:
        limit = requirement.max_hours(event.starts_on, event.ends_on)
        if limit is not None and hours > limit:
            raise ValidationError(
                {
                    field: _(
                        "Số giờ tham dự (%(hours)s) vượt quá mức có thể của %(days)s ngày tập huấn "
                        "(tối đa %(max)s giờ)."
                    )
                    % {"hours": requirement.hours_text(hours), "days": event.days, "max": requirement.hours_text(limit)}
                },
                code="max",
            )


def _check_provider(event: TrainingEvent, provider, field: str = "provider") -> None:
    if provider.centre_id != event.centre_id:
        raise ValidationError({field: _("Người này không thuộc Trung tâm.")}, code="centre")


def check_certificate(upload) -> None:
    """A certificate scan: PDF or image, within the size limit, whose content matches its extension."""
    if not upload:
        return
    name = os.path.basename(getattr(upload, "name", "") or "")
    ext = extension(upload)
    if ext not in CERTIFICATE_EXTENSIONS:
        raise ValidationError(
            {
                "certificate_file": _("Tệp “%(name)s” không đúng loại: chỉ nhận %(types)s.")
                % {"name": name, "types": ", ".join(CERTIFICATE_EXTENSIONS)}
            },
            code="type",
        )
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            {"certificate_file": _("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.") % {"name": name, "mb": limit >> 20}},
            code="size",
        )
    if upload.size == 0 or not content_matches(upload, ext):
        raise ValidationError(
            {
                "certificate_file": _("Tệp “%(name)s” không đúng loại: nội dung không phải tệp %(ext)s.")
                % {"name": name, "ext": ext}
            },
            code="type",
        )


def _save_participation(*, actor, participation: Participation, before: dict | None, upload=None) -> Participation:
    event = participation.event
    _check_provider(event, participation.provider)
    check_hours(participation.hours, event)
    if participation.certificate_date and participation.certificate_date < event.starts_on:
        raise ValidationError(
            {"certificate_date": _("Ngày cấp giấy chứng nhận không thể trước ngày bắt đầu tập huấn.")}, code="range"
        )
    if upload:
        check_certificate(upload)
        participation.certificate_file = upload
        participation.certificate_name = os.path.basename(upload.name)[:255]
    if before is None and Participation.objects.filter(event=event, provider_id=participation.provider_id).exists():
        raise ValidationError({"provider": _("Người này đã có trong danh sách tham dự.")}, code="unique")
    participation.full_clean()
    try:
        with transaction.atomic():
            participation.save()
    except IntegrityError as error:
        raise ValidationError({"provider": _("Người này đã có trong danh sách tham dự.")}, code="unique") from error
    audit.record(
        actor=actor,
        action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
        instance=participation,
        before=before,
        centre_id=event.centre_id,
    )
    return participation


@transaction.atomic
def event_create(*, actor, event: TrainingEvent, participants=(), hours: Decimal | None = None) -> TrainingEvent:
    """Record a training event and, in the same transaction, its participants with the hours each attended."""
    event.centre, event.branch = _unit_of(actor)
    _require(actor, "training.manage_event", event)
    event.recorded_by = actor
    event.full_clean()
    event.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=event)
    participants = list(participants)
    if participants:
        try:
            check_hours(hours, event)
        except ValidationError as error:
            raise ValidationError({"hours": error.message_dict["hours"]}) from error
    for provider in participants:
        _save_participation(
            actor=actor, participation=Participation(event=event, provider=provider, hours=hours), before=None
        )
    return event


@transaction.atomic
def event_update(*, actor, event: TrainingEvent, expected_version: int | None = None) -> TrainingEvent:
    """Save the changed fields of an event; the participants' hours must still fit its days."""
    locked = TrainingEvent.objects.select_for_update().get(pk=event.pk)
    _require(actor, "training.manage_event", locked)
    _check_version(locked, expected_version)
    before = audit.snapshot(locked)
    event.centre_id, event.branch_id, event.recorded_by_id = locked.centre_id, locked.branch_id, locked.recorded_by_id
    event.full_clean()
    if event.ends_on >= event.starts_on:
        limit = requirement.max_hours(event.starts_on, event.ends_on)
        over = (
            event.participations.filter(hours__gt=limit).select_related("provider").first()
            if limit is not None
            else None
        )
        if over is not None:
            raise ValidationError(
                {
                    "ends_on": _(
                        "%(name)s đã được ghi %(hours)s giờ, nhiều hơn mức có thể của %(days)s ngày (%(max)s giờ): "
                        "sửa số giờ của người đó trước."
                    )
                    % {
                        "name": over.provider.full_name,
                        "hours": requirement.hours_text(over.hours),
                        "days": event.days,
                        "max": requirement.hours_text(limit),
                    }
                },
                code="max",
            )
    event.version = locked.version + 1
    event.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=event, before=before)
    return event


@transaction.atomic
def participant_add(*, actor, participation: Participation, upload=None) -> Participation:
    _require(actor, "training.manage_event", participation.event)
    return _save_participation(actor=actor, participation=participation, before=None, upload=upload)


@transaction.atomic
def participant_update(*, actor, participation: Participation, upload=None) -> Participation:
    stored = Participation.objects.select_for_update().get(pk=participation.pk)
    _require(actor, "training.manage_event", participation.event)
    if stored.provider_id != participation.provider_id or stored.event_id != participation.event_id:
        raise ValidationError(_("Không thể đổi người tham dự; hãy xóa và thêm người mới."), code="provider")
    return _save_participation(actor=actor, participation=participation, before=audit.snapshot(stored), upload=upload)


@transaction.atomic
def participant_remove(*, actor, participation: Participation) -> None:
    _require(actor, "training.manage_event", participation.event)
    before = audit.snapshot(participation)
    centre_id = participation.event.centre_id
    audit.record(actor=actor, action=AuditAction.DELETE, instance=participation, before=before, centre_id=centre_id)
    participation.delete()


# --- Court duty --------------------------------------------------------------------------------------------------


def _duty_taken_error():
    return ValidationError(
        {"provider": _("Người này đã được xếp lịch trực vào buổi này (mỗi người một nơi trực trong một buổi).")},
        code="unique",
    )


@transaction.atomic
def duty_schedule(*, actor, slot: DutySlot) -> DutySlot:
    """Put a provider on duty at a court or an online hearing point on a day and session."""
    slot.centre, slot.branch = _unit_of(actor)
    _require(actor, "training.manage_duty", slot)
    slot.created_by = actor
    if slot.provider_id and (slot.provider.centre_id != slot.centre.pk or not slot.provider.is_active):
        raise ValidationError({"provider": _("Người này không thuộc Trung tâm hoặc đã ngừng thực hiện TGPL.")})
    court = slot.court if slot.court_id else None
    if court is not None and (
        court.kind != OrganisationKind.AGENCY
        or court.agency_type != AgencyType.COURT
        or court.centre_id != slot.centre.pk
    ):
        raise ValidationError({"court": _("Hãy chọn một tòa án trong danh sách cơ quan của Trung tâm.")})
    if DutySlot.objects.filter(provider_id=slot.provider_id, date=slot.date, session=slot.session).exists():
        raise _duty_taken_error()
    slot.full_clean()
    try:
        with transaction.atomic():
            slot.save()
    except IntegrityError as error:  # two schedulers at once: the database constraint decides
        raise _duty_taken_error() from error
    audit.record(actor=actor, action=AuditAction.CREATE, instance=slot)
    return slot


@transaction.atomic
def duty_cancel(*, actor, slot: DutySlot) -> None:
    """Take a duty off the roster; one with people already helped stays (their records point to it)."""
    _require(actor, "training.manage_duty", slot)
    if slot.helps.exists():
        raise ValidationError(_("Buổi trực đã ghi nhận người được giúp nên không thể hủy."), code="used")
    audit.record(actor=actor, action=AuditAction.DELETE, instance=slot, before=audit.snapshot(slot))
    slot.delete()


def _in_person_channel(actor):
    from legalaid.intake.choices import Channel

    return Channel.IN_PERSON_BRANCH if actor.branch is not None else Channel.IN_PERSON_CENTRE


@transaction.atomic
def duty_help_matter(*, actor, slot: DutySlot, matter) -> DutyHelp:
    """A person helped on duty with a simple answer: entered in intake's book of simple matters
    (``intake.services.simple_matter_record``, Law Art. 32(2)) and linked to the duty."""
    from legalaid.intake.services import simple_matter_record

    _require(actor, "training.record_duty_help", slot)
    _check_held(slot)
    matter.channel = _in_person_channel(actor)
    matter = simple_matter_record(actor=actor, matter=matter)
    return _link(actor=actor, slot=slot, kind=HelpKind.SIMPLE_MATTER, simple_matter=matter, person=matter.person)


@transaction.atomic
def duty_help_request(*, actor, slot: DutySlot, request) -> DutyHelp:
    """A person helped on duty who asks for legal aid: a new request received through
    ``intake.services.request_receive`` (Law Art. 29), waiting in the intake queue for its decision."""
    from legalaid.intake.services import request_receive

    _require(actor, "training.record_duty_help", slot)
    _check_held(slot)
    request.channel = _in_person_channel(actor)
    request = request_receive(actor=actor, request=request)
    return _link(actor=actor, slot=slot, kind=HelpKind.REQUEST, request=request, person=request.beneficiary)


def _check_held(slot: DutySlot) -> None:
    if slot.date > _today():
        raise ValidationError(_("Buổi trực ngày %(date)s chưa diễn ra.") % {"date": format_date(slot.date)})


def _link(*, actor, slot: DutySlot, kind: str, person, **record) -> DutyHelp:
    help_row = DutyHelp(slot=slot, kind=kind, person=person, recorded_by=actor, **record)
    help_row.full_clean()
    help_row.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=help_row, centre_id=slot.centre_id)
    return help_row


def _today():
    from django.utils import timezone

    return timezone.localdate()
