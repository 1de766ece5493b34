"""Writing the audit trail (every write made by a service) and the access log (views of sensitive records)."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import Http404

from legalaid.core.choices import AccessAction, AuditAction
from legalaid.core.middleware import current_request_id
from legalaid.core.models import AccessLogEntry, AuditEntry

#: Fields never copied into the audit trail.
SECRET_FIELDS = frozenset({"password", "key_hash"})


def _plain(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):  # an empty one raises on .url, so test the type, not the attributes
        return value.name or None
    return value


def snapshot(instance: models.Model) -> dict:
    """The concrete field values of ``instance`` as JSON-ready data (foreign keys as ids)."""
    data = {}
    for f in instance._meta.concrete_fields:
        if f.name in SECRET_FIELDS:
            continue
        data[f.attname] = _plain(getattr(instance, f.attname))
    return data


def _centre_id_of(instance) -> int | None:
    for attr in ("centre_id",):
        if hasattr(instance, attr):
            return getattr(instance, attr)
    organisation = getattr(instance, "organisation", None)
    if organisation is not None:
        return organisation.pk if organisation.kind == "centre" else organisation.centre_id
    return None


def record(
    *,
    actor,
    action: str,
    instance: models.Model,
    before: dict | None = None,
    message: str = "",
    centre_id: int | None = None,
) -> AuditEntry:
    """Write one audit row. Services call it inside their transaction, after the write."""
    after = snapshot(instance) if action != AuditAction.DELETE else None
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        request_id=current_request_id(),
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        message=message[:255],
        before=before,
        after=after,
        centre_id=centre_id if centre_id is not None else _centre_id_of(instance),
    )


def record_password_reset(*, actor, user) -> AuditEntry:
    """An administrator set ``user``'s password: an explicit row naming the account, never the password."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        request_id=current_request_id(),
        action=AuditAction.PASSWORD_RESET,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=str(user)[:255],
        centre_id=_centre_id_of(user),
    )


def log_refused(*, user, model: type[models.Model], object_id) -> AccessLogEntry | None:
    """An attempt by ``user`` to open record ``object_id`` of ``model`` that the scoping refused (404 or 403).

    Only the requested id is kept, never a name (the user was not allowed to see it). The row goes to the record's
    Centre when the record exists (its managers see who tried), else to the user's own Centre.
    """
    if user is None or not user.is_authenticated:
        return None
    centre_id = None
    if any(f.attname == "centre_id" for f in model._meta.concrete_fields):
        centre_id = model._default_manager.filter(pk=object_id).values_list("centre_id", flat=True).first()
    if centre_id is None and user.centre is not None:
        centre_id = user.centre.pk
    return AccessLogEntry.objects.create(
        user=user,
        request_id=current_request_id(),
        action=AccessAction.REFUSED,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(object_id)[:64],
        object_repr="",
        centre_id=centre_id,
    )


def visible_or_404(user, queryset: models.QuerySet, pk):
    """``queryset.get(pk=pk)`` (a ``visible_to(user)`` queryset), else a refused attempt logged and a 404."""
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        log_refused(user=user, model=queryset.model, object_id=pk)
        raise Http404 from None


def log_access(*, user, instance: models.Model, action: str = AccessAction.VIEW) -> AccessLogEntry:
    """Record that ``user`` viewed or downloaded a sensitive record."""
    return AccessLogEntry.objects.create(
        user=user,
        request_id=current_request_id(),
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        centre_id=_centre_id_of(instance),
    )
