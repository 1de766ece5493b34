"""The import of a legacy case register (sổ thụ lý, Mẫu 01-TP-TGPL) kept in Excel: check first, then import whole.

- ``import_upload``: a director (or deputy, or the system administrator) uploads an .xlsx for the book of one unit
  of their Centre (the Centre or a branch); the file is checked as every upload is and stored under a random name.
- ``import_check``: the dry run. Reads every row (``reading``), matches categories, fields and forms to the codes
  the system holds, finds the cases already in the book, the duplicate rows of the file and the persons already
  registered (``people.services.match_persons``); writes nothing but the batch's summary, its messages and the
  error file (the rows in error with their messages, .xlsx).
- ``import_run``: checks again (the data may have changed since), refuses if any row is in error, then writes every
  new case in one transaction: persons, requests with their categories and acceptance decision, cases in the book
  of their year with the number and code as written, their timeline, and the row they came from (``ImportedCase``,
  with the batch). Any failure rolls everything back: nothing is half-imported.

What keeps the live series intact (TT 12/2018 Art. 5, 11(1)): only books of past years are imported (the current
year's book is written in the system); a case keeps its number and code as written; a number already given in the
book is "already imported" when it is the same case (same code, or same person), an error otherwise; a book's
``last_number`` never goes down. Re-importing a file creates nothing twice: the book's unique (register, number)
is the key of a row.

Rows are written in bulk (``COPY`` on PostgreSQL, batches on SQLite: ``legalaid.core.generate.Table``), with ids
taken from the tables' sequences, so that 100,000 rows import in well under a minute (bench/import_register.py).
One audit row records the import (file, unit, counts); each case carries its batch through ``ImportedCase``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import itertools
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from legalaid.cases.choices import CaseStatus, EventKind
from legalaid.cases.models import CaseEvent, LegalAidCase
from legalaid.core import audit
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.middleware import current_request_id
from legalaid.eligibility.models import Category
from legalaid.intake.choices import Channel, DecisionKind, RegisterKind, RequestStatus
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest, Register, RequestDecision
from legalaid.intake.numbering import case_code
from legalaid.intake.papers import register_units
from legalaid.lib.citizen_id import NONE
from legalaid.lib.text import fold
from legalaid.lib.uploads import content_matches, extension, max_upload_bytes
from legalaid.people.choices import Sex
from legalaid.people.models import Person
from legalaid.people.services import Identity, match_persons

from . import reading
from .choices import ImportStatus
from .models import ImportedCase, RegisterImport

#: Messages kept on the batch for the page, per level; the counts in ``summary`` are complete and the error file
#: holds every row in error.
MAX_LISTED = 1000
#: Rows read between two progress updates.
PROGRESS_EVERY = 2000
#: Rows written per ``COPY`` / ``executemany``.
WRITE_CHUNK = 20_000
#: The hour given to an acceptance known only by its day.
ACCEPTED_HOUR = dt.time(8, 0)

ERROR, NOTICE = "error", "notice"

# --- Who may import into which book ----------------------------------------------------------------------------------


def import_units(user):
    """The units whose book ``user`` may import into: those whose book they may print (their Centre and its
    branches), for a director, deputy or system administrator."""
    if not user.has_perm("imports.import_register"):
        return register_units(user).none()
    return register_units(user)


def _check_unit(actor, unit) -> None:
    if unit is None or not import_units(actor).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền nhập sổ cho đơn vị này."))


# --- Codes as a register writes them ---------------------------------------------------------------------------------

#: Words registers use for a field of law -> its code (besides its name, its code and the first part of its name).
FIELD_ALIASES = {
    "hon nhan gia dinh": "marriage_family",
    "hon nhan": "marriage_family",
    "hngd": "marriage_family",
    "hs": "criminal",
    "ds": "civil",
    "hc": "administrative",
    "khieu nai": "complaints",
    "to cao": "complaints",
    "chinh sach": "social_policy",
    "chinh sach xa hoi": "social_policy",
    "uu dai nguoi co cong": "social_policy",
    "bao tro xa hoi": "social_policy",
    "bao hiem": "insurance",
    "khac": "other",
    "viec lam": "labour",
}
#: Words registers use for a form of aid -> its code (besides its name, code and the abbreviation of case codes).
FORM_ALIASES = {
    "tu van": "advice",
    "tvpl": "advice",
    "to tung": "litigation",
    "bao chua": "litigation",
    "bao chua bao ve": "litigation",
    "dai dien": "representation",
    "ddntt": "representation",
}
#: Words registers use for an eligibility category -> the clause or point of Law Art. 7 (several: the first one in
#: force on the day of acceptance). Besides these: each category's short name and its reference ("7.2").
CATEGORY_ALIASES = {
    "co cong": ("7.1",),
    "nguoi co cong": ("7.1",),
    "ho ngheo": ("7.2",),
    "nguoi ngheo": ("7.2",),
    "tre em": ("7.3",),
    "dan toc thieu so": ("7.4",),
    "nguoi dan toc thieu so": ("7.4",),
    "dtts": ("7.4",),
    "ho can ngheo": ("7.6",),
    "can ngheo": ("7.6",),
    "than nhan liet si": ("7.7.a",),
    "gia dinh liet si": ("7.7.a",),
    "chat doc da cam": ("7.7.b",),
    "da cam": ("7.7.b",),
    "cao tuoi": ("7.7.c",),
    "khuyet tat": ("7.7.d",),
    "bao luc gia dinh": ("7.7.e",),
    "mua ban nguoi": ("7.7.g", "7.6a"),
    "nan nhan mua ban nguoi": ("7.7.g", "7.6a"),
    "hiv": ("7.7.h",),
    "nhiem hiv": ("7.7.h",),
}


class Codes:
    """The fields of law, forms of aid and categories, found from the words of a register (folded)."""

    def __init__(self):
        self.fields: dict[str, FieldOfLaw] = {}
        for f in FieldOfLaw.objects.all():
            for text in (f.name, f.code, f.name.split(",")[0], f.name.split("(")[0]):
                self.fields.setdefault(reading.header_key(text), f)
        by_code = {f.code: f for f in self.fields.values()}
        for alias, code in FIELD_ALIASES.items():
            if code in by_code:
                self.fields.setdefault(alias, by_code[code])
        self.forms: dict[str, FormOfAid] = {}
        for f in FormOfAid.objects.all():
            for text in (f.name, f.code, f.register_code):
                self.forms.setdefault(reading.header_key(text), f)
        by_code = {f.code: f for f in set(self.forms.values())}
        for alias, code in FORM_ALIASES.items():
            if code in by_code:
                self.forms.setdefault(alias, by_code[code])
        self.versions: dict[str, list[Category]] = {}
        for c in Category.objects.order_by("valid_from"):
            self.versions.setdefault(c.ref, []).append(c)
        self.categories: dict[str, tuple[str, ...]] = {}
        for ref, versions in self.versions.items():
            self.categories.setdefault(reading.header_key(ref), (ref,))
            self.categories.setdefault(fold(ref), (ref,))
            for c in versions:
                self.categories.setdefault(reading.header_key(c.short_label), (ref,))
        for alias, refs in CATEGORY_ALIASES.items():
            self.categories.setdefault(alias, tuple(r for r in refs if r in self.versions))

    def field(self, text: str) -> FieldOfLaw | None:
        return self.fields.get(reading.header_key(text))

    def form(self, text: str) -> FormOfAid | None:
        return self.forms.get(reading.header_key(text))

    def category(self, text: str, on: dt.date) -> tuple[Category | None, bool]:
        """(the category version in force on ``on``, known): a record older than the first version takes the first
        (registers kept under the 2006 Law name the same groups)."""
        refs = self.categories.get(reading.header_key(text)) or self.categories.get(fold(text))
        if not refs:
            return None, False
        for ref in refs:
            versions = self.versions[ref]
            for c in versions:
                if c.valid_from <= on and (c.valid_to is None or on <= c.valid_to):
                    return c, True
            if on < versions[0].valid_from:
                return versions[0], True
        return None, True

    def categories_of(self, parts: list[str], on: dt.date) -> tuple[list[int], list[str]]:
        """The category ids of a cell's parts, and the messages about the parts not recognised."""
        ids, problems = [], []
        for part in parts:
            found, known = self.category(part, on)
            if not known and "," in part:  # "Hộ nghèo, trẻ em": a list written with commas
                subs = [self.category(p, on) for p in part.split(",") if p.strip()]
                if subs and all(k and c for c, k in subs):
                    ids += [c.pk for c, _k in subs]
                    continue
            if found is not None:
                ids.append(found.pk)
            elif known:
                problems.append(
                    _("Diện “%(value)s” không áp dụng vào ngày thụ lý %(day)s (Điều 7 Luật TGPL theo từng thời kỳ).")
                    % {"value": part, "day": on.strftime("%d/%m/%Y")}
                )
            else:
                problems.append(_("Không nhận ra diện người được TGPL “%(value)s”.") % {"value": part})
        return list(dict.fromkeys(ids)), problems


