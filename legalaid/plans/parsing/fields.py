"""The parts of a task line: field labels in their many spellings, unit lists, deadlines inside a sentence, and
numeric targets ("100%", "trên 50 buổi", "ít nhất 02 vụ việc/người/năm").

All matching runs on the folded text (``fold_chars``: no accents, lowercase, same length), so "Đơn vị chủ trì",
"Don vi chu tri" and "ĐƠN VỊ CHỦ TRÌ" are one label, and the values come back as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._text import fold_chars
from .timeframes import Timeframe, parse_timeframe

LEAD, PARTNERS, TIME, OUTPUT = "lead", "partners", "time", "output"
#: A time label that names a deadline ("Thời hạn:", "Hạn hoàn thành:"): a single day is the end, not a span.
DEADLINE = "deadline"

# Longest spellings first inside each group; the regex alternation tries them in this order.
_LABELS: dict[str, tuple[str, ...]] = {
    LEAD: (
        "phan cong don vi thuc hien",
        "phan cong don vi chu tri",
        "phan cong thuc hien",
        "phan cong nhiem vu",
        "co quan, don vi chu tri",
        "don vi chu tri thuc hien",
        "co quan chu tri thuc hien",
        "don vi chu tri",
        "co quan chu tri",
        "bo phan chu tri",
        "chu tri thuc hien",
        "don vi chiu trach nhiem",
        "trach nhiem thuc hien",
        "don vi thuc hien",
        "co quan thuc hien",
        "bo phan thuc hien",
        "nguoi thuc hien",
        "don vi trien khai",
        "co quan, don vi thuc hien",
        "don vi tham muu",
        "bo phan tham muu",
        "don vi phu trach",
        "nguoi phu trach",
        "co quan dau moi",
        "don vi dau moi",
        "dau moi",
        "trach nhiem",
        "phan cong",
        "chu tri",
        "thuc hien",
    ),
    PARTNERS: (
        "co quan, don vi phoi hop",
        "don vi phoi hop thuc hien",
        "co quan phoi hop thuc hien",
        "don vi phoi hop",
        "co quan phoi hop",
        "bo phan phoi hop",
        "phoi hop thuc hien",
        "phoi hop",
    ),
    TIME: (
        "thoi gian thuc hien",
        "thoi gian trien khai",
        "thoi gian to chuc",
        "thoi gian du kien",
        "tien do thuc hien",
        "tien do hoan thanh",
        "thoi gian",
        "tien do",
    ),
    DEADLINE: (
        "thoi gian hoan thanh",
        "thoi han hoan thanh",
        "thoi han thuc hien",
        "han hoan thanh",
        "thoi han",
    ),
    OUTPUT: (
        "ket qua/san pham",
        "ket qua, san pham",
        "ket qua va san pham",
        "hinh thuc san pham",
        "ket qua thuc hien",
        "ket qua dau ra",
        "ket qua can dat duoc",
        "ket qua can dat",
        "ket qua du kien",
        "san pham dau ra",
        "san pham du kien",
        "san pham",
        "ket qua",
    ),
}


def _label_pattern(label: str) -> str:
    out = re.escape(label)
    out = out.replace(r"\ ", r"\s+").replace("/", r"\s*/\s*").replace(",", r"\s*,\s*")
    return out


_ALL_LABELS = sorted(((label, kind) for kind, labels in _LABELS.items() for label in labels), key=lambda x: -len(x[0]))
_KIND_OF = {label: kind for label, kind in _ALL_LABELS}
_LABEL_ALT = "|".join(f"(?P<l{i}>{_label_pattern(label)})" for i, (label, _) in enumerate(_ALL_LABELS))
#: A label at the start of a line (after any bullet).
_LEADING_LABEL = re.compile(rf"^\(?\s*(?:{_LABEL_ALT})\s*\)?\s*[:：]")
#: A label inside a line: after a sentence break, a semicolon, a comma, an opening bracket or a dash.
_INLINE_LABEL = re.compile(rf"(?:^|(?<=[.;,(])|(?<=[.;,(]\s)|(?<=\s[-–]\s))\s*(?:{_LABEL_ALT})\s*[:：]")


def _kind(match: re.Match) -> str:
    for i, (_label, kind) in enumerate(_ALL_LABELS):
        if match.group(f"l{i}"):
            return kind
    return ""


def leading_label(text: str) -> tuple[str, str] | None:
    """``("lead", "Phòng Nghiệp vụ;")`` when ``text`` starts with a field label and a colon."""
    m = _LEADING_LABEL.match(fold_chars(text))
    if not m:
        return None
    return _kind(m), text[m.end() :].strip()


def split_inline_fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split "Tổ chức hội nghị. Chủ trì: Phòng NV; Thời gian: Quý II/2025" into the text before the first label and
    the (kind, value) pairs after it."""
    f = fold_chars(text)
    matches = list(_INLINE_LABEL.finditer(f))
    if not matches:
        return text, []
    head = text[: matches[0].start()].rstrip(" ;,(-–")
    pairs = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        pairs.append((_kind(m), text[m.end() : end].strip(" ;,)")))
    return head, pairs


