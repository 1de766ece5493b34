"""The work queue ("Việc cần làm"): what waits for the signed-in person, on their home page and counted in the menu.

Each domain app declares its sections in its own ``workqueue.py`` (imported by its ``AppConfig.ready``) with
``@section(code, roles=...)``: a function ``(user, today) -> Section | None`` that reads through ``visible_to(user)``
and returns the items, oldest or most urgent first, each with a link to the page where the action is taken. Core does
not know the apps; the apps do not know each other's sections.

A section reads a bounded number of rows (``LIMIT`` items shown, ``total`` counted in the same query budget), so the
home page costs a fixed number of queries whatever the size of the Centre; the total is counted up to ``COUNT_CAP``
(``total_of``), so that ten years of backlog do not cost an exact count on every home page. The menu's count is
cached per user for ``COUNT_SECONDS`` (a number only: no name, no record in the cache).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.lib.formatting import format_number

#: Items shown per section (the total is still counted; the section links to the full list).
LIMIT = 8
#: How long the menu's count of waiting work is kept (seconds).
COUNT_SECONDS = 60
#: A section's total is exact up to this; beyond it the page says "hơn 1.000" (a capped count stops reading there).
COUNT_CAP = 1000


def total_of(queryset, rows: list, limit: int = LIMIT) -> int:
    """The section's total: the rows read when the page of ``limit`` rows is not full, else a count of at most
    ``COUNT_CAP + 1`` rows (``SELECT COUNT(*) FROM (... LIMIT 1001)``, no ORDER BY: the database stops early)."""
    if len(rows) < limit:
        return len(rows)
    return queryset.order_by()[: COUNT_CAP + 1].count()


@dataclass(frozen=True)
class Item:
    """One piece of work: what (``title``), on which record (``subject``), where to act (``url``), and how urgent."""

    title: str
    subject: str
    url: str
    detail: str = ""
    due: dt.date | None = None
    tone: str = ""  # "overdue" (red), "soon" (amber) or ""
    action: str = ""  # the button's verb ("Cử người thực hiện")


@dataclass
class Section:
    """A kind of work waiting for the user: its items (at most ``LIMIT``), their ``total`` and the full list."""

    code: str
    title: str
    items: list[Item] = field(default_factory=list)
    total: int = 0
    list_url: str = ""
    note: str = ""  # who must act and on what basis, shown under the title
    read_only: bool = False  # the Department sees the Centres' overdue work but does not act on it

    @property
    def more(self) -> int:
        return max(min(self.total, COUNT_CAP) - len(self.items), 0)

    @property
    def capped(self) -> bool:
        """More than ``COUNT_CAP`` waiting: the total shown is "hơn 1.000"."""
        return self.total > COUNT_CAP

    @property
    def total_label(self) -> str:
        """The total as the badge shows it: "12", or "hơn 1.000" past the cap."""
        if self.capped:
            return _("hơn %(n)s") % {"n": format_number(COUNT_CAP)}
        return format_number(self.total)

    @property
    def more_label(self) -> str:
        """The link under the items: "Xem tất cả (4 việc khác)", or "(hơn 992 việc khác)" past the cap."""
        if self.capped:
            return _("Xem tất cả (hơn %(n)s việc khác)") % {"n": format_number(self.more)}
        return _("Xem tất cả (%(n)s việc khác)") % {"n": format_number(self.more)}


SectionFn = Callable[[object, dt.date], Section | None]


@dataclass(frozen=True)
class _Registered:
    code: str
    roles: frozenset[str]
    order: int
    fn: SectionFn


_REGISTRY: dict[str, _Registered] = {}


def section(code: str, *, roles: Iterable[str], order: int = 100) -> Callable[[SectionFn], SectionFn]:
    """Declare a section of the work queue for the given roles (``order``: its place on the page)."""

    def register(fn: SectionFn) -> SectionFn:
        _REGISTRY[code] = _Registered(code, frozenset(roles), order, fn)
        return fn

    return register


def sections_for_role(role: str) -> list[str]:
    """The codes of the sections a role sees, in page order (for tests and the docs)."""
    return [r.code for r in sorted(_REGISTRY.values(), key=lambda r: (r.order, r.code)) if role in r.roles]


def queue_for(user, today: dt.date | None = None) -> list[Section]:
    """The sections of ``user``'s work queue that have something in them, in page order."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return []
    today = today or timezone.localdate()
    out = []
    for registered in sorted(_REGISTRY.values(), key=lambda r: (r.order, r.code)):
        if user.role not in registered.roles:
            continue
        found = registered.fn(user, today)
        if found is not None and found.total:
            out.append(found)
    cache.set(_count_key(user), sum(s.total for s in out if not s.read_only), COUNT_SECONDS)
    return out


def count_for(user) -> int:
    """How many items wait for ``user`` (the menu's badge): cached for a minute, recomputed when missing."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return 0
    count = cache.get(_count_key(user))
    if count is None:
        queue_for(user)
        count = cache.get(_count_key(user), 0)
    return count


def forget_count(user) -> None:
    cache.delete(_count_key(user))


def _count_key(user) -> str:
    return f"workqueue:count:{user.pk}"


def tone_of(due: dt.date | None, today: dt.date, soon_until: dt.date) -> str:
    if due is None:
        return ""
    if due < today:
        return "overdue"
    return "soon" if due <= soon_until else ""
