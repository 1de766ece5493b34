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


#: Shorter words of a name search are matched as whole words of the key (see ``name_words_q``).
TRIGRAM_MIN = 3


def name_words_q(field: str, text: str | None):
    """A ``Q`` keeping rows whose folded ``field`` holds every word of ``text`` (any order); ``None`` when ``text``
    holds no word.

    A word of three letters or more may be anywhere in the key (``field LIKE '%word%'``), which the pg_trgm GIN
    index serves. pg_trgm extracts no trigram from a shorter word inside a wildcard (``'%an%'``: the whole index is
    read), so a one- or two-letter word ("Lê", "Hà", "An", "Tú") is matched as a whole word of the key: ``'an'``,
    ``'an %'``, ``'% an'`` or ``'% an %'`` -- patterns whose word boundaries give trigrams ("  a", " an", "an "),
    so the same index serves them (docs/performance.md). "le" then finds "Lê Văn An", not "Lệnh".
    """
    from django.db.models import Q

    words = fold(text).split()
    if not words:
        return None
    condition = Q()
    for word in dict.fromkeys(words):
        if len(word) >= TRIGRAM_MIN:
            condition &= Q(**{f"{field}__contains": word})
        else:
            condition &= (
                Q(**{field: word})
                | Q(**{f"{field}__startswith": word + " "})
                | Q(**{f"{field}__endswith": " " + word})
                | Q(**{f"{field}__contains": f" {word} "})
            )
    return condition
