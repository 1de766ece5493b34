"""The second factor: TOTP (an authenticator app) with single-use backup codes, through django-otp.

Who must use it (docs/security.md): every account of a role in ``SECOND_FACTOR_ROLES`` and every superuser. Those are
all the roles of ``core.choices.Role``, because every one of them sees persons or cases (``core.scoping``):

* director, deputy director, legal aid officer, intake officer, branch head, administrative staff: their Centre or
  branch, persons and cases included;
* lawyer, collaborator, agency officer: the cases assigned to or referred by them, with the persons in them;
* DoJ officer: every Centre of the province, read-only;
* system administrator: the whole Centre, and the accounts (a password reset of anyone);
* superuser: everything.

An active account with no role and no superuser flag sees nothing and is not asked for a code. The setting
``LEGALAID_OTP_REQUIRED`` turns enforcement off in development and the tests; production refuses to start without it
(settings) and ``check --deploy`` fails (``legalaid.core.checks``).

Backup codes: django-otp's static device keeps its tokens in plain text. Here the device's tokens are hashes of the
codes (``backup_code_hash``), never the codes: the user sees the codes once, at enrolment or when making new ones.
A code is 16 random base32 characters (80 bits), so an unsalted SHA-256 is enough (no dictionary can cover the space),
and the hash fits django-otp's 16-character token column as 16 base32 characters of the digest (80 bits).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from legalaid.core import audit
from legalaid.core.choices import AuditAction, Role

logger = logging.getLogger("legalaid.security")

#: Roles that must verify a second factor (all of them: each sees persons or cases; module docstring).
SECOND_FACTOR_ROLES = frozenset(Role)

BACKUP_CODE_COUNT = 10
BACKUP_CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
DEVICE_NAME = "default"


# --- Who, and is this session through -----------------------------------------------------------------------------


def enforced() -> bool:
    return bool(getattr(settings, "LEGALAID_OTP_REQUIRED", True))


def required_for(user) -> bool:
    """Whether ``user`` must verify a second factor (whatever the setting)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser or user.role in SECOND_FACTOR_ROLES)


def is_verified(user) -> bool:
    """Whether this request's session has passed the second step (django-otp's OTPMiddleware sets ``otp_device``)."""
    return getattr(user, "otp_device", None) is not None


def pending(user) -> bool:
    """The session is logged in with a password but still owes its second factor."""
    return enforced() and required_for(user) and not is_verified(user)


def totp_device(user, *, confirmed: bool | None = True) -> TOTPDevice | None:
    devices = TOTPDevice.objects.devices_for_user(user, confirmed=confirmed)
    return devices.order_by("-pk").first()


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


def is_enrolled(user) -> bool:
    return totp_device(user) is not None


# --- Backup codes ---------------------------------------------------------------------------------------------------


def normalise_code(code: str) -> str:
    """What a user typed, without spaces and dashes, lower-cased (codes are shown as ``abcd-efgh-ijkl-mnop``)."""
    return "".join(ch for ch in (code or "").lower() if ch not in " -\t")


def backup_code_hash(code: str) -> str:
    """The value stored for one backup code: 16 base32 characters of its SHA-256 (module docstring)."""
    digest = hashlib.sha256(b"legalaid-backup-code:" + normalise_code(code).encode()).digest()
    return base64.b32encode(digest).decode().lower()[:16]


def new_backup_codes() -> list[str]:
    """Ten new codes, each 16 random base32 characters in four groups."""
    codes = []
    for _i in range(BACKUP_CODE_COUNT):
        raw = "".join(secrets.choice(BACKUP_CODE_ALPHABET) for _j in range(16))
        codes.append("-".join(raw[i : i + 4] for i in range(0, 16, 4)))
    return codes


def _replace_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    codes = new_backup_codes()
    StaticToken.objects.bulk_create([StaticToken(device=device, token=backup_code_hash(code)) for code in codes])
    return codes


# --- Services -------------------------------------------------------------------------------------------------------


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device whose QR code the enrolment page shows (a new key if there is none)."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def enrol_confirm(*, user, device: TOTPDevice) -> list[str]:
    """The user typed a right code from their new app: the device becomes theirs, older devices go, and ten backup
    codes are made. Returns the codes (shown once, never stored)."""
    if device.user_id != user.pk:
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _replace_backup_codes(user)
    audit.record(
        actor=user, action=AuditAction.ACTION, instance=user, message=_("Đăng ký xác thực hai bước (ứng dụng xác thực)")
    )
    return codes


@transaction.atomic
def backup_codes_renew(*, user) -> list[str]:
    """New backup codes for a verified user; the old ones stop working."""
    if not is_enrolled(user):
        raise PermissionDenied
    codes = _replace_backup_codes(user)
    audit.record(actor=user, action=AuditAction.ACTION, instance=user, message=_("Tạo mã dự phòng mới"))
    return codes


@transaction.atomic
def second_factor_reset(*, actor, user):
    """An administrator removes ``user``'s authenticator and backup codes: they enrol again at their next login
    (and any session of theirs that passed the second step no longer counts as verified)."""
    from legalaid.core.models import User

    if not actor.has_perm("core.manage_users") or not User.objects.visible_to(actor).filter(pk=user.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền đặt lại xác thực hai bước của tài khoản này."))
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    audit.record(
        actor=actor,
        action=AuditAction.ACTION,
        instance=user,
        message=_("Đặt lại xác thực hai bước của %(username)s (người đặt lại: %(actor)s)")
        % {"username": user.username, "actor": actor.username},
    )
    logger.warning("second factor reset: user id %s by user id %s (%s devices)", user.pk, actor.pk, removed)
    return user


def set_totp_key(*, user, key_hex: str) -> TOTPDevice:
    """Give ``user`` a confirmed TOTP device with this key (the ``otp_enrol`` command: provisioning, CI, the demo)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=key_hex, confirmed=True)
        audit.record(
            actor=None,
            action=AuditAction.ACTION,
            instance=user,
            message=_("Đặt khóa xác thực hai bước bằng lệnh quản trị"),
        )
    return device


# --- The door -------------------------------------------------------------------------------------------------------


def exempt_paths() -> tuple[str, ...]:
    """Pages a session that owes its second factor may open."""
    return (
        reverse("login"),
        reverse("logout"),
        reverse("otp_verify"),
        reverse("otp_enrol"),
        reverse("set_language"),
        settings.STATIC_URL,
    )


def next_step_url(user, next_url: str = "") -> str:
    name = "otp_verify" if is_enrolled(user) else "otp_enrol"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class SecondFactorMiddleware:
    """Every page refuses a session that logged in with a password but has not passed the second step: a page is
    redirected to the step (enrolment when the user has no authenticator yet), an htmx request gets an HX-Redirect
    header there. Placed after django-otp's OTPMiddleware and django-htmx's HtmxMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and pending(user) and not request.path.startswith(exempt_paths()):
            next_url = request.get_full_path() if request.method == "GET" and not request.htmx else ""
            target = next_step_url(user, next_url)
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return HttpResponseRedirect(target)
        return self.get_response(request)
