"""The second step of the login (a code from the authenticator app, or a backup code), enrolment, new backup codes,
and an administrator's reset (legalaid.core.otp; docs/security.md)."""

from __future__ import annotations

import logging

import segno
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_login_failed
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice

from legalaid.core import audit, otp
from legalaid.core.choices import AuditAction
from legalaid.core.models import User

logger = logging.getLogger("legalaid.security")

FAILURES_KEY = "legalaid_otp_failures"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã xác thực"),
        max_length=40,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "inputmode": "text",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": gettext_lazy("Nhập mã gồm 6 chữ số hoặc một mã dự phòng.")},
    )


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _locked(request) -> bool:
    return AxesProxyHandler.is_locked(request, {settings.AXES_USERNAME_FORM_FIELD: request.user.get_username()})


def _wrong_code(request, form) -> object | None:
    """Count a wrong code: as a failed login for the lock-out (django-axes), and in the session. At the limit the
    session ends. Returns the response to send instead of the form, if any."""
    user = request.user
    user_login_failed.send(
        sender=__name__, credentials={settings.AXES_USERNAME_FORM_FIELD: user.get_username()}, request=request
    )
    failures = request.session.get(FAILURES_KEY, 0) + 1
    request.session[FAILURES_KEY] = failures
    locked = getattr(request, "axes_locked_out", False) or _locked(request)
    if failures >= settings.LEGALAID_OTP_MAX_FAILURES or locked:
        with transaction.atomic():
            audit.record(
                actor=user,
                action=AuditAction.ACTION,
                instance=user,
                message=_("Nhập sai mã xác thực %(count)d lần: phiên đăng nhập bị kết thúc") % {"count": failures},
            )
        logger.warning("second step: %s wrong codes, session ended (user id %s)", failures, user.pk)
        logout(request)
        if locked:
            return None  # AxesMiddleware answers with the lock-out page
        messages.error(request, _("Nhập sai mã xác thực quá nhiều lần. Hãy đăng nhập lại."))
        return redirect("login")
    form.add_error(
        "code",
        _("Mã không đúng hoặc đã hết hạn. Còn %(left)d lần thử.")
        % {"left": settings.LEGALAID_OTP_MAX_FAILURES - failures},
    )
    return None


def _verified(request, device):
    """The second step passed: the session now carries the device, gets a new key, and forgets its failures."""
    otp_login(request, device)
    request.session.pop(FAILURES_KEY, None)
    request.session.cycle_key()


@never_cache
@login_required
def verify(request):
    user = request.user
    next_url = _next_url(request)
    if not otp.required_for(user) or otp.is_verified(user):
        return redirect(next_url or "home")
    if not otp.is_enrolled(user):
        return redirect(otp.next_step_url(user, next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and _locked(request):
        # Locked out meanwhile (wrong passwords or codes from elsewhere): not even the right code is taken.
        logout(request)
        return render(request, "registration/locked_out.html", status=429)
    if request.method == "POST" and form.is_valid():
        code = otp.normalise_code(form.cleaned_data["code"])
        if code.isdigit():
            device = otp.totp_device(user)
        else:
            device = otp.backup_device(user)
            code = otp.backup_code_hash(code)
        allowed, _data = device.verify_is_allowed() if device else (True, None)
        if not allowed:
            form.add_error("code", _("Bạn vừa nhập sai. Đợi vài giây rồi nhập lại mã mới."))
        elif device is not None and verify_token(user, device.persistent_id, code):
            _verified(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("Bạn đã dùng một mã dự phòng; còn %(left)d mã. Mỗi mã chỉ dùng được một lần.") % {"left": left},
                )
            return redirect(next_url or "home")
        else:
            response = _wrong_code(request, form)
            if response is not None:
                return response
            if not request.user.is_authenticated:
                return render(request, "registration/locked_out.html", status=429)
    return _no_store(render(request, "registration/otp_verify.html", {"form": form, "next": next_url}))


def _qr_svg(device) -> str:
    """The otpauth:// address as an inline SVG (no style attributes: the CSP allows no inline style)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


@never_cache
@login_required
def enrol(request):
    user = request.user
    next_url = _next_url(request)
    if otp.is_enrolled(user):
        # Enrolled already: the second step, never a new key (a new key needs an administrator's reset).
        return redirect(next_url or "home") if otp.is_verified(user) else redirect(otp.next_step_url(user, next_url))
    device = otp.enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = otp.normalise_code(form.cleaned_data["code"])
        allowed, _data = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", _("Bạn vừa nhập sai. Đợi vài giây rồi nhập lại mã mới."))
        elif code.isdigit() and device.verify_token(code):
            codes = otp.enrol_confirm(user=user, device=device)
            _verified(request, device)
            return _no_store(
                render(request, "registration/otp_backup_codes.html", {"codes": codes, "next": next_url or ""})
            )
        else:
            response = _wrong_code(request, form)
            if response is not None:
                return response
            if not request.user.is_authenticated:
                return render(request, "registration/locked_out.html", status=429)
    secret = device.config_url.split("secret=", 1)[1].split("&", 1)[0]
    return _no_store(
        render(
            request,
            "registration/otp_enrol.html",
            {
                "form": form,
                "next": next_url,
                "qr_svg": _qr_svg(device),
                "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            },
        )
    )


@never_cache
@login_required
def security(request):
    """The user's own page: the second factor, new backup codes."""
    user = request.user
    backup = otp.backup_device(user)
    if request.method == "POST":
        if not otp.is_verified(user):
            raise PermissionDenied
        codes = otp.backup_codes_renew(user=user)
        return _no_store(render(request, "registration/otp_backup_codes.html", {"codes": codes, "next": ""}))
    return render(
        request,
        "registration/otp_security.html",
        {
            "enrolled": otp.is_enrolled(user),
            "verified": otp.is_verified(user),
            "backup_left": backup.token_set.count() if backup else 0,
            "required": otp.required_for(user),
        },
    )


@login_required
@require_POST
def reset(request, pk: int):
    """An administrator resets another user's second factor (core.manage_users)."""
    account = get_object_or_404(User.objects.visible_to(request.user).staff(), pk=pk)
    try:
        otp.second_factor_reset(actor=request.user, user=account)
    except PermissionDenied as error:
        raise PermissionDenied(str(error)) from error
    messages.success(
        request,
        _(
            "Đã đặt lại xác thực hai bước của %(name)s. Lần đăng nhập tới, người dùng này phải đăng ký lại ứng dụng "
            "xác thực và nhận mã dự phòng mới."
        )
        % {"name": account.full_name or account.username},
    )
    return redirect("core:user_detail", pk=account.pk)
