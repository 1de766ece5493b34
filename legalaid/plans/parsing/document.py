"""A plan as a Centre writes it (.docx, .txt or text), read into plain data for review and saving.

``parse_plan(source)`` returns exactly::

    {"number", "date" (ISO or None), "issuer", "title", "bases": [...], "purposes": [...], "requirements": [...],
     "tasks": [{"ref", "content", "lead": [...], "partners": [...], "timeframe": {...}, "expected_output",
                "targets": [{"text", "value", "unit"}], "children": [...]}]}

How a plan is read (the state document format of Decree 30/2020/NĐ-CP and the habits of the Centres' plans):

- The header (before the document type "KẾ HOẠCH"): "Số: 33/KH-TGPL", "Lạng Sơn, ngày 21 tháng 01 năm 2020", the
  issuing body (upper-case lines; else the subject of "... xây dựng / ban hành Kế hoạch" in the opening paragraph).
  The title follows "KẾ HOẠCH"; the opening paragraphs give the bases ("Căn cứ ...", "Thực hiện ...").
- Sections are headings (Roman numerals, capital letters, or upper-case lines) classified by their words: MỤC ĐÍCH /
  MỤC TIÊU, YÊU CẦU, CĂN CỨ, the task sections (NỘI DUNG, NHIỆM VỤ, HOẠT ĐỘNG, GIẢI PHÁP, PHỤ LỤC ...) and the rest
  (KINH PHÍ, TỔ CHỨC THỰC HIỆN, CHẾ ĐỘ BÁO CÁO ...), which hold no tasks. A Roman heading with other words ("II. CÔNG
  TÁC TRUYỀN THÔNG") is itself a task. "Nơi nhận:" ends the body; a "PHỤ LỤC" after it opens tasks again.
- Tasks nest by their numbering: "I.", "1.", "1.1", "1.1.1", "a)", "Hoạt động 1:", then "-" and "+". A dotted number
  is placed under the task whose number is its prefix ("2.2" under "2."), wherever it appears.
- Field lines ("Chủ trì:", "Đơn vị phối hợp:", "Thời gian thực hiện:", "Kết quả:" ... see ``fields``) belong to the
  task above them; they may also be inline on the task line, or columns of a task table.
- A "-" or "+" item is a sub-task when it has its own lead ("+ Phòng Nghiệp vụ: ..."), its own deadline ("... trước
  ngày 15/3/2025") or its own field lines; otherwise it is part of its task's content.
- A task written twice (a copy-paste in the source) is kept once, with the fields of both copies.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from ._text import fold_chars
from .fields import (
    DEADLINE,
    LEAD,
    OUTPUT,
    PARTNERS,
    TIME,
    find_deadline,
    find_targets,
    lead_and_partners,
    leading_label,
    split_inline_fields,
    split_units,
    subject_unit,
    unit_prefix,
)
from .sources import Block, PlanSourceError, load_blocks
from .timeframes import Timeframe, parse_timeframe

__all__ = ["PlanSourceError", "empty_plan", "parse_plan"]


def empty_plan() -> dict:
    return {
        "number": "",
        "date": None,
        "issuer": "",
        "title": "",
        "bases": [],
        "purposes": [],
        "requirements": [],
        "tasks": [],
    }


# --- Markers ---------------------------------------------------------------------------------------------------------

_MARKER = re.compile(
    r"^(?:"
    r"(?P<roman>[IVX]{1,5})\s*(?:[.)/:]|\s[-–](?=\s))\s*"
    r"|(?P<arabic>\d{1,2}(?:\.\d{1,2}){1,4})\.?\)?\s+"
    r"|(?P<arabic1>\d{1,2})\s*[.)/]\s*(?!\d)"
    r"|(?P<word>(?i:hoạt động|nhiệm vụ|chuyên đề|nội dung|giải pháp|phần)\s+(?:\d{1,2}|[IVX]{1,5}|(?i:thứ)\s+\w+))"
    r"\s*[:.)–-]\s*"
    r"|(?P<letter>[a-zđ])\s*[)./]\s+"
    r"|(?P<upper>[A-ZĐ])\s*[.)]\s+"
    r"|(?P<bullet>[-–—+•·●○▪◦❖➢►➤→✓>\uf0a7\uf0b7\uf0d8\uf076\uf0fc])\s*"
    r")"
)
_BULLET_KIND = {"–": "-", "—": "-", "+": "+"}


@dataclass
class _Marker:
    kind: tuple
    ref: str
    text: str


def _marker(line: str) -> _Marker | None:
    m = _MARKER.match(line)
    if not m:
        return None
    rest = line[m.end() :]
    if m.group("bullet"):
        inner = _MARKER.match(rest)
        # "- 1. Tham mưu ..." and "- + Phòng ...": a stray bullet before the real marker.
        if inner and rest and (not inner.group("bullet") or (rest[:1] in "+-•–" and rest[1:2] == " ")):
            return _marker(rest)
    if m.group("roman"):
        ref = m.group("roman")
        return _Marker(("roman",), ref, rest)
    if m.group("arabic"):
        ref = m.group("arabic")
        return _Marker(("arabic", ref.count(".") + 1), ref, rest)
    if m.group("arabic1"):
        return _Marker(("arabic", 1), m.group("arabic1"), rest)
    if m.group("word"):
        word = m.group("word")
        return _Marker(("word", fold_chars(word.split()[0]).lower()), " ".join(word.split()), rest)
    if m.group("letter"):
        return _Marker(("letter",), m.group("letter"), rest)
    if m.group("upper"):
        return _Marker(("upper",), m.group("upper"), rest)
    char = m.group("bullet")
    return _Marker(("bullet", _BULLET_KIND.get(char, "-" if char in "-" else "•")), "", rest)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


# --- Sections ----------------------------------------------------------------------------------------------------

PURPOSES, REQUIREMENTS, BOTH, BASES, TASKS, OTHER = "purposes", "requirements", "both", "bases", "tasks", "other"

_SECTION_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:muc dich|muc tieu)\b.*\byeu cau", BOTH),
    (r"muc dich|muc tieu|quan diem", PURPOSES),
    (r"yeu cau", REQUIREMENTS),
    (r"can cu|co so (?:phap ly|xay dung)", BASES),
    (
        r"kinh phi|nguon kinh phi|du toan|to chuc thuc hien|trach nhiem|che do bao cao|thong tin bao cao|bao cao|"
        r"dieu khoan|hieu luc|kiem tra|giam sat|khen thuong va ky luat|phan cong trach nhiem|doi tuong|pham vi|"
        r"thoi gian thuc hien|de xuat|kien nghi|dieu kien bao dam|bao dam thuc hien|phan cong (?!nhiem vu)",
        OTHER,
    ),
    (
        r"(?:cac |mot so )?(?:noi dung|nhiem vu|hoat dong|giai phap|chuong trinh|ke hoach hoat dong|danh muc|phu luc|"
        r"cong viec|tien do|phan cong nhiem vu|cac buoc)",
        TASKS,
    ),
)


def _classify(text: str) -> str | None:
    f = fold_chars(text).strip(" .:;-")
    if len(f.split()) > 16:
        return None
    for pattern, section in _SECTION_WORDS:
        if re.match(pattern, f):
            return section
    return None


# --- Tasks under construction --------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Node:
    kind: tuple
    ref: str
    title: str
    parent: _Node | None = None
    items: list = field(default_factory=list)  # str (content) or _Node (child), in document order
    fields: list = field(default_factory=list)  # (kind, value, after_bullet)
    own: dict = field(default_factory=dict)  # a bullet's own lead / timeframe
    is_bullet: bool = False

    @property
    def children(self) -> list[_Node]:
        return [item for item in self.items if isinstance(item, _Node)]

    def last_bullet(self) -> _Node | None:
        for item in reversed(self.items):
            if isinstance(item, _Node):
                return item if item.is_bullet else None
        return None


class _TaskBuilder:
    """Places task lines, content and fields into a tree by their numbering."""

    def __init__(self, default_year: int | None) -> None:
        self.root = _Node(("root",), "", "")
        self.stack: list[_Node] = [self.root]
        self.default_year = default_year
        self.all_numbered: list[_Node] = []
        # A label whose value is on the next line(s): (kind, the label line's marker kind, values taken so far).
        self.pending: tuple[str, tuple | None, int] | None = None
        self.last_field: tuple[list, int] | None = None

    def reset(self) -> None:
        self.stack = [self.root]

    # The parent a new item of ``kind`` goes under, and how far the open path is closed.
    def _place(self, kind: tuple, ref: str) -> _Node:
        if kind[0] == "arabic" and kind[1] > 1:
            prefix = ref.rsplit(".", 1)[0]
            for depth in range(len(self.stack) - 1, 0, -1):
                if self.stack[depth].ref == prefix and self.stack[depth].kind[0] == "arabic":
                    del self.stack[depth + 1 :]
                    return self.stack[depth]
            for node in reversed(self.all_numbered):
                if node.ref == prefix and node.kind[0] == "arabic":
                    self.stack = self._path(node)
                    return node
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].kind == kind:
                del self.stack[depth:]
                return self.stack[-1]
        return self.stack[-1]

    @staticmethod
    def _path(node: _Node) -> list[_Node]:
        path = []
        while node is not None:
            path.append(node)
            node = node.parent
        return list(reversed(path))

    def task_ancestor(self, node: _Node) -> _Node:
        while node.is_bullet and node.parent is not None:
            node = node.parent
        return node

    def add_node(self, kind: tuple, ref: str, title: str) -> _Node:
        parent = self._place(kind, ref)
        node = _Node(kind, ref, title, parent=parent, is_bullet=kind[0] == "bullet")
        parent.items.append(node)
        self.stack.append(node)
        if not node.is_bullet:
            self.all_numbered.append(node)
        return node

    def add_field(self, kind: str, value: str, marker_kind: tuple | None) -> None:
        # A field line with its own bullet: close the path down to where that bullet would sit.
        parent = self._place(marker_kind, "") if marker_kind is not None else self.stack[-1]
        if parent is self.root:
            return
        if parent.is_bullet and marker_kind is not None:
            parent.fields.append((kind, value, None))  # "+ Chủ trì:" under a "-" item: that item's own field
            self.last_field = (parent.fields, len(parent.fields) - 1)
            return
        target = self.task_ancestor(parent)
        after = parent if parent.is_bullet else target.last_bullet()
        while after is not None and after.parent is not target:
            after = after.parent
        target.fields.append((kind, value, after))
        self.last_field = (target.fields, len(target.fields) - 1)

    def extend_field(self, value: str) -> None:
        """One more line of the last field's value ("Kết quả:" over a list of products)."""
        if self.last_field is not None:
            fields, index = self.last_field
            kind, old, after = fields[index]
            fields[index] = (kind, f"{old.rstrip(' ;,.')}; {value}", after)

    def add_content(self, text: str) -> None:
        top = self.stack[-1]
        if top is not self.root:
            top.items.append(text)

    # --- Building the output ------------------------------------------------------------------------------------------

    def result(self) -> list[dict]:
        self._distribute(self.root)
        tasks = self._realise_children(self.root)[1]
        return _dedupe(tasks)

    def _distribute(self, node: _Node) -> None:
        groups = {id(after): after for _, _, after in node.fields if after is not None}
        if len(groups) >= 2:
            kept = []
            for kind, value, after in node.fields:
                if after is None:
                    kept.append((kind, value, None))
                else:
                    after.fields.append((kind, value, None))
            node.fields = kept
        else:
            node.fields = [(kind, value, None) for kind, value, _ in node.fields]
        for child in node.children:
            self._distribute(child)

    def _promoted(self, node: _Node) -> bool:
        return not node.is_bullet or bool(node.fields) or bool(node.own)

    def _realise_children(self, node: _Node) -> tuple[list[str], list[dict]]:
        content: list[str] = []
        tasks: list[dict] = []
        for item in node.items:
            if isinstance(item, str):
                content.append(item)
            elif self._promoted(item):
                tasks.append(self._task(item))
            else:
                sub_content, sub_tasks = self._realise_children(item)
                if sub_tasks:
                    tasks.extend(sub_tasks)
                    if not item.title.rstrip().endswith(":"):
                        content.append(f"- {item.title}")
                else:
                    content.append(f"- {item.title}" if item.title else "")
                content.extend(sub_content)
        return [c for c in content if c], tasks

    def _task(self, node: _Node) -> dict:
        content_lines, children = self._realise_children(node)
        lead: list[str] = list(node.own.get(LEAD, []))
        partners: list[str] = []
        time_text = ""
        outputs: list[str] = []
        seen_kinds: set[str] = set()
        deadline = False
        for kind, value, _ in node.fields:
            if kind == LEAD and LEAD not in seen_kinds:
                leads, more_partners = lead_and_partners(value)
                lead.extend(u for u in leads if u not in lead)
                partners.extend(u for u in more_partners if u not in partners)
            elif kind == PARTNERS and PARTNERS not in seen_kinds:
                partners.extend(u for u in split_units(value) if u not in partners)
            elif kind in (TIME, DEADLINE) and not time_text:
                time_text = value.strip(" ;,.")
                deadline = kind == DEADLINE
            elif kind == OUTPUT:
                value = value.strip(" ;,.")
                if value and value not in outputs:
                    outputs.append(value)
            seen_kinds.add(kind)
        if time_text:
            timeframe = parse_timeframe(time_text, default_year=self.default_year)
            if deadline and timeframe.start and timeframe.start == timeframe.end:
                timeframe = dataclasses.replace(timeframe, start=None)  # "Thời hạn: 30/9/2026": due by that day
        else:
            # No time field: a deadline written in the task's own line ("Tổ chức sơ kết (tháng 6/2025)").
            timeframe = node.own.get(TIME) or find_deadline(node.title, default_year=self.default_year)
            timeframe = timeframe or Timeframe(text="")
        title = node.title.strip()
        content = "\n".join([title, *content_lines]).strip()
        expected_output = "; ".join(outputs)
        return {
            "ref": node.ref,
            "content": content,
            "lead": lead,
            "partners": partners,
            "timeframe": timeframe.to_json(),
            "expected_output": expected_output,
            "targets": find_targets(content, expected_output),
            "children": children,
        }


