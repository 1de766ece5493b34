"""Searches kept out of URLs (issue 14 item 4): a list's filter form is sent by POST, the criteria are kept in the
session under a random key, and the browser is redirected to ``<list>?s=<key>``. Names and ID numbers typed into a
search box therefore never appear in a URL, so never in an access log, a proxy log, the browser's history or a
``Referer`` header.

``SavedSearchMiddleware`` does it for every list that uses the ``filter_panel`` macro (its form carries the hidden
field ``SEARCH_FORM``), without the views knowing:

* POST with ``SEARCH_FORM``: the non-empty fields are stored (at most ``KEEP`` searches per session, the oldest
  dropped; the same criteria reuse their key) and the answer is a redirect to the same path with ``?s=<key>`` plus
  the parameters that are never personal (``URL_PARAMS``: the page, the export, the order).
* GET with ``s``: the stored criteria are put back into ``request.GET`` (so FilterSets, pagination and exports work
  unchanged); ``request.url_params`` keeps what the URL itself carries, for building links (``url_params``).
  An unknown key (another session's, or an expired one) shows the list unfiltered with a message.
* GET carrying a search field (``SEARCH_PARAMS``: an old bookmark or a hand-typed ``?q=``): stored and redirected the
  same way, so the name stays at most in that one request's log line (and access logs drop query strings anyway:
  ``legalaid.core.logs``).

Only signed-in users' requests are touched; the CSRF check has already run (the middleware works in
``process_view``, after ``CsrfViewMiddleware``).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.utils.translation import gettext as _

SESSION_KEY = "saved_searches"
#: The hidden field of the filter form (``macros/ui.html``, ``filter_panel``).
SEARCH_FORM = "_search"
#: The URL parameter that names a stored search.
KEY_PARAM = "s"
#: Parameters that stay in the URL: never personal data.
URL_PARAMS = frozenset({KEY_PARAM, "page", "export", "order"})
#: Parameters that may carry a name or an ID number: never left in a URL.
SEARCH_PARAMS = frozenset({"q", "object_repr"})
#: Searches kept per session.
KEEP = 20
_SKIP = frozenset({"csrfmiddlewaretoken", SEARCH_FORM})


def url_params(request) -> QueryDict:
    """The parameters of the URL itself (with ``s``, without the stored criteria): for links and redirects."""
    return getattr(request, "url_params", request.GET)


def _criteria(data: QueryDict) -> dict[str, list[str]]:
    return {
        name: [value for value in values if value.strip()]
        for name, values in data.lists()
        if name not in _SKIP and name not in URL_PARAMS and any(value.strip() for value in values)
    }


def store(request, criteria: dict[str, list[str]]) -> str:
    """Keep ``criteria`` in the session; returns its key (the same criteria keep the same key)."""
    searches = dict(request.session.get(SESSION_KEY) or {})
    key = next((k for k, v in searches.items() if v == criteria), None)
    if key is not None:
        del searches[key]
    else:
        key = secrets.token_urlsafe(9)
    searches[key] = criteria
    while len(searches) > KEEP:
        del searches[next(iter(searches))]
    request.session[SESSION_KEY] = searches
    return key


def lookup(request, key: str) -> dict[str, list[str]] | None:
    return (request.session.get(SESSION_KEY) or {}).get(key)


def _redirect(request, key: str | None, source: QueryDict) -> HttpResponseRedirect:
    kept = [(name, value) for name, values in source.lists() if name in URL_PARAMS - {KEY_PARAM} for value in values]
    if key:
        kept.insert(0, (KEY_PARAM, key))
    query = urlencode(kept)
    return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))


class SavedSearchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method == "POST":
            # CsrfViewMiddleware has already read request.POST for a form without the X-CSRFToken header.
            if SEARCH_FORM not in request.POST:
                return None
            criteria = _criteria(request.POST)
            return _redirect(request, store(request, criteria) if criteria else None, request.POST)
        if request.method not in ("GET", "HEAD"):
            return None
        if any(name in SEARCH_PARAMS for name in request.GET):
            criteria = _criteria(request.GET)
            return _redirect(request, store(request, criteria) if criteria else None, request.GET)
        key = request.GET.get(KEY_PARAM)
        if not key:
            return None
        criteria = lookup(request, key)
        if criteria is None:
            messages.info(request, _("Tìm kiếm này đã hết hạn (chỉ được giữ trong phiên làm việc): hãy tìm lại."))
            return _redirect(request, None, request.GET)
        merged = QueryDict(mutable=True)
        for name, values in request.GET.lists():
            if name != KEY_PARAM:
                merged.setlist(name, values)
        for name, values in criteria.items():
            merged.setlist(name, values)
        merged._mutable = False
        request.url_params = request.GET
        request.GET = merged
        return None
