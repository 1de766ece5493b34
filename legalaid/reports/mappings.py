"""The Ministry's forms as mappings over the fact layer (``legalaid.reports.facts``).

A form is a ``FormMapping``: the measure it counts, its row dimensions (outer and inner, each row subtotalled), and
its columns, each a dictionary of dimensions (``{"sex": "female"}``, ``{"cat": "7.2+7.4"}``) under an optional merged
header. ``FormMapping.build`` runs one grouped query and returns a ``Table`` whose every cell carries the URL of its
drill-down list. To add a form (forms 25 and 26 of TT 03/2019, or those of TT 17/2025 once retrieved), write its
mapping below and add it to ``FORMS``; see docs/reports.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import facts
from .periods import Period


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    dims: dict
    #: The merged header above the column ("" for a column with a two-row header of its own).
    group: str = ""


@dataclass
class Cell:
    value: int | None
    url: str = ""


@dataclass
class Row:
    number: str
    label: str
    level: int
    dims: dict
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    code: str
    title: str
    name: str
    unit_label: str
    columns: list[Column]
    rows: list[Row]
    period: Period
    unit: object = None

    @property
    def header_groups(self) -> list[tuple[str, int]]:
        """The merged headers: (label, number of columns), "" for a column standing alone."""
        groups: list[tuple[str, int]] = []
        for column in self.columns:
            if column.group and groups and groups[-1][0] == column.group:
                groups[-1] = (column.group, groups[-1][1] + 1)
            else:
                groups.append((column.group, 1))
        return groups

    @property
    def has_groups(self) -> bool:
        return any(c.group for c in self.columns)


def members(dimension: str) -> list[tuple[str, str]]:
    """The rows a dimension lists, in the reference tables' order: (value, label)."""
    from legalaid.intake.models import FieldOfLaw, FormOfAid

    if dimension == "field":
        return [(str(pk), name) for pk, name in FieldOfLaw.objects.filter(in_scope=True).values_list("pk", "name")]
    if dimension == "form":
        return [(str(pk), name) for pk, name in FormOfAid.objects.values_list("pk", "name")]
    raise KeyError(dimension)


def category_columns(period: Period) -> list[Column]:
    """One column per point of Law Art. 7 in force during the period (by ``Category.ref``, its shortest label), the
    combined poor household + ethnic minority column after 7.4, and the financial-difficulty sub-groups (7.7.x)
    under their own header (DOMAIN.md section 5)."""
    from legalaid.eligibility.models import Category

    # Every point ever in the table: a case completed in the period may rest on a request made under an earlier
    # wording (7.7.g, repealed on 01/07/2025). The label is the wording in force at the period's end, if any.
    rows = Category.objects.order_by("position", "-valid_from").values_list("ref", "short_label", "valid_from")
    labels: dict = {}
    for ref, label, valid_from in rows:
        if ref not in labels or (valid_from <= period.counted_end and labels[ref][1] > period.counted_end):
            labels[ref] = (label, valid_from)
    labels = {ref: label for ref, (label, _from) in labels.items()}
    persons = _("Diện người được trợ giúp pháp lý (Điều 7 Luật TGPL)")
    financial = _("Người có khó khăn về tài chính (khoản 7 Điều 7)")
    columns = []
    for ref, label in labels.items():
        group = financial if ref.startswith("7.7") else persons
        columns.append(Column(f"cat_{ref}", label, {"cat": ref}, group))
        if ref == "7.4":
            columns.append(
                Column("poor_minority", _("Hộ nghèo là người dân tộc thiểu số"), {"cat": "7.2+7.4"}, persons)
            )
    return columns