# --- The check (dry run) ---------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """A row that will become a case."""

    row: reading.RawRow
    year: int
    number: int
    code: str
    accepted_on: dt.date
    form_id: int
    field_id: int
    category_ids: list[int]
    status: str
    code_key: str = ""
    person: int | None = None  #: an existing person's id
    new_person: int | None = None  #: else the index of the person to create


@dataclass
class Analysis:
    unit: object
    sheets: list[reading.SheetRows] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    new_persons: list[dict] = field(default_factory=list)
    messages: list[list] = field(default_factory=list)  #: [sheet, row, column, message, level]
    error_rows: dict[tuple[str, int], reading.RawRow] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    titles: dict[str, dict] = field(default_factory=dict)  #: sheet -> column key -> title as written

    def add(self, row: reading.RawRow, column: str, message: str, level: str = ERROR) -> None:
        self.messages.append([row.sheet, row.row, column, str(message), level])
        if level == ERROR:
            self.error_rows[(row.sheet, row.row)] = row

    @property
    def blocking(self) -> int:
        return len(self.error_rows)

    def summary(self) -> dict:
        return {
            **self.counts,
            "rows_in_error": self.blocking,
            "errors": sum(1 for m in self.messages if m[4] == ERROR),
            "cases_new": len(self.entries),
            "persons_new": len(self.new_persons),
            "years": sorted(self.years),
        }


