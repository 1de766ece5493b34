"""The reporting fact layer (issue 11 item 1; DOMAIN.md section 5, "Design").

A *fact* is one record a figure counts: a legal aid case (one beneficiary: one "lượt người") or a legal aid request.
Each fact carries its dimensions: field of law, form of aid, eligibility categories (of the request, by the Law's
point, ``Category.ref``), the beneficiary's sex, the kinds of its providers of record, its unit (head office or
branch) and its status dates. Nothing is copied into a table: every figure is one ORM aggregation over the live
records (``COUNT(...) FILTER (WHERE ...)`` on PostgreSQL, ``COUNT(CASE WHEN ...)`` on SQLite), grouped by the row
dimensions, one query per table.

- A **measure** says which facts a period holds (received, accepted, refused, completed, discontinued, in progress).
- A **dimension** narrows the facts to one member (``field=3``, ``cat=7.2``, ``cat=7.2+7.4`` for "both", ``sex=female``,
  ``kind=officer``, ``office=b12``, ``month=2026-03``); the same ``{dimension: value}`` dictionary is a cell's filter
  and the query string of its drill-down list (``drill_url``), so the figure and the list are the same query.
- A Ministry **form** is a mapping (``legalaid.reports.mappings``): a measure, row dimensions and columns as
  dictionaries of dimensions. A new form is new data there, not new code here.

Every queryset starts from ``Model.objects.visible_to(user)`` (``legalaid.core.scoping``), then the unit chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind
from legalaid.lib.dates import day_range, on_days, start_of_day

CASE = "case"
REQUEST = "request"


# --- The unit (scope) -----------------------------------------------------------------------------------------------


def unit_choices(user):
    """The units ``user`` may report on: every Centre and branch of their scope (a Department officer: the Centres it
    oversees and their branches); branch staff: their branch only."""
    from legalaid.core.models import Organisation
    from legalaid.core.scoping import scope_of

    qs = Organisation.objects.visible_to(user).filter(kind__in=[OrganisationKind.CENTRE, OrganisationKind.BRANCH])
    scope = scope_of(user)
    if scope.branch_id:
        qs = qs.filter(pk=scope.branch_id)
    return qs.order_by("kind", "name")


def in_unit(qs, unit):
    """``qs`` (already scoped) restricted to ``unit``: a branch's own records, or a whole Centre (head office and
    branches). ``None``: everything in the user's scope."""
    if unit is None:
        return qs
    if unit.kind == OrganisationKind.BRANCH:
        return qs.filter(branch=unit)
    return qs.filter(centre=unit)


# --- Measures -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    subject: str
    #: The date a month dimension groups by ("" when the measure has none).
    month_field: str
    build: Callable[[dt.date, dt.date], object]
    note: str = ""

    def model(self):
        from legalaid.cases.models import LegalAidCase
        from legalaid.intake.models import LegalAidRequest

        return LegalAidCase if self.subject == CASE else LegalAidRequest

    def facts(self, user, start: dt.date, end: dt.date, unit=None):
        """The facts of this measure in ``[start, end]`` that ``user`` sees, in ``unit``."""
        qs = in_unit(self.model().objects.visible_to(user), unit)
        return qs.filter(self.build(start, end))


def _received(start, end):
    return Q(**on_days("received_at", start, end))


def _refused(start, end):
    from legalaid.intake.choices import DecisionKind, RequestStatus
    from legalaid.intake.models import RequestDecision

    decision = RequestDecision.objects.filter(
        request=OuterRef("pk"), kind=DecisionKind.REFUSE, **on_days("decided_at", start, end)
    )
    return Q(status=RequestStatus.REFUSED) & Q(Exists(decision))


def _accepted(start, end):
    return Q(**on_days("accepted_at", start, end))


#: A case counts as completed when its outcome is recorded and it is completed or archived since (Law Art. 38).
ENDED_COMPLETED = ("completed", "archived")


def _completed(start, end):
    return Q(status__in=ENDED_COMPLETED, completion__completed_on__gte=start, completion__completed_on__lte=end)


def _discontinued_event(**at):
    from legalaid.cases.choices import CaseStatus, EventKind
    from legalaid.cases.models import CaseEvent

    return CaseEvent.objects.filter(
        case=OuterRef("pk"), kind=EventKind.TRANSITION, to_status=CaseStatus.DISCONTINUED, **at
    )


def _discontinued(start, end):
    return Q(status="discontinued") & Q(Exists(_discontinued_event(**on_days("at", start, end))))


def _in_progress(start, end):
    """Accepted by the end of the period and neither completed nor discontinued by then (the stock at the end)."""
    from legalaid.cases.models import CaseCompletion

    after_end = start_of_day(end + dt.timedelta(days=1))
    # An EXISTS by the case rather than a join: the join made PostgreSQL hash every completion of the deployment
    # (the plan guard, legalaid/core/tests/test_scale_plans.py); the same cases either way.
    completion_by_end = CaseCompletion.objects.filter(case=OuterRef("pk"), completed_on__lte=end)
    completed_by_end = Q(status__in=ENDED_COMPLETED) & Q(Exists(completion_by_end))
    discontinued_by_end = Q(status="discontinued") & Q(Exists(_discontinued_event(at__lt=after_end)))
    return Q(accepted_at__lt=after_end) & ~completed_by_end & ~discontinued_by_end


