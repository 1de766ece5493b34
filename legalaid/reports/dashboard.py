"""The dashboard's charts (issue 11 item 3): one grouped query per chart, every bar with the URL of the list it counts.

A chart is data only (labels, datasets of values and links); the page puts them in one
``<script type="application/json">`` block (not executed, so the strict CSP allows it) that ``static/js/dashboard.js``
draws with the vendored Chart.js; a click on a bar opens its link. Each chart also renders as a table of links, for
readers without a canvas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from . import facts, mappings
from .periods import Period


@dataclass
class Dataset:
    label: str
    data: list
    links: list[str]


@dataclass
class Chart:
    id: str
    title: str
    labels: list[str]
    datasets: list[Dataset]
    kind: str = "bar"
    note: str = ""
    horizontal: bool = False
    extra: dict = field(default_factory=dict)

    def as_data(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "horizontal": self.horizontal,
            "labels": self.labels,
            "datasets": [{"label": d.label, "data": d.data, "links": d.links} for d in self.datasets],
        }


def _months(start: dt.date, end: dt.date) -> list[str]:
    months, day = [], start.replace(day=1)
    while day <= end and len(months) < 120:
        months.append(f"{day:%Y-%m}")
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def by_month(user, period: Period, unit) -> Chart:
    """Requests received, cases accepted and cases completed per month (one query each)."""
    start, end = period.start, period.counted_end
    months = _months(start, end)
    datasets = []
    for code in ("received", "accepted", "completed"):
        measure = facts.MEASURES[code]
        counts = facts.count_by_month(measure.facts(user, start, end, unit), measure)
        datasets.append(
            Dataset(
                str(measure.label),
                [counts.get(m, 0) for m in months],
                [facts.drill_url(code, start, end, unit, {"month": m}) for m in months],
            )
        )
    labels = [f"{m[5:]}/{m[:4]}" for m in months]
    return Chart("chart-month", _("Yêu cầu và vụ việc theo tháng"), labels, datasets)


def by_dimension(user, period: Period, unit, dimension: str, title: str) -> Chart:
    """Cases accepted in the period per member of ``dimension`` (one grouped query)."""
    start, end = period.start, period.counted_end
    measure = facts.MEASURES["accepted"]
    counts = facts.count_columns(measure.facts(user, start, end, unit), measure.subject, {"n": {}}, (dimension,))
    members = mappings.members(dimension)
    return Chart(
        f"chart-{dimension}",
        title,
        [label for _v, label in members],
        [
            Dataset(
                str(measure.label),
                [counts.get((v,), {}).get("n", 0) for v, _l in members],
                [facts.drill_url("accepted", start, end, unit, {dimension: v}) for v, _l in members],
            )
        ],
        horizontal=dimension == "field",
    )


def by_category(user, period: Period, unit) -> Chart:
    """Cases accepted per eligibility category (a case in two categories is in both bars): one query."""
    start, end = period.start, period.counted_end
    measure = facts.MEASURES["accepted"]
    columns = [c for c in mappings.category_columns(period) if c.key != "poor_minority"]
    counts = facts.count_columns(
        measure.facts(user, start, end, unit), measure.subject, {c.key: c.dims for c in columns}
    )
    return Chart(
        "chart-category",
        _("Vụ việc thụ lý theo diện"),
        [f"{c.dims['cat']} {c.label}" for c in columns],
        [
            Dataset(
                str(measure.label),
                [counts[c.key] for c in columns],
                [facts.drill_url("accepted", start, end, unit, c.dims) for c in columns],
            )
        ],
        horizontal=True,
    )


def quota(user, period: Period, unit) -> Chart | None:
    """Each legal aid officer in scope: the year's litigation quota and the litigation cases (those the user sees)
    assigned to them by decisions of that year (two queries); a bar of cases opens the list of those cases
    (``records.quota_cases``, the same query), a bar of quota the quota table of their Centre for that year."""
    from legalaid.providers.choices import ProviderKind
    from legalaid.providers.models import LitigationQuota, Provider

    from .records import FAMILIES, quota_cases

    if not user.has_perm("providers.view_quota_table"):
        return None
    year, end = period.counted_end.year, period.counted_end
    providers = facts.in_unit(Provider.objects.visible_to(user), unit).filter(kind=ProviderKind.OFFICER, is_active=True)
    rows = list(
        LitigationQuota.objects.filter(provider__in=providers, year=year)
        .order_by("provider__name_key")
        .values_list("provider_id", "provider__full_name", "provider__centre_id", "cases")[:40]
    )
    if not rows:
        return None
    done = dict(
        quota_cases(user, year, end, [r[0] for r in rows])
        .values_list("provider_id")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    table = reverse("providers:quota_table")
    family = FAMILIES["quota"]
    return Chart(
        "chart-quota",
        _("Tiến độ định mức vụ việc tham gia tố tụng năm %(year)s") % {"year": year},
        [name for _p, name, _c, _q in rows],
        [
            Dataset(
                _("Đã được cử"),
                [done.get(p, 0) for p, _n, _c, _q in rows],
                [family.url(dt.date(year, 1, 1), end, unit, provider=p) for p, _n, _c, _q in rows],
            ),
            Dataset(
                _("Định mức"),
                [q for _p, _n, _c, q in rows],
                [f"{table}?centre={centre}&year={year}" for _p, _n, centre, _q in rows],
            ),
        ],
        horizontal=True,
    )


def appraisal(user, period: Period, unit) -> Chart | None:
    """Completed litigation and representation cases: appraised (done) and not yet, by form (one query)."""
    if not user.has_perm("quality.view_appraisal"):
        return None
    from legalaid.intake.models import FormOfAid
    from legalaid.quality.selectors import appraised_forms

    start, end = period.start, period.counted_end
    forms = list(FormOfAid.objects.filter(code__in=appraised_forms()).values_list("pk", "name"))
    measure = facts.MEASURES["completed"]
    columns = {}
    for pk, _name in forms:
        columns[f"yes{pk}"] = {"form": str(pk), "appraised": "yes"}
        columns[f"no{pk}"] = {"form": str(pk), "appraised": "no"}
    counts = facts.count_columns(measure.facts(user, start, end, unit), measure.subject, columns)
    datasets = []
    for flag, label in (("yes", _("Đã thẩm định")), ("no", _("Chưa thẩm định"))):
        datasets.append(
            Dataset(
                label,
                [counts[f"{flag}{pk}"] for pk, _n in forms],
                [facts.drill_url("completed", start, end, unit, columns[f"{flag}{pk}"]) for pk, _n in forms],
            )
        )
    return Chart("chart-appraisal", _("Thẩm định vụ việc kết thúc"), [n for _p, n in forms], datasets)


def satisfaction(user, period: Period, unit) -> Chart | None:
    """Rated answers of the surveys answered in the period, satisfied or not, per audience (one query); each bar
    opens the list of those answers (``records.satisfaction_answers``, the same query)."""
    if not user.has_perm("feedback.view_survey"):
        return None
    from legalaid.feedback.choices import Audience

    from .records import FAMILIES, satisfaction_answers

    start, end = period.start, period.counted_end
    rows = {
        r["response__version__questionnaire__audience"]: r
        for r in satisfaction_answers(user, start, end, unit)
        .values("response__version__questionnaire__audience")
        .annotate(total=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True)))
        .order_by()
    }
    family = FAMILIES["satisfaction"]
    audiences = list(Audience.choices)
    satisfied = [rows.get(a, {}).get("satisfied", 0) for a, _l in audiences]
    totals = [rows.get(a, {}).get("total", 0) for a, _l in audiences]
    return Chart(
        "chart-satisfaction",
        _("Ý kiến về sự hài lòng"),
        [str(label) for _a, label in audiences],
        [
            Dataset(
                _("Hài lòng"),
                satisfied,
                [family.url(start, end, unit, audience=a, satisfied="yes") for a, _l in audiences],
            ),
            Dataset(
                _("Chưa hài lòng"),
                [t - s for t, s in zip(totals, satisfied, strict=True)],
                [family.url(start, end, unit, audience=a, satisfied="no") for a, _l in audiences],
            ),
        ],
    )


def outreach(user, period: Period, unit) -> Chart | None:
    """The catalogue's outreach figures against their plan targets, when the outreach module measures them."""
    from legalaid.plans.metrics import all_metrics

    metrics = [m for m in all_metrics() if m.code.startswith("outreach") and m.available]
    if not metrics or (unit is not None and unit.kind != "centre"):
        return None
    from legalaid.core.models import Organisation
    from legalaid.core.scoping import scope_of

    if scope_of(user).branch_id:
        return None
    centres = Organisation.objects.visible_to(user).filter(kind="centre")
    if unit is not None:
        centres = centres.filter(pk=unit.pk)
    centres = list(centres[:10])
    start, end = period.start, period.counted_end
    labels, values, links = [], [], []
    for metric in metrics:
        for centre in centres:
            labels.append(f"{metric.label} – {centre.name}" if len(centres) > 1 else str(metric.label))
            value = metric.measure(centre, start, end)
            values.append(float(value) if value is not None else None)
            links.append(metric.drilldown_url(centre, start, end))
    return Chart(
        "chart-outreach", _("Truyền thông về trợ giúp pháp lý"), labels, [Dataset(_("Thực hiện"), values, links)]
    )


