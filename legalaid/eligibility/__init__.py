"""Eligibility for legal aid (Law 11/2017/QH14 Art. 7 and its amendments).

``from legalaid.eligibility import evaluate, Facts`` works at any time: the names are resolved lazily so that
importing the package while Django loads its apps pulls in no model.
"""

from typing import Any

__all__ = ["EligibilityResult", "Facts", "evaluate"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import rules

        return getattr(rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