MEASURES: dict[str, Measure] = {
    m.code: m
    for m in (
        Measure("received", _("Yêu cầu tiếp nhận"), REQUEST, "received_at", _received),
        Measure("accepted", _("Vụ việc thụ lý"), CASE, "accepted_at", _accepted),
        Measure(
            "refused",
            _("Yêu cầu bị từ chối"),
            REQUEST,
            "",
            _refused,
            note=_("Yêu cầu có văn bản từ chối trong kỳ (khoản 3 Điều 30 Luật TGPL)."),
        ),
        Measure(
            "completed",
            _("Vụ việc kết thúc"),
            CASE,
            "completion__completed_on",
            _completed,
            note=_("Theo ngày kết thúc ghi trong kết quả vụ việc."),
        ),
        Measure(
            "discontinued",
            _("Vụ việc không tiếp tục thực hiện"),
            CASE,
            "",
            _discontinued,
            note=_("Điều 37 Luật TGPL; theo ngày chuyển trạng thái."),
        ),
        Measure(
            "in_progress",
            _("Vụ việc đang thực hiện cuối kỳ"),
            CASE,
            "",
            _in_progress,
            note=_("Đã thụ lý đến ngày cuối kỳ, chưa kết thúc và chưa dừng thực hiện tại ngày đó."),
        ),
    )
}


# --- Dimensions -----------------------------------------------------------------------------------------------------


class BadValue(ValueError):
    """A dimension value that names nothing (from a typed or tampered query string)."""


