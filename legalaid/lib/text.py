"""Search keys for Vietnamese text.

``fold("  Nguyễn Văn  ĐỨC ")`` gives ``"nguyen van duc"``: lowercase, no diacritics, đ -> d, spaces collapsed.
Every name search stores and compares folded keys, so "nguyen van duc" finds "Nguyễn Văn Đức".
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Letters that Unicode does not decompose into base + combining mark.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"})


def fold(text: str | None) -> str:
    """Return the search key of ``text``."""
    if not text:
        return ""
    # Case-fold after the compatibility decomposition, which can produce capitals ("℡" -> "TEL"), then decompose
    # again: case-folding can produce letters with marks.
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL)).casefold().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", decomposed)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", stripped)).strip()
