"""Reading a plan's source into blocks: lines of text and tables, in document order.

A source is a path (.docx, .txt or .md), bytes, a file object (an upload) or the text itself. In a .docx, paragraphs
numbered by Word itself (the "1.", "a)" or "-" that the text does not contain) get their label back from the
numbering definitions, so the structure reads the same as in a plain-text copy.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from ._text import clean


class PlanSourceError(ValueError):
    """The source cannot be read as a plan (unknown format, damaged file)."""


@dataclass
class Block:
    """A line of text, or a table (``rows`` of cell texts per grid column, a cell's paragraphs joined by newlines)."""

    text: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1258 (Vietnamese ANSI)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


_TABLE_RULE = re.compile(r"^[|\s]*$")
_ENDS_PARAGRAPH = re.compile(r"[.;:!?…)\]\"”]$")
_STARTS_CONTINUATION = re.compile(r"^(?:[a-zà-ỹđ]|\d+(?![.)/]\s|\.\d))")
_STARTS_MARKER = re.compile(r"^(?:[a-zđ]\s*[)./]\s|[-+•–]\s)")


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _text_blocks(text: str) -> list[Block]:
    """Lines of a text. Copies from web pages wrap paragraphs ("... quy định chức năng, nhiệm" / "vụ, quyền hạn ...")
    and keep table bars ("|"): a line that does not end a sentence is joined with the next when that one begins in
    lower case or with a number that is not a list marker."""
    lines: list[str] = []
    for raw in clean(text).split("\n"):
        line = raw.strip().strip("|").strip()
        if _TABLE_RULE.match(raw) and raw.strip():
            continue
        if (
            line
            and lines
            and lines[-1]
            and not _ENDS_PARAGRAPH.search(lines[-1])
            and not _mostly_upper(lines[-1])
            and _STARTS_CONTINUATION.match(line)
            and not _STARTS_MARKER.match(line)
        ):
            lines[-1] = f"{lines[-1]} {line}"
            continue
        lines.append(line)
    return [Block(text=line) for line in lines]


def load_blocks(source) -> list[Block]:
    """The blocks of ``source``; raises ``PlanSourceError`` when it is not a readable .docx or text."""
    name = ""
    data: bytes | None = None
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 1024 and _is_file(source)
    ):
        path = Path(source)
        name = path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PlanSourceError(_("Không đọc được tệp %(name)s.") % {"name": name}) from exc
    elif isinstance(source, str):
        return _text_blocks(source)
    elif isinstance(source, bytes | bytearray):
        data = bytes(source)
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "") or "")
        if hasattr(source, "seek"):
            source.seek(0)
        content = source.read()
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    else:
        raise PlanSourceError(_("Không nhận dạng được nguồn kế hoạch."))

    suffix = Path(name).suffix.lower()
    if data[:2] == b"PK" or suffix == ".docx":
        return _docx_blocks(data)
    if suffix == ".doc" or data[:4] == b"\xd0\xcf\x11\xe0":
        raise PlanSourceError(_("Tệp .doc (Word 97-2003) chưa đọc được: hãy lưu lại dưới dạng .docx rồi tải lên."))
    if suffix == ".pdf" or data[:4] == b"%PDF":
        raise PlanSourceError(_("Tệp PDF chưa đọc được: hãy tải lên bản .docx hoặc .txt của kế hoạch."))
    return _text_blocks(_decode(data))


def _is_file(value: str) -> bool:
    try:
        return Path(value).is_file()
    except (OSError, ValueError):
        return False


# --- .docx ---------------------------------------------------------------------------------------------------------

_FORMATS = {
    "decimal": lambda n: str(n),
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": lambda n: _letters(n),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def _letters(n: int) -> str:
    n = max(n, 1)
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(n: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
    values += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while n >= value:
            out += letters
            n -= value
    return out


class _Numbering:
    """Word's automatic numbering: the label each numbered paragraph shows."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})

    def _num_pr(self, paragraph):
        qn = self.qn
        ppr = paragraph._p.pPr
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None and paragraph.style is not None:
            style_ppr = paragraph.style.element.find(qn("w:pPr"))
            num_pr = style_ppr.find(qn("w:numPr")) if style_ppr is not None else None
        return num_pr

    def label(self, paragraph) -> str:
        qn = self.qn
        try:
            num_pr = self._num_pr(paragraph)
        except (AttributeError, KeyError):
            return ""
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        num_id = num_id_el.get(qn("w:val")) if num_id_el is not None else None
        ilvl = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, [levels.get(i, ("", "", 1))[2] - 1 for i in range(9)])
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        label = text
        for i in range(ilvl + 1):
            level_fmt = levels.get(i, ("decimal", "", 1))[0]
            render = _FORMATS.get(level_fmt, str)
            label = label.replace(f"%{i + 1}", render(max(counters[i], 1)))
        return label.strip()


def _docx_blocks(data: bytes) -> list[Block]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PlanSourceError(_("Tệp .docx bị hỏng hoặc không phải tệp Word.")) from exc
    numbering = _Numbering(document)
    blocks: list[Block] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            label = numbering.label(paragraph)
            for line in clean(paragraph.text).split("\n"):
                blocks.append(Block(text=f"{label} {line}".strip() if label else line))
                label = ""
        elif tag == "tbl":
            table = Table(child, document)
            rows: list[list[str]] = []
            for row in table.rows:
                # One text per grid column: a merged cell repeats its text, so columns stay aligned with the header.
                rows.append([clean("\n".join(p.text for p in cell.paragraphs)).strip() for cell in row.cells])
            if rows:
                blocks.append(Block(rows=rows))
    return blocks