def deadlines(user, today: dt.date) -> tuple[Chart | None, dict | None]:
    """Deadlines overdue and due this week, by kind (``cases.deadlines``: one query per kind); each bar opens the
    list of those deadlines below the charts."""
    from legalaid.cases.deadlines import deadlines_for

    groups = deadlines_for(user, today)
    if groups is None:
        return None, None
    kinds: dict[str, str] = {}
    for name in ("overdue", "today", "this_week"):
        for d in groups[name]:
            kinds.setdefault(d.kind, d.label)
    if not kinds:
        return None, groups
    datasets = []
    for name, label in (("overdue", _("Quá hạn")), ("this_week", _("Trong tuần này"))):
        items = groups[name] + (groups["today"] if name == "this_week" else [])
        datasets.append(
            Dataset(
                label,
                [sum(1 for d in items if d.kind == k) for k in kinds],
                [f"#deadlines-{name}-{k}" for k in kinds],
            )
        )
    return Chart("chart-deadlines", _("Thời hạn quá hạn và trong tuần"), list(kinds.values()), datasets), groups


def charts(user, period: Period, unit, today: dt.date) -> tuple[list[Chart], dict | None]:
    found = [
        by_month(user, period, unit),
        by_dimension(user, period, unit, "form", _("Vụ việc thụ lý theo hình thức trợ giúp")),
        by_dimension(user, period, unit, "field", _("Vụ việc thụ lý theo lĩnh vực")),
        by_category(user, period, unit),
        quota(user, period, unit),
        appraisal(user, period, unit),
        satisfaction(user, period, unit),
        outreach(user, period, unit),
    ]
    deadline_chart, groups = deadlines(user, today)
    found.append(deadline_chart)
    return [c for c in found if c is not None], groups
