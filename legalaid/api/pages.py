"""The pages where a Centre's director (or the system administrator) creates and revokes the API keys of its
integrations. The secret is shown once, in the answer to the creation, and never stored (only its SHA-256)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.core import audit

from . import services
from .choices import SCOPES_BY_KIND, ApiScope
from .forms import ApiKeyForm
from .models import ApiKey


def _keys(user):
    return ApiKey.objects.visible_to(user).select_related("owner", "agency", "created_by", "revoked_by")


@login_required
@permission_required("api.manage_keys", raise_exception=True)
def key_list(request):
    form = ApiKeyForm(user=request.user)
    return _render_list(request, form)


def _render_list(request, form, created=None, secret=None, status=200):
    keys = list(_keys(request.user)[:200])
    scope_labels = dict(ApiScope.choices)
    return render(
        request,
        "api/key_list.html",
        {
            "form": form,
            "keys": keys,
            "created": created,
            "secret": secret,
            "scope_labels": scope_labels,
            "scopes_by_kind": {kind: sorted(scopes) for kind, scopes in SCOPES_BY_KIND.items()},
        },
        status=status,
    )


@login_required
@require_POST
@permission_required("api.manage_keys", raise_exception=True)
def key_create(request):
    form = ApiKeyForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            key, secret = services.key_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                owner=form.cleaned_data["owner"],
                agency=form.cleaned_data["agency"],
                scopes=form.cleaned_data["scopes"],
                expires_at=form.expires_at,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            # Shown in this answer only (the response is no-store, like every signed-in page).
            return _render_list(request, ApiKeyForm(user=request.user), created=key, secret=secret)
    return _render_list(request, form, status=400)


@login_required
@require_POST
@permission_required("api.manage_keys", raise_exception=True)
def key_revoke(request, pk: int):
    key = audit.visible_or_404(request.user, _keys(request.user), pk)
    try:
        services.key_revoke(actor=request.user, key=key)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã thu hồi khóa “%(name)s”.") % {"name": key.name})
    return redirect("apikeys:key_list")
