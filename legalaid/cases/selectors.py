"""Reads of cases for the case pages, always through ``visible_to(user)``."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from legalaid.cases.models import CaseEvent
from legalaid.intake.models import LegalAidCase


def case_for(user, pk: int, *, detail: bool = False) -> LegalAidCase:
    """The case ``pk`` if ``user`` sees it; 404 otherwise (another Centre's case is not confirmed to exist)."""
    qs = LegalAidCase.objects.visible_to(user).select_related("form_of_aid", "field_of_law", "centre", "branch")
    if detail:
        qs = qs.select_related(
            "beneficiary",
            "register",
            "register__organisation",
            "accepted_by",
            "request",
            "completion",
            "archive",
            "litigation",
            "litigation__agency",
            "representation",
            "advice",
        ).prefetch_related(
            Prefetch("events", queryset=CaseEvent.objects.select_related("actor")),
            "hearings",
            "work_log__activity_type",
            "work_log__provider_user",
            "attachments",
            "completion__success_criteria",
            "completion__complexity_criteria",
            "archive__checked_items",
        )
    return get_object_or_404(qs, pk=pk)
