"""The report pages: the case figures, form 24 (and its .xlsx), the catalogue's indicators, the drill-down lists and
the dashboard. Thin: the figures come from ``facts``/``mappings``, the scope from ``visible_to``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation
from legalaid.core.scoping import scope_of
from legalaid.lib.pagination import paginate
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE

from . import facts, mappings, xlsx
from .forms import DrillForm, ReportForm, default_data
from .metrics import METRIC_DRILLS

PERMISSION = "reports.view_reports"


def _picker(request, *, to_date: bool = False):
    """The period and unit of the query string; by default this year's annual period, or (``to_date``) the days from
    1 January to today."""
    today = timezone.localdate()
    data = request.GET if request.GET else default_data(today, to_date=to_date)
    form = ReportForm(data, user=request.user)
    period, unit = form.result()
    return form, period, unit


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def case_figures(request):
    """Received, accepted, refused, completed, discontinued and in-progress, by form, field and provider kind."""
    form, period, unit = _picker(request)
    breakdowns, rows = mappings.case_figures(request.user, period, unit)
    context = {
        "form": form,
        "period": period,
        "unit": unit,
        "breakdowns": breakdowns,
        "rows": rows,
        "titles": _figure_titles(),
    }
    return render(request, "reports/case_figures.html", context)


def _figure_titles():
    return [
        ("form", _("Theo hình thức trợ giúp")),
        ("field", _("Theo lĩnh vực")),
        ("kind", _("Theo loại người thực hiện")),
    ]


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def case_figures_xlsx(request):
    """The case figures of the page, same period, unit and scope, as an .xlsx."""
    _form, period, unit = _picker(request)
    breakdowns, rows = mappings.case_figures(request.user, period, unit)
    content = xlsx.case_figures_workbook(
        breakdowns,
        rows,
        titles=_figure_titles(),
        period_label=str(period.label),
        reporter=_reporter(request.user, unit),
    )
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="so-lieu-vu-viec-{period.start:%Y%m%d}.xlsx"'
    return response


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def form_24(request):
    form, period, unit = _picker(request)
    table = mappings.FORM_24.build(request.user, period, unit)
    context = {"form": form, "period": period, "unit": unit, "table": table, "mapping": mappings.FORM_24}
    return render(request, "reports/form.html", context)


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def form_24_xlsx(request):
    _form, period, unit = _picker(request)
    table = mappings.FORM_24.build(request.user, period, unit)
    content = xlsx.form_workbook(table, reporter=_reporter(request.user, unit), note=str(mappings.FORM_24.note))
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="bieu-24-btp-tgpl-{period.start:%Y%m%d}.xlsx"'
    return response


def _reporter(user, unit) -> str:
    if unit is not None:
        return unit.name
    scope = scope_of(user)
    names = Organisation.objects.filter(pk__in=scope.centre_ids).order_by("name").values_list("name", flat=True)
    if scope.branch_id:
        names = Organisation.objects.filter(pk=scope.branch_id).values_list("name", flat=True)
    return ", ".join(names)


def _indicator_centres(user, unit):
    """The Centres whose catalogue figures ``user`` may read: none for branch staff (the catalogue measures whole
    Centres, which would show the other units' figures)."""
    scope = scope_of(user)
    if scope.branch_id or scope.assigned_only:
        return Organisation.objects.none()
    centres = Organisation.objects.visible_to(user).filter(kind=OrganisationKind.CENTRE).order_by("name")
    if unit is not None:
        centres = centres.filter(pk=unit.centre_id or unit.pk)
    return centres


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def indicators(request):
    """Every figure of the plans' catalogue for each Centre in scope over the period, each with its list."""
    from legalaid.plans.metrics import all_metrics

    form, period, unit = _picker(request)
    centres = list(_indicator_centres(request.user, unit))
    start, end = period.start, period.counted_end
    rows = []
    for metric in all_metrics():
        values = [(metric.measure(c, start, end), metric.drilldown_url(c, start, end)) for c in centres]
        rows.append((metric, values))
    context = {"form": form, "period": period, "unit": unit, "centres": centres, "rows": rows}
    return render(request, "reports/indicators.html", context)


def metric_drill(request, code: str):
    """The drill-down of a catalogue figure (``Metric.drilldown_url``: ?centre=&from=&to=): the fact layer's list of
    the same measure with the figure's fixed dimensions (a form of aid by its code)."""
    from legalaid.intake.models import FormOfAid

    measure, fixed = METRIC_DRILLS[code]
    data = request.GET.copy()
    data["measure"] = measure
    for key, value in fixed.items():
        if key == "form":
            value = str(FormOfAid.objects.filter(code=value).values_list("pk", flat=True).first() or 0)
        data[key] = value
    return _drill(request, data)


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def drill(request):
    """The records one figure counts: the same measure, days, unit and dimensions as the figure's query."""
    return _drill(request, request.GET)


def _drill(request, data):
    form = DrillForm(data, user=request.user)
    page = None
    total = 0
    measure = None
    error = ""
    if form.is_valid():
        measure = facts.MEASURES[form.cleaned_data["measure"]]
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        if end < start:
            start, end = end, start
        try:
            qs = facts.drill_facts(request.user, measure, start, end, form.cleaned_data["unit"], form.dims())
            total = qs.count()
        except facts.BadValue:
            error = _("Điều kiện lọc không hợp lệ.")
        else:
            related = ("beneficiary", "field_of_law", "centre", "branch")
            related += ("form_of_aid",) if measure.subject == facts.CASE else ("desired_form",)
            page = paginate(request, qs.select_related(*related).order_by("-pk"))
    else:
        error = _("Điều kiện lọc không hợp lệ.")
    context = {"form": form, "measure": measure, "page": page, "total": total, "error": error, "dims": form.dims()}
    return render(request, "reports/drill.html", context)


@login_required
@require_safe
def quota(request):
    """The drill-down of ``officers_reaching_quota_pct``: the quota table of the Centre for the year of the period's
    last day (``providers:quota_table`` checks its own permission and scope)."""
    from urllib.parse import urlencode

    from django.shortcuts import redirect
    from django.urls import reverse

    data = request.GET.copy()
    data["measure"] = "accepted"
    form = DrillForm(data, user=request.user)
    query = {}
    if form.is_valid():
        query["year"] = form.cleaned_data["end"].year
        if form.cleaned_data["unit"] is not None:
            query["centre"] = form.cleaned_data["unit"].centre_id or form.cleaned_data["unit"].pk
    return redirect(f"{reverse('providers:quota_table')}?{urlencode(query)}")


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def dashboard(request):
    """The director's charts for their scope (this year by default); each bar opens the list it counts."""
    from django.utils.html import json_script

    from . import dashboard as charts

    form, period, unit = _picker(request, to_date=True)
    found, deadline_groups = charts.charts(request.user, period, unit, timezone.localdate())
    context = {
        "form": form,
        "period": period,
        "unit": unit,
        "charts": found,
        "deadlines": deadline_groups,
        "chart_data": json_script([c.as_data() for c in found], "dashboard-data"),
    }
    return render(request, "reports/dashboard.html", context)


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_safe
def records(request, family: str):
    """The records a figure counts that are not the fact layer's cases or requests (``records.FAMILIES``): the same
    function as the figure, on what the user sees. ``?centre=<pk>&from=&to=`` plus the family's own parameters."""
    from django.http import Http404

    from . import records as families

    found = families.FAMILIES.get(family)
    if found is None:
        raise Http404
    form = DrillForm({**request.GET.dict(), "measure": "accepted"}, user=request.user)
    page, totals, error = None, None, ""
    if not form.is_valid():
        error = _("Điều kiện lọc không hợp lệ.")
    else:
        start, end = sorted((form.cleaned_data["start"], form.cleaned_data["end"]))
        unit = form.cleaned_data["unit"]
        params = {k: request.GET.get(k, "") for k in found.params}
        if found.per_centre:
            # The catalogue measures whole Centres: one of those whose indicators the user reads.
            centres = _indicator_centres(request.user, None)
            unit = centres.filter(pk=unit.pk).first() if unit is not None else None
            if unit is None:
                error = _("Số liệu này được đo cho cả Trung tâm: hãy chọn một Trung tâm trong phạm vi của bạn.")
        if not error:
            try:
                qs = found.records(found.base(request.user), request.user, unit, start, end, params)
            except families.BadValue:
                error = _("Điều kiện lọc không hợp lệ.")
            else:
                totals = families.totals(found, qs)
                page = paginate(request, qs.select_related(*found.related).order_by("-pk"))
    context = {"form": form, "family": found, "page": page, "totals": totals, "error": error}
    return render(request, "reports/records.html", context)