# --- Units ---------------------------------------------------------------------------------------------------------

#: Words that begin a unit's name: a comma or "và" before one of them separates two units.
_UNIT_START = re.compile(
    r"^(?:phong|trung tam|so|chi nhanh|van phong|dai|bao|uy ban|ubnd|hdnd|hoi|doan|cong an|toa an|tand|vien|vksnd|"
    r"cac|nhung|cuc|bo|ban|truong|co quan|don vi|to chuc|ca nhan|lanh dao|giam doc|pho giam doc|tro giup vien|"
    r"luat su|cong tac vien|vien chuc|can bo|ngan hang|mat tran|mttq|tinh doan|thanh doan|lien doan|cong ty|"
    r"doanh nghiep|nhom|to |nguoi|hdphln|vu |thanh tra|kho bac|bao hiem|hoc vien|tap chi|cong thong tin|"
    r"trang thong tin|bo chi huy|bien phong|ubmttq)"
)
#: A generic word that, alone, only introduces the next one: "các cơ quan, tổ chức liên quan" is one unit.
_BARE_GENERIC = {
    "co quan",
    "cac co quan",
    "don vi",
    "cac don vi",
    "to chuc",
    "cac to chuc",
    "so",
    "cac so",
    "ban",
    "cac ban",
    "nganh",
    "ca nhan",
    "cac ca nhan",
}
_ROLE_SUFFIX = re.compile(r"\s*(?:\(\s*)?(?:chu tri|thuc hien|phoi hop)(?:\s*\))?\s*$")
_LEAD_PREFIX = re.compile(r"^(?:giao cho|giao|do|phan cong)\s+")
_PARTNER_SPLIT = re.compile(r"[,;]?\s*\(?\s*phoi hop(?:\s+voi)?\s*:?\s*")
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}")


def _starts_unit(original: str) -> bool:
    return bool(_UNIT_START.match(fold_chars(original).strip())) or bool(_ACRONYM.match(original.strip()))


