"""Operations on a case after acceptance. Each is one transaction that checks scope and writes the audit trail."""

from __future__ import annotations

from legalaid.cases.workflow import case_transition, lock_case, record_event

__all__ = ["case_transition", "lock_case", "record_event"]
