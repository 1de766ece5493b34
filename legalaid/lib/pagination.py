"""Pages of a list that stay fast at a million rows: a capped count and a page cap (docs/decisions/0009).

An exact ``COUNT(*)`` over the user's whole scope costs 80-180 ms per page view at a million cases, and a deep
``OFFSET`` reads and throws away every row before the page (page 2000: 2 s). So a list counts at most
``LIST_COUNT_CAP + 1`` rows (``SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1)``, the same one query as before) and
says "hơn 10.000" beyond it; and only the pages within the cap can be opened (the offset is at most the cap): past
them the list says to narrow the filters. Nobody reads page 201 of a register; a filter finds the row faster.
A deep page (from row ``DEFERRED_JOIN_FROM``) reads its ids first, then its rows (``_deep_rows``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.functional import cached_property

#: From this offset on, a page reads its rows' ids first, then the rows (``_deep_rows``).
DEFERRED_JOIN_FROM = 1000


def _deep_rows(queryset, bottom: int, top: int) -> list:
    """The rows ``bottom:top`` of ``queryset``, read in two steps (a "deferred join"): the ids of the page, in the
    list's order, by a narrow query (an index-only scan when an index matches the filter and the order), then those
    rows with everything the list shows (``select_related``, annotations, prefetches). A plain ``OFFSET`` builds every
    skipped row in full, joins and per-row subqueries included: at page 200 of a Centre's cases (``OFFSET`` 9,950)
    230 ms against 11 ms (issue 11, docs/performance.md). Two queries instead of one, so only for deep pages."""
    ids = list(queryset.values_list("pk", flat=True)[bottom:top])
    rows = {row.pk: row for row in queryset.order_by().filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def _combined(queryset) -> bool:
    return bool(getattr(getattr(queryset, "query", None), "combinator", None))


class CappedPaginator(Paginator):
    """A ``Paginator`` that counts at most ``cap + 1`` rows and serves only the pages within the cap.

    ``count`` is exact up to ``cap`` and ``cap + 1`` beyond it (``capped`` is then True); ``num_pages`` stops at
    the last page within the cap.
    """

    def __init__(self, object_list, per_page, *, cap: int, **kwargs):
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "order_by", None)
        if query is None:  # a list
            return min(len(self.object_list), self.cap + 1)
        # No ORDER BY in the count: the database need not sort the rows it only counts.
        return self.object_list.order_by()[: self.cap + 1].count()

    def page(self, number):
        """The page ``number``; its rows stop at the cap (the counted extra row is never shown)."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        top = min(top, self.cap)
        if (
            bottom >= DEFERRED_JOIN_FROM
            and hasattr(self.object_list, "values_list")
            and not _combined(self.object_list)
        ):
            return self._get_page(_deep_rows(self.object_list, bottom, top), number, self)
        return self._get_page(self.object_list[bottom:top], number, self)

    @property
    def capped(self) -> bool:
        """More rows than the cap: the count is "more than cap", and the pages stop at the cap."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        hits = min(self.count, self.cap)
        if hits == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, -(-hits // self.per_page))


def paginate(request, queryset, per_page: int | None = None):
    """The requested page of ``queryset``; a bad or too-high page number gives the last page that can be opened.

    The page carries ``beyond_cap``: the user asked for a page past the cap (the template says to filter).
    """
    paginator = CappedPaginator(queryset, per_page or settings.PAGE_SIZE, cap=settings.LIST_COUNT_CAP)
    asked = request.GET.get("page")
    page = paginator.get_page(asked)
    try:
        page.beyond_cap = paginator.capped and int(asked) > paginator.num_pages
    except (TypeError, ValueError):
        page.beyond_cap = False
    return page


__all__ = ["CappedPaginator", "EmptyPage", "PageNotAnInteger", "paginate"]
