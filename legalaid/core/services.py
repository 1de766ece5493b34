"""Writes of the core app. Every function runs in a transaction, validates, saves and writes the audit trail."""

from __future__ import annotations

import datetime as dt
import re

import holidays as holidays_package
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from legalaid.core import audit, calendar, tasks
from legalaid.core.choices import AuditAction, HolidaySource, OrganisationKind, OverrideKind
from legalaid.core.models import (
    BranchCommune,
    CalendarOverride,
    CommuneFlag,
    Organisation,
    PublicHoliday,
    User,
)
from legalaid.core.scoping import scope_of


def _save(*, actor, instance, before: dict | None, message: str = "") -> None:
    instance.full_clean()
    instance.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE if before is not None else AuditAction.CREATE,
        instance=instance,
        before=before,
        message=message,
    )


def _check_centre_allowed(actor, centre: Organisation | None) -> None:
    """A Centre's administrator manages only their Centre; the deployment's superuser manages all."""
    scope = scope_of(actor)
    if scope.sees_everything:
        return
    if scope.read_only or centre is None or centre.pk not in scope.centre_ids or scope.branch_id:
        raise PermissionDenied(_("Bạn không có quyền quản lý đơn vị này."))


# --- Organisations -----------------------------------------------------------------------------------------------


def _derive_centre(organisation: Organisation) -> Organisation | None:
    if organisation.kind == OrganisationKind.CENTRE:
        return organisation
    if organisation.kind in (OrganisationKind.DOJ, OrganisationKind.DOJ_DIVISION):
        return None
    parent = organisation.parent
    if parent is None:
        return organisation.centre
    return parent if parent.kind == OrganisationKind.CENTRE else parent.centre


@transaction.atomic
def organisation_save(*, actor, organisation: Organisation) -> Organisation:
    """Create or update a unit. The tenant key (``centre``) is derived from the parent, never typed."""
    before = audit.snapshot(Organisation.objects.get(pk=organisation.pk)) if organisation.pk else None
    if organisation.kind == OrganisationKind.CENTRE:
        if organisation.parent is not None and organisation.parent.kind != OrganisationKind.DOJ:
            raise ValidationError({"parent": _("Đơn vị cấp trên của Trung tâm phải là một Sở Tư pháp.")})
        if organisation.pk is None:
            # A new Centre points to itself: save once to get its id.
            organisation.full_clean(exclude=["centre"])
            organisation.save()
        organisation.centre = organisation
    elif organisation.kind in (OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH):
        if organisation.parent is None or organisation.parent.kind != OrganisationKind.CENTRE:
            raise ValidationError({"parent": _("Phòng và Chi nhánh phải thuộc một Trung tâm.")})
        organisation.centre = organisation.parent
    elif organisation.kind == OrganisationKind.DOJ_DIVISION:
        if organisation.parent is None or organisation.parent.kind != OrganisationKind.DOJ:
            raise ValidationError({"parent": _("Phòng thuộc Sở phải có đơn vị cấp trên là Sở Tư pháp.")})
        organisation.centre = None
    elif organisation.kind == OrganisationKind.DOJ:
        organisation.parent = None
        organisation.centre = None
    else:  # partners and agencies work with one Centre
        if organisation.centre is None:
            organisation.centre = _derive_centre(organisation)
        if organisation.centre is None:
            raise ValidationError({"centre": _("Hãy chọn Trung tâm mà tổ chức, cơ quan này phối hợp.")})
    if organisation.kind == OrganisationKind.PARTNER and not organisation.partner_type:
        raise ValidationError({"partner_type": _("Hãy chọn hình thức tham gia (ký hợp đồng hoặc đăng ký).")})
    if organisation.kind == OrganisationKind.AGENCY and not organisation.agency_type:
        raise ValidationError({"agency_type": _("Hãy chọn loại cơ quan tiến hành tố tụng.")})
    if organisation.kind not in (OrganisationKind.DOJ, OrganisationKind.DOJ_DIVISION):
        _check_centre_allowed(actor, organisation.centre)
    elif not scope_of(actor).sees_everything:
        raise PermissionDenied(_("Chỉ quản trị toàn hệ thống mới quản lý Sở Tư pháp."))
    _save(actor=actor, instance=organisation, before=before)
    return organisation