def _filled(task: dict) -> int:
    return sum(bool(x) for x in (task["lead"], task["partners"], task["timeframe"]["text"], task["expected_output"]))


def _dedupe(tasks: list[dict]) -> list[dict]:
    """Siblings with the same number and first line are one task written twice: keep the fuller copy, fill the gaps
    from the other."""
    out: list[dict] = []
    for task in tasks:
        task["children"] = _dedupe(task["children"])
        key = (task["ref"], fold_chars(task["content"].split("\n", 1)[0]).strip(" .:;"))
        twin = next(
            (t for t in out if (t["ref"], fold_chars(t["content"].split("\n", 1)[0]).strip(" .:;")) == key), None
        )
        if twin is None or not task["ref"]:
            out.append(task)
            continue
        best, other = (task, twin) if _filled(task) > _filled(twin) else (twin, task)
        for name in ("lead", "partners", "expected_output", "children", "targets"):
            if not best[name]:
                best[name] = other[name]
        if not best["timeframe"]["text"]:
            best["timeframe"] = other["timeframe"]
        out[out.index(twin)] = best
    return out


# --- Task tables -----------------------------------------------------------------------------------------------------

_COLUMNS: tuple[tuple[str, str], ...] = (
    (r"\bphoi hop\b", PARTNERS),
    (r"\bchu tri\b", LEAD),
    (r"\bthoi han\b|\bhan hoan thanh\b|\bthoi gian hoan thanh\b", DEADLINE),
    (r"\bthoi gian\b|\btien do\b|\bthoi diem\b", TIME),
    (r"\bket qua\b|\bsan pham\b", OUTPUT),
    (r"\bnoi dung\b|\bnhiem vu\b|\bhoat dong\b|\bcong viec\b|\bten\b|\bgiai phap\b", "content"),
    (r"\bthuc hien\b|\btrach nhiem\b|\bdon vi\b|\bco quan\b", LEAD),
    (r"^(?:stt|tt|so tt|so thu tu)$", "ref"),
    (r"\bghi chu\b|\bkinh phi\b", "ignore"),
)


