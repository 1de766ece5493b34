"""Reading a case register (sổ thụ lý, Mẫu 01-TP-TGPL) kept in Excel: the header, then each row's values.

Pure: no database. ``read_register(file)`` finds, on every sheet, the header row by the column titles it knows
(folded: no diacritics, no case, no punctuation, spaces collapsed), with the variants Centres' own books show: a
title block above, a header over two rows (merged cells: "Người được TGPL" above "Họ và tên", "Năm sinh" above
"Nam" | "Nữ"), a row of column numbers ("(1) (2) (3)") under it, optional columns missing or extra columns beside
them. Each data row is then parsed: dates as Excel dates, Excel serial numbers or text (dd/mm/yyyy, d/m/yy,
dd-mm-yyyy, dd.mm.yyyy, "ngày 5 tháng 3 năm 2020"; a birth may be a year alone), names in capitals to title case,
ID numbers without their spaces and dots (9 digits: CMND, 12: CCCD; DOMAIN.md §10). What the database must answer
(categories, fields, forms, persons, cases already there) is the service's (``legalaid.imports.services``).

Errors are Vietnamese sentences tied to the Excel row number and the column title as written in the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from legalaid.lib.citizen_id import CCCD, CMND, FEMALE, MALE, NONE, normalise
from legalaid.lib.text import fold

#: The columns the import knows: key -> the titles a register gives it (folded by ``header_key``). The first title
#: of each is the one our own print uses (``legalaid.intake.documents.columns.CASE_COLUMNS``).
TITLES: dict[str, tuple[str, ...]] = {
    "number": ("stt so thu ly", "stt", "so tt", "so thu tu", "so thu ly", "so thu tu so thu ly", "tt"),
    "accepted_on": (
        "ngay thu ly",
        "ngay thang thu ly",
        "ngay thang nam thu ly",
        "thoi gian thu ly",
        "ngay nhan thu ly",
    ),
    "code": ("ma ho so", "ma so ho so", "ma vu viec", "so ho so", "ma so vu viec", "ky hieu ho so"),
    "name": (
        "ho va ten nguoi duoc tgpl",
        "ho ten nguoi duoc tgpl",
        "ho va ten",
        "ho ten",
        "nguoi duoc tgpl",
        "ten nguoi duoc tgpl",
        "ho va ten nguoi duoc tro giup phap ly",
        "nguoi duoc tro giup phap ly",
        "nguoi duoc tro giup",
    ),
    "birth": ("nam sinh", "ngay sinh", "ngay thang nam sinh", "ngay sinh nam sinh"),
    "sex": ("gioi tinh",),
    "id_number": (
        "so cccd",
        "so cmnd",
        "so cccd cmnd",
        "so cmnd cccd",
        "cccd",
        "cmnd",
        "cccd cmnd",
        "cmnd cccd",
        "so can cuoc",
        "so can cuoc cong dan",
        "so dinh danh",
        "so dinh danh ca nhan",
        "so giay to tuy than",
        "so giay to",
    ),
    "address": ("dia chi", "noi cu tru", "dia chi noi cu tru", "noi o", "cho o hien nay", "dia chi thuong tru"),
    "categories": (
        "dien nguoi duoc tgpl",
        "dien",
        "dien duoc tgpl",
        "doi tuong",
        "dien doi tuong",
        "dien nguoi duoc tro giup phap ly",
        "thuoc dien",
    ),
    "field": ("linh vuc", "linh vuc phap luat", "linh vuc tgpl", "linh vuc tro giup"),
    "form": ("hinh thuc tgpl", "hinh thuc", "hinh thuc tro giup phap ly", "hinh thuc tro giup"),
    "provider": ("nguoi thuc hien tgpl", "nguoi thuc hien", "nguoi thuc hien tro giup phap ly", "nguoi duoc phan cong"),
    "result": ("ket qua", "ket qua thuc hien", "ket qua tgpl", "ket qua thuc hien tgpl"),
    "closed_on": ("ngay ket thuc", "ngay ket thuc vu viec", "ngay hoan thanh", "thoi gian ket thuc"),
    "note": ("ghi chu",),
    "summary": ("noi dung vu viec", "tom tat noi dung vu viec", "noi dung", "tom tat vu viec", "noi dung yeu cau"),
}
#: Sub-columns under a birth title: the year written under "Nam" (male) or "Nữ" (female).
SEX_SUBCOLUMNS = {"nam": "birth_male", "nu": "birth_female"}
#: Columns a register must have (the form of aid may instead be read from the case code).
REQUIRED = ("number", "accepted_on", "name", "field")

_TITLE_TO_KEY = {title: key for key, titles in TITLES.items() for title in titles}
_NOT_WORD = re.compile(r"[^0-9a-z ]+")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
#: How far down a sheet the header may be (a title block above it).
HEADER_SEARCH_ROWS = 30
#: A row is a header when this many different columns are recognised in it.
MIN_HEADER_MATCHES = 3


class RegisterFileError(Exception):
    """The file cannot be read as a register at all (not a workbook, no header). The message is for the user."""


@functools.lru_cache(maxsize=8192)
def header_key(text) -> str:
    """A title as compared: folded, punctuation removed, spaces collapsed ("STT (số thụ lý)" -> "stt so thu ly")."""
    if text is None:
        return ""
    return " ".join(_NOT_WORD.sub(" ", fold(str(text))).split())


def column_of(text) -> str | None:
    """The key of a column title, or None."""
    return _TITLE_TO_KEY.get(header_key(text))


# --- Cell values ---------------------------------------------------------------------------------------------------

_DATE_TEXT = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO_TEXT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$")
_WORDS_DATE = re.compile(r"^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
#: Excel serial numbers read as dates: 1950-01-01 .. 2099-12-31.
_SERIAL_RANGE = (18264, 73050)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _year(two_or_four: str, *, birth: bool, today: dt.date) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 2:
        year += 2000
        if birth and year > today.year:
            year -= 100
    return year


def parse_day(value, *, birth: bool = False, today: dt.date | None = None) -> dt.date | None:
    """A date from an Excel date, an Excel serial number or a text; None when it is not one.

    Raises nothing; ``birth`` reads a two-digit year as the most recent past year (d/m/85 -> 1985)."""
    today = today or dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            try:
                return from_excel(value).date()
            except (ValueError, OverflowError, TypeError):
                return None
        return None
    text = _text(value)
    if not text:
        return None
    try:
        if m := _DATE_TEXT.match(text):
            return dt.date(_year(m[3], birth=birth, today=today), int(m[2]), int(m[1]))
        if m := _ISO_TEXT.match(text.lower()):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _WORDS_DATE.match(header_key(text)):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if text.isdigit() and len(text) == 5:  # a serial number stored as text
            return parse_day(int(text), birth=birth, today=today)
    except ValueError:
        return None
    return None


def parse_birth(value, *, today: dt.date | None = None) -> tuple[dt.date | None, int | None] | None:
    """(date of birth, None) or (None, year of birth) from a cell; (None, None) when empty; None when unreadable."""
    today = today or dt.date.today()
    if value is None or _text(value) == "":
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1900 <= value <= today.year:
        return (None, int(value)) if float(value).is_integer() else None
    text = _text(value)
    if m := _YEAR.match(text):
        year = int(m[1])
        return (None, year) if 1900 <= year <= today.year else None
    day = parse_day(value, birth=True, today=today)
    if day is None or not (dt.date(1900, 1, 1) <= day <= today):
        return None
    return day, None


def parse_number(value) -> int | None:
    """A register number: a positive whole number (1, 1.0, "01", "1."), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() and 0 < value < 2**31 else None
    if isinstance(value, int):
        return value if 0 < value < 2**31 else None
    text = _text(value).rstrip(".")
    return int(text) if text.isdigit() and 0 < int(text) < 2**31 else None


