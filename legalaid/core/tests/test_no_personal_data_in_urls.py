"""Issue 14 item 4: no name or ID number in a URL, a log line or a cache.

Searches go by POST and live in the session under a random key (``legalaid.core.saved_search``); log handlers drop
query strings (``legalaid.core.logs``); gunicorn's access log format has no query; every answer to a signed-in user
and every download is ``no-store``.
"""

import io
import logging
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from legalaid.core.logs import DropQueryStrings, strip_query_strings
from legalaid.core.saved_search import KEEP, SESSION_KEY
from legalaid.core.tests.html import parse, table_text
from legalaid.people.tests.factories import PersonFactory

NAME = "Nguyễn Văn Đức"
ID_NUMBER = "001085012345"
PERSONS = reverse("people:person_list")

#: every list page whose filter form holds a free-text search (name, ID number, case code, object)
SEARCH_LISTS = [
    "people:person_list",
    "intake:request_list",
    "cases:case_list",
    "providers:provider_list",
    "studies:study_list",
    "commendations:campaign_list",
    "plans:plan_list",
    "core:user_list",
    "core:organisation_list",
    "core:commune_list",
    "core:audit_list",
    "core:access_log_list",
    "quality:appraisal_list",
]


def search(client, url, **criteria):
    """Submit the list's filter form as the browser does; returns the redirect's location."""
    response = client.post(url, {"_search": "1", "csrfmiddlewaretoken": "x", **criteria})
    assert response.status_code == 302
    return response["Location"]


@pytest.fixture
def people(world):
    PersonFactory(centre=world.a.centre, full_name=NAME, id_number=ID_NUMBER)
    for i in range(55):  # more than a page (PAGE_SIZE = 50)
        PersonFactory(centre=world.a.centre, full_name=f"Nguyễn Thị Số {i}")
    PersonFactory(centre=world.a.centre, full_name="Trần Thị Hoa")


@pytest.mark.parametrize("name", SEARCH_LISTS)
def test_every_list_search_form_is_sent_by_post(client, world, name):
    client.force_login(world.root)
    page = client.get(reverse(name))
    assert page.status_code == 200
    form = parse(page).xpath('//form[@id="filter-panel"]')[0]
    assert form.get("method") == "post"
    assert form.xpath('.//input[@name="csrfmiddlewaretoken"]') and form.xpath('.//input[@name="_search"]')
    location = search(client, reverse(name), q="Nguyễn Văn Đức 001085012345")
    assert urlsplit(location).path == reverse(name)
    assert set(parse_qs(urlsplit(location).query)) == {"s"}
    assert "Nguy" not in location and "001085" not in location
    assert client.get(location).status_code == 200


def test_the_search_is_kept_behind_an_opaque_key_and_pages_keep_it(client, world, people):
    client.force_login(world.a.director)
    location = search(client, PERSONS, q="nguyen")
    key = parse_qs(urlsplit(location).query)["s"][0]
    assert len(key) >= 12 and "nguyen" not in key
    first = client.get(location)
    rows = table_text(first)
    assert "Trần Thị Hoa" not in rows
    assert parse(first).xpath('//input[@name="q"]/@value') == ["nguyen"]  # the box shows what was searched
    links = parse(first).xpath('//a[contains(@href, "page=2")]/@href')
    assert links and all(parse_qs(urlsplit(link).query) == {"s": [key], "page": ["2"]} for link in links)
    second = table_text(client.get(PERSONS + links[0]))  # the links are relative: "?s=...&page=2"
    assert "Trần Thị Hoa" not in second
    assert NAME in rows + second and rows.count("Nguyễn") + second.count("Nguyễn") == 56  # 50 + 6
    # the same search again keeps its key; the session holds a bounded number of searches
    assert search(client, PERSONS, q="nguyen") == location
    for i in range(KEEP + 5):
        search(client, PERSONS, q=f"x{i}")
    assert len(client.session[SESSION_KEY]) == KEEP


def test_the_export_keeps_the_search_without_a_name_in_the_url(client, world, people):
    client.force_login(world.a.director)
    location = search(client, PERSONS, q=ID_NUMBER, export="xlsx")
    assert ID_NUMBER not in location and parse_qs(urlsplit(location).query)["export"] == ["xlsx"]
    response = client.get(location)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert NAME in values and "Trần Thị Hoa" not in values


def test_a_name_typed_into_the_url_is_moved_behind_a_key(client, world, people):
    client.force_login(world.a.director)
    response = client.get(PERSONS, {"q": NAME, "page": "1"})
    assert response.status_code == 302
    assert NAME not in response["Location"] and "page=1" in response["Location"]
    assert NAME in table_text(client.get(response["Location"]))