def split_units(value: str) -> list[str]:
    """ "Phòng HC-TH, Các Chi nhánh;" -> ["Phòng HC-TH", "Các Chi nhánh"]; a comma or "và" inside a name ("Sở Văn hóa,
    Thể thao và Du lịch", "Đài Phát thanh và Truyền hình tỉnh") does not split it."""
    units: list[str] = []
    for part in re.split(r"[;\n]+", value or ""):
        pieces: list[str] = []
        for chunk in re.split(r",\s*", part):
            for j, piece in enumerate(re.split(r"\s+và\s+", chunk, flags=re.IGNORECASE)):
                piece = piece.strip(" .;:,-–")
                if not piece:
                    continue
                if pieces and not _starts_unit(piece):
                    pieces[-1] += (" và " if j else ", ") + piece
                else:
                    pieces.append(piece)
        merged: list[str] = []
        carry = ""
        for piece in pieces:
            if carry:
                piece = f"{carry}, {piece}"
                carry = ""
            if fold_chars(piece).strip() in _BARE_GENERIC:
                carry = piece
                continue
            merged.append(piece)
        if carry:
            merged.append(carry)
        units.extend(merged)
    cleaned = []
    for unit in units:
        f = fold_chars(unit)
        prefix = _LEAD_PREFIX.match(f)
        if prefix:
            unit, f = unit[prefix.end() :], f[prefix.end() :]
        suffix = _ROLE_SUFFIX.search(f)
        if suffix and suffix.start() > 0:
            unit = unit[: suffix.start()]
        unit = unit.strip(" .;:,()-–")
        if unit and unit not in cleaned:
            cleaned.append(unit)
    return cleaned


def lead_and_partners(value: str) -> tuple[list[str], list[str]]:
    """A lead field may name partners too: "Phòng Nghiệp vụ chủ trì, phối hợp với Phòng HC-TH"."""
    f = fold_chars(value)
    m = _PARTNER_SPLIT.search(f)
    if m and m.start() > 0:
        return split_units(value[: m.start()]), split_units(value[m.end() :])
    return split_units(value), []


# --- A unit before a colon ("+ Phòng Nghiệp vụ: Phân công ...") ----------------------------------------------------

_UNIT_PREFIX = re.compile(
    r"^((?:cac\s+)?(?:phong|trung tam|chi nhanh|so|van phong|ban|uy ban|ubnd|dai|bao|hoi dong|hoi|doan|cong an|"
    r"toa an|vien kiem sat|lanh dao|giam doc|pho giam doc|cuc|to|nhom|tro giup vien|cong tac vien)\b[^:.;]{0,80}):\s+"
)


def unit_prefix(text: str) -> tuple[str, str] | None:
    """("Phòng Nghiệp vụ", "Phân công viên chức ...") when a line starts with a unit's name and a colon."""
    m = _UNIT_PREFIX.match(fold_chars(text))
    if not m or len(m.group(1).split()) > 12:
        return None
    return text[: m.end(1)].strip(), text[m.end() :].strip()


_SUBJECT = re.compile(
    r"^((?:cac\s+)?(?:phong|trung tam|chi nhanh|so|van phong|ban|uy ban|ubnd|lanh dao|giam doc|pho giam doc|cuc)"
    r"\b[^:.;,]{0,60}?)\s+(?:to chuc|xay dung|phan cong|nghien cuu|thuc hien|chu tri|tham muu|bao cao|gui|hoan thien|"
    r"ra soat|trien khai|tong hop|theo doi|don doc|ban hanh|danh gia|nhan xet|phan bien|cu|lap|soan thao)\b"
)


def subject_unit(text: str) -> str:
    """ "Trung tâm tổ chức sinh hoạt chuyên đề ..." -> "Trung tâm": the unit that is the subject of the sentence."""
    m = _SUBJECT.match(fold_chars(text))
    if not m or len(m.group(1).split()) > 10:
        return ""
    return text[: m.end(1)].strip()


# --- Deadlines inside a sentence -------------------------------------------------------------------------------------

_DEADLINE = re.compile(
    r"\b(?:truoc ngay|truoc thang|truoc quy|cham nhat(?: la)?(?: vao)?(?: ngay)?|han chot|"
    r"hoan thanh (?:trong|truoc|vao)|tu ngay|tu thang|trong (?:thang|quy)|vao (?:ngay|thang|quy)|den het ngay|"
    r"den ngay)\s"
)
_BRACKETED = re.compile(r"\(([^()]{0,20}\b(?:ngay|thang|quy|nam)\b[^()]{0,40})\)")