def _column_kind(header: str) -> str | None:
    f = fold_chars(header).strip(" .:")
    for pattern, kind in _COLUMNS:
        if re.search(pattern, f):
            return kind
    return None


def _table_columns(rows: list[list[str]]) -> tuple[dict[int, str], int] | None:
    """Map the columns of a task table, or None when the table is not one. Returns (columns, header rows)."""
    for header_at in range(min(3, len(rows))):
        header = rows[header_at]
        kinds = [_column_kind(cell) for cell in header]
        used = header_at + 1
        if "content" not in kinds:
            continue
        # A second header row ("Chủ trì | Phối hợp" under a merged "Đơn vị thực hiện").
        if used < len(rows):
            second = rows[used]
            second_kinds = [_column_kind(cell) for cell in second]
            if any(k in (LEAD, PARTNERS, TIME, DEADLINE, OUTPUT) for k in second_kinds) and all(
                not cell.strip() or (len(cell.split()) <= 5 and (kind or cell == header[i]))
                for i, (cell, kind) in enumerate(zip(second, second_kinds, strict=False))
                if i < len(header)
            ):
                kinds = [
                    second_kinds[i] if i < len(second) and second[i] != header[i] and second_kinds[i] else kind
                    for i, kind in enumerate(kinds)
                ]
                used += 1
        if any(k in (LEAD, PARTNERS, TIME, DEADLINE, OUTPUT) for k in kinds):
            columns: dict[int, str] = {}
            for i, kind in enumerate(kinds):
                if kind and kind != "ignore" and kind not in columns.values():
                    columns[i] = kind
            if "ref" not in columns.values() and 0 not in columns:
                columns[0] = "ref"
            return columns, used
    return None


