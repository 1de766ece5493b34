"""Staff pages: the eligibility check (full page, or the htmx partial) and the list of categories by version."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from .forms import FactsForm
from .rules import EligibilityResult, Facts, evaluate
from .selectors import category_versions

RESULT_TEMPLATE = "eligibility/_result.html"


def result_context(facts: Facts, on_date: dt.date) -> dict:
    """The context the partial needs: ``result`` (an EligibilityResult)."""
    return {"result": evaluate(facts, on_date), "form": None}


def render_result(request: HttpRequest, facts: Facts, on_date: dt.date) -> HttpResponse:
    """The ``eligibility/_result.html`` fragment for these facts on this date; other apps (intake) call it from their
    own htmx views."""
    return render(request, RESULT_TEMPLATE, result_context(facts, on_date))


def render_form_result(request: HttpRequest, form: FactsForm) -> HttpResponse:
    """The fragment for a bound FactsForm: the evaluation when it is valid, its errors otherwise."""
    result: EligibilityResult | None = None
    if form.is_valid():
        result = evaluate(form.to_facts(), form.evaluation_date)
    return render(request, RESULT_TEMPLATE, {"result": result, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """One URL, two renderings: the full page, or (htmx) only the result fragment. Accepts GET or POST so that a
    form elsewhere (intake) can hx-get or hx-post its fields here; unknown fields are ignored."""
    data = request.POST if request.method == "POST" else request.GET
    bound = bool(data)
    form = FactsForm(data if bound else None)
    if request.htmx and not request.htmx.boosted:
        return render_form_result(request, form)
    result = None
    if bound and form.is_valid():
        result = evaluate(form.to_facts(), form.evaluation_date)
    return render(request, "eligibility/check.html", {"form": form, "result": result})


@login_required
def category_list(request: HttpRequest) -> HttpResponse:
    """Every category of Art. 7 with its versions, sources and proof papers."""
    return render(request, "eligibility/category_list.html", category_versions())