def proper_name(value) -> str:
    """A person's name as stored: spaces collapsed, and a name written all in capitals (or all in lower case) put in
    title case ("NGUYỄN VĂN ĐỨC" -> "Nguyễn Văn Đức"); a name in mixed case is kept as written."""
    text = _text(value)
    letters = [c for c in text if c.isalpha()]
    if letters and (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        text = " ".join(word[:1].upper() + word[1:].lower() for word in text.split())
    return text


def parse_id_number(value) -> tuple[str, str] | None:
    """(id type, number) from a cell: spaces, dots and dashes removed; 9 digits a CMND, 12 a CCCD. A number Excel
    stored as a number lost its leading zeros: 10-11 digits are padded to 12, 8 to 9. ("none", "") when empty;
    None when it is neither."""
    if value is None:
        return NONE, ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    numeric = isinstance(value, int) and not isinstance(value, bool)
    text = normalise(_text(value))
    if not text:
        return NONE, ""
    if not (text.isascii() and text.isdigit()):
        return None
    if numeric and len(text) in (10, 11):
        text = text.zfill(12)
    elif numeric and len(text) == 8:
        text = text.zfill(9)
    if len(text) == 12:
        return CCCD, text
    if len(text) == 9:
        return CMND, text
    return None


def parse_sex(value) -> str | None:
    """ "male", "female", "" when empty, None when unreadable."""
    key = header_key(value)
    if not key:
        return ""
    if key in ("nam", "m", "male", "trai"):
        return MALE
    if key in ("nu", "f", "female", "gai"):
        return FEMALE
    return None


def split_list(value) -> list[str]:
    """The parts of a list cell ("Người thuộc hộ nghèo; Trẻ em"), split on semicolons and line breaks."""
    text = "" if value is None else unicodedata.normalize("NFC", str(value))
    return [" ".join(part.split()) for part in re.split(r"[;\n]+", text) if part.strip()]


# --- The sheet -----------------------------------------------------------------------------------------------------


@dataclass
class Header:
    """Where a sheet's table is: the row of its titles (1-based, the last header row), which column holds what."""

    row: int
    columns: dict[str, int]  #: key -> 0-based column index
    titles: dict[str, str]  #: key -> the title as written (for messages)
    labels: list[str]  #: every column's title as written, in order (for the error file)


@dataclass
class RawRow:
    """One data row of the file with its values parsed; ``errors``: (column title, message)."""

    sheet: str
    row: int
    cells: tuple
    values: dict = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))


