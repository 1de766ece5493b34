"""Text helpers shared by the plan parsers.

``fold_chars`` folds Vietnamese text character by character (lowercase, no diacritics, đ -> d, dashes -> "-", spaces
other than newlines -> " ") and keeps
the length, so a match found in the folded text points at the same span of the original: the parsers match keywords
whatever the accents or the case, and still return the words as the Centre wrote them.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def clean(text: str) -> str:
    """NFC-normalise ``text`` (Word may store decomposed letters), drop markdown asterisks, unify spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("*", "")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(_MD_HEADING.sub("", line) for line in lines)


def _fold_char(ch: str) -> str:
    if ch in "đĐðÐ":
        return "d"
    if ch in _DASHES:
        return "-"
    if ch == "\n":
        return "\n"
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else ch.lower()[:1] or "?"


class _FoldTable(dict):
    """``str.translate`` table filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def fold_chars(text: str) -> str:
    """Fold ``text`` one character at a time; ``len(fold_chars(t)) == len(t)``."""
    return text.translate(_TABLE)
