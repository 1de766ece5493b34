"""The public portal (no login): thin views that bind a form, call a service or a selector, and render.

Every page is in the portal's own light layout (``portal/base.html``). Pages that show or take personal data are
never cached and send a referrer only within the site. Every form is rate-limited per address and carries a
honeypot; the status lookup counts wrong answers per address and refuses the address for a while after a few
(``ratelimit``).
"""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.eligibility import evaluate
from legalaid.lib.downloads import file_response
from legalaid.lib.parsing import parse_id

from . import codes, ratelimit, selectors, services
from .forms import FeedbackForm, LookupForm, OfficeFinderForm, PapersForm, RequestForm, SelfCheckForm
from .models import OnlineRequest, SubmittedPaper

log = logging.getLogger("legalaid.portal")

#: Session keys: the receipt code shown once after sending, and the request a successful lookup opened.
RECEIPT_KEY = "portal_receipt"
STATUS_KEY = "portal_status"
#: A status page stays open this many seconds after the lookup (then the code is asked again).
STATUS_SECONDS = 15 * 60


def _page(request, template: str, context: dict | None = None, *, status: int = 200, private: bool = False):
    response = render(request, template, context or {}, status=status)
    if private:
        response["Cache-Control"] = "no-store"
        # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the form's POST and the CSRF
        # check refuses it (found by the feedback survey's browser test); same-origin never leaves the site.
        response["Referrer-Policy"] = "same-origin"
    return response


def _too_many(request):
    log.warning("portal: rate limit reached (address %s)", ratelimit.address_key(request)[:12])
    return _page(request, "portal/too_many.html", status=429)


def _robot(request, form_name: str):
    """A filled honeypot: answer as if all went well, save nothing, log it."""
    log.warning("portal: honeypot filled on %s (address %s)", form_name, ratelimit.address_key(request)[:12])
    return _page(request, "portal/thanks.html", {"kind": form_name})


def home(request):
    return _page(request, "portal/home.html")


# --- Self-check ---------------------------------------------------------------------------------------------------


def self_check(request):
    """A few plain questions answered through ``eligibility.evaluate``: never a refusal (issue 12 item 2)."""
    form = SelfCheckForm(request.POST or None)
    context: dict = {"form": form}
    if request.method == "POST":
        if not ratelimit.allow(request, "check"):
            return _too_many(request)
        if form.is_valid():
            today = timezone.localdate()
            result = evaluate(form.facts(), today)
            province = form.cleaned_data.get("province")
            commune = form.cleaned_data.get("commune")
            context.update(
                result=result,
                likely=result.applicable,
                maybe=result.uncertain,
                proofs=_proofs_to_bring(result),
                office=selectors.office_for(province_id=province.pk, commune_id=commune.pk if commune else None)
                if province
                else None,
            )
    return _page(request, "portal/check.html", context, private=request.method == "POST")


def _proofs_to_bring(result) -> list[str]:
    """The papers that prove what applies or may apply, each once, in plain words ("A hoặc B")."""
    seen: list[str] = []
    for outcome in (*result.applicable, *result.uncertain):
        for need in outcome.proofs:
            if need.names not in seen:
                seen.append(need.names)
    return seen


# --- Offices ------------------------------------------------------------------------------------------------------


def offices(request):
    """The Centres, their branches and communes, addresses, hours, phones; which office serves a commune."""
    form = OfficeFinderForm(request.GET or None)
    found = None
    if form.is_bound and form.is_valid():
        commune = form.cleaned_data.get("commune")
        found = selectors.office_for(
            province_id=form.cleaned_data["province"].pk, commune_id=commune.pk if commune else None
        )
    return _page(
        request,
        "portal/offices.html",
        {"form": form, "found": found, "searched": form.is_bound and form.is_valid(), "centres": selectors.centres()},
    )


@require_GET
def communes(request):
    """The ``<option>`` list of a province's communes (for ``portal.js``; the pages work without it)."""
    province_id = parse_id(request.GET.get("province"))
    html = render_to_string(
        "portal/_commune_options.html", {"communes": selectors.communes_of(province_id)}, request=request
    )
    return HttpResponse(html)


# --- Online request -----------------------------------------------------------------------------------------------


def request_form(request):
    """The online request (mức độ toàn trình): lands in the intake queue of the office serving the commune."""
    form = RequestForm(request.POST or None, request.FILES or None)
    refreshing = request.method == "POST" and "_communes" in request.POST
    if request.method == "POST" and not refreshing:
        if not ratelimit.allow(request, "request"):
            return _too_many(request)
        if form.is_robot:
            return _robot(request, "request")
        if form.is_valid():
            try:
                receipt = services.request_submit(data=form.to_data(form.cleaned_data.get("papers") or []))
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                request.session[RECEIPT_KEY] = {"code": receipt.code, "online": receipt.online.pk}
                return redirect("portal:request_done")
    if refreshing:
        # The communes of the chosen province, the answers kept, no error shown yet (the form works without JS).
        kept = {k: (request.POST.getlist(k) if k == "situations" else request.POST.get(k)) for k in request.POST}
        kept.pop("csrfmiddlewaretoken", None)
        form = RequestForm(initial=kept)
        return _page(request, "portal/request_form.html", {"form": form}, private=True)
    return _page(request, "portal/request_form.html", {"form": form}, private=request.method == "POST")


