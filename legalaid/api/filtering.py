"""The list pages' FilterSets, used by the API as they are (STYLE.md rule 18), minus the free-text ``q`` box: it
carries names and ID numbers, which never go in a URL (docs/security.md); the pages POST it, the API has no search."""

from __future__ import annotations

import copy
import inspect

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes

#: Filters never offered in a query string.
PRIVATE_FILTERS = frozenset({"q"})

_api_classes: dict = {}


def api_filterset(filterset_class):
    """The same FilterSet without the private filters (one subclass per FilterSet, made once)."""
    if filterset_class is None:
        return None
    cls = _api_classes.get(filterset_class)
    if cls is None:
        cls = type(f"Api{filterset_class.__name__}", (filterset_class,), {})
        cls.base_filters = {
            name: _typed(flt) for name, flt in filterset_class.base_filters.items() if name not in PRIVATE_FILTERS
        }
        _api_classes[filterset_class] = cls
    return cls


def _typed(flt):
    """A record filter that filters by a method: an integer id in the schema (drf-spectacular cannot tell)."""
    if isinstance(flt, django_filters.ModelChoiceFilter) and flt.method is not None:
        flt = copy.deepcopy(flt)
        set_override(flt, "field", OpenApiTypes.INT)
    return flt


class FilterSetBackend(DjangoFilterBackend):
    def get_filterset_class(self, view, queryset=None):
        return api_filterset(getattr(view, "filterset_class", None))

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and "user" in inspect.signature(filterset_class.__init__).parameters:
            kwargs["user"] = request.user
        return kwargs