@transaction.atomic
def branch_commune_add(
    *, actor, branch: Organisation, commune, valid_from: dt.date, valid_to: dt.date | None = None
) -> BranchCommune:
    """Add a commune to a branch's territory from a date."""
    if branch.kind != OrganisationKind.BRANCH:
        raise ValidationError(_("Chỉ Chi nhánh mới có địa bàn."))
    _check_centre_allowed(actor, branch.centre)
    overlapping = BranchCommune.objects.filter(commune=commune, branch__centre=branch.centre).exclude(
        valid_to__lt=valid_from
    )
    if valid_to:
        overlapping = overlapping.exclude(valid_from__gt=valid_to)
    if overlapping.exists():
        raise ValidationError({"commune": _("Xã này đang thuộc địa bàn của một Chi nhánh khác trong cùng thời gian.")})
    link = BranchCommune(branch=branch, commune=commune, valid_from=valid_from, valid_to=valid_to)
    _save(actor=actor, instance=link, before=None)
    return link


@transaction.atomic
def branch_commune_end(*, actor, link: BranchCommune, valid_to: dt.date) -> BranchCommune:
    _check_centre_allowed(actor, link.branch.centre)
    before = audit.snapshot(link)
    link.valid_to = valid_to
    _save(actor=actor, instance=link, before=before)
    return link


# --- Users -------------------------------------------------------------------------------------------------------


@transaction.atomic
def user_save(*, actor, user: User, password: str | None = None) -> User:
    """Create or update an account; the unit decides which Centre administers it.

    A new account with an e-mail address gets a message saying it exists, after commit; never its password.
    """
    before = audit.snapshot(User.objects.get(pk=user.pk)) if user.pk else None
    if user.organisation is None and not user.is_superuser:
        raise ValidationError({"organisation": _("Mỗi người dùng phải thuộc một đơn vị.")})
    if user.organisation is not None:
        org = user.organisation
        if org.kind in (OrganisationKind.DOJ, OrganisationKind.DOJ_DIVISION):
            if not scope_of(actor).sees_everything and scope_of(actor).doj_id != org.doj.pk:
                raise PermissionDenied(_("Bạn không có quyền quản lý tài khoản của Sở Tư pháp."))
        else:
            _check_centre_allowed(actor, org if org.kind == OrganisationKind.CENTRE else org.centre)
    if user.is_superuser and not scope_of(actor).sees_everything:
        raise PermissionDenied(_("Chỉ quản trị toàn hệ thống mới cấp quyền quản trị toàn hệ thống."))
    if password:
        user.set_password(password)
    elif user.pk is None:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if before is None:
        audit.record(actor=actor, action=AuditAction.CREATE, instance=user)
    else:
        after = audit.snapshot(user)
        if any(before.get(k) != v for k, v in after.items() if k != "updated_at"):
            audit.record(actor=actor, action=AuditAction.UPDATE, instance=user, before=before)
        if password:
            # Not an empty "update": an explicit row naming the account (never the password; issue 14 item 3).
            audit.record_password_reset(actor=actor, user=user)
    if before is None and user.email:
        _notify_account_created(user)
    return user


def _notify_account_created(user: User) -> None:
    """The message goes out in the interface's source language (Vietnamese), whatever language the actor uses."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Tài khoản của bạn trên hệ thống quản lý trợ giúp pháp lý đã được tạo")
        body = _(
            "Xin chào %(name)s,\n\n"
            "Tài khoản của bạn trên hệ thống quản lý trợ giúp pháp lý đã được tạo.\n"
            "Tên đăng nhập: %(username)s\n"
            "Đơn vị: %(unit)s\n\n"
            "Mật khẩu không bao giờ được gửi qua thư điện tử. Hãy nhận mật khẩu trực tiếp từ người quản trị "
            "và đổi mật khẩu ngay sau lần đăng nhập đầu tiên.\n\n"
            "Nếu bạn không chờ đợi thư này, hãy báo cho người quản trị hệ thống của đơn vị."
        ) % {
            "name": user.full_name or user.username,
            "username": user.username,
            "unit": user.organisation or _("Toàn hệ thống"),
        }
    tasks.notify_after_commit(to=user.email, subject=subject, body=body)


@transaction.atomic
def user_set_password(*, actor, user: User, password: str) -> User:
    before = audit.snapshot(user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(actor=actor, action=AuditAction.ACTION, instance=user, before=before, message=_("Đổi mật khẩu"))
    return user


@transaction.atomic
def password_reset_mail_sent(*, user: User) -> None:
    """Someone asked for a password reset link for ``user``'s address (the e-mail is queued by the caller)."""
    audit.record(actor=None, action=AuditAction.ACTION, instance=user, message=_("Gửi thư đặt lại mật khẩu"))


