"""System checks of the security settings that `manage.py check --deploy` runs in CI (docs/security.md)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def second_factor_enforced(app_configs, **kwargs):
    """In production the second factor exempts no one: the setting on and the middlewares in place."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    errors = []
    if not getattr(settings, "LEGALAID_OTP_REQUIRED", False):
        errors.append(
            Error(
                "The second factor is off (LEGALAID_OTP_REQUIRED) in production.",
                hint="Unset LEGALAID_OTP_REQUIRED or set it to 1; every role that sees persons or cases needs it.",
                id="legalaid.E001",
            )
        )
    for name in ("django_otp.middleware.OTPMiddleware", "legalaid.core.otp.SecondFactorMiddleware"):
        if name not in settings.MIDDLEWARE:
            errors.append(Error(f"{name} is missing from MIDDLEWARE in production.", id="legalaid.E002", obj=name))
    return errors
