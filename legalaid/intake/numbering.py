"""Register numbers: never repeated, never skipped, per organisation, year and book (TT 12/2018 Art. 5, 11(1)).

The register row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite runs IMMEDIATE transactions, which take the
write lock at BEGIN), incremented and saved inside the caller's transaction: if the acceptance fails afterwards the
increment rolls back with it, so no number is lost.
"""

from __future__ import annotations

from django.db import transaction

from legalaid.intake.models import Register


def next_number(*, organisation, year: int, kind: str) -> tuple[Register, int]:
    """Take the next number of a book. Must run inside ``transaction.atomic``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() must run inside a transaction")
    # Create the year's book if missing; a concurrent creator loses quietly and both then lock the same row.
    Register.objects.bulk_create([Register(organisation=organisation, year=year, kind=kind)], ignore_conflicts=True)
    register = Register.objects.select_for_update().get(organisation=organisation, year=year, kind=kind)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    return register, register.last_number


def case_code(*, organisation_code: str, form_code: str, number: int, year: int) -> str:
    """``TT.TV.01.2026``, ``CN1.TGTT.07.2026`` (TT 12/2018 Art. 11(1))."""
    return f"{organisation_code}.{form_code}.{number:02d}.{year}"