def _int(value: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadValue(value) from None
    if not 0 < number < 2**31:
        raise BadValue(value)
    return number


def _refs(value: str) -> list[str]:
    refs = [r for r in str(value).split("+") if r]
    if not refs or any(len(r) > 12 for r in refs):
        raise BadValue(value)
    return refs


def _category_q(subject: str, value: str) -> Q:
    """Facts whose request holds every category of ``value`` ("7.2", or "7.2+7.4" for both), by the Law's point."""
    from legalaid.intake.models import LegalAidRequest

    through = LegalAidRequest.categories.through
    request_field = "request_id" if subject == CASE else "pk"
    q = Q()
    for ref in _refs(value):
        q &= Q(Exists(through.objects.filter(legalaidrequest_id=OuterRef(request_field), category__ref=ref)))
    return q


def _kind_q(subject: str, value: str) -> Q:
    """Cases with a provider of this kind (working on it, or when it ended): a case with two kinds counts in both."""
    from legalaid.providers.choices import ProviderKind
    from legalaid.providers.models import Assignment

    if subject != CASE or value not in ProviderKind.values:
        raise BadValue(value)
    return Q(Exists(Assignment.objects.of_record().filter(case=OuterRef("pk"), provider__kind=value)))


def _office_q(subject: str, value: str) -> Q:
    """ "c<id>": a Centre's head office; "b<id>": a branch."""
    value = str(value)
    if value[:1] == "b":
        return Q(branch_id=_int(value[1:]))
    if value[:1] == "c":
        return Q(centre_id=_int(value[1:]), branch__isnull=True)
    raise BadValue(value)


def _sex_q(subject: str, value: str) -> Q:
    from legalaid.people.choices import Sex

    if value not in Sex.values:
        raise BadValue(value)
    return Q(beneficiary__sex=value)


def _appraised_q(subject: str, value: str) -> Q:
    """Cases whose appraisal is done ("yes") or not done, or not assigned ("no") (TT 12/2018 Art. 16)."""
    from legalaid.quality.choices import AppraisalStatus
    from legalaid.quality.models import Appraisal

    if subject != CASE or value not in ("yes", "no"):
        raise BadValue(value)
    done = Q(Exists(Appraisal.objects.filter(case=OuterRef("pk"), status=AppraisalStatus.DONE)))
    return done if value == "yes" else ~done


def _provider_q(subject: str, value: str) -> Q:
    """Cases this provider works on, or worked on when the case ended (as the case list's provider filter)."""
    from legalaid.providers.models import Assignment

    if subject != CASE:
        raise BadValue(value)
    return Q(Exists(Assignment.objects.of_record().filter(case=OuterRef("pk"), provider_id=_int(value))))


def _month_bounds(value: str) -> tuple[dt.date, dt.date]:
    try:
        first = dt.datetime.strptime(str(value), "%Y-%m").date()
    except ValueError:
        raise BadValue(value) from None
    if first.year < 1900:
        raise BadValue(value)
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


@dataclass(frozen=True)
class Dimension:
    code: str
    label: str
    #: The lookups a grouped query selects, by subject (absent: the dimension cannot be a row of that subject).
    group: Mapping[str, tuple[str, ...]]
    #: (subject, value) -> Q, raising BadValue
    q: Callable[[str, str], Q]
    #: The key of a grouped row, from its selected values.
    key: Callable[..., str] = lambda *values: str(values[0])


DIMENSIONS: dict[str, Dimension] = {
    d.code: d
    for d in (
        Dimension(
            "field",
            _("Lĩnh vực"),
            {CASE: ("field_of_law_id",), REQUEST: ("field_of_law_id",)},
            lambda s, v: Q(field_of_law_id=_int(v)),
        ),
        Dimension(
            "form",
            _("Hình thức trợ giúp"),
            {CASE: ("form_of_aid_id",), REQUEST: ("desired_form_id",)},
            lambda s, v: Q(**{"form_of_aid_id" if s == CASE else "desired_form_id": _int(v)}),
        ),
        Dimension("cat", _("Diện"), {}, _category_q),
        Dimension("kind", _("Loại người thực hiện"), {}, _kind_q),
        Dimension("sex", _("Giới tính"), {CASE: ("beneficiary__sex",), REQUEST: ("beneficiary__sex",)}, _sex_q),
        Dimension(
            "office",
            _("Đơn vị"),
            {CASE: ("centre_id", "branch_id"), REQUEST: ("centre_id", "branch_id")},
            _office_q,
            key=lambda centre, branch: f"b{branch}" if branch else f"c{centre}",
        ),
        Dimension("appraised", _("Thẩm định"), {}, _appraised_q),
        Dimension("provider", _("Người thực hiện"), {}, _provider_q),
        # The month is applied by narrowing the period (``narrow``), so its q is neutral.
        Dimension("month", _("Tháng"), {}, lambda s, v: (_month_bounds(v), Q())[1]),
    )
}


def dims_q(subject: str, dims: Mapping[str, str]) -> Q:
    """The filter of a cell: every dimension's member (``BadValue`` if one names nothing)."""
    q = Q()
    for code, value in dims.items():
        dimension = DIMENSIONS.get(code)
        if dimension is None:
            raise BadValue(code)
        q &= dimension.q(subject, value)
    return q


def narrow(start: dt.date, end: dt.date, dims: Mapping[str, str]) -> tuple[dt.date, dt.date]:
    """The period of a cell: a ``month`` dimension narrows the report's period to that month."""
    if "month" in dims:
        first, last = _month_bounds(dims["month"])
        return max(start, first), min(end, last)
    return start, end


# --- Counting -------------------------------------------------------------------------------------------------------


def count_columns(facts, subject: str, columns: Mapping[str, Mapping[str, str]], rows: tuple[str, ...] = ()):
    """One query: for each column (a dictionary of dimensions) the number of facts, overall (``rows`` empty:
    ``{column: n}``) or per member of the row dimensions (``{row key tuple: {column: n}}``, only non-empty rows).
    Each fact is one row: the joins the measures and dimensions use are one-to-one, the many-valued ones are EXISTS
    subqueries, so no DISTINCT is needed."""
    names = {f"c{i}": key for i, key in enumerate(columns)}
    annotations = {}
    for name, key in names.items():
        q = dims_q(subject, columns[key])
        annotations[name] = Count("pk", filter=q) if q else Count("pk")
    if not rows:
        result = facts.aggregate(**annotations)
        return {names[n]: result[n] or 0 for n in names}
    lookups = []
    for code in rows:
        lookups.extend(DIMENSIONS[code].group[subject])
    out = {}
    for row in facts.values(*lookups).annotate(**annotations).order_by():
        key = []
        for code in rows:
            key.append(DIMENSIONS[code].key(*(row[lookup] for lookup in DIMENSIONS[code].group[subject])))
        out[tuple(key)] = {names[n]: row[n] or 0 for n in names}
    return out


def count_by_month(facts, measure: Measure) -> dict[str, int]:
    """Facts per month of the measure's date ("2026-03": n), one query."""
    if not measure.month_field:
        return {}
    rows = facts.annotate(month=TruncMonth(measure.month_field)).values("month").annotate(n=Count("pk"))
    return {f"{r['month']:%Y-%m}": r["n"] for r in rows.order_by("month") if r["month"] is not None}


def drill_facts(user, measure: Measure, start: dt.date, end: dt.date, unit, dims: Mapping[str, str]):
    """The facts behind one figure: what ``count_columns`` counted in that cell."""
    start, end = narrow(start, end, dims)
    return measure.facts(user, start, end, unit).filter(dims_q(measure.subject, dims))


def drill_url(measure: str, start: dt.date, end: dt.date, unit, dims: Mapping[str, str]) -> str:
    """The list of the facts of a figure (``reports:drill``), with the report's period, unit and the cell's
    dimensions in the query string (ids and codes only: never a name)."""
    query = {"measure": measure, "from": f"{start:%d/%m/%Y}", "to": f"{end:%d/%m/%Y}"}
    if unit is not None:
        query["unit"] = unit.pk
    query.update(dims)
    return f"{reverse('reports:drill')}?{urlencode(query)}"


__all__ = ["DIMENSIONS", "MEASURES", "count_by_month", "count_columns", "day_range", "drill_facts", "drill_url"]
