"""Lists at a million rows (issue 11 item 4): the capped count and page cap, the session written only when it must
be, and short words of a name search matched as whole words (docs/performance.md)."""

import datetime as dt
import re

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from legalaid.lib.pagination import CappedPaginator
from legalaid.people.models import Person
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = reverse("people:person_list")


@pytest.fixture
def eight(world):
    return [PersonFactory(centre=world.a.centre, full_name=f"Nguyễn Văn Số {n}") for n in range(8)]


def test_the_count_stops_past_the_cap_and_so_do_the_pages(client, world, eight, settings):
    settings.LIST_COUNT_CAP = 5
    settings.PAGE_SIZE = 2
    client.force_login(world.a.director)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    html = response.content.decode()
    assert "Tổng số: hơn 5" in html and "Trang 1/3" in html
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1 and "LIMIT 6" in counts[0] and "ORDER BY" not in counts[0].upper()

    # Page 3 is the last one that opens (rows 5-6); it says why there is no page 4.
    response = client.get(URL, {"page": 3})
    html = response.content.decode()
    assert "Trang 3/3" in html and 'id="page-cap-note"' in html
    assert "Chỉ xem được 3 trang đầu" in html
    assert len(re.findall(r'<a href="/nguoi/\d+/">', html)) == 1  # the cap is 5 rows: page 3 holds the fifth only
    # A page past the cap gives the last page that opens, with the note.
    html = client.get(URL, {"page": 40}).content.decode()
    assert "Trang 3/3" in html and 'id="page-cap-note"' in html


def test_under_the_cap_the_count_is_exact_and_no_note(client, world, eight, settings):
    settings.LIST_COUNT_CAP = 100
    settings.PAGE_SIZE = 5
    client.force_login(world.a.director)
    html = client.get(URL, {"page": 2}).content.decode()
    assert "Tổng số: 8" in html and "Trang 2/2" in html and "page-cap-note" not in html


def test_the_paginator_on_its_own(world, eight):
    paginator = CappedPaginator(Person.objects.order_by("name_key"), 3, cap=7)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (8, True, 3)
    assert len(paginator.page(3).object_list) == 1  # row 7 of the cap
    exact = CappedPaginator(Person.objects.order_by("name_key"), 3, cap=8)
    assert (exact.count, exact.capped, exact.num_pages) == (8, False, 3)
    assert CappedPaginator(Person.objects.none(), 3, cap=8).num_pages == 1


def test_a_deep_page_reads_its_ids_then_its_rows_in_the_same_order(world, eight, monkeypatch):
    from legalaid.lib import pagination

    ordered = Person.objects.order_by("-name_key", "-pk")
    expected = [p.pk for p in ordered][3:6]
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_FROM", 3)
    with CaptureQueriesContext(connection) as queries:
        rows = list(CappedPaginator(ordered, 3, cap=100).page(2).object_list)
    assert [p.pk for p in rows] == expected
    selects = [q["sql"] for q in queries if q["sql"].upper().startswith("SELECT")]
    assert len(selects) == 3  # the count, the page's ids (OFFSET 3), the rows by id (no ORDER BY, no OFFSET)
    assert "OFFSET 3" in selects[1] and "OFFSET" not in selects[2] and "ORDER BY" not in selects[2]
    # A shallow page is one query, as before.
    with CaptureQueriesContext(connection) as queries:
        assert [p.pk for p in CappedPaginator(ordered, 3, cap=100).page(1).object_list] == [p.pk for p in ordered][:3]
    assert not any(" IN (" in q["sql"] for q in queries)  # the rows in one query, no second read by id


# --- The session ---------------------------------------------------------------------------------------------------


def session_writes(queries) -> int:
    return sum(1 for q in queries if q["sql"].upper().startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"])


def test_a_page_view_does_not_write_the_session_until_its_expiry_must_move(client, world):
    client.force_login(world.a.director)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    assert session_writes(queries) == 0

    # Two minutes later the expiry is due to slide: the next page view writes it 30 minutes ahead.
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + dt.timedelta(minutes=28))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    assert session_writes(queries) == 1
    assert Session.objects.get(pk=key).expire_date > timezone.now() + dt.timedelta(minutes=29)


def test_a_changed_session_is_still_saved(client, world):
    client.force_login(world.a.director)
    key_url = client.post(URL, {"_search": "1", "q": "nguyen"})["Location"]
    assert client.get(key_url).status_code == 200  # the search was kept in the session


# --- Short words of a name search ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le", {"Lê Văn An", "Nguyễn Thị Lê"}),  # a whole word only: not "Lệnh"
        ("an", {"Lê Văn An", "An Thị Hoa"}),  # not "Hoàng", "Lan"
        ("le an", {"Lê Văn An"}),
        ("len", {"Lệnh Thị Lan"}),  # three letters: anywhere in the name
        ("hoa", {"An Thị Hoa", "Hoàng Văn Tú"}),
        ("tu van", {"Hoàng Văn Tú"}),
        ("a", set()),
    ],
)
def test_short_words_are_whole_words(world, text, expected):
    for name in ["Lê Văn An", "Nguyễn Thị Lê", "Lệnh Thị Lan", "An Thị Hoa", "Hoàng Văn Tú"]:
        PersonFactory(centre=world.a.centre, full_name=name)
    assert {p.full_name for p in Person.objects.search(text)} == expected
