"""The legal aid hotline numbers: one setting, ``LEGALAID_HOTLINES`` ("number|label" items separated by ";"), read
by every page's footer and by the public portal. The first number is the national one (DOMAIN.md 7: 1800.1233,
free of charge, confirmed 11/2025); a Centre adds its own after it (docs/outreach.md)."""

from django.conf import settings

#: When the setting is empty: the Ministry's national number.
NATIONAL = "1800.1233"


def parse_hotlines(text: str) -> list[tuple[str, str]]:
    """ "1800 1233|label;0205 375 75 55|label" -> [(number, label), ...]; blanks skipped."""
    rows = []
    for item in (text or "").split(";"):
        number, _sep, label = item.partition("|")
        if number.strip():
            rows.append((number.strip(), label.strip()))
    return rows


def hotlines() -> list[tuple[str, str]]:
    return parse_hotlines(getattr(settings, "LEGALAID_HOTLINES", ""))


def national_hotline() -> str:
    """The number the portal and its messages give: the first of the setting's."""
    rows = hotlines()
    return rows[0][0] if rows else NATIONAL


def tel(number: str) -> str:
    """The digits a tel: link dials ("1800.1233" -> "18001233")."""
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")