def test_another_sessions_key_shows_the_unfiltered_list(client, world, people):
    client.force_login(world.a.director)
    location = search(client, PERSONS, q="hoa")
    client.logout()
    client.force_login(world.a.director)  # a new session: the key is unknown there
    response = client.get(location, follow=True)
    assert response.redirect_chain[-1][0] == PERSONS
    assert response.status_code == 200 and "Tìm kiếm này đã hết hạn" in response.content.decode()
    assert "?s=" not in response.redirect_chain[-1][0]


def test_anonymous_search_goes_to_the_login_page(client, world):
    response = client.post(PERSONS, {"_search": "1", "q": NAME})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert NAME not in response["Location"]


def test_a_search_form_without_the_csrf_token_is_refused(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.director)
    assert client.post(PERSONS, {"_search": "1", "q": NAME}).status_code == 403


# --- Logs -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('"GET /nguoi/?q=Nguy%E1%BB%85n HTTP/1.1" 200 512', '"GET /nguoi/ HTTP/1.1" 200 512'),
        ('"GET /nguoi/?q=Nguyễn&page=2 HTTP/1.1" 200 512', '"GET /nguoi/ HTTP/1.1" 200 512'),
        ("Not Found: /vu-viec/?q=001085012345", "Not Found: /vu-viec/"),
        ("redirect to /dang-nhap/?next=/nguoi/%3Fq%3DNguyen", "redirect to /dang-nhap/"),
        ("Is it done? yes", "Is it done? yes"),
        ("a = b ? c", "a = b ? c"),
    ],
)
def test_query_strings_are_stripped(line, expected):
    assert strip_query_strings(line) == expected


def test_a_request_with_a_name_leaves_no_name_in_the_logs(client, world, people, caplog):
    """Every record that reaches a handler goes through the filter (settings.LOGGING); caplog's handler gets it too."""
    caplog.handler.addFilter(DropQueryStrings())
    client.force_login(world.a.director)
    with caplog.at_level(logging.DEBUG):
        client.get(PERSONS, {"q": NAME}, follow=True)
        client.get("/khong-co-trang-nay/", {"q": NAME})  # a 404: django.request logs it
        request_line = f"GET /nguoi/?q={quote(NAME)}&page=2 HTTP/1.1"  # as runserver logs it: percent-encoded
        logging.getLogger("django.server").info('"%s" %s %s', request_line, "200", "512")
        try:
            raise ValueError(f"while reading /nguoi/?q={quote(NAME)}")
        except ValueError:
            logging.getLogger("legalaid").exception("failed at /nguoi/?q=%s", ID_NUMBER)
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "django.request" in {r.name for r in caplog.records}
    assert "GET /nguoi/ HTTP/1.1" in text
    for secret in (NAME, "Nguy", quote(NAME), ID_NUMBER):
        assert secret not in text


def test_every_log_handler_drops_query_strings():
    handlers = settings.LOGGING["handlers"]
    assert handlers and all("drop_query_strings" in handler.get("filters", []) for handler in handlers.values())
    loggers = settings.LOGGING["loggers"]
    assert loggers["django"]["handlers"] == ["console"] and loggers["django"]["propagate"] is False
    assert loggers["django.server"]["handlers"] == ["server"]
    for name in ("django.request", "django.server", "legalaid"):
        for handler in _handlers_of(logging.getLogger(name)):
            if type(handler).__module__.startswith("_pytest"):  # pytest's own capture
                continue
            assert any(isinstance(f, DropQueryStrings) for f in handler.filters), (name, handler)


def _handlers_of(logger):
    while logger:
        yield from logger.handlers
        if not logger.propagate:
            break
        logger = logger.parent


def test_gunicorn_access_log_format_has_no_query_string():
    namespace = {}
    exec((Path(settings.BASE_DIR) / "gunicorn.conf.py").read_text(), namespace)
    access = namespace["access_log_format"]
    assert "%(U)s" in access
    for atom in ("%(r)s", "%(q)s", "%(f)s", "%({referer}i)s"):
        assert atom not in access


# --- Caches ---------------------------------------------------------------------------------------------------------


def test_pages_of_a_signed_in_user_are_never_stored(client, world, people):
    person = PersonFactory(centre=world.a.centre, full_name="Lê Văn Cường")
    client.force_login(world.a.director)
    for url in (reverse("home"), PERSONS, reverse("people:person_detail", kwargs={"pk": person.pk})):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and response["Pragma"] == "no-cache"
        assert response["Referrer-Policy"] == "same-origin"
    response = client.get(PERSONS, {"export": "xlsx"})
    assert "no-store" in response["Cache-Control"] and response["Pragma"] == "no-cache"


def test_the_login_page_sends_the_referrer_policy(client):
    response = client.get(reverse("login"))
    assert response["Referrer-Policy"] == "same-origin"
