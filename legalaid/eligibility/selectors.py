"""Reads of the eligibility data (reference data: every authenticated user may see it)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch

from .models import AgeThreshold, Category, CategoryProof, FinancialGround

#: The dates on which the text of Art. 7 changed (Law 11/2017; Law 53/2024; Law 59/2024).
VERSION_DATES = (dt.date(2018, 1, 1), dt.date(2025, 7, 1), dt.date(2026, 1, 1))


def category_list():
    return Category.objects.prefetch_related(
        Prefetch("requirements", queryset=CategoryProof.objects.select_related("proof").order_by("group", "pk"))
    )


def category_versions() -> dict:
    """Categories with, for each version date, whether the row is in force then; grounds and thresholds."""
    categories = list(category_list())
    rows = [
        {
            "category": c,
            "in_force": [c.in_force_on(d) for d in VERSION_DATES],
            "proof_groups": _groups(c.requirements.all()),
        }
        for c in categories
    ]
    return {
        "rows": rows,
        "version_dates": VERSION_DATES,
        "grounds": FinancialGround.objects.prefetch_related("proofs"),
        "thresholds": AgeThreshold.objects.all(),
    }


def _groups(requirements) -> list[list]:
    groups: dict[int, list] = {}
    for req in requirements:
        groups.setdefault(req.group, []).append(req.proof)
    return [groups[g] for g in sorted(groups)]