def _add_table(builder: _TaskBuilder, rows: list[list[str]], columns: dict[int, str], start: int) -> None:
    """Rows of a task table become tasks under the task open above the table (or at the top level)."""
    saved = list(builder.stack)
    builder.stack = [builder.task_ancestor(saved[-1])]
    last_kind: tuple = ("row",)
    for row in rows[start:]:
        distinct = list(dict.fromkeys(c.strip() for c in row if c.strip()))
        if not distinct:
            continue
        if len(distinct) == 1 and len(row) > 1:  # a group row merged across the table
            marker = _marker(distinct[0])
            if marker and marker.kind[0] != "bullet":
                cells = {"ref": marker.ref, "content": marker.text}
            else:
                cells = {"ref": "", "content": distinct[0]}
        else:
            cells = {kind: (row[i] if i < len(row) else "").strip() for i, kind in columns.items()}
        content = cells.get("content", "")
        if not content:
            continue
        ref = cells.get("ref", "").strip().rstrip(".)")
        marker = _marker(f"{ref}. x") if ref else None
        if marker and marker.kind[0] != "bullet":
            kind, ref = marker.kind, marker.ref
        else:
            kind, ref = last_kind, ref if len(ref) <= 12 else ""
        last_kind = kind
        lines = [line.strip() for line in content.split("\n") if line.strip()]
        node = builder.add_node(kind, ref, lines[0])
        node.is_bullet = False
        node.items.extend(lines[1:])
        for name in (LEAD, PARTNERS, TIME, DEADLINE, OUTPUT):
            if cells.get(name):
                node.fields.append((name, cells[name], None))
    builder.stack = saved