def _row_keys(cells) -> dict[int, str]:
    keys = {}
    for index, value in enumerate(cells):
        key = column_of(value)
        if key is not None:
            keys[index] = key
    return keys


def find_header(rows: list[tuple]) -> Header | None:
    """The header among the first rows of a sheet (``rows``: their values), or None."""
    best, best_score = None, 0
    for index, cells in enumerate(rows):
        score = len(set(_row_keys(cells).values()))
        if score > best_score:
            best, best_score = index, score
    if best is None or best_score < MIN_HEADER_MATCHES:
        return None
    top = rows[best]
    columns: dict[int, str] = dict(_row_keys(top))
    last = best
    below = rows[best + 1] if best + 1 < len(rows) else ()
    sub = {}
    for index, value in enumerate(below):
        key = header_key(value)
        if key in SEX_SUBCOLUMNS or column_of(value):
            sub[index] = key
    number_column = next((i for i, k in columns.items() if k == "number"), None)
    looks_like_data = any(isinstance(v, (dt.date, dt.datetime)) for v in below) or (
        number_column is not None and number_column < len(below) and parse_number(below[number_column]) is not None
    )
    labels = [_text(v) for v in top]
    if sub and not looks_like_data:
        last = best + 1
        labels += [""] * max(0, len(below) - len(labels))
        for index, key in sub.items():
            if key in SEX_SUBCOLUMNS:
                # The merged title above: the nearest title to the left on the top row.
                above = next((header_key(top[i]) for i in range(min(index, len(top) - 1), -1, -1) if top[i]), "")
                if _TITLE_TO_KEY.get(above) == "birth":
                    columns[index] = SEX_SUBCOLUMNS[key]
                    labels[index] = f"{labels[index] or _text(top[index - 1] if index else '')} – {_text(below[index])}"
                    labels[index] = labels[index].strip(" –")
                    continue
            columns[index] = _TITLE_TO_KEY[key]
            labels[index] = _text(below[index])
        # A "birth" title that only spans the Nam/Nữ sub-columns is not a column of its own.
        if {"birth_male", "birth_female"} & set(columns.values()):
            columns = {i: k for i, k in columns.items() if k != "birth" or i in sub}
    by_key: dict[str, int] = {}
    for index, key in sorted(columns.items()):
        by_key.setdefault(key, index)  # the first column of a title wins; a second one is extra
    titles = {key: (labels[index] if index < len(labels) and labels[index] else key) for key, index in by_key.items()}
    return Header(row=last + 1, columns=by_key, titles=titles, labels=labels)