@dataclass(frozen=True)
class FormMapping:
    code: str
    title: str
    name: str
    unit_label: str
    measure: str
    rows: tuple[str, str]
    columns: Callable[[Period], list[Column]]
    note: str = ""

    def build(self, user, period: Period, unit) -> Table:
        measure = facts.MEASURES[self.measure]
        columns = self.columns(period)
        start, end = period.start, period.counted_end
        data = facts.count_columns(
            measure.facts(user, start, end, unit), measure.subject, {c.key: c.dims for c in columns}, self.rows
        )
        outer, inner = self.rows

        def row(number, label, level, dims, counts):
            cells = [
                Cell(counts.get(c.key, 0), facts.drill_url(self.measure, start, end, unit, {**dims, **c.dims}))
                for c in columns
            ]
            return Row(number, label, level, dims, cells)

        total = {c.key: sum(v[c.key] for v in data.values()) for c in columns}
        rows = [row("", _("Tổng số"), 0, {}, total)]
        inner_members = members(inner)
        for i, (outer_value, outer_label) in enumerate(members(outer), start=1):
            sub = {c.key: sum(v[c.key] for k, v in data.items() if k[0] == outer_value) for c in columns}
            rows.append(row(str(i), outer_label, 1, {outer: outer_value}, sub))
            for j, (inner_value, inner_label) in enumerate(inner_members, start=1):
                counts = data.get((outer_value, inner_value), {})
                rows.append(row(f"{i}.{j}", inner_label, 2, {outer: outer_value, inner: inner_value}, counts))
        return Table(self.code, self.title, str(self.name), str(self.unit_label), columns, rows, period, unit)


def form_24_columns(period: Period) -> list[Column]:
    return [
        Column("total", _("Tổng số"), {}),
        Column("female", _("Trong đó: Nữ"), {"sex": "female"}),
        *category_columns(period),
    ]


#: Biểu số 24/BTP/TGPL (TT 03/2019/TT-BTP): persons assisted ("lượt người"), counted from the cases completed in the
#: period (MOJ notice 2019, DOMAIN.md section 5): one case is one beneficiary, so one "lượt".
FORM_24 = FormMapping(
    code="24",
    title="Biểu số 24/BTP/TGPL",
    name=gettext_lazy("Số lượt người được trợ giúp pháp lý"),
    unit_label=gettext_lazy("lượt người"),
    measure="completed",
    rows=("field", "form"),
    columns=form_24_columns,
    note=gettext_lazy(
        "Tính theo vụ việc kết thúc trong kỳ; một người thuộc nhiều diện được tính ở mỗi cột diện của người đó, "
        "cột Tổng số tính mỗi lượt một lần."
    ),
)

FORMS = {FORM_24.code: FORM_24}


# --- The case figures (received, accepted, refused, completed, discontinued, in progress) ----------------------------


FIGURE_MEASURES = ("received", "accepted", "refused", "completed", "discontinued", "in_progress")


def figure_columns() -> dict[str, list[Column]]:
    """The three breakdowns of the case figures: by form of aid, by field of law, by kind of provider."""
    from legalaid.providers.choices import ProviderKind

    return {
        "form": [Column(f"form_{v}", label, {"form": v}) for v, label in members("form")],
        "field": [Column(f"field_{v}", label, {"field": v}) for v, label in members("field")],
        "kind": [Column(f"kind_{v}", str(label), {"kind": v}) for v, label in ProviderKind.choices],
    }


@dataclass
class FigureRow:
    measure: facts.Measure
    total: Cell
    by: dict[str, list[Cell]]


def case_figures(user, period: Period, unit) -> tuple[dict[str, list[Column]], list[FigureRow]]:
    """Each measure's total and its breakdowns, one query per measure. A request has no provider: its provider-kind
    cells are None (shown as "–")."""
    breakdowns = figure_columns()
    start, end = period.start, period.counted_end
    rows = []
    for code in FIGURE_MEASURES:
        measure = facts.MEASURES[code]
        columns = {"total": {}}
        for name, cols in breakdowns.items():
            if name == "kind" and measure.subject != facts.CASE:
                continue
            columns.update({c.key: c.dims for c in cols})
        counts = facts.count_columns(measure.facts(user, start, end, unit), measure.subject, columns)

        def cell(key, dims, measure=measure, counts=counts):
            if key not in counts:
                return Cell(None)
            return Cell(counts[key], facts.drill_url(measure.code, start, end, unit, dims))

        rows.append(
            FigureRow(
                measure,
                cell("total", {}),
                {name: [cell(c.key, c.dims) for c in cols] for name, cols in breakdowns.items()},
            )
        )
    return breakdowns, rows
