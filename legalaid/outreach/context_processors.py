"""The legal aid hotline numbers, shown in every page's footer (base.html), from ``settings.LEGALAID_HOTLINES``
(``legalaid.core.hotlines``): no query on any page."""

from legalaid.core.hotlines import hotlines as configured_hotlines


def hotlines(request):
    return {"hotlines": configured_hotlines()}