def _is_column_numbers(cells) -> bool:
    texts = [_text(v) for v in cells if _text(v)]
    return len(texts) >= MIN_HEADER_MATCHES and all(_COLUMN_NUMBER.match(t) for t in texts)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _TEXT = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v", f"{_MAIN}t"
_LETTERS = re.compile(r"[A-Z]+")


def _column_index(ref: str | None, previous: int) -> int:
    if not ref:
        return previous + 1
    letters = _LETTERS.match(ref)
    if letters is None:
        return previous + 1
    index = 0
    for ch in letters.group():
        index = index * 26 + ord(ch) - 64
    return index - 1


class Book:
    """An .xlsx opened for reading rows fast: openpyxl reads the package (its sheets, shared strings and number
    formats, which say which numbers are dates); the rows are read by ``rows`` straight from each sheet's XML with
    lxml (openpyxl's read-only sheets would first read a whole sheet that declares no size, and read each cell
    three times slower; bench/import_register.py)."""

    def __init__(self, source):
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(source, read_only=True, data_only=True)
        self.archive = reader.archive
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            self.strings = reader.shared_strings
            self.dates = reader.wb._date_formats
            self.epoch = reader.wb.epoch
            self.sheets = [
                (sheet.name, rel.target)
                for sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files
                and "worksheet" in rel.Type
                and (sheet.state or "visible") == "visible"
            ]
        except Exception:
            self.archive.close()
            raise

    def close(self) -> None:
        self.archive.close()

    def declared_rows(self, path: str) -> int:
        """The number of rows the sheet declares in its ``<dimension>``, from the XML's first bytes (for progress
        only; 0 when it declares none)."""
        with self.archive.open(path) as source:
            head = source.read(4096).decode("utf-8", "ignore")
        found = re.search(r'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"', head)
        return int(found.group(1)) if found else 0

    def rows(self, path: str) -> Iterator[tuple[int, tuple]]:
        """(row number, values) of each row of the sheet at ``path``: strings (shared or inline), numbers, booleans,
        and dates for the numbers whose format is a date (what openpyxl gives with ``values_only``)."""
        from lxml import etree

        strings, dates, epoch = self.strings, self.dates, self.epoch
        counter = 0
        with self.archive.open(path) as source:
            for _event, element in etree.iterparse(source, tag=_ROW, huge_tree=True, resolve_entities=False):
                counter = int(element.get("r") or counter + 1)
                values: list = []
                column = -1
                for c in element.iterchildren(_CELL):
                    column = _column_index(c.get("r"), column)
                    kind = c.get("t", "n")
                    if kind == "inlineStr":
                        value = "".join(t.text or "" for t in c.iter(_TEXT))
                    else:
                        value = c.findtext(_VALUE)
                        if value is not None:
                            if kind == "n":
                                value = float(value) if any(ch in value for ch in ".eE") else int(value)
                                style = c.get("s")
                                if style and int(style) in dates:
                                    with contextlib.suppress(OverflowError, ValueError):  # not a date after all
                                        value = from_excel(value, epoch)
                            elif kind == "s":
                                value = strings[int(value)]
                            elif kind == "b":
                                value = value == "1"
                            elif kind == "d":
                                value = parse_day(value)
                    if value is None or value == "":
                        continue
                    if column >= len(values):
                        values.extend([None] * (column + 1 - len(values)))
                    values[column] = value
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
                yield counter, tuple(values)


