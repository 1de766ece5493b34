"""Every form and filter field parses its input through ``legalaid.lib.parsing`` (issue 14 item 6).

``harden(form)`` is called by ``BootstrapMixin`` (every form of the project) and ``BaseFilterSet.form`` (every list's
filters). It makes, in place:

- a choice of a record (``ModelChoiceField``, ``ModelMultipleChoiceField`` and django-filter's versions of them)
  refuse an id outside its key's range with the field's own "invalid choice" message, before any query (SQLite raises
  OverflowError on a 23-digit id in ``pk__in`` or a foreign-key lookup, PostgreSQL "integer out of range");
- a date field refuse a date outside 01/01/1900-31/12/2100 (``parsing.MIN_DATE``/``MAX_DATE``): date arithmetic
  (deadlines, "until the end of that day") never meets ``date.max``;
- an integer field refuse a number its column cannot hold.
"""

from __future__ import annotations

from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

from legalaid.lib import parsing
from legalaid.lib.formatting import format_date


class BoundedIdMixin:
    """A record's choice whose ids are parsed with ``parsing.id_for`` before the queryset sees them."""

    def _is_null_choice(self, value) -> bool:
        # django-filter's "null" choice (null_label) is not an id.
        return getattr(self, "null_label", None) is not None and value == getattr(self, "null_value", None)

    def _refuse_if_out_of_range(self, value) -> None:
        if value in self.empty_values or self._is_null_choice(value) or isinstance(value, self.queryset.model):
            return
        if parsing.id_for(self.queryset.model, value, field_name=self.to_field_name) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})

    def to_python(self, value):
        if not isinstance(self, forms.ModelMultipleChoiceField):
            self._refuse_if_out_of_range(value)
        return super().to_python(value)

    def _check_values(self, value):
        try:
            values = frozenset(value)
        except TypeError:
            values = frozenset()  # Django's own check says it is not a list
        for item in values:
            self._refuse_if_out_of_range(item)
        return super()._check_values(value)


@cache
def _bounded_class(cls: type) -> type:
    return type(f"Bounded{cls.__name__}", (BoundedIdMixin, cls), {"__module__": __name__})


def _date_in_range(value) -> None:
    day = value.date() if hasattr(value, "date") and callable(value.date) else value
    if day is not None and parsing.parse_date(day) is None:
        raise ValidationError(
            parsing.DATE_OUT_OF_RANGE,
            code="date_out_of_range",
            params={"min": format_date(parsing.MIN_DATE), "max": format_date(parsing.MAX_DATE)},
        )


def _integer_range(form, name: str, field) -> tuple[int, int]:
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is not None:
        try:
            column = model._meta.get_field(name)
        except Exception:  # a form field that is not a model field
            column = None
        if column is not None:
            low, high = parsing.INTEGER_RANGES.get(column.get_internal_type(), (None, None))
            if low is not None:
                return low, high
    return -parsing.MAX_ID - 1, parsing.MAX_ID


def harden(form) -> None:
    """Bound every id, date and integer field of ``form`` (idempotent)."""
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelChoiceField) and not isinstance(field, BoundedIdMixin):
            field.__class__ = _bounded_class(type(field))
        elif isinstance(field, forms.DateField | forms.DateTimeField):
            if _date_in_range not in field.validators:
                field.validators.append(_date_in_range)
        elif isinstance(field, forms.IntegerField) and not getattr(field, "_bounded", False):
            low, high = _integer_range(form, name, field)
            if field.min_value is None or field.min_value < low:
                field.validators.append(MinValueValidator(low))
            if field.max_value is None or field.max_value > high:
                field.validators.append(MaxValueValidator(high))
            field._bounded = True
