"""What every portal page shows: the national hotline and the languages offered (no query)."""

from django.conf import settings


def portal(request) -> dict:
    return {
        "hotline": getattr(settings, "PORTAL_HOTLINE", "1800.1233"),
        "portal_languages": [(code, str(name)) for code, name in settings.LANGUAGES],
    }
