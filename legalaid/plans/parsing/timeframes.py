"""Time frames as Centres write them in their plans, normalised to a start, an end and a recurrence.

``parse_timeframe("Quý II - III năm 2020")`` gives start 01/04/2020 and end 30/09/2020; ``"Thường xuyên trong năm
2020"`` gives the whole year with recurrence "regular"; ``"Chậm nhất 05 ngày làm việc kể từ ngày nhận hồ sơ"`` gives no
dates but 5 working days from an event (the deadline itself is computed later with the working-day calendar,
``legalaid.core.calendar.add_working_days``, once the event has a date). Text the parser does not understand keeps its
words and gets no dates: it never raises, and a person corrects it on the review page.

Conventions (how offices read these phrases, not rules of law):
- "trước ngày 15/3/2025", "chậm nhất ngày ...", "hạn chót ..." set the end only, on that day; "trước tháng 6/2025"
  ends the day before the month begins.
- "Từ X đến (hết) Y" spans from the start of X to the end of Y; "Từ X" alone sets the start only, "Đến (hết) Y" the
  end only.
- A month, quarter, half or year without its own year takes the next year written after it ("tháng 10 và tháng
  11/2022"), else the previous one, else ``default_year`` (the plan's year).
- "đầu năm" is read as the first quarter and "cuối năm" as the last; "6 tháng đầu năm" as January to June.
- A recurrence without a year ("Thường xuyên", "Hàng năm") covers ``default_year`` when it is given.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ._text import clean, fold_chars

RECURRENCES = ("", "yearly", "regular", "monthly", "quarterly")

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QNUM = r"(?:iv|iii|ii|i|[1-4])(?![a-z0-9])"
_SEP = r"\s*(?:,|;|-|va|hoac)\s*"
_YEAR_TAIL = r"(?:\s*(?:/|-|,)?\s*(?:nam\s+)?((?:19|20)\d{2})(?!\d))?"

_RECURRENCE_PATTERNS = (
    ("monthly", re.compile(r"\b(?:hang|moi|dinh ky hang) thang\b")),
    ("quarterly", re.compile(r"\b(?:hang|moi|dinh ky hang) quy\b")),
    ("yearly", re.compile(r"\b(?:hang|moi|dinh ky hang) nam\b|\bthuong nien\b")),
    ("regular", re.compile(r"\bthuong xuyen\b|\bxuyen suot\b|\blien tuc\b")),
)
_RELATIVE = re.compile(r"(\d{1,3})\s*ngay\s+lam\s+viec")
_RELATIVE_EVENT = re.compile(r"\b(?:ke tu|tinh tu|sau khi|sau)\s+")
_FROM = re.compile(r"\btu\s+(?=(?:ngay|thang|quy|nam|dau|cuoi|\d))")
_TO = re.compile(r"\b(?:den|toi)\s+(?:het\s+)?(?=(?:ngay|thang|quy|nam|dau|cuoi|\d))")
_BEFORE = re.compile(
    r"\b(?:truoc|cham nhat(?: la)?(?: vao)?|han chot|han cuoi|khong muon hon|khong qua)\s+(?:ngay\s+)?"
)
_WHOLE_YEAR_WORDS = re.compile(r"\b(?:ca nam|trong nam|nam nay)\b")

_FULL_DATE = re.compile(r"(?<![\d/.])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_WORD_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?nam\s+(\d{4})(?!\d))?")
_DAY_MONTH = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_MONTHS = re.compile(
    r"thang\s+(\d{1,2})(?![\d/]\d{1,2}[/.-]\d)((?:" + _SEP + r"(?:thang\s+)?\d{1,2}(?![\d]))*)" + _YEAR_TAIL
)
_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})\s*[/-]\s*((?:19|20)\d{2})(?!\d)")
_QUARTERS = re.compile(r"(?:\bquy|\bq\.?)\s*(" + _QNUM + r")((?:" + _SEP + r"(?:quy\s*)?" + _QNUM + r")*)" + _YEAR_TAIL)
_PART_OF_YEAR = re.compile(
    r"(?:(\d{1,2})\s+thang|(nua))\s+(dau|cuoi)(?:\s+nam)?(?:\s*(?:/|-)?\s*((?:19|20)\d{2})(?!\d))?"
    r"|\b(dau|cuoi)\s+nam(?:\s+((?:19|20)\d{2})(?!\d))?"
)
_YEARS = re.compile(r"(?<![\d/.])((?:19|20)\d{2})(?:\s*(?:-|den|va|toi)\s*(?:nam\s+)?((?:19|20)\d{2}))?(?![\d/])")


@dataclass(frozen=True)
class Timeframe:
    """A time frame: the words as written and what they mean (start, end, recurrence, relative deadline)."""

    text: str
    start: date | None = None
    end: date | None = None
    recurrence: str = ""
    relative_working_days: int | None = None
    relative_event: str = ""

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "recurrence": self.recurrence,
            "relative_working_days": self.relative_working_days,
        }

    # A read-only mapping too, so ``dict(timeframe)`` gives the JSON form and the event: {"text", "start", "end",
    # "recurrence", "relative_working_days", "relative_event"}.
    def keys(self) -> tuple[str, ...]:
        return ("text", "start", "end", "recurrence", "relative_working_days", "relative_event")

    def __iter__(self):
        return iter(self.keys())

    def __getitem__(self, key: str):
        if key == "relative_event":
            return self.relative_event
        return self.to_json()[key]


@dataclass
class _Period:
    """One calendar expression found in the text; ``year`` None until inferred."""

    pos: int
    year: int | None
    kind: str  # "day", "months", "quarters", "part", "years"
    a: int = 0  # day: day; months/quarters: first; part: first month; years: first year
    b: int = 0  # day: month; months/quarters: last; part: last month; years: last year
    explicit_year: bool = False

    def bounds(self) -> tuple[date, date] | None:
        y = self.year
        try:
            if self.kind == "years":
                return date(self.a, 1, 1), date(self.b, 12, 31)
            if y is None or not 1900 <= y <= 2200:
                return None
            if self.kind == "day":
                d = date(y, self.b, self.a)
                return d, d
            if self.kind == "months":
                return date(y, self.a, 1), date(y, self.b, calendar.monthrange(y, self.b)[1])
            if self.kind == "quarters":
                last = self.b * 3
                return date(y, self.a * 3 - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
            if self.kind == "part":
                return date(y, self.a, 1), date(y, self.b, calendar.monthrange(y, self.b)[1])
        except ValueError:
            return None
        return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _find_periods(f: str) -> list[_Period]:
    """Every calendar expression in the folded text, in text order, none overlapping another.

    Named units first ("ngày .. tháng .. năm", "quý 1 - 2/2025", "tháng 1 - 2/2020"), then bare dates, then years."""
    taken = [False] * len(f)
    found: list[_Period] = []

    def free(m: re.Match) -> bool:
        return not any(taken[m.start() : m.end()])

    def take(m: re.Match) -> None:
        for i in range(m.start(), m.end()):
            taken[i] = True

    for m in _WORD_DATE.finditer(f):
        if free(m):
            found.append(_Period(m.start(), _int(m[3]), "day", int(m[1]), int(m[2]), explicit_year=bool(m[3])))
            take(m)
    for m in _PART_OF_YEAR.finditer(f):
        if not free(m):
            continue
        if m[5]:  # "đầu năm" / "cuối năm"
            first, last = (1, 3) if m[5] == "dau" else (10, 12)
            year = _int(m[6])
        else:
            n = 6 if m[2] else int(m[1])
            if not 1 <= n <= 12:
                continue
            first, last = (1, n) if m[3] == "dau" else (13 - n, 12)
            year = _int(m[4])
        found.append(_Period(m.start(), year, "part", first, last, explicit_year=year is not None))
        take(m)
    for m in _QUARTERS.finditer(f):
        if not free(m):
            continue
        numbers = [_ROMAN[m[1]]] + [_ROMAN[q] for q in re.findall(_QNUM, m[2] or "")]
        year = _int(m[3])
        found.append(_Period(m.start(), year, "quarters", min(numbers), max(numbers), explicit_year=year is not None))
        take(m)
    for m in _MONTHS.finditer(f):
        if not free(m):
            continue
        numbers = [int(m[1])] + [int(n) for n in re.findall(r"\d{1,2}", m[2] or "")]
        if not all(1 <= n <= 12 for n in numbers):
            continue
        year = _int(m[3])
        found.append(_Period(m.start(), year, "months", min(numbers), max(numbers), explicit_year=year is not None))
        take(m)
    for m in _FULL_DATE.finditer(f):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if free(m):
            found.append(_Period(m.start(), year, "day", day, month, explicit_year=True))
            take(m)
    for m in _MONTH_YEAR.finditer(f):
        if free(m) and 1 <= int(m[1]) <= 12:
            found.append(_Period(m.start(), int(m[2]), "months", int(m[1]), int(m[1]), explicit_year=True))
            take(m)
    for m in _DAY_MONTH.finditer(f):
        if free(m):
            found.append(_Period(m.start(), None, "day", int(m[1]), int(m[2])))
            take(m)
    for m in _YEARS.finditer(f):
        if free(m):
            first = int(m[1])
            last = int(m[2]) if m[2] else first
            if first <= last:
                found.append(_Period(m.start(), first, "years", first, last, explicit_year=True))
                take(m)
    found.sort(key=lambda p: p.pos)
    return found


def _infer_years(periods: list[_Period], default_year: int | None) -> None:
    explicit = [p for p in periods if p.explicit_year]
    for p in periods:
        if p.year is not None:
            continue
        after = [e for e in explicit if e.pos > p.pos]
        before = [e for e in explicit if e.pos < p.pos]
        source = after[0] if after else (before[-1] if before else None)
        if source is None:
            p.year = default_year
        elif source.kind == "years":
            p.year = source.a if after else source.b
        else:
            p.year = source.year


def parse_timeframe(text: str | None, *, default_year: int | None = None) -> Timeframe:
    """Read a time frame as written; never raises. ``default_year`` is the plan's year, for phrases without one."""
    original = text if isinstance(text, str) else ""
    try:
        default_year = int(default_year) if default_year not in (None, "") else None
    except (TypeError, ValueError):
        default_year = None
    try:
        return _parse(original, default_year)
    except Exception:  # the parser must never break an import; the words are kept for a person to read
        return Timeframe(text=original)


