"""Reads of campaigns, always through ``visible_to(user)``."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q

from .choices import NominationStatus
from .models import Award, Campaign, CampaignUnit, Decision, Nomination


def campaign_list(*, user):
    return (
        Campaign.objects.visible_to(user)
        .prefetch_related(Prefetch("units", queryset=CampaignUnit.objects.select_related("organisation")))
        .annotate(
            nomination_count=Count("nominations", distinct=True),
            approved_count=Count("nominations", filter=Q(nominations__status=NominationStatus.APPROVED), distinct=True),
            award_count=Count("decisions__awards", distinct=True),
        )
        .order_by("-period_start", "-id")  # Meta.ordering does not apply to GROUP BY queries
    )


def campaign_detail(*, user):
    return (
        Campaign.objects.visible_to(user)
        .select_related("centre", "created_by", "plan", "plan_task")
        .prefetch_related(
            Prefetch("units", queryset=CampaignUnit.objects.select_related("organisation")),
            Prefetch(
                "nominations",
                queryset=Nomination.objects.select_related(
                    "nominee_user",
                    "nominee_user__organisation",
                    "nominee_unit",
                    "proposed_form",
                    "proposed_by",
                    "decided_by",
                ).prefetch_related(Prefetch("awards", queryset=Award.objects.select_related("form", "decision"))),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("recorded_by").prefetch_related(
                    Prefetch(
                        "awards",
                        queryset=Award.objects.select_related(
                            "form", "nomination__nominee_user", "nomination__nominee_unit"
                        ),
                    )
                ),
            ),
        )
    )


def nomination_visible(*, user):
    return Nomination.objects.filter(campaign__in=Campaign.objects.visible_to(user)).select_related(
        "campaign", "nominee_user", "nominee_unit", "proposed_form"
    )


def decision_visible(*, user):
    return Decision.objects.filter(campaign__in=Campaign.objects.visible_to(user)).select_related("campaign")
