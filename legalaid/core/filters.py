"""One FilterSet per list, shared by the page and its export (and later the API)."""

import datetime as dt

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from legalaid.core.choices import AuditAction, CommuneFlagKind, OrganisationKind, Role
from legalaid.core.fields import harden
from legalaid.core.models import AccessLogEntry, AuditEntry, Commune, Organisation, Province, User
from legalaid.lib import parsing
from legalaid.lib.dates import start_of_day
from legalaid.lib.text import fold

ALL = _("Tất cả")


class YesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter: "Tất cả" (no filtering, the default), "Có", "Không"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", ALL), ("true", _("Có")), ("false", _("Không"))]

    def format_value(self, value):
        # A list, as ChoiceWidget expects: NullBooleanSelect's bare string would make "" match any value.
        return [{True: "true", False: "false", "true": "true", "false": "false"}.get(value, "")]


class DayFilter(django_filters.DateFilter):
    """A calendar day over a DateTimeField, compared as an aware range so an index on the column serves it.

    `lookup_expr="gte"` ("from"): the column >= the start of that day (local time);
    `lookup_expr="lte"` ("to", the day included): the column < the start of the next day.
    Never `field__date__gte`: on PostgreSQL that casts every row to a date (docs/performance.md).
    """

    def __init__(self, *args, lookup_expr="gte", **kwargs):
        if lookup_expr not in ("gte", "lte"):
            raise ValueError("DayFilter takes lookup_expr 'gte' (from) or 'lte' (to)")
        super().__init__(*args, lookup_expr=lookup_expr, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        if self.lookup_expr == "gte":
            bound = {f"{self.field_name}__gte": start_of_day(value)}
        else:
            bound = {f"{self.field_name}__lt": start_of_day(value + dt.timedelta(days=1))}
        if self.distinct:
            qs = qs.distinct()
        return self.get_method(qs)(**bound)


class YearField(forms.IntegerField):
    """A year typed in a filter: ``parsing.MIN_YEAR`` to ``parsing.MAX_YEAR``, or a message beside the field."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", parsing.MIN_YEAR)
        kwargs.setdefault("max_value", parsing.MAX_YEAR)
        super().__init__(*args, **kwargs)
        bounds = {"min": parsing.MIN_YEAR, "max": parsing.MAX_YEAR}
        self.error_messages = {
            **self.error_messages,
            "invalid": parsing.INVALID_YEAR % bounds,
            "min_value": parsing.INVALID_YEAR % bounds,
            "max_value": parsing.INVALID_YEAR % bounds,
        }
        self.widget.attrs.update({"min": parsing.MIN_YEAR, "max": parsing.MAX_YEAR})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        year = parsing.parse_year(value, min_value=self.min_value, max_value=self.max_value)
        if year is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return year


class YearFilter(django_filters.NumberFilter):
    """A year (``YearField``); ``lookup_expr="year"`` over a date column, or exact over an integer column."""

    field_class = YearField


class BaseFilterSet(django_filters.FilterSet):
    """The base of every list's FilterSet: an empty choice reads "Tất cả", not "---------"; yes/no defaults to all;
    every id, date and integer field bounded (``legalaid.core.fields.harden``)."""

    @property
    def active_count(self) -> int:
        """How many filters the request sets (the phone layout's filter button shows it)."""
        data = self.data or {}
        count = 0
        for name in self.filters:
            values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
            count += any(value not in (None, "") for value in values)
        return count

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_labels_set", False):
            for field in form.fields.values():
                if isinstance(field, forms.NullBooleanField):
                    field.widget = YesNoSelect(attrs=field.widget.attrs)
                elif getattr(field, "empty_label", None) is not None:
                    field.empty_label = ALL
                    # The widget keeps the choices of the declared field (a shallow copy): give it the form's own.
                    field.widget.choices = field.choices
            harden(form)
            form._labels_set = True
        return form


class OrganisationFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Tìm"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Loại đơn vị"), choices=OrganisationKind.choices)
    is_active = django_filters.BooleanFilter(label=_("Đang hoạt động"))

    class Meta:
        model = Organisation
        fields = ["q", "kind", "is_active"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(code__iexact=value))


class UserFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Họ tên"), method="search")
    role = django_filters.ChoiceFilter(label=_("Vai trò"), choices=Role.choices)
    organisation = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=Organisation.objects.none())
    is_active = django_filters.BooleanFilter(label=_("Đang hoạt động"))

    class Meta:
        model = User
        fields = ["q", "role", "organisation", "is_active"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.visible_to(user)

    def search(self, queryset, name, value):
        key = fold(value)
        return queryset.filter(Q(name_key__contains=key) | Q(username__iexact=value.strip())) if key else queryset


class CommuneFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Tên xã, phường"), method="search")
    province = django_filters.ModelChoiceFilter(label=_("Tỉnh, thành phố"), queryset=Province.objects.all())
    flag = django_filters.ChoiceFilter(label=_("Đặc điểm"), choices=CommuneFlagKind.choices, method="with_flag")

    class Meta:
        model = Commune
        fields = ["q", "province", "flag"]

    def search(self, queryset, name, value):
        key = fold(value)
        return queryset.filter(name_key__contains=key) if key else queryset

    def with_flag(self, queryset, name, value):
        return queryset.filter(flags__kind=value).distinct()


class AuditFilter(BaseFilterSet):
    actor = django_filters.ModelChoiceFilter(label=_("Người thao tác"), queryset=User.objects.none())
    action = django_filters.ChoiceFilter(label=_("Thao tác"), choices=AuditAction.choices)
    object_repr = django_filters.CharFilter(label=_("Đối tượng"), lookup_expr="icontains")
    content_type__model = django_filters.CharFilter(label=_("Loại đối tượng"))
    object_id = django_filters.CharFilter(label=_("Mã đối tượng"))
    date_from = DayFilter(label=_("Từ ngày"), field_name="at", lookup_expr="gte")
    date_to = DayFilter(label=_("Đến ngày"), field_name="at", lookup_expr="lte")

    class Meta:
        model = AuditEntry
        fields = [
            "actor",
            "action",
            "object_repr",
            "content_type__model",
            "object_id",
            "date_from",
            "date_to",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["actor"].queryset = User.objects.visible_to(user)


class AccessLogFilter(BaseFilterSet):
    user = django_filters.ModelChoiceFilter(label=_("Người xem"), queryset=User.objects.none())
    object_repr = django_filters.CharFilter(label=_("Đối tượng"), lookup_expr="icontains")
    date_from = DayFilter(label=_("Từ ngày"), field_name="at", lookup_expr="gte")
    date_to = DayFilter(label=_("Đến ngày"), field_name="at", lookup_expr="lte")

    class Meta:
        model = AccessLogEntry
        fields = ["user", "object_repr", "date_from", "date_to"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["user"].queryset = User.objects.visible_to(user)
