"""Errors as JSON: ``{"detail": "...", "errors": [{"field": "...", "message": "..."}]}``, messages in Vietnamese
(the API answers in the interface's language; DRF's own messages come from its Vietnamese catalogue)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

NON_FIELD = "non_field_errors"


def _flatten(data, prefix: str = "") -> list[dict]:
    out = []
    if isinstance(data, dict):
        for key, value in data.items():
            name = "" if key in (NON_FIELD, "__all__") else str(key)
            out += _flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name)
    elif isinstance(data, list):
        if all(not isinstance(item, dict | list) for item in data):
            out += [{"field": prefix or None, "message": str(item)} for item in data]
        else:
            for index, item in enumerate(data):
                out += _flatten(item, f"{prefix}.{index}" if prefix else str(index))
    else:
        out.append({"field": prefix or None, "message": str(data)})
    return out


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages})
    elif isinstance(exc, DjangoPermissionDenied) and exc.args:
        exc = exceptions.PermissionDenied(str(exc.args[0]))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(data)
        detail = errors[0]["message"] if len(errors) == 1 else _("Dữ liệu gửi lên không hợp lệ.")
    else:
        detail = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
        errors = [{"field": None, "message": detail}]
    response.data = {"detail": detail, "errors": errors}
    return response
