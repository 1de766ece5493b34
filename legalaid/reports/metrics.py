"""The catalogue's figures the fact layer measures (``legalaid.plans.metrics``), registered from
``ReportsConfig.ready`` (after the plans app: a later registration replaces a placeholder of the same code).

``officers_reaching_quota_pct`` was a placeholder ("chưa đo được") although the data exist: the officers' yearly
litigation quotas (``providers.LitigationQuota``) and their litigation assignments (``providers.Assignment``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

#: The catalogue's figures the fact layer counts exactly, with their drill-down list (``reports:metric_<code>``):
#: (measure, fixed dimensions, a form of aid by its code).
METRIC_DRILLS = {
    "requests_received": ("received", {}),
    "requests_served_pct": ("received", {}),  # the requests received, of which the share decided
    "cases_accepted": ("accepted", {}),
    "litigation_cases_accepted": ("accepted", {"form": "litigation"}),
    "requests_online_pct": ("received", {}),  # the requests received, of which the share sent online
}


def quota_counts(centre, start, end) -> tuple[int, int]:
    """(officers who reached their quota, officers with a quota) for the year of ``end``: the active legal aid officers
    of ``centre`` with a quota that year, and the litigation cases they were assigned by decisions of that year up to
    ``end`` (counted as the quota table counts: ``providers.selectors.quota_progress``; UNCONFIRMED whether a Centre
    counts at assignment or at completion, docs/rules-to-confirm.md). Two queries."""
    from django.db.models import Count, OuterRef, Subquery

    from legalaid.providers.choices import ProviderKind
    from legalaid.providers.models import Assignment, LitigationQuota
    from legalaid.providers.selectors import LITIGATION

    year = end.year
    done = (
        Assignment.objects.filter(
            provider=OuterRef("provider"),
            case__form_of_aid__code=LITIGATION,
            decision_year=year,
            decision_date__lte=end,
        )
        .order_by()
        .values("provider")
        .annotate(n=Count("case_id", distinct=True))
        .values("n")
    )
    quotas = LitigationQuota.objects.filter(
        provider__centre=centre, provider__kind=ProviderKind.OFFICER, provider__is_active=True, year=year, cases__gt=0
    ).annotate(done=Subquery(done))
    rows = list(quotas.values_list("cases", "done"))
    return sum(1 for quota, n in rows if (n or 0) >= quota), len(rows)


@register_metric(
    "officers_reaching_quota_pct",
    _("Tỷ lệ Trợ giúp viên pháp lý đạt chỉ tiêu tham gia tố tụng"),
    "%",
    note=_(
        "Trợ giúp viên pháp lý đã được cử đủ số vụ việc tham gia tố tụng theo định mức năm (năm của ngày cuối kỳ) "
        "trên tổng số Trợ giúp viên có định mức năm đó."
    ),
    keywords=("dat chi tieu tham gia to tung", "tro giup vien phap ly dat chi tieu"),
    drilldown="reports:quota",
)
def officers_reaching_quota_pct(centre, start, end):
    from decimal import Decimal

    reached, total = quota_counts(centre, start, end)
    if not total:
        return None
    return Decimal(reached) * 100 / Decimal(total)


def link_drilldowns() -> None:
    """Give the catalogue's figures that had no list the list the fact layer counts for them (``METRIC_DRILLS``),
    and the figures that count other records the list built by their own function (``records.FAMILIES``: the
    appraisal figures, which opened the quality app's coverage table, now open the cases they count)."""
    from dataclasses import replace

    from legalaid.plans import metrics

    from .records import FAMILIES

    links = {code: f"reports:metric_{code}" for code in METRIC_DRILLS}
    for code, family in FAMILIES.items():
        if family.per_centre:
            links[code] = f"reports:records_{code}"
    for code, name in links.items():
        metric = metrics.get_metric(code)
        if metric is not None and (not metric.drilldown or name.startswith("reports:records_")):
            metrics._REGISTRY[code] = replace(metric, drilldown=name)


link_drilldowns()
