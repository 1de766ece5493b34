"""The audit trail as people read it: field labels and choice labels, never raw codes such as ``status:launched``.

The trail stores what the services wrote (attribute names, choice values, ISO dates, ids) so that it stays exact
when labels change; these helpers turn one entry into labels at display time, in the user's language, from the field
definitions of the model recorded (its ``verbose_name`` and ``choices``).
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from legalaid.lib.formatting import format_date, format_datetime

#: Related records whose name may be shown in place of their id (units and accounts, not personal data).
NAMED_MODELS = {("core", "organisation"), ("core", "user")}

#: Bookkeeping fields left out of the display (the entry's own time says when; search keys repeat a name).
HIDDEN_FIELDS = frozenset({"version", "created_at", "updated_at"})

#: Notes that services write as codes, with what they mean (apps add theirs: ``MESSAGES["subject_export"] = ...``).
MESSAGES: dict[str, str] = {}

_CODE = re.compile(r"^(?:(?P<prefix>[a-z_]+):)?(?P<value>[a-z0-9_]+)$")


def _fields_by_attname(model) -> dict[str, models.Field]:
    return {f.attname: f for f in model._meta.concrete_fields}


def _choice_label(field: models.Field, value) -> str | None:
    choices = dict(field.flatchoices)
    if value in choices:
        return str(choices[value])
    return None


def display_value(field: models.Field | None, value, names: dict | None = None) -> str:
    """One stored value as text: the choice label, Có/Không, dd/mm/yyyy, a unit's or user's name, or the value."""
    if value is None or value == "":
        return ""
    if field is None:
        return str(value)
    if isinstance(value, list):
        return ", ".join(display_value(field, item, names) for item in value)
    if field.choices:
        label = _choice_label(field, value)
        if label is not None:
            return label
    if isinstance(field, models.BooleanField):
        return _("Có") if value else _("Không")
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        try:
            return format_datetime(dt.datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(field, models.DateField) and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if field.is_relation and field.related_model is not None:
        if names is not None and (_key(field.related_model), value) in names:
            return names[(_key(field.related_model), value)]
        return f"{capfirst(field.related_model._meta.verbose_name)} #{value}"
    return str(value)


def _key(model) -> tuple[str, str]:
    return (model._meta.app_label, model._meta.model_name)


def _names_of_related(fields: dict[str, models.Field], rows: list[tuple[str, object, object]]) -> dict:
    """Names of the units and users the changed fields point to, one query per related model."""
    wanted: dict[type, set] = {}
    for attname, before, after in rows:
        field = fields.get(attname)
        if field is None or not field.is_relation or field.related_model is None:
            continue
        if _key(field.related_model) in NAMED_MODELS:
            wanted.setdefault(field.related_model, set()).update(v for v in (before, after) if v not in (None, ""))
    names = {}
    for model, ids in wanted.items():
        for obj in model._default_manager.filter(pk__in=ids):
            names[(_key(model), obj.pk)] = str(obj)
    return names


def display_changes(entry) -> list[tuple[str, str, str]]:
    """(field label, before, after) for each field that changed, in the model's field order, bookkeeping left out."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = [row for row in entry.changes if row[0] not in HIDDEN_FIELDS and not row[0].endswith("_key")]
    if model is None:
        return [(name, display_value(None, b), display_value(None, a)) for name, b, a in rows]
    fields = _fields_by_attname(model)
    names = _names_of_related(fields, rows)
    order = {attname: index for index, attname in enumerate(fields)}
    rows = sorted(rows, key=lambda row: (order.get(row[0], len(order)), row[0]))
    result = []
    for attname, before, after in rows:
        field = fields.get(attname)
        label = capfirst(field.verbose_name) if field is not None else attname
        result.append((str(label), display_value(field, before, names), display_value(field, after, names)))
    return result


def display_message(entry) -> str:
    """The entry's note; a code written by a service (``status:launched``, ``step:critique``, ``drafting``) as labels.

    ``field:value`` names a choice field of the recorded model; ``relation:value`` a choice field of a related record
    (``step`` is the study's ``StudyStep.kind``); a bare value is a value of one of the model's choice fields.
    """
    message = entry.message or ""
    if entry.action == "pwd_reset" and not message:  # AuditAction.PASSWORD_RESET
        return _("Đặt lại mật khẩu cho tài khoản %(account)s (mật khẩu không bao giờ được ghi vào nhật ký).") % {
            "account": entry.object_repr
        }
    if message in MESSAGES:
        return str(MESSAGES[message])
    match = _CODE.match(message)
    model = entry.content_type.model_class() if entry.content_type_id else None
    if not match or model is None:
        return message
    prefix, value = match.group("prefix"), match.group("value")
    if prefix:
        field = next((f for f in model._meta.concrete_fields if f.name == prefix and f.choices), None)
        if field is not None and (label := _choice_label(field, value)) is not None:
            return f"{capfirst(field.verbose_name)}: {label}"
        for relation in model._meta.related_objects:
            related = relation.related_model
            if not related._meta.model_name.endswith(prefix):
                continue
            for field in related._meta.concrete_fields:
                if field.choices and (label := _choice_label(field, value)) is not None:
                    return f"{capfirst(related._meta.verbose_name)}: {label}"
        return message
    for field in model._meta.concrete_fields:
        if field.choices and (label := _choice_label(field, value)) is not None:
            return f"{capfirst(field.verbose_name)}: {label}"
    return message