@never_cache
def request_done(request):
    """The receipt: the code on screen once, with a text ready for a phone message."""
    receipt = request.session.pop(RECEIPT_KEY, None)
    if not receipt:
        return redirect("portal:lookup")
    online = OnlineRequest.objects.select_related("request", "request__centre", "request__branch").filter(
        pk=receipt.get("online")
    )
    online = online.first()
    if online is None:
        raise Http404
    unit = online.request.branch or online.request.centre
    text = services.receipt_text(receipt["code"], online.request.received_at, unit)
    return _page(
        request,
        "portal/request_done.html",
        {
            "code": codes.display(receipt["code"]),
            "received_at": online.request.received_at,
            "unit": unit,
            "sms": services.sms_text(text),
        },
        private=True,
    )


# --- Status lookup ------------------------------------------------------------------------------------------------


def lookup(request):
    """Receipt code + a second item; wrong answers are counted per address and written to the log (never the code)."""
    form = LookupForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.lookup_blocked(request) or not ratelimit.allow(request, "lookup"):
            return _too_many(request)
        if form.is_robot:
            ratelimit.lookup_failed(request)
            return _page(request, "portal/lookup.html", {"form": LookupForm(), "not_found": True}, private=True)
        if form.is_valid():
            d = form.cleaned_data
            online = services.find(
                typed_code=d["code"], item=d["item"], birth_date=d.get("birth_date"), phone_last4=d.get("phone_last4")
            )
            if online is not None:
                request.session.cycle_key()
                request.session[STATUS_KEY] = {
                    "online": online.pk,
                    "until": timezone.now().timestamp() + STATUS_SECONDS,
                }
                return redirect("portal:status")
            failures = ratelimit.lookup_failed(request)
            log.warning(
                "portal: status lookup refused (address %s, failures %s)", ratelimit.address_key(request)[:12], failures
            )
            return _page(request, "portal/lookup.html", {"form": LookupForm(), "not_found": True}, private=True)
    return _page(request, "portal/lookup.html", {"form": form}, private=True)


def _opened(request) -> OnlineRequest | None:
    held = request.session.get(STATUS_KEY)
    if not held or held.get("until", 0) < timezone.now().timestamp():
        request.session.pop(STATUS_KEY, None)
        return None
    return (
        OnlineRequest.objects.select_related("request", "request__case", "request__centre", "request__branch")
        .filter(pk=held.get("online"))
        .first()
    )


@never_cache
def status(request):
    """Where the request stands, in plain words; the papers asked for can be sent here."""
    online = _opened(request)
    if online is None:
        return redirect("portal:lookup")
    form = PapersForm(request.POST or None, request.FILES or None)
    sent = 0
    if request.method == "POST":
        if not ratelimit.allow(request, "papers"):
            return _too_many(request)
        if form.is_robot:
            return _robot(request, "papers")
        if form.is_valid():
            try:
                sent = len(
                    services.papers_add(
                        online=online,
                        files=form.cleaned_data["papers"],
                        description=form.cleaned_data.get("description") or "",
                    )
                )
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                form = PapersForm()
    unit = online.request.branch or online.request.centre
    return _page(
        request,
        "portal/status.html",
        {"status": services.status_of(online), "form": form, "sent": sent, "unit": unit},
        private=True,
    )


# --- Feedback -----------------------------------------------------------------------------------------------------


def feedback(request):
    """Feedback about the quality of legal aid, into the Centre's register of feedback and complaints."""
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow(request, "feedback"):
            return _too_many(request)
        if form.is_robot:
            return _robot(request, "feedback")
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.feedback_send(
                    province_id=d["province"].pk,
                    content=d["content"],
                    sender_name=d.get("sender_name") or "",
                    sender_contact=d.get("sender_contact") or "",
                )
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                return _page(request, "portal/thanks.html", {"kind": "feedback"}, private=True)
    return _page(request, "portal/feedback.html", {"form": form}, private=request.method == "POST")


# --- Staff: the papers sent online (login, scoped through intake's request) --------------------------------------


@login_required
def paper_download(request, pk: int):
    paper = get_object_or_404(SubmittedPaper.objects.visible_to(request.user).select_related("online__request"), pk=pk)
    with transaction.atomic():
        audit.log_access(user=request.user, instance=paper.online.request, action=AccessAction.DOWNLOAD)
    return file_response(paper.file, filename=paper.original_name)
