"""Writes of the API app: create and revoke keys, receive an agency's referral (through intake's ``request_receive``
and people's ``person_create``: no second copy of their rules)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction, OrganisationKind, Role
from legalaid.core.models import Organisation, User
from legalaid.core.scoping import Scope
from legalaid.intake.choices import Channel
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.intake.services import ReferralData, request_receive
from legalaid.people.choices import IdType
from legalaid.people.models import Person
from legalaid.people.services import Identity, match_persons, person_create

from . import keys
from .choices import SCOPES_BY_KIND, KeyKind
from .models import ApiKey, ApiReferral

# --- Keys ----------------------------------------------------------------------------------------------------------


def key_owners(actor):
    """The units whose keys ``actor`` manages: their own Centre; every Centre and Department for the superuser."""
    if actor.is_superuser:
        return Organisation.objects.filter(kind__in=[OrganisationKind.CENTRE, OrganisationKind.DOJ])
    centre = actor.centre
    if centre is None or actor.branch is not None:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk=centre.pk)


def _check_manager(actor, owner) -> None:
    if not actor.has_perm("api.manage_keys") or not key_owners(actor).filter(pk=owner.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền quản lý khóa API của đơn vị này."))


@transaction.atomic
def key_create(
    *,
    actor,
    name: str,
    kind: str,
    owner: Organisation,
    scopes,
    agency: Organisation | None = None,
    expires_at: dt.datetime | None = None,
) -> tuple[ApiKey, str]:
    """Create a key and its service account; return the key and its secret, which is shown this once only."""
    _check_manager(actor, owner)
    scopes = sorted(set(scopes))
    errors = {}
    if not name.strip():
        errors["name"] = _("Hãy đặt tên cho kết nối.")
    if kind not in KeyKind.values:
        errors["kind"] = _("Loại kết nối không hợp lệ.")
    elif not scopes:
        errors["scopes"] = _("Hãy chọn ít nhất một phạm vi.")
    elif not set(scopes) <= SCOPES_BY_KIND[kind]:
        errors["scopes"] = _("Loại kết nối này không được cấp phạm vi: %(scopes)s.") % {
            "scopes": ", ".join(sorted(set(scopes) - SCOPES_BY_KIND[kind]))
        }
    if kind == KeyKind.AGENCY:
        if agency is None or agency.kind != OrganisationKind.AGENCY or agency.centre_id != owner.pk:
            errors["agency"] = _("Hãy chọn một cơ quan tiến hành tố tụng làm việc với Trung tâm.")
    else:
        agency = None
    if expires_at is not None and expires_at <= timezone.now():
        errors["expires_at"] = _("Ngày hết hạn phải sau hôm nay.")
    if errors:
        raise ValidationError(errors)
    prefix, secret = keys.new_secret()
    # The key's own account: no password (it never logs in), named after the key in the logs.
    user = User(
        username=f"api-{prefix}",
        full_name=(_("Khóa API: %(name)s") % {"name": name.strip()})[:120],
        role=Role.AGENCY_OFFICER if kind == KeyKind.AGENCY else "",
        organisation=agency if kind == KeyKind.AGENCY else owner,
        is_system_account=True,
    )
    user.set_unusable_password()
    user.save()
    key = ApiKey(
        name=name.strip(),
        kind=kind,
        prefix=prefix,
        key_hash=keys.digest(secret),
        scopes=scopes,
        owner=owner,
        agency=agency,
        user=user,
        expires_at=expires_at,
        created_by=actor,
    )
    key.full_clean()
    key.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=key)
    return key, f"{prefix}.{secret}"


@transaction.atomic
def key_revoke(*, actor, key: ApiKey) -> ApiKey:
    """Revoke a key for good: it authenticates nothing from now on, and its account is deactivated."""
    _check_manager(actor, key.owner)
    key = ApiKey.objects.select_for_update().get(pk=key.pk)
    if key.revoked_at is not None:
        return key
    before = audit.snapshot(key)
    key.revoked_at = timezone.now()
    key.revoked_by = actor
    key.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    User.objects.filter(pk=key.user_id).update(is_active=False)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=key, before=before, message=_("Thu hồi khóa API"))
    return key


# --- Referrals -----------------------------------------------------------------------------------------------------


@contextmanager
def _as_intake_of(actor):
    """The agency's account writes the person and the request into the Centre it refers to, as the Centre's intake
    desk records a referral on paper (Law Art. 31(3)); it still reads only its own referrals
    (``RequestQuerySet.assigned_q``). The writing scope lasts for this block only."""
    previous = getattr(actor, "_legalaid_scope", None)
    actor._legalaid_scope = Scope(centre_ids=frozenset({actor.centre.pk}))
    try:
        yield
    finally:
        if previous is None:
            del actor._legalaid_scope
        else:
            actor._legalaid_scope = previous


def _find_person(centre, data: dict) -> Person | None:
    """The same person already registered at the Centre (``people.services.match_persons``: by ID number, else by
    folded name and birth date)."""
    identity = Identity(
        full_name=data.get("full_name") or "",
        date_of_birth=data.get("date_of_birth"),
        id_type=data.get("id_type") or IdType.NONE,
        id_number=data.get("id_number") or "",
    )
    return match_persons(centre, [identity], load=True)[0]


def _prefixed(error: ValidationError, prefix: str) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError({f"{prefix}.{k}": v for k, v in error.message_dict.items()})
    return ValidationError({prefix: error.messages})


def referral_receive(*, actor, data: dict, key: ApiKey | None = None) -> tuple[LegalAidRequest, bool]:
    """Receive a referral posted by an agency (its key's account, or its officer's session).

    Idempotent on (agency, agency reference): the same reference returns the request made the first time
    (``created`` False), enforced by a unique constraint when two posts race. The 12 h / 24 h clock of Law Art. 31(3)
    is intake's (``referral_notify_hours``), counted from the time the person asked at the agency.
    """
    agency = actor.organisation
    if actor.role != Role.AGENCY_OFFICER or agency is None or agency.kind != OrganisationKind.AGENCY:
        raise PermissionDenied(_("Chỉ cơ quan tiến hành tố tụng được gửi văn bản chuyển yêu cầu."))
    if agency.centre_id is None:
        raise PermissionDenied(_("Cơ quan chưa được gắn với một Trung tâm."))
    reference = data["agency_reference"].strip()
    existing = ApiReferral.objects.filter(agency=agency, agency_reference=reference).select_related("request").first()
    if existing is not None:
        return existing.request, False
    try:
        with transaction.atomic():
            request = _receive(actor=actor, agency=agency, reference=reference, data=data, key=key)
    except IntegrityError:
        existing = ApiReferral.objects.filter(agency=agency, agency_reference=reference).select_related("request")
        if not existing.exists():
            raise
        return existing.first().request, False
    return request, True


def _receive(*, actor, agency, reference: str, data: dict, key) -> LegalAidRequest:
    person_data = data["person"]
    field_of_law = FieldOfLaw.objects.filter(code=data.get("field_of_law") or "criminal").first()
    if field_of_law is None:
        raise ValidationError({"field_of_law": _("Không có lĩnh vực pháp luật mang mã này.")})
    with _as_intake_of(actor):
        person = _find_person(agency.centre, person_data)
        if person is None:
            person = Person(
                full_name=" ".join(person_data["full_name"].split()),
                sex=person_data["sex"],
                date_of_birth=person_data.get("date_of_birth"),
                birth_year=person_data.get("birth_year"),
                id_type=person_data.get("id_type") or IdType.NONE,
                id_number=person_data.get("id_number") or "",
                id_warnings_confirmed=bool(person_data.get("id_checked")),
                phone=person_data.get("phone") or "",
                street=person_data.get("address") or "",
            )
            try:
                person = person_create(actor=actor, person=person)
            except ValidationError as error:
                raise _prefixed(error, "person") from None
        request = LegalAidRequest(
            channel=Channel.REFERRAL,
            requester=person,
            beneficiary=person,
            field_of_law=field_of_law,
            desired_form=FormOfAid.objects.get(code="litigation"),
            summary=data["summary"],
            court_case_reference=data.get("court_case_reference") or "",
            court_appointed=True,
        )
        request = request_receive(
            actor=actor,
            request=request,
            referral=ReferralData(
                agency=agency,
                procedural_status=data["procedural_status"],
                requested_at_agency=data["requested_at_agency"],
                officer_name=data.get("officer_name") or "",
                referral_number=reference,
                referral_date=data.get("referral_date"),
            ),
        )
    row = ApiReferral(agency=agency, agency_reference=reference, request=request, key=key)
    row.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=row, centre_id=request.centre_id)
    return request
