"""The mobile legal aid session page that keeps working without a network (docs/outreach.md "Offline design").

- ``mobile_page``: the page (no personal data in it); its script ``static/js/mobile-session.js`` keeps what is typed
  in the browser's ``localStorage`` and sends it when the connection returns.
- ``service_worker``: ``static/js/mobile-sw.js`` served under the page's path, so that its scope covers the page,
  with the list of files to keep for offline use; answered with ``Service-Worker-Allowed``.
- ``csrf_token``: a fresh CSRF token as JSON (the cookie is HttpOnly; a page loaded from the device's cache may hold
  a token from an older session), sent back in the ``X-CSRFToken`` header of the sync POST.
- ``sync``: the POST of one session and its entries (``services.mobile_sync``), idempotent by the device's keys.
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from legalaid.intake.models import FieldOfLaw
from legalaid.people.choices import Sex

from . import services
from .forms import communes_of

#: Static files the offline page needs, kept by the service worker.
OFFLINE_STATIC = (
    "vendor/bootstrap/bootstrap.min.css",
    "css/app.css",
    "img/favicon.svg",
    "vendor/bootstrap/bootstrap.bundle.min.js",
    "vendor/htmx/htmx.min.js",
    "js/app.js",
    "js/mobile-session.js",
)
#: Largest body the sync accepts (200 entries of a few kilobytes).
MAX_SYNC_BYTES = 2 * 1024 * 1024


@login_required
@permission_required("outreach.add_session", raise_exception=True)
def mobile_page(request):
    """The page; the choices it needs offline (communes of the province, fields of law) travel in a JSON block."""
    options = {
        "communes": [[c.pk, c.name] for c in communes_of(request.user).order_by("name")],
        "fields": [[f.code, f.name] for f in FieldOfLaw.objects.filter(in_scope=True)],
        "sexes": [[value, str(label)] for value, label in Sex.choices],
    }
    return render(
        request,
        "outreach/mobile.html",
        {
            "options": options,
            "urls": {
                "sync": reverse("outreach:mobile_sync"),
                "token": reverse("outreach:mobile_token"),
                "worker": reverse("outreach:mobile_worker"),
                "scope": reverse("outreach:mobile"),
                "entries": reverse("outreach:entry_list"),
            },
        },
    )


@require_GET
def service_worker(request):
    """The service worker: no login (a browser updating it must not be redirected) and no personal data."""
    path = finders.find("js/mobile-sw.js")
    with open(path, encoding="utf-8") as handle:
        body = handle.read()
    precache = [reverse("outreach:mobile")] + [staticfiles_storage.url(name) for name in OFFLINE_STATIC]
    head = f"const PRECACHE = {json.dumps(precache)};\n"
    response = HttpResponse(head + body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("outreach:mobile")
    response["Cache-Control"] = "no-cache"
    return response


@login_required
@require_GET
def mobile_token(request):
    return JsonResponse({"token": get_token(request)})


@login_required
@require_POST
def mobile_sync(request):
    if request.content_type != "application/json" or len(request.body) > MAX_SYNC_BYTES:
        return HttpResponseBadRequest(_("Dữ liệu gửi lên không đúng định dạng."))
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return HttpResponseBadRequest(_("Dữ liệu gửi lên không đúng định dạng."))
    try:
        result = services.mobile_sync(actor=request.user, data=data)
    except PermissionDenied:
        return JsonResponse({"error": _("Bạn không có quyền thực hiện thao tác này.")}, status=403)
    except ValidationError as error:
        return JsonResponse(
            {"error": _("Thông tin buổi lưu động chưa hợp lệ."), "session": services._messages(error)}, status=400
        )
    return JsonResponse(result)