def find_deadline(text: str, *, default_year: int | None = None) -> Timeframe | None:
    """The time frame written inside a sentence ("... cho ý kiến trước ngày 15/3/2025."), if any."""
    f = fold_chars(text)
    for m in _DEADLINE.finditer(f):
        end = len(text)
        stop = re.search(r"[;.](?!\d)|[:)]", f[m.end() :])
        if stop:
            end = m.end() + stop.start()
        phrase = text[m.start() : end].strip(" ,")
        result = parse_timeframe(phrase, default_year=default_year)
        if result.start or result.end:
            return result
    for m in _BRACKETED.finditer(f):
        result = parse_timeframe(text[m.start(1) : m.end(1)].strip(), default_year=default_year)
        if result.start or result.end:
            return result
    return None


# --- Numeric targets -------------------------------------------------------------------------------------------------

_UNIT_WORDS = (
    "vu viec",
    "buoi",
    "luot nguoi",
    "luot",
    "hoi nghi",
    "hoi thao",
    "lop",
    "nguoi",
    "cuoc",
    "chuyen de",
    "chuyen muc",
    "chuyen trang",
    "tin bai",
    "bai viet",
    "bai",
    "tin",
    "phong su",
    "dot",
    "to gap",
    "to roi",
    "tai lieu",
    "cuon",
    "van ban",
    "ke hoach",
    "bao cao",
    "cau lac bo",
    "diem",
    "xa",
    "lan",
    "truong hop",
    "doan",
    "vien chuc",
    "luat su",
    "tro giup vien phap ly",
    "tro giup vien",
    "cong tac vien",
    "mo hinh",
    "video",
    "clip",
    "san pham",
    "quyet dinh",
    "bien ban",
    "ho so",
    "phien toa",
    "thon",
    "bang",
    "pano",
    "hop thu",
    "so tay",
    "an pham",
    "ban",
    "so",
    "vu",
)
_UNIT_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _UNIT_WORDS)
_TARGET = re.compile(
    r"(?<![\d/.,])(?:(?:tren|hon|it nhat|toi thieu|khong duoi|khong it hon|dat|dam bao|khoang|tu)\s+)?"
    r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*"
    rf"(%|phan tram\b|(?:{_UNIT_ALT})\b(?:\s*/\s*[a-z]+(?:\s+[a-z]+)?)*)"
)
_NOT_A_TARGET_BEFORE = re.compile(r"(?:\bso|\bngay|\bthang|\bnam|\bquy|\bdieu|\bkhoan|\bdiem|/)\s*$")


@dataclass(frozen=True)
class Target:
    text: str
    value: int | float
    unit: str

    def to_json(self) -> dict:
        return {"text": self.text, "value": self.value, "unit": self.unit}


def _number(raw: str) -> int | float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return int(raw.replace(".", ""))
    if "," in raw:
        value = float(raw.replace(",", "."))
        return int(value) if value.is_integer() else value
    return int(raw)


def _clause(text: str, f: str, start: int, end: int) -> str:
    left = max((m.end() for m in re.finditer(r"[.;:\n](?!\d)", f[:start])), default=0)
    right_m = re.search(r"[.;\n](?!\d)", f[end:])
    right = end + right_m.start() if right_m else len(text)
    clause = text[left:right].strip(" \n-–+•,:")
    return clause if len(clause) <= 300 else clause[:299] + "…"


def find_targets(*texts: str) -> list[dict]:
    """Numeric targets in the texts, each with the clause that gives it meaning."""
    found: list[dict] = []
    for text in texts:
        if not text:
            continue
        f = fold_chars(text)
        for m in _TARGET.finditer(f):
            if _NOT_A_TARGET_BEFORE.search(f[: m.start()]):
                continue
            unit = text[m.start(2) : m.end(2)].strip()
            if fold_chars(unit).startswith("phan tram"):
                unit = "%"
            item = Target(_clause(text, f, m.start(), m.end()), _number(m.group(1)), unit).to_json()
            if item not in found:
                found.append(item)
    return found
