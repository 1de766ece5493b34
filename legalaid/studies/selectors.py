"""Reads of thematic studies, always through ``visible_to(user)``."""

from __future__ import annotations

from django.db.models import Prefetch

from .models import StudyComment, StudyStep, StudyVersion, ThematicStudy


def study_list(*, user):
    return (
        ThematicStudy.objects.visible_to(user)
        .select_related("lead_department", "reviewing_department")
        .prefetch_related(Prefetch("steps", queryset=StudyStep.objects.order_by("due_on", "id")), "authors")
    )


def study_detail(*, user):
    return (
        ThematicStudy.objects.visible_to(user)
        .select_related("centre", "lead_department", "reviewing_department", "created_by", "plan", "plan_task")
        .prefetch_related(
            Prefetch("steps", queryset=StudyStep.objects.select_related("done_by").order_by("due_on", "id")),
            "authors",
            "outline",
            Prefetch(
                "versions",
                queryset=StudyVersion.objects.select_related("uploaded_by").prefetch_related(
                    Prefetch("comments", queryset=StudyComment.objects.select_related("author"))
                ),
            ),
        )
    )


def version_visible(*, user):
    return StudyVersion.objects.filter(study__in=ThematicStudy.objects.visible_to(user)).select_related("study")