def _code_key(code: str) -> str:
    return "".join(fold(code).split()).upper()


def analyse(
    source,
    *,
    unit,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    candidates_out: list | None = None,
):
    """Read and check the whole file for the book of ``unit``; write nothing. Raises ``reading.RegisterFileError``
    when the file is not a register at all. ``candidates_out`` receives the rows that passed the checks of the row
    alone (what ``candidates_json`` keeps for the import)."""
    today = today or timezone.localdate()
    result = Analysis(unit=unit)
    counts = result.counts = dict.fromkeys(
        ("rows_read", "rows_ignored", "already_imported", "duplicates_in_file", "persons_matched"), 0
    )
    codes = Codes()
    workbook = reading.open_workbook(source)
    try:
        result.sheets = reading.sheets(workbook, today=today)
        estimate = sum(s.estimate for s in result.sheets)
        candidates: list[Entry] = []
        seen = 0
        for sheet in result.sheets:
            titles = sheet.header.titles
            for row in sheet.rows:
                seen += 1
                if progress and seen % PROGRESS_EVERY == 0:
                    progress(seen, max(estimate, seen))
                v = row.values
                if v.get("ignored"):
                    counts["rows_ignored"] += 1
                    continue
                counts["rows_read"] += 1
                entry = _resolve(row, v, titles, codes, unit)
                for column, message in row.errors:
                    result.add(row, column, message)
                if entry is not None and not row.errors:
                    candidates.append(entry)
        if progress:
            progress(seen, seen)
    finally:
        workbook.close()
    result.titles = {sheet.name: sheet.header.titles for sheet in result.sheets}
    if candidates_out is not None:
        candidates_out.extend(candidates)
    return _against_database(result, candidates, unit=unit, today=today)


def _against_database(result: Analysis, candidates: list[Entry], *, unit, today: dt.date) -> Analysis:
    centre = unit.centre if unit.kind == OrganisationKind.BRANCH else unit
    _against_file_and_book(result, candidates, centre=centre, unit=unit, today=today)
    _persons(result, centre=centre, unit=unit)
    return result


# --- What the check keeps for the import -------------------------------------------------------------------------
# The import checks the rows against the database again (cases and persons may have changed since the check), but
# does not read the workbook again: the check keeps the rows that passed the checks of the row alone, as JSON, beside
# the uploaded file. (Reading 100,000 rows is most of a check's time.)

_DATES = ("accepted_on", "date_of_birth", "closed_on")
_KEPT = ("name", "name_key", "code", "date_of_birth", "birth_year", "sex", "id_type", "id_number", "address")
_KEPT += ("provider", "result", "closed_on", "note", "summary", "number", "accepted_on")


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def candidates_json(result: Analysis, candidates: list[Entry]) -> bytes:
    data = {
        "counts": {k: result.counts[k] for k in ("rows_read", "rows_ignored")},
        "titles": result.titles,
        "rows": [
            [
                e.row.sheet,
                e.row.row,
                {k: _plain(e.row.values[k]) for k in _KEPT},
                e.number,
                e.code,
                e.form_id,
                e.field_id,
                e.category_ids,
                e.status,
            ]
            for e in candidates
        ],
    }
    return gzip.compress(json.dumps(data, ensure_ascii=False).encode(), compresslevel=3)


def analyse_stored(content: bytes, *, unit, today: dt.date | None = None) -> Analysis:
    """The check against the database of the rows a previous check kept (``candidates_json``)."""
    today = today or timezone.localdate()
    data = json.loads(gzip.decompress(content))
    result = Analysis(unit=unit)
    result.counts = {
        **dict.fromkeys(("already_imported", "duplicates_in_file", "persons_matched"), 0),
        **data["counts"],
    }
    result.titles = data["titles"]
    candidates = []
    for sheet, number, values, register_number, code, form_id, field_id, category_ids, status in data["rows"]:
        for key in _DATES:
            if values[key]:
                values[key] = dt.date.fromisoformat(values[key])
        row = reading.RawRow(sheet=sheet, row=number, cells=(), values=values)
        candidates.append(
            Entry(
                row=row,
                year=values["accepted_on"].year,
                number=register_number,
                code=code,
                accepted_on=values["accepted_on"],
                form_id=form_id,
                field_id=field_id,
                category_ids=category_ids,
                status=status,
                code_key=_code_key(code),
            )
        )
    return _against_database(result, candidates, unit=unit, today=today)