# --- The document ------------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?:^|\s)so\s*[:.]\s*|^\s*so\s+(?=\d+\s*/)")
#: "33 /KH- TGPL", "12/2024/KH-UBND", "/KH-TGPL" (number left blank in a draft); stops before the place and date.
_NUMBER_VALUE = re.compile(r"\d*[A-Za-z]?\s*(?:/\s*[A-ZĐ0-9][A-ZĐ0-9.&]*(?:\s*[-–]\s*[A-ZĐ0-9][A-ZĐ0-9.&]*)*)+")
_DATE = re.compile(r"ngay\s*(\d{1,2})?\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_DATE_NUMERIC = re.compile(r",\s*ngay\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_PLACE_DATE = re.compile(r",\s*ngay\b")
_MOTTO = re.compile(r"(?:cong\s+)?hoa xa hoi chu nghia|^\s*cong\s*$|doc lap\s*-\s*tu do|[-_=]{4,}")
_AGENCY = re.compile(
    r"^(?:trung tam|so |uy ban|ubnd|phong |chi nhanh|cuc |bo |hoi dong|van phong|ban |doan |hoi |tinh uy|huyen uy)"
)
_ISSUER_CLAUSE = re.compile(r"(?:xay dung|ban hanh)\s+ke hoach")
_BASIS_START = re.compile(r"^(?:can cu|thuc hien|trien khai|tren co so|theo)\b\s*")
_DOC_TYPES = re.compile(
    r"^(?:luat|nghi dinh|nghi quyet|quyet dinh|ke hoach|thong tu|chi thi|cong van|chuong trinh|de an|van ban|"
    r"thong bao|huong dan|quy che)\b"
)
_END = re.compile(r"^(?:noi nhan|tren day la (?:ke hoach|noi dung))")


def _number_at(text: str) -> tuple[str, int]:
    """The document number at the start of ``text`` ("33 /KH- TGPL" -> "33/KH-TGPL") and the characters it spans."""
    stripped = text.lstrip()
    skipped = len(text) - len(stripped)
    m = _NUMBER_VALUE.match(stripped)
    raw = m.group(0) if m else stripped.split(" ")[0]
    value = re.sub(r"\s*([/-])\s*", r"\1", raw.replace("–", "-")).strip(" .;,")
    return value, skipped + len(raw)


@dataclass
class _Header:
    number: str = ""
    date: date | None = None
    year: int | None = None
    place: str = ""
    issuer_lines: list[str] = field(default_factory=list)


def _read_header(lines: list[str]) -> _Header:
    """Number, date, place and the issuer's lines. Two-column headers typed on one line with tabs ("SỞ TƯ PHÁP
    <tab> CỘNG HÒA ...", "Số: 12/KH-STP <tab> Hà Nội, ngày ...") are read too."""
    header = _Header()
    number_next = False
    for line in lines:
        f = fold_chars(line)
        number_end = 0
        if number_next and not header.number:  # "Số:" alone, the number on the next line
            number_next = False
            value, _ = _number_at(line)
            if "/" in value:
                header.number = value
                continue
        if not header.number:
            m = _NUMBER.search(f)
            if m and not line[m.end() :].strip():
                number_next = True
                continue
            if m:
                value, length = _number_at(line[m.end() :])
                if "/" in value:
                    header.number = value
                    number_end = m.end() + length
        if header.year is None:
            m = _DATE.search(f) or _DATE_NUMERIC.search(f)
            place = _PLACE_DATE.search(f)
            if m and (place or len(line) < 60):
                header.year = int(m.group(3))
                try:
                    header.date = date(header.year, int(m.group(2)), int(m.group(1))) if m.group(1) else None
                except ValueError:
                    header.date = None
                if place:
                    header.place = line[number_end : place.start()].strip(" ,:;-–")
                continue
        if number_end or header.year is not None:
            continue  # the issuer is named above the number and the date
        if re.match(r"^(?:quyet dinh|ke hoach|thong bao|chuong trinh|bao cao|cong van)\b", f.strip()):
            break  # the document type: the issuer is named above it
        motto = _MOTTO.search(f)
        issuer_part = line[: motto.start()].strip() if motto else line.strip()
        if _is_upper(issuer_part) and not fold_chars(issuer_part).startswith("ke hoach"):
            header.issuer_lines.append(issuer_part)
    return header


def _issuer_from_header(lines: list[str]) -> str:
    """The last body named in the header's upper-case lines (the first is the superior body)."""
    bodies: list[str] = []
    for line in lines:
        f = fold_chars(line)
        if _AGENCY.match(f) or not bodies:
            bodies.append(line)
        else:
            bodies[-1] += " " + line
    return bodies[-1].strip() if bodies else ""


def _issuer_from_text(paragraphs: list[str], place: str) -> str:
    for paragraph in paragraphs:
        f = fold_chars(paragraph)
        for m in reversed(list(_ISSUER_CLAUSE.finditer(f))):
            start = max((d.end() for d in re.finditer(r"[.;,:]\s+", f[: m.start()])), default=0)
            subject = paragraph[start : m.start()].strip()
            if subject and _AGENCY.match(fold_chars(subject) + " ") and len(subject.split()) <= 16:
                if re.search(r"\b(?:tinh|thanh pho)$", fold_chars(subject)) and place:
                    subject = f"{subject} {place}"
                return subject
    return ""


def _bases(paragraphs: list[str]) -> list[str]:
    """The documents the plan implements: "Căn cứ ..." and "Thực hiện ..." paragraphs, one entry per document."""
    bases: list[str] = []
    for paragraph in paragraphs:
        f = fold_chars(paragraph)
        m = _BASIS_START.match(f)
        if not m:
            continue
        text, ftext = paragraph[m.end() :], f[m.end() :]
        if not _DOC_TYPES.match(ftext) and not re.search(r"\d+/[\w-]*[a-z]", ftext):
            continue
        # Cut "...; Trung tâm ... xây dựng Kế hoạch ..." (the issuer's own clause).
        for clause in reversed(list(_ISSUER_CLAUSE.finditer(ftext))):
            cuts = list(re.finditer(r"[.;,]\s+", ftext[: clause.start()]))
            if cuts and _AGENCY.match(ftext[cuts[-1].end() :]):
                text, ftext = text[: cuts[-1].start()], ftext[: cuts[-1].start()]
                break
        # Several documents in one paragraph, separated by semicolons.
        pieces: list[str] = []
        start = 0
        for sep in [*re.finditer(r";\s*", ftext), None]:
            end = sep.start() if sep else len(text)
            piece, fpiece = text[start:end], ftext[start:end]
            lead = _BASIS_START.match(fpiece)
            if lead:
                piece, fpiece = piece[lead.end() :], fpiece[lead.end() :]
            if pieces and not _DOC_TYPES.match(fpiece):
                pieces[-1] += "; " + piece
            else:
                pieces.append(piece)
            start = sep.end() if sep else end
        bases.extend(p.strip(" .;,") for p in pieces if p.strip(" .;,"))
    return bases


def parse_plan(source, *, extras: bool = False) -> dict:
    """Read a plan from a path (.docx, .txt), bytes, an uploaded file or its text; see the module's docstring.

    ``extras=True`` adds "place" (of the date line), "budget_note" (the KINH PHÍ section's text) and "recipients" (the
    "Nơi nhận:" list) to the plan. Raises ``PlanSourceError`` (a ``ValueError`` with a Vietnamese message) when the
    source cannot be read; text that is not a plan gives a plan with few or no tasks."""
    blocks = load_blocks(source)
    return _parse_blocks(blocks, extras=extras)


def _parse_blocks(blocks: list[Block], *, extras: bool = False) -> dict:
    plan = empty_plan()
    more: dict = {"place": "", "budget_note": [], "recipients": []}
    # Header tables (two columns: issuer and number | motto, place and date) read as lines.
    flat: list[Block] = []
    seen_title = False
    for block in blocks:
        if block.is_table and not seen_title and _table_columns(block.rows) is None:
            for row in block.rows:
                for cell in dict.fromkeys(row):
                    flat.extend(Block(text=line) for line in cell.split("\n"))
        else:
            flat.append(block)
            if not block.is_table and fold_chars(block.text).strip().startswith("ke hoach"):
                seen_title = True
    blocks = flat

    texts = [b.text if not b.is_table else "" for b in blocks]
    folded = [fold_chars(t).strip() for t in texts]

    # The document type line. A plan attached to a decision ("QUYẾT ĐỊNH Ban hành Kế hoạch ..." then, after the
    # decision's "Nơi nhận:", "KẾ HOẠCH (Ban hành kèm theo Quyết định số ...)") is read from its own title line.
    title_at = next((i for i, f in enumerate(folded) if re.match(r"^ke hoach\b", f) and _is_upper(texts[i][:8])), None)
    header_end = title_at if title_at is not None else min(len(blocks), 12)
    header = _read_header([t for t in texts[:header_end] if t.strip()])
    if not header.number or header.year is None:
        # Number or date under the title in some layouts.
        extra = _read_header([t for t in texts[header_end : header_end + 6] if t.strip() and len(t) < 120])
        header.number = header.number or extra.number
        if header.year is None:
            header.year, header.date, header.place = extra.year, extra.date, extra.place
    plan["number"] = header.number
    plan["date"] = header.date.isoformat() if header.date else None

    # Title: after "KẾ HOẠCH", up to the opening paragraph.
    i = (title_at + 1) if title_at is not None else header_end
    title_parts: list[str] = []
    attachment_basis: list[str] = []
    if title_at is not None:
        rest = texts[title_at].strip()[len("KẾ HOẠCH") :].strip(" :-–")
        if rest:
            title_parts.append(rest)
        while i < len(blocks) and not texts[i].strip() and not blocks[i].is_table and not title_parts:
            i += 1
        while i < len(blocks) and texts[i].strip() and not blocks[i].is_table and len(title_parts) < 4:
            f, line = folded[i], texts[i].strip()
            if re.fullmatch(r"[-_=.*\s]+", line) or _section_heading(line) is not None:
                break
            attached = re.match(r"^\(\s*(?:ban hanh\s+)?kem theo\s+", f)
            if attached:  # "(Ban hành kèm theo Quyết định số 2658/QĐ-BTP ngày 31/12/2020 ...)": the plan's basis
                attachment_basis.append(line[attached.end() :].strip(" )"))
                i += 1
                continue
            if title_parts and (
                len(line) > 150 or _marker(line) or re.match(r"^(?:can cu|thuc hien|tren co so|de|nham)\b", f)
            ):
                break
            title_parts.append(texts[i].strip())
            i += 1
    plan["title"] = " ".join(title_parts).strip()
    year = header.year or _year_in(plan["title"])

    # Opening paragraphs, up to the first section heading (or the first numbered task when there is none).
    body_start = i
    opening: list[str] = []
    section = None
    while body_start < len(blocks):
        block = blocks[body_start]
        if block.is_table:
            break
        line = texts[body_start].strip()
        if line and _section_heading(line) is not None:
            break
        marker = _marker(line) if line else None
        if (
            marker is not None
            and marker.kind[0] in ("arabic", "word")
            and not _BASIS_START.match(fold_chars(marker.text))
        ):
            section = TASKS
            break
        if line:
            opening.append(line)
        body_start += 1
    plan["bases"] = attachment_basis + _bases(opening)
    issuer = _issuer_from_header(header.issuer_lines) if header.issuer_lines else ""
    plan["issuer"] = issuer or _issuer_from_text(opening[:6], header.place)

    builder = _TaskBuilder(year)
    _read_body(blocks[body_start:], plan, builder, section, more)
    plan["tasks"] = builder.result()
    if extras:
        plan["place"] = header.place
        plan["budget_note"] = "\n".join(more["budget_note"])
        plan["recipients"] = more["recipients"]
    return plan


def _year_in(text: str) -> int | None:
    m = re.search(r"\bnam\s+((?:19|20)\d{2})\b", fold_chars(text or ""))
    return int(m.group(1)) if m else None


def _section_heading(line: str) -> tuple[str | None, _Marker | None] | None:
    """(section, marker) when ``line`` is a section heading; section None for an unknown Roman heading."""
    marker = _marker(line)
    text = marker.text if marker else line
    heading_like = bool(marker and marker.kind[0] in ("roman", "upper")) or (
        _is_upper(text) and (marker is None or marker.kind in (("arabic", 1), ("word", "phan")))
    )
    if marker and marker.kind == ("word", "phan"):
        heading_like = True
    if not heading_like:
        return None
    section = _classify(text)
    if section is not None:
        return section, marker
    if marker and marker.kind[0] == "roman":
        return None, marker
    return None


def _read_body(
    blocks: list[Block], plan: dict, builder: _TaskBuilder, section: str | None = None, more: dict | None = None
) -> None:
    more = more if more is not None else {"budget_note": [], "recipients": []}
    both_part = PURPOSES
    ended = False
    budget = False
    recipients_open = False
    year = builder.default_year
    for block in blocks:
        if block.is_table:
            mapped = _table_columns(block.rows)
            if mapped is not None:
                if section != TASKS:
                    builder.reset()
                section = TASKS
                _add_table(builder, block.rows, *mapped)
            continue
        line = block.text.strip()
        if not line:
            continue
        f = fold_chars(line)
        if _END.match(f):
            ended = True
            if f.startswith("noi nhan"):
                recipients_open = True
                rest = line[line.find(":") + 1 :].strip() if ":" in line else ""
                if rest:
                    more["recipients"].append(rest.lstrip("-–+• ").strip(" ;.,"))
            continue
        if recipients_open:
            marker = _marker(line)
            if marker is not None and marker.kind[0] == "bullet":
                if marker.text.strip(" ;.,/"):
                    more["recipients"].append(marker.text.strip(" ;.,/"))
                continue
            recipients_open = False
        if ended:
            if re.match(r"^phu luc\b", f):
                ended = False
                section = TASKS
                builder.reset()
            continue

        heading = _section_heading(line)
        if heading is not None:
            kind, marker = heading
            if kind == TASKS and section == TASKS and marker is not None and marker.kind[0] == "arabic":
                _task_line(builder, line, year)  # "1. NỘI DUNG TUYÊN TRUYỀN" inside the tasks: a task
                continue
            if kind is not None:
                section = kind
                budget = kind == OTHER and bool(
                    re.match(r"(?:nguon )?kinh phi|du toan", fold_chars(marker.text if marker else line).strip())
                )
                both_part = PURPOSES
                builder.reset()
                continue
            # An unknown Roman heading: a group of tasks.
            if section != TASKS:
                section = TASKS
                builder.reset()
            builder.add_node(marker.kind, marker.ref, marker.text)
            continue

        if section == BOTH:
            marker = _marker(line)
            text = marker.text if marker else line
            sub = fold_chars(text).strip(" .:")
            if len(sub.split()) <= 6 and re.match(r"^(?:muc dich|muc tieu|yeu cau)\b", sub):
                both_part = REQUIREMENTS if sub.startswith("yeu cau") else PURPOSES
                continue
        if section in (PURPOSES, REQUIREMENTS, BOTH, BASES):
            marker = _marker(line)
            text = (marker.text if marker else line).strip()
            if text:
                target = {PURPOSES: "purposes", REQUIREMENTS: "requirements", BASES: "bases"}.get(
                    section, "requirements" if both_part == REQUIREMENTS else "purposes"
                )
                if target == "bases":
                    text = re.sub(r"^(?i:căn cứ)\s+", "", text).strip(" ;.")
                plan[target].append(text)
            continue
        if section != TASKS:
            if section == OTHER and budget:
                more["budget_note"].append(line)
            continue
        _task_line(builder, line, year)


def _task_line(builder: _TaskBuilder, line: str, year: int | None) -> None:
    pending, builder.pending = builder.pending, None
    marker = _marker(line)
    if pending is not None and leading_label(marker.text if marker else line) is None:
        kind, label_kind, taken = pending
        if marker is None and not taken:  # the value on the next line
            builder.add_field(kind, line, label_kind)
            return
        if marker is not None and marker.kind[0] == "bullet" and marker.kind != label_kind:  # a list under the label
            if taken:
                builder.extend_field(marker.text)
            else:
                builder.add_field(kind, marker.text, label_kind)
            builder.pending = (kind, label_kind, taken + 1)
            return
    text = marker.text if marker else line
    labelled = leading_label(text)
    if labelled is not None:
        kind, value = labelled
        # "Chủ trì: Phòng NV; Thời gian: Quý II" on one line.
        head, more = split_inline_fields(value)
        marker_kind = marker.kind if marker else None
        if not value.strip():
            builder.pending = (kind, marker_kind, 0)  # "Thời gian thực hiện:" with its value on the next line(s)
            return
        builder.add_field(kind, head if more else value, marker_kind)
        for more_kind, more_value in more:
            builder.add_field(more_kind, more_value, marker_kind)
        return
    if marker is None:
        # "Tổ chức 15 buổi truyền thông; Trách nhiệm: các Chi nhánh": content, then fields of the task above.
        head, pairs = split_inline_fields(text)
        builder.add_content(head if pairs else text)
        for kind, value in pairs:
            builder.add_field(kind, value, None)
        return
    head, pairs = split_inline_fields(text)
    node = builder.add_node(marker.kind, marker.ref, head if pairs else text)
    for kind, value in pairs:
        node.fields.append((kind, value, None))
    if node.is_bullet:
        prefix = unit_prefix(node.title)
        if prefix:
            node.own[LEAD] = split_units(prefix[0])
            node.title = prefix[1]
        deadline = find_deadline(node.title, default_year=year)
        if deadline is not None:
            node.own[TIME] = deadline
            subject = "" if prefix else subject_unit(node.title)
            if subject:  # "+ Trung tâm tổ chức sinh hoạt chuyên đề ... trước ngày 28/3/2025"
                node.own[LEAD] = [subject]
