"""The parts of the state document format (Decree 30/2020/NĐ-CP, Appendix I; DOMAIN.md §13) that come from data:
the heading of the issuing unit, the place and date line, the signer, and how a person is addressed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from legalaid.core.choices import OrganisationKind
from legalaid.lib.formatting import format_date
from legalaid.people.choices import IdType, Sex

#: An identity paper as printed before its number: the interface's labels carry form hints ("(12 số)") that a paper
#: must not print. The 12-digit number is the personal identification number, printed on the căn cước card (Law on
#: Identity 2023) and on the older căn cước công dân card alike.
PRINTED_ID_TYPES = {
    IdType.CCCD: "Căn cước số",
    IdType.CMND: "Chứng minh nhân dân số",
    IdType.PASSPORT: "Hộ chiếu số",
}
#: The sex as printed: nothing when it is not recorded (the interface's "Khác / không rõ" is a choice, not a fact).
PRINTED_SEX = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}

#: The issuing body of a Centre's papers, printed in bold under its Department of Justice.
CENTRE_ISSUER = "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"
#: Prefixes dropped from a province's name in the place line ("Thành phố Hà Nội" -> "Hà Nội").
PROVINCE_PREFIXES = ("thành phố ", "tỉnh ")
#: The blank left for the clerk's hand-written number ("Số:        /TB-TGPL").
BLANK_NUMBER = " " * 8


def vn_document_date(place: str, date: dt.date | dt.datetime) -> str:
    """ "Lạng Sơn, ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading zero (Decree 30)."""
    if isinstance(date, dt.datetime):
        date = timezone.localtime(date).date() if timezone.is_aware(date) else date.date()
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def centre_of(unit):
    return unit if unit.kind == OrganisationKind.CENTRE else unit.centre


def place_of(unit) -> str:
    """The place in the date line: the province of the unit (or of its Centre), without "Tỉnh" / "Thành phố"."""
    province = unit.province or (centre_of(unit).province if centre_of(unit) else None)
    if province is None:
        return "..."
    name = province.name
    for prefix in PROVINCE_PREFIXES:
        if name.lower().startswith(prefix):
            return name[len(prefix) :]
    return name


def unit_heading(unit) -> dict[str, str]:
    """The left column of the heading: the superior body over the issuing body, both upper case.

    A Centre writes under its Department of Justice; a branch writes under its Centre (the body that directly
    manages it, as Decree 30 asks), with its own name as the issuing body.
    """
    centre = centre_of(unit)
    if unit.kind == OrganisationKind.BRANCH:
        return {"superior_name": centre.name.upper(), "issuer_name": unit.name.upper()}
    doj = centre.parent if centre else None
    return {"superior_name": doj.name.upper() if doj else "SỞ TƯ PHÁP", "issuer_name": CENTRE_ISSUER}


def letterhead(unit, *, on_date, symbol: str = "TB-TGPL") -> dict[str, str]:
    """Every variable of the Decree 30 heading and signature block of a paper issued by ``unit`` on ``on_date``."""
    is_branch = unit.kind == OrganisationKind.BRANCH
    return {
        **unit_heading(unit),
        "document_number": BLANK_NUMBER,
        "document_symbol": symbol,
        "place_date": vn_document_date(place_of(unit), on_date),
        "unit_name": unit.name,
        "unit_address": unit.address_display or (centre_of(unit).address_display if centre_of(unit) else ""),
        "signer_title": "TRƯỞNG CHI NHÁNH" if is_branch else "GIÁM ĐỐC",
        "signer_name": unit.head_name,
    }


def title_of(person) -> str:
    """How the paper addresses a person: "ông", "bà", or "ông/bà" when the sex is not recorded."""
    return {Sex.MALE: "ông", Sex.FEMALE: "bà"}.get(person.sex, "ông/bà")


def person_fields(person) -> dict[str, str]:
    """A person as printed on the papers."""
    id_text = ""
    if person.id_number and person.id_type in PRINTED_ID_TYPES:
        id_text = f"{PRINTED_ID_TYPES[person.id_type]} {person.id_number}"
    return {
        "name": person.full_name,
        "sex": PRINTED_SEX.get(person.sex, ""),
        "birth": format_date(person.date_of_birth) or (str(person.birth_year) if person.birth_year else ""),
        "birth_year": str(person.year_of_birth or ""),
        "ethnicity": str(person.ethnicity or ""),
        "id_text": id_text or "không có",
        "address": person.address_display or person.old_address,
        "phone": person.phone,
        "title": title_of(person),
    }