def _resolve(row, v, titles, codes: Codes, unit) -> Entry | None:
    """Codes of one row (field, form, categories) and its case code; errors go on the row."""
    field_of_law = form = None
    if not v["field"]:
        row.error(titles["field"], _("Thiếu lĩnh vực."))
    else:
        field_of_law = codes.field(v["field"])
        if field_of_law is None:
            row.error(titles["field"], _("Không nhận ra lĩnh vực “%(value)s”.") % {"value": v["field"]})
        elif not field_of_law.in_scope:
            row.error(
                titles["field"],
                _("Lĩnh vực “%(value)s” không thuộc phạm vi trợ giúp pháp lý (Điều 27 Luật TGPL).")
                % {"value": v["field"]},
            )
    form_title = titles.get("form") or titles.get("code", "")
    if v["form"]:
        form = codes.form(v["form"])
        if form is None:
            row.error(form_title, _("Không nhận ra hình thức trợ giúp “%(value)s”.") % {"value": v["form"]})
    elif v["code"] and len(v["code"].split(".")) >= 4:
        form = codes.form(v["code"].split(".")[1])  # TT.TV.01.2020: the form's abbreviation (TT 12/2018 Art. 11(1))
    if form is None and not v["form"]:
        row.error(form_title, _("Thiếu hình thức trợ giúp pháp lý."))
    category_ids: list[int] = []
    if v["accepted_on"] is not None:
        category_ids, problems = codes.categories_of(v["categories"], v["accepted_on"])
        for message in problems:
            row.error(titles.get("categories", ""), message)
    if row.errors:
        return None
    year = v["accepted_on"].year
    code = v["code"] or case_code(
        organisation_code=unit.code or "TT", form_code=form.register_code, number=v["number"], year=year
    )
    ended = v["closed_on"] is not None or bool(v["result"])
    return Entry(
        row=row,
        year=year,
        number=v["number"],
        code=code[:40],
        code_key=_code_key(code[:40]),
        accepted_on=v["accepted_on"],
        form_id=form.pk,
        field_id=field_of_law.pk,
        category_ids=category_ids,
        status=CaseStatus.ARCHIVED if ended else CaseStatus.ACCEPTED,
    )


def _same_content(a: Entry, b: Entry) -> bool:
    return (
        a.code_key == b.code_key
        and a.accepted_on == b.accepted_on
        and a.row.values["name_key"] == b.row.values["name_key"]
    )


def _against_file_and_book(result: Analysis, candidates: list[Entry], *, centre, unit, today: dt.date) -> None:
    """Duplicates within the file, numbers and codes already in the system, the current year's book."""
    counts = result.counts
    by_number: dict[tuple[int, int], Entry] = {}
    by_code: dict[str, Entry] = {}
    kept: list[Entry] = []
    for entry in candidates:
        first = by_number.get((entry.year, entry.number))
        titles = _titles(result, entry.row)
        if first is not None:
            if _same_content(first, entry):
                counts["duplicates_in_file"] += 1
                result.add(
                    entry.row,
                    "",
                    _("Trùng với dòng %(row)s của tệp: bỏ qua.") % {"row": first.row.row},
                    NOTICE,
                )
            else:
                result.add(
                    entry.row,
                    titles.get("number", ""),
                    _("Số thụ lý %(number)s của sổ năm %(year)s đã ghi ở dòng %(row)s cho một vụ việc khác.")
                    % {"number": entry.number, "year": entry.year, "row": first.row.row},
                )
            continue
        other = by_code.get(entry.code_key)
        if other is not None:
            result.add(
                entry.row,
                titles.get("code", ""),
                _("Mã hồ sơ “%(code)s” đã ghi ở dòng %(row)s.") % {"code": entry.code, "row": other.row.row},
            )
            continue
        by_number[(entry.year, entry.number)] = entry
        by_code[entry.code_key] = entry
        kept.append(entry)
    # What the book already holds: one query for the numbers of the years concerned, one per 5,000 codes.
    years = sorted({e.year for e in kept})
    existing = {}
    for year, number, code, name_key in LegalAidCase.objects.filter(
        register__organisation=unit, register__kind=RegisterKind.CASES, register__year__in=years
    ).values_list("register__year", "number", "code", "beneficiary__name_key"):
        existing[(year, number)] = (code, name_key)
    codes_taken: dict[str, str] = {}
    wanted = sorted({e.code for e in kept})
    for start in range(0, len(wanted), 5000):
        for code, year, number in LegalAidCase.objects.filter(
            centre=centre, code__in=wanted[start : start + 5000]
        ).values_list("code", "register__year", "number"):
            codes_taken[code] = f"{number}/{year}"
    for entry in kept:
        titles = _titles(result, entry.row)
        there = existing.get((entry.year, entry.number))
        if there is not None:
            code, name_key = there
            if _code_key(code) == entry.code_key or name_key == entry.row.values["name_key"]:
                counts["already_imported"] += 1
                result.add(entry.row, "", _("Đã nhập trước đó (hồ sơ %(code)s): bỏ qua.") % {"code": code}, NOTICE)
            else:
                result.add(
                    entry.row,
                    titles.get("number", ""),
                    _("Số thụ lý %(number)s của sổ năm %(year)s đã cấp cho hồ sơ %(code)s.")
                    % {"number": entry.number, "year": entry.year, "code": code},
                )
            continue
        if entry.year >= today.year:
            result.add(
                entry.row,
                titles.get("accepted_on", ""),
                _(
                    "Sổ năm %(year)s đang được ghi trên hệ thống: chỉ nhập sổ của các năm trước, để số thụ lý của "
                    "năm nay liên tục, không trùng, không bỏ số (Điều 5, 11 Thông tư 12/2018/TT-BTP)."
                )
                % {"year": entry.year},
            )
            continue
        if entry.code in codes_taken:
            result.add(
                entry.row,
                titles.get("code", ""),
                _("Mã hồ sơ “%(code)s” đã có trong hệ thống (số %(where)s).")
                % {"code": entry.code, "where": codes_taken[entry.code]},
            )
            continue
        result.entries.append(entry)
        result.years.add(entry.year)