def _parse(original: str, default_year: int | None) -> Timeframe:
    cleaned = clean(original).replace("\n", " ")
    f = fold_chars(cleaned)

    recurrence = next((name for name, pattern in _RECURRENCE_PATTERNS if pattern.search(f)), "")

    relative_days: int | None = None
    relative_event = ""
    relative = _RELATIVE.search(f)
    if relative:
        relative_days = int(relative[1])
        event = _RELATIVE_EVENT.search(f, relative.end())
        if event:
            relative_event = cleaned[event.end() :].strip(" .;,:")
        f = f[: relative.start()]

    periods = _find_periods(f)
    _infer_years(periods, default_year)
    spans = [(p, b) for p in periods if (b := p.bounds()) is not None]

    start: date | None = None
    end: date | None = None
    if spans:
        from_m = _FROM.search(f)
        to_m = _TO.search(f, from_m.end() if from_m else 0)
        before_m = _BEFORE.search(f)
        if to_m and any(p.pos < to_m.start() for p, _ in spans) and any(p.pos >= to_m.start() for p, _ in spans):
            left = [(p, b) for p, b in spans if p.pos < to_m.start()]
            right = [b for p, b in spans if p.pos >= to_m.start()]
            start = min(b[0] for _, b in left)
            end = max(b[1] for b in right)
            if start > end and not any(p.explicit_year for p, _ in left):
                # "Từ tháng 11 đến tháng 2/2021": the first month belongs to the year before.
                for p, _ in left:
                    p.year = (p.year or 0) - 1
                shifted = [b[0] for b in (p.bounds() for p, _ in left) if b]
                start = min(shifted) if shifted else None
        elif before_m and before_m.start() <= spans[0][0].pos and not from_m:
            first, (lo, hi) = spans[0]
            inclusive = first.kind == "day" or not f[before_m.start() :].startswith("truoc")
            end = hi if inclusive else lo - timedelta(days=1)
        elif from_m and not to_m:
            after = [b[0] for p, b in spans if p.pos >= from_m.start()]
            start = min(after) if after else None
        elif to_m:
            after = [b[1] for p, b in spans if p.pos >= to_m.start()]
            end = max(after) if after else None
        else:
            start = min(b[0] for _, b in spans)
            end = max(b[1] for _, b in spans)
    elif (
        default_year
        and 1900 <= default_year <= 2200
        and relative_days is None
        and (recurrence or _WHOLE_YEAR_WORDS.search(f))
    ):
        start, end = date(default_year, 1, 1), date(default_year, 12, 31)

    if start and end and start > end:
        start = None
    return Timeframe(
        text=original,
        start=start,
        end=end,
        recurrence=recurrence,
        relative_working_days=relative_days,
        relative_event=relative_event,
    )
