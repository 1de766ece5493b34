"""Ids and years in URL paths (issue 14 item 6): every pattern takes them through ``<id:...>`` and ``<year:...>``
(legalaid/core/converters.py), so a number beyond the key's range is a 404 from the resolver, and the largest id
that fits reaches the view and is a 404 there, never a 500."""

from __future__ import annotations

import re

import pytest
from django.urls.converters import IntConverter

from legalaid.core.converters import IdConverter, YearConverter
from legalaid.core.tests.fuzzing import url_patterns
from legalaid.lib.parsing import MAX_ID

pytestmark = pytest.mark.django_db

PATTERNS = [(name, route, converters) for name, route, converters in url_patterns() if converters]
OURS = [(name, route, converters) for name, route, converters in PATTERNS if not name.startswith("admin:")]


def _path(route: str, id_value: str) -> str:
    def value(match):
        kind = match.group(1)
        return {"id": id_value, "year": "2026"}.get(kind, "x")

    return "/" + re.sub(r"<(\w+):\w+>", value, route)


def test_every_pattern_of_the_project_uses_the_bounded_converters():
    assert OURS
    for name, route, converters in OURS:
        for argument, converter in converters.items():
            assert not isinstance(converter, IntConverter), f"{name} ({route}): <int:{argument}>, use <id:{argument}>"
    kinds = {type(c) for _, _, converters in OURS for c in converters.values()}
    assert {IdConverter, YearConverter} <= kinds


@pytest.mark.parametrize("value", ["12345678901234567890123", str(MAX_ID + 1), "0"])
def test_an_id_out_of_range_in_a_path_is_not_found(client, world, value):
    client.force_login(world.root)
    for _name, route, _converters in OURS:
        if "<id:" not in route:
            continue
        path = _path(route, value)
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code in (404, 405), path


def test_the_largest_id_reaches_the_view_and_is_not_found(client, world):
    client.force_login(world.root)
    for _name, route, _converters in OURS:
        if "<id:" not in route:
            continue
        path = _path(route, str(MAX_ID))
        for method in (client.get, client.post):
            status = method(path).status_code
            assert status in (302, 404, 405), f"{method.__name__.upper()} {path}: {status}"


@pytest.mark.parametrize("year", ["0000", "1999", "2101", "9999"])
def test_a_year_out_of_range_in_a_path_is_not_found(client, world, year):
    client.force_login(world.root)
    assert client.get(f"/quan-tri/lich/{year}/").status_code == 404
    assert client.post(f"/quan-tri/lich/{year}/nap-ngay-le/").status_code == 404