def _titles(result: Analysis, row: reading.RawRow) -> dict:
    return result.titles.get(row.sheet, {})


def _persons(result: Analysis, *, centre, unit) -> None:
    """Each entry's person: one already registered at the Centre, one created earlier in this file, or a new one."""
    identities = []
    for entry in result.entries:
        v = entry.row.values
        identities.append(
            Identity(
                full_name=v["name"], date_of_birth=v["date_of_birth"], id_type=v["id_type"], id_number=v["id_number"]
            )
        )
    matched = match_persons(centre, identities)
    found: set[int] = set()
    created: dict[tuple, int] = {}
    branch_id = unit.pk if unit.kind == OrganisationKind.BRANCH else None
    for entry, identity, person_id in zip(result.entries, identities, matched, strict=True):
        if person_id is not None:
            entry.person = person_id
            found.add(person_id)
            continue
        v = entry.row.values
        if identity.id_type != NONE:
            key = ("id", identity.id_type, identity.id_number)
        elif identity.date_of_birth:
            key = ("name", v["name_key"], identity.date_of_birth)
        else:
            key = None
        index = created.get(key) if key else None
        if index is None:
            index = len(result.new_persons)
            result.new_persons.append(
                {
                    "full_name": v["name"],
                    "name_key": v["name_key"],
                    "sex": v["sex"] or Sex.OTHER,
                    "date_of_birth": v["date_of_birth"],
                    "birth_year": v["birth_year"],
                    "id_type": v["id_type"],
                    "id_number": v["id_number"],
                    "old_address": v["address"],
                    "centre_id": centre.pk,
                    "branch_id": branch_id,
                }
            )
            if key:
                created[key] = index
        entry.new_person = index
    result.counts["persons_matched"] = len(found)


# --- The error file --------------------------------------------------------------------------------------------------


def error_workbook(result: Analysis) -> bytes:
    """The rows in error as they were in the file, each with its messages in a first column, one sheet per sheet of
    the file; opened in Excel, corrected and uploaded again."""
    wb = Workbook(write_only=True)
    by_row: dict[tuple[str, int], list[str]] = {}
    for sheet, row, column, message, level in result.messages:
        if level == ERROR:
            by_row.setdefault((sheet, row), []).append(f"{column}: {message}" if column else message)
    for sheet in result.sheets:
        ws = wb.create_sheet(sheet.name[:31])
        header = [_("Dòng"), _("Lỗi"), *sheet.header.labels]
        ws.append(header)
        for (name, number), row in sorted(result.error_rows.items()):
            if name != sheet.name:
                continue
            cells = [c.replace(tzinfo=None) if isinstance(c, dt.datetime) and c.tzinfo else c for c in row.cells]
            ws.append([number, "\n".join(by_row.get((name, number), [])), *cells])
    if not wb.worksheets:
        wb.create_sheet("-")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- Services --------------------------------------------------------------------------------------------------------

ALLOWED_EXTENSIONS = (".xlsx",)


