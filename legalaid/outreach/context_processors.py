"""The legal aid hotline numbers, shown in every page's footer (base.html), from ``settings.LEGALAID_HOTLINES``: no
query on any page."""

from django.conf import settings


def parse_hotlines(text: str) -> list[tuple[str, str]]:
    """ "1800 1233|label;0205 375 75 55|label" -> [(number, label), ...]; blanks skipped."""
    rows = []
    for item in (text or "").split(";"):
        number, _sep, label = item.partition("|")
        if number.strip():
            rows.append((number.strip(), label.strip()))
    return rows


def hotlines(request):
    return {"hotlines": parse_hotlines(getattr(settings, "LEGALAID_HOTLINES", ""))}