@transaction.atomic
def password_reset_by_email(*, user: User, password: str) -> User:
    """The user followed the e-mailed link and chose a new password: the second factor is still asked at login."""
    before = audit.snapshot(user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(
        actor=user,
        action=AuditAction.ACTION,
        instance=user,
        before=before,
        message=_("Đặt lại mật khẩu qua thư điện tử"),
    )
    return user


# --- Administrative units ----------------------------------------------------------------------------------------


@transaction.atomic
def commune_flag_save(*, actor, flag: CommuneFlag) -> CommuneFlag:
    before = audit.snapshot(CommuneFlag.objects.get(pk=flag.pk)) if flag.pk else None
    _save(actor=actor, instance=flag, before=before)
    return flag


@transaction.atomic
def commune_flag_delete(*, actor, flag: CommuneFlag) -> None:
    before = audit.snapshot(flag)
    audit.record(actor=actor, action=AuditAction.DELETE, instance=flag, before=before)
    flag.delete()


# --- Calendar ----------------------------------------------------------------------------------------------------

_SUBSTITUTED = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")

#: Days the ``holidays`` package lists that are not (yet) days off under Labour Code Art. 112: 24/11 "Ngày Văn hóa
#: Việt Nam" is only a task to amend Art. 112 (Resolution 30/NQ-CP; DOMAIN.md §9). They are not loaded; once a text
#: makes one a day off, an administrator adds it as a day-off override.
HOLIDAYS_NOT_YET_LAW = frozenset({"Ngày Văn hóa Việt Nam"})


@transaction.atomic
def holidays_load_year(*, actor, year: int) -> tuple[int, int]:
    """Load a year's public holidays from the ``holidays`` package (VN); returns (holidays added, swaps added).

    The package also marks the Saturdays worked in exchange for a bridge day ("thay cho ngày 26/04/2025"); they
    become working-day overrides. Days already present are left as an administrator edited them.
    """
    added = swaps = 0
    for day, all_names in sorted(holidays_package.country_holidays("VN", years=year, language="vi").items()):
        names = [n for n in all_names.split("; ") if n not in HOLIDAYS_NOT_YET_LAW]
        if not names:
            continue
        name = "; ".join(names)
        for one_name in names:
            match = _SUBSTITUTED.search(one_name)
            if match:
                worked = dt.date(int(match[3]), int(match[2]), int(match[1]))
                if not CalendarOverride.objects.filter(date=worked).exists():
                    override = CalendarOverride(
                        date=worked,
                        kind=OverrideKind.WORKING_DAY,
                        reason=_("Làm bù cho ngày nghỉ %(day)s") % {"day": day.strftime("%d/%m/%Y")},
                        created_by=actor,
                    )
                    _save(actor=actor, instance=override, before=None)
                    swaps += 1
        if not PublicHoliday.objects.filter(date=day).exists():
            holiday = PublicHoliday(date=day, name=name, source=HolidaySource.PACKAGE)
            _save(actor=actor, instance=holiday, before=None)
            added += 1
    calendar.invalidate()
    return added, swaps


@transaction.atomic
def calendar_override_save(*, actor, override: CalendarOverride) -> CalendarOverride:
    before = audit.snapshot(CalendarOverride.objects.get(pk=override.pk)) if override.pk else None
    if override.created_by_id is None:
        override.created_by = actor
    _save(actor=actor, instance=override, before=before)
    transaction.on_commit(calendar.invalidate)
    calendar.invalidate()
    return override


@transaction.atomic
def calendar_override_delete(*, actor, override: CalendarOverride) -> None:
    audit.record(actor=actor, action=AuditAction.DELETE, instance=override, before=audit.snapshot(override))
    override.delete()
    calendar.invalidate()
    transaction.on_commit(calendar.invalidate)