def check_upload(upload) -> None:
    """The file's type (by name and content: an .xlsx opens as a zip with ``[Content_Types].xml``) and size."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    ext = extension(upload)
    if ext == ".xls":
        raise ValidationError(
            _("Tệp .xls (Excel 97-2003) chưa đọc được: hãy mở bằng Excel và lưu lại dạng .xlsx."), code="type"
        )
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Tệp “%(name)s” không đúng loại: chỉ nhận tệp .xlsx.") % {"name": name}, code="type")
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.") % {"name": name, "mb": limit // (1024 * 1024)}, code="size"
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": name}, code="empty")
    if not content_matches(upload, ext):
        raise ValidationError(
            _("Tệp “%(name)s” không đúng loại: nội dung không phải tệp .xlsx.") % {"name": name}, code="type"
        )


@transaction.atomic
def import_upload(*, actor, unit, upload, queue: bool = True) -> RegisterImport:
    """Store an uploaded register for the book of ``unit`` and queue its check (after commit; ``queue`` False: the
    caller checks it, as the command does)."""
    _check_unit(actor, unit)
    check_upload(upload)
    centre = unit.centre if unit.kind == OrganisationKind.BRANCH else unit
    batch = RegisterImport(
        centre=centre,
        unit=unit,
        uploaded_by=actor,
        filename=os.path.basename(upload.name)[:255],
        request_id=current_request_id() or "",
    )
    batch.file.save(upload.name, upload, save=False)
    batch.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=batch, message=_("Tải lên sổ thụ lý để nhập"))
    if queue:
        from . import tasks

        transaction.on_commit(lambda: tasks.check_register.enqueue(batch_id=batch.pk))
    return batch


def _progress(batch: RegisterImport) -> Callable[[int, int], None]:
    def update(done: int, total: int) -> None:
        RegisterImport.objects.filter(pk=batch.pk).update(done=done, total=total)

    return update


def import_check(*, batch: RegisterImport) -> Analysis | None:
    """The dry run of ``batch``: its summary, messages and error file; nothing else written. Returns the analysis
    (None when the file could not be read: then ``batch.message`` says why)."""
    RegisterImport.objects.filter(pk=batch.pk).update(status=ImportStatus.CHECKING, done=0, total=0)
    candidates: list[Entry] = []
    try:
        with batch.file.open("rb") as handle:
            result = analyse(handle, unit=batch.unit, progress=_progress(batch), candidates_out=candidates)
    except reading.RegisterFileError as exc:
        _finish_check(batch, summary={}, messages=[], error_file=None, kept=None, message=str(exc))
        return None
    error_file = error_workbook(result) if result.blocking else None
    kept = None if result.blocking else candidates_json(result, candidates)
    _finish_check(
        batch, summary=result.summary(), messages=result.messages, error_file=error_file, kept=kept, message=""
    )
    return result


def _listed(messages: list[list]) -> list[list]:
    """At most ``MAX_LISTED`` messages of each level, errors first."""
    errors = [m for m in messages if m[4] == ERROR][:MAX_LISTED]
    notices = [m for m in messages if m[4] != ERROR][:MAX_LISTED]
    return errors + notices


def _finish_check(batch, *, summary, messages, error_file, kept, message) -> None:
    batch.refresh_from_db()
    for stored in (batch.error_file, batch.checked_rows):
        if stored:
            stored.delete(save=False)
    if error_file:
        batch.error_file.save("loi.xlsx", ContentFile(error_file), save=False)
    if kept:
        batch.checked_rows.save("rows.json.gz", ContentFile(kept), save=False)
    batch.summary = summary
    batch.errors = _listed(messages)
    batch.message = message
    batch.status = ImportStatus.CHECKED if not message else ImportStatus.FAILED
    batch.checked_at = timezone.now()
    batch.done = batch.total = summary.get("rows_read", 0) + summary.get("rows_ignored", 0)
    batch.save()


@transaction.atomic
def import_start(*, actor, batch: RegisterImport, queue: bool = True) -> RegisterImport:
    """Queue the import of a checked batch (the uploader only; the right over the unit checked again)."""
    if batch.uploaded_by_id != actor.pk:
        raise PermissionDenied(_("Chỉ người tải tệp lên được nhập tệp này."))
    _check_unit(actor, batch.unit)
    batch = RegisterImport.objects.select_for_update().get(pk=batch.pk)
    if not batch.importable:
        raise ValidationError(_("Tệp chưa kiểm tra xong, còn dòng lỗi hoặc không có vụ việc mới để nhập."))
    batch.status = ImportStatus.QUEUED
    batch.imported_by = actor
    batch.save(update_fields=["status", "imported_by", "updated_at"])
    if queue:
        from . import tasks

        transaction.on_commit(lambda: tasks.import_register.enqueue(batch_id=batch.pk))
    return batch


class ImportRefused(Exception):
    """The import did not run; the message is for the user."""


def import_run(*, batch: RegisterImport, actor=None) -> dict:
    """Check ``batch`` again, then write it whole in one transaction; returns the summary. Any failure leaves
    nothing written (the batch is marked failed with the reason)."""
    actor = actor or batch.imported_by or batch.uploaded_by
    taken = RegisterImport.objects.filter(pk=batch.pk, status__in=[ImportStatus.QUEUED, ImportStatus.CHECKED]).update(
        status=ImportStatus.IMPORTING, done=0
    )
    if not taken:  # already running or done (a task delivered twice)
        raise ImportRefused(_("Tệp này đang được nhập hoặc đã nhập."))
    started = time.monotonic()
    try:
        if batch.checked_rows:
            with batch.checked_rows.open("rb") as handle:
                result = analyse_stored(handle.read(), unit=batch.unit)
        else:
            with batch.file.open("rb") as handle:
                result = analyse(handle, unit=batch.unit, progress=_progress(batch))
        RegisterImport.objects.filter(pk=batch.pk).update(done=len(result.entries), total=len(result.entries))
        if result.blocking:
            raise ImportRefused(
                _("Dữ liệu đã thay đổi từ lần kiểm tra: %(n)s dòng có lỗi. Hãy kiểm tra lại tệp.")
                % {"n": result.blocking}
            )
        with transaction.atomic():
            written = write(result, batch=batch, actor=actor)
            summary = {**result.summary(), **written, "seconds": round(time.monotonic() - started, 1)}
            RegisterImport.objects.filter(pk=batch.pk).update(
                status=ImportStatus.DONE,
                summary=summary,
                errors=_listed(result.messages),
                imported_at=timezone.now(),
                imported_by=actor,
                message="",
            )
            batch.refresh_from_db()
            audit.record(
                actor=actor,
                action=AuditAction.UPDATE,
                instance=batch,
                message=_("Nhập sổ thụ lý: %(cases)s vụ việc, %(persons)s người mới")
                % {"cases": summary["cases_new"], "persons": summary["persons_new"]},
            )
        return summary
    except Exception as exc:
        if isinstance(exc, ImportRefused):
            message = str(exc)
        elif isinstance(exc, IntegrityError):
            message = _(
                "Sổ đã thay đổi trong khi nhập (một số thụ lý hoặc mã hồ sơ vừa được ghi). Không có gì được "
                "ghi; hãy kiểm tra lại tệp."
            )
        else:
            message = _("Không nhập được tệp; không có gì được ghi. Hãy thử lại hoặc báo quản trị hệ thống.")
        RegisterImport.objects.filter(pk=batch.pk).update(status=ImportStatus.FAILED, message=message)
        if isinstance(exc, ImportRefused):
            return {}
        raise


# --- Writing ---------------------------------------------------------------------------------------------------------


#: Primary keys taken from a sequence at a time.
ID_BLOCK = 10_000


def _ids(model):
    """Primary keys for a bulk write: from the table's sequence on PostgreSQL (safe beside other writers), after the
    largest id on SQLite (the write transaction holds the database's lock)."""
    if connection.vendor == "postgresql":
        table = model._meta.db_table
        while True:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, ID_BLOCK]
                )
                block = [r[0] for r in cursor.fetchall()]
            yield from block
    else:
        yield from itertools.count((model.objects.aggregate(m=Max("id"))["m"] or 0) + 1)


