"""Plan documents (.docx, .txt or text) read into plain data; see ``parse_plan``. (First version: header only.)"""

from __future__ import annotations

import re
from pathlib import Path

from ._text import clean, fold_chars


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


def parse_plan(source) -> dict:
    """Parse a plan; ``source`` is a path (.docx or .txt), bytes, a file object or the text itself."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else str(source)
    plan = empty_plan()
    lines = clean(text).split("\n")
    for line in lines:
        m = re.match(r"so\s*:\s*(.+)", fold_chars(line))
        if m and not plan["number"]:
            plan["number"] = re.sub(r"\s*([/-])\s*", r"\1", line[m.start(1) :].strip())
    return plan