@dataclass
class SheetRows:
    name: str
    header: Header
    rows: Iterator[RawRow]
    estimate: int  #: the rows below the header, as the file declares its size (for progress only)


def open_workbook(source) -> Book:
    """The workbook of ``source`` (a path or a binary file); RegisterFileError when it is not one."""
    try:
        return Book(source)
    except Exception as exc:  # a file that is not a workbook raises many kinds
        raise RegisterFileError(_("Không đọc được tệp: tệp không phải bảng tính Excel (.xlsx) hợp lệ.")) from exc


def sheets(workbook, *, today: dt.date | None = None) -> list[SheetRows]:
    """Every sheet holding a register (a header found), with a lazy iterator of its parsed data rows."""
    found = []
    for title, path in workbook.sheets:
        rows = workbook.rows(path)
        head: list[tuple[int, tuple]] = []
        for number, cells in rows:
            if number > HEADER_SEARCH_ROWS:
                head.append((number, cells))  # the first data row after a full header block
                break
            head.append((number, cells))
        numbered = dict(head)
        header = find_header([numbered.get(n, ()) for n in range(1, HEADER_SEARCH_ROWS + 1)])
        if header is None:
            continue
        missing = [k for k in REQUIRED if k not in header.columns]
        if "form" not in header.columns and "code" not in header.columns:
            missing.append("form")
        if missing:
            names = ", ".join(TITLE_LABELS[k] for k in missing)
            raise RegisterFileError(
                _("Trang “%(sheet)s”: thiếu cột bắt buộc: %(columns)s.") % {"sheet": title, "columns": names}
            )
        after = [(n, c) for n, c in head if n > header.row]
        data = _data_rows(title, itertools.chain(after, rows), header, today=today or dt.date.today())
        found.append(SheetRows(title, header, data, max(0, workbook.declared_rows(path) - header.row)))
    if not found:
        raise RegisterFileError(
            _(
                "Không tìm thấy dòng tiêu đề của sổ thụ lý (các cột như “STT”, “Ngày thụ lý”, “Họ và tên”, "
                "“Lĩnh vực”, “Hình thức TGPL”) trong %(n)s dòng đầu của các trang."
            )
            % {"n": HEADER_SEARCH_ROWS}
        )
    return found


#: The titles named in messages about missing columns.
TITLE_LABELS = {
    "number": "STT (số thụ lý)",
    "accepted_on": "Ngày thụ lý",
    "name": "Họ và tên người được TGPL",
    "field": "Lĩnh vực",
    "form": "Hình thức TGPL (hoặc Mã hồ sơ)",
}


def _data_rows(sheet: str, rows, header: Header, *, today: dt.date) -> Iterator[RawRow]:
    first = True
    for number, cells in rows:
        if first:
            first = False
            if number == header.row + 1 and _is_column_numbers(cells):
                continue
        if not any(_text(v) for v in cells):
            continue
        yield parse_row(sheet, number, cells, header, today=today)


