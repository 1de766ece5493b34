"""Structural check of Vietnamese identity numbers (DOMAIN.md §10).

UNCONFIRMED (from memory): Decree 137/2015/NĐ-CP and Circular 07/2016/TT-BCA (as amended) define the 12-digit personal
identification number printed on the citizen ID card (căn cước / CCCD):

- digits 1-3: the code of the province where the birth was registered (the 63 pre-2025 provinces, Circular 07/2016,
  Appendix I; the table below);
- digit 4: sex and century of birth: 0/1 male/female born 1900-1999, 2/3 born 2000-2099, 4/5 2100-2199, 6/7
  2200-2299, 8/9 2300-2399;
- digits 5-6: the last two digits of the year of birth;
- digits 7-12: a random sequence.

The old identity card (CMND) has 9 digits and carries none of this. A passport number is free text.

Only a wrong length or a non-digit is an **error**. A province code that is not in the table, or a sex, century or
year that disagrees with what was recorded, is a **warning** that staff confirm: real records contain mistakes, and a
person must never be turned away by a validator.

Pure: no database, no settings; messages go through gettext so they follow the active language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

#: Kinds of identity document (the values of ``Person.id_type``).
CCCD = "cccd"
CMND = "cmnd"
PASSPORT = "passport"
NONE = "none"

MALE = "male"
FEMALE = "female"

#: Province codes of birth registration, Circular 07/2016/TT-BCA, Appendix I (UNCONFIRMED, from memory: check against
#: the Circular). The 63 provinces before the 2025 merger (Resolution 202/2025/QH15); numbers issued since keep them.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

_SEPARATORS = re.compile(r"[\s.\-]+")
_PASSPORT = re.compile(r"[A-Z0-9]{6,12}")


@dataclass
class CheckResult:
    """What the number says. ``errors`` block saving; ``warnings`` need a member of staff to confirm."""

    number: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    province_code: str | None = None
    province_of_birth: str | None = None
    sex: str | None = None
    birth_year: int | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def needs_confirmation(self) -> bool:
        return not self.errors and bool(self.warnings)


def normalise(number: str | None, id_type: str = CCCD) -> str:
    """The number as stored: spaces, dots and dashes removed; passports in capitals."""
    text = _SEPARATORS.sub("", number or "")
    return text.upper() if id_type == PASSPORT else text


def century_digit(sex: str, year: int) -> str:
    """Digit 4 of a CCCD for a person of ``sex`` born in ``year`` (1900-2399)."""
    return str((year // 100 - 19) * 2 + (1 if sex == FEMALE else 0))


def check_citizen_id(
    number: str | None,
    date_of_birth: dt.date | None = None,
    birth_year: int | None = None,
    sex: str | None = None,
    *,
    id_type: str = CCCD,
    today: dt.date | None = None,
) -> CheckResult:
    """Check ``number`` as a document of ``id_type`` against the recorded date (or year) of birth and sex.

    Never raises for any input: bad input is reported in ``errors``.
    """
    text = normalise(number if isinstance(number, str) else "", id_type)
    result = CheckResult(number=text)
    if id_type == NONE:
        if text:
            result.errors.append(_("Đã chọn “không có giấy tờ” nhưng lại nhập số giấy tờ."))
        return result
    if not text:
        result.errors.append(_("Hãy nhập số giấy tờ, hoặc chọn “không có giấy tờ”."))
        return result
    if id_type == PASSPORT:
        if not _PASSPORT.fullmatch(text):
            result.errors.append(_("Số hộ chiếu chỉ gồm chữ cái không dấu và chữ số, từ 6 đến 12 ký tự."))
        return result
    if id_type == CMND:
        if not (text.isascii() and text.isdigit()) or len(text) != 9:
            hint = _(" Số 12 chữ số là số căn cước (CCCD).") if len(text) == 12 and text.isdigit() else ""
            result.errors.append(_("Số chứng minh nhân dân (CMND) phải gồm đúng 9 chữ số.") + hint)
        return result
    if id_type != CCCD:
        result.errors.append(_("Loại giấy tờ không hợp lệ."))
        return result
    if not (text.isascii() and text.isdigit()):
        result.errors.append(_("Số căn cước chỉ gồm chữ số (12 chữ số)."))
        return result
    if len(text) != 12:
        hint = _(" Số 9 chữ số là chứng minh nhân dân cũ (CMND).") if len(text) == 9 else ""
        result.errors.append(_("Số căn cước phải gồm đúng 12 chữ số (đã nhập %(n)s chữ số).") % {"n": len(text)} + hint)
        return result
    _check_cccd_structure(result, date_of_birth, birth_year, sex, today or dt.date.today())
    return result


def _check_cccd_structure(result: CheckResult, date_of_birth, birth_year, sex, today: dt.date) -> None:
    text = result.number
    result.province_code = text[:3]
    result.province_of_birth = PROVINCE_CODES.get(text[:3])
    if result.province_of_birth is None:
        result.warnings.append(
            _(
                "Ba chữ số đầu (%(code)s) không phải mã tỉnh nơi đăng ký khai sinh trong danh mục 63 tỉnh "
                "(Thông tư 07/2016/TT-BCA)."
            )
            % {"code": text[:3]}
        )
    digit = int(text[3])
    result.sex = FEMALE if digit % 2 else MALE
    result.birth_year = 1900 + (digit // 2) * 100 + int(text[4:6])
    if sex in (MALE, FEMALE) and sex != result.sex:
        result.warnings.append(
            _("Chữ số thứ 4 (%(digit)s) cho biết giới tính %(id_sex)s, khác giới tính đã ghi.")
            % {"digit": digit, "id_sex": _("nữ") if result.sex == FEMALE else _("nam")}
        )
    recorded_year = date_of_birth.year if isinstance(date_of_birth, dt.date) else birth_year
    if isinstance(recorded_year, int) and not isinstance(recorded_year, bool):
        if recorded_year != result.birth_year:
            result.warnings.append(
                _("Chữ số thứ 4 đến 6 (%(digits)s) cho biết năm sinh %(id_year)s, khác năm sinh đã ghi (%(year)s).")
                % {"digits": text[3:6], "id_year": result.birth_year, "year": recorded_year}
            )
    elif result.birth_year > today.year:
        result.warnings.append(
            _("Chữ số thứ 4 đến 6 (%(digits)s) cho biết năm sinh %(id_year)s, sau năm hiện tại.")
            % {"digits": text[3:6], "id_year": result.birth_year}
        )
