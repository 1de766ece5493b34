"""What every portal page shows: the national hotline and the languages offered (no query)."""

from django.conf import settings

from legalaid.core.hotlines import national_hotline, tel


def portal(request) -> dict:
    hotline = national_hotline()
    return {
        "hotline": hotline,
        "hotline_tel": tel(hotline),
        "portal_languages": [(code, str(name)) for code, name in settings.LANGUAGES],
    }