def _table(model, columns, *, ids: bool = True):
    """A ``legalaid.core.generate.Table`` (COPY on PostgreSQL, batches on SQLite) whose ids come from ``_ids``;
    ``ids`` False: rows that nothing written here points to, left to the database's own ids (fewer round trips)."""
    from legalaid.core.generate import Table

    table = Table(model, columns)
    if table.json_columns:  # the JSON columns are all defaults: serialise them once, not once per row
        offset = len(table.columns) - len(table.tail)
        tail = list(table.tail)
        for index in table.json_columns:
            if index < offset:
                raise ValueError(f"{model.__name__}: a JSON column among the columns given")
            tail[index - offset] = json.dumps(tail[index - offset])
        table.tail, table.json_columns = tuple(tail), set()
    tail = table.tail
    if not ids:
        table.columns = table.columns[1:]
        table.dt_columns = {i - 1 for i in table.dt_columns}

        def append(*values):
            table.rows.append((*values, *tail))

        table.add = append
        return table
    source = _ids(model)

    def add(*values):
        pk = next(source)
        table.rows.append((pk, *values, *tail))
        return pk

    table.add = add
    return table


def write(result: Analysis, *, batch: RegisterImport, actor) -> dict:
    """Write the entries of a checked analysis (inside the caller's transaction); returns the counts written."""
    from legalaid.core.generate import CASE_COLUMNS

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("write() must run inside a transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # this transaction only; a crash loses it whole, batch status included
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    unit = result.unit
    centre_id = batch.centre_id
    branch_id = unit.pk if unit.kind == OrganisationKind.BRANCH else None
    now = timezone.now()
    # The books of the years concerned, locked; their last number only ever goes up.
    registers: dict[int, Register] = {}
    for year in sorted(result.years):
        Register.objects.bulk_create(
            [Register(organisation=unit, year=year, kind=RegisterKind.CASES)], ignore_conflicts=True
        )
        registers[year] = Register.objects.select_for_update().get(
            organisation=unit, year=year, kind=RegisterKind.CASES
        )
    persons = _table(
        Person,
        [
            "created_at",
            "updated_at",
            "full_name",
            "name_key",
            "sex",
            "date_of_birth",
            "birth_year",
            "id_type",
            "id_number",
            "old_address",
            "centre_id",
            "branch_id",
        ],
    )
    requests = _table(
        LegalAidRequest,
        [
            "created_at",
            "updated_at",
            "centre_id",
            "branch_id",
            "channel",
            "received_at",
            "received_by_id",
            "requester_id",
            "beneficiary_id",
            "field_of_law_id",
            "desired_form_id",
            "summary",
            "status",
        ],
    )
    categories = _table(LegalAidRequest.categories.through, ["legalaidrequest_id", "category_id"], ids=False)
    decisions = _table(
        RequestDecision,
        ["created_at", "updated_at", "request_id", "kind", "decided_at", "decided_by_id", "note"],
        ids=False,
    )
    cases = _table(LegalAidCase, CASE_COLUMNS)
    events = _table(
        CaseEvent,
        ["created_at", "updated_at", "case_id", "kind", "from_status", "to_status", "actor_id", "reason", "at"],
        ids=False,
    )
    rows = _table(
        ImportedCase,
        ["batch_id", "case_id", "sheet", "row", "provider", "result", "closed_on", "note", "person_created"],
        ids=False,
    )
    tables = [persons, requests, categories, decisions, cases, events, rows]
    person_ids: list[int] = []
    for data in result.new_persons:
        person_ids.append(
            persons.add(
                now,
                now,
                data["full_name"],
                data["name_key"],
                data["sex"],
                data["date_of_birth"],
                data["birth_year"],
                data["id_type"],
                data["id_number"],
                data["old_address"],
                data["centre_id"],
                data["branch_id"],
            )
        )
    persons.flush()
    channel = Channel.IN_PERSON_BRANCH if branch_id else Channel.IN_PERSON_CENTRE
    imported = _("Nhập từ sổ thụ lý cũ (tệp Excel)")
    default_summary = _("Vụ việc nhập từ sổ thụ lý cũ.")
    tz = timezone.get_current_timezone()
    highest: dict[int, int] = {}
    created_persons: set[int] = set()
    for i, entry in enumerate(result.entries, start=1):
        v = entry.row.values
        at = dt.datetime.combine(entry.accepted_on, ACCEPTED_HOUR, tzinfo=tz)
        if entry.person is not None:
            person, fresh = entry.person, False
        else:
            person = person_ids[entry.new_person]
            fresh = person not in created_persons
            created_persons.add(person)
        request = requests.add(
            now,
            now,
            centre_id,
            branch_id,
            channel,
            at,
            actor.pk,
            person,
            person,
            entry.field_id,
            entry.form_id,
            v["summary"] or default_summary,
            RequestStatus.ACCEPTED,
        )
        for category_id in entry.category_ids:
            categories.add(request, category_id)
        decisions.add(now, now, request, DecisionKind.ACCEPT, at, actor.pk, imported)
        register = registers[entry.year]
        case = cases.add(
            now,
            now,
            centre_id,
            branch_id,
            request,
            register.pk,
            entry.number,
            entry.code,
            person,
            entry.form_id,
            entry.field_id,
            at,
            actor.pk,
            entry.status,
        )
        highest[entry.year] = max(highest.get(entry.year, 0), entry.number)
        # One timeline entry: the case enters the system in the status the register gives it (the end, if any, is
        # on the ImportedCase row).
        events.add(now, now, case, EventKind.TRANSITION, "", entry.status, actor.pk, imported, at)
        rows.add(
            batch.pk,
            case,
            entry.row.sheet[:31],
            entry.row.row,
            v["provider"],
            v["result"],
            v["closed_on"],
            v["note"],
            fresh,
        )
        if i % WRITE_CHUNK == 0:
            for table in tables:
                table.flush()
    for table in tables:
        table.flush()
    for year, register in registers.items():
        if highest.get(year, 0) > register.last_number:
            register.last_number = highest[year]
            register.save(update_fields=["last_number"])
    return {"cases_written": cases.written, "persons_written": persons.written}