def parse_row(sheet: str, number: int, cells: tuple, header: Header, *, today: dt.date) -> RawRow:
    """Parse one data row: formats only (see the module's docstring)."""
    row = RawRow(sheet=sheet, row=number, cells=cells)
    col, title = header.columns, header.titles

    def cell(key):
        index = col.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    v = row.values
    v["number"] = parse_number(cell("number"))
    v["accepted_on"] = parse_day(cell("accepted_on"), today=today)
    v["name"] = proper_name(cell("name"))
    v["name_key"] = fold(v["name"])
    v["code"] = _text(cell("code"))
    if not v["name"] and v["accepted_on"] is None and not v["code"]:
        row.values = {"ignored": True}  # a total, a signature line: not an entry
        return row
    if v["number"] is None:
        row.error(title["number"], _("Thiếu số thụ lý, hoặc không phải số nguyên dương."))
    if v["accepted_on"] is None:
        raw = _text(cell("accepted_on"))
        row.error(
            title["accepted_on"],
            _("Ngày thụ lý “%(value)s” không đọc được (ghi theo dd/mm/yyyy).") % {"value": raw}
            if raw
            else _("Thiếu ngày thụ lý."),
        )
    elif v["accepted_on"] > today:
        row.error(title["accepted_on"], _("Ngày thụ lý sau ngày hôm nay."))
    if not v["name"]:
        row.error(title["name"], _("Thiếu họ và tên người được trợ giúp pháp lý."))
    elif len(v["name"]) > 120:
        row.error(title["name"], _("Họ và tên dài quá 120 ký tự."))
    if len(v["code"]) > 40:
        row.error(title.get("code", ""), _("Mã hồ sơ dài quá 40 ký tự."))
    # Birth and sex: one birth column, or the year under "Nam" / "Nữ".
    v["date_of_birth"], v["birth_year"], v["sex"] = None, None, ""
    birth_cells = [("birth", cell("birth"), "")]
    if "birth_male" in col or "birth_female" in col:
        birth_cells = [("birth_male", cell("birth_male"), MALE), ("birth_female", cell("birth_female"), FEMALE)]
    for key, value, sex in birth_cells:
        if value is None or _text(value) == "":
            continue
        parsed = parse_birth(value, today=today)
        if parsed is None:
            row.error(
                title.get(key, key),
                _("Ngày (năm) sinh “%(value)s” không đọc được (ghi năm, hoặc dd/mm/yyyy).") % {"value": _text(value)},
            )
            continue
        v["date_of_birth"], v["birth_year"] = parsed
        v["sex"] = sex or v["sex"]
    if "sex" in col:
        sex = parse_sex(cell("sex"))
        if sex is None:
            row.error(
                title["sex"], _("Giới tính “%(value)s” không rõ (ghi Nam hoặc Nữ).") % {"value": _text(cell("sex"))}
            )
        elif sex:
            v["sex"] = sex
    identity = parse_id_number(cell("id_number"))
    if identity is None:
        row.error(
            title.get("id_number", ""),
            _("Số giấy tờ “%(value)s” không hợp lệ: CMND có 9 chữ số, căn cước (CCCD) có 12 chữ số.")
            % {"value": _text(cell("id_number"))},
        )
        identity = (NONE, "")
    v["id_type"], v["id_number"] = identity
    v["address"] = _text(cell("address"))[:255]
    v["categories"] = split_list(cell("categories"))
    v["field"] = _text(cell("field"))
    v["form"] = _text(cell("form"))
    v["provider"] = _text(cell("provider"))[:255]
    v["result"] = _text(cell("result"))
    closed = cell("closed_on")
    v["closed_on"] = parse_day(closed, today=today)
    if v["closed_on"] is None and _text(closed):
        row.error(
            title["closed_on"],
            _("Ngày kết thúc “%(value)s” không đọc được (ghi theo dd/mm/yyyy).") % {"value": _text(closed)},
        )
    elif v["closed_on"] is not None and v["accepted_on"] is not None and v["closed_on"] < v["accepted_on"]:
        row.error(title["closed_on"], _("Ngày kết thúc trước ngày thụ lý."))
    v["note"] = _text(cell("note"))
    v["summary"] = _text(cell("summary"))
    return row
