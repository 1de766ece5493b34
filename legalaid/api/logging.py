"""Every API call is written to the access log with the account that made it (a key's own service account, whose
name carries the key's name and prefix): one row per record read, one per list page (``export``, no names)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.middleware import current_request_id
from legalaid.core.models import AccessLogEntry

from .permissions import key_of


def _centre_of(user):
    centre = getattr(user, "centre", None)
    return centre.pk if centre is not None else None


def log_list(request, model, count: int) -> None:
    """A page of a list: logged for every key, and for sessions on sensitive records (as the pages' exports are)."""
    key = key_of(request)
    if key is None and not getattr(model, "is_sensitive", False):
        return
    label = f"API {key.prefix}" if key is not None else "API"
    AccessLogEntry.objects.create(
        user=request.user,
        request_id=current_request_id(),
        action=AccessAction.EXPORT,
        content_type=ContentType.objects.get_for_model(model),
        object_id="",
        object_repr=f"{label}: {request.path} ({count})"[:255],
        centre_id=_centre_of(request.user),
    )


def log_detail(request, instance) -> None:
    """A record read: logged for every key, and for sessions on sensitive records (as the pages do)."""
    if key_of(request) is None and not getattr(instance, "is_sensitive", False):
        return
    audit.log_access(user=request.user, instance=instance)
