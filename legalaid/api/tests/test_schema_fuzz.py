"""Every operation of the served OpenAPI schema, sent generated input with Hypothesis (issue 13 item 7): no 5xx, every
successful answer valid against the schema (jsonschema), every error in the JSON error shape of docs/api.md.

Schemathesis would do the same; this stays within what the project already installs (Hypothesis, and jsonschema
which drf-spectacular brings). The callers: a director's session, a national-database key, an agency key.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalaid.api.choices import KeyKind

from .helpers import auth, make_key, records

pytestmark = pytest.mark.django_db

EXAMPLES = 12
BIG = 2**63


def _nullable(schema):
    """OpenAPI 3.0's ``nullable`` as JSON Schema."""
    if isinstance(schema, list):
        return [_nullable(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {k: _nullable(v) for k, v in schema.items()}
    if schema.pop("nullable", False):
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


class Schema:
    def __init__(self, document: dict):
        self.document = document
        self.components = _nullable(document.get("components", {}))

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            schema = self.document["components"]["schemas"][name]
        return schema

    def validate(self, schema: dict, data) -> None:
        full = {**_nullable(copy.deepcopy(schema)), "components": self.components}
        jsonschema.validate(data, full)

    def strategy(self, schema: dict, depth: int = 0):
        """Values for ``schema``, mostly valid, sometimes not (the API must refuse those with a 400)."""
        schema = self.resolve(schema)
        junk = st.one_of(st.text(max_size=20), st.integers(-BIG, BIG), st.none(), st.booleans())
        if "enum" in schema:
            return st.one_of(st.sampled_from(schema["enum"]), junk)
        for key in ("allOf", "oneOf", "anyOf"):
            if key in schema:
                return st.one_of([self.strategy(s, depth + 1) for s in schema[key]])
        kind = schema.get("type", "string")
        if kind == "integer":
            low, high = schema.get("minimum", -BIG), schema.get("maximum", BIG)
            return st.one_of(st.integers(low, high), junk)
        if kind == "number":
            return st.one_of(st.floats(allow_nan=False), junk)
        if kind == "boolean":
            return st.one_of(st.booleans(), junk)
        if kind == "array":
            return st.lists(self.strategy(schema.get("items", {}), depth + 1), max_size=3)
        if kind == "object":
            if depth > 3:
                return st.just({})
            props = schema.get("properties", {})
            required = set(schema.get("required", []))
            return st.fixed_dictionaries(
                {k: self.strategy(v, depth + 1) for k, v in props.items() if k in required},
                optional={k: self.strategy(v, depth + 1) for k, v in props.items() if k not in required},
            )
        fmt = schema.get("format")
        if fmt == "date":
            return st.one_of(st.dates().map(dt.date.isoformat), junk)
        if fmt == "date-time":
            aware = st.datetimes(timezones=st.just(dt.UTC)).map(dt.datetime.isoformat)
            return st.one_of(aware, junk)
        return st.one_of(st.text(max_size=schema.get("maxLength", 50) + 5), junk)


def _operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield path, method, operation


def _query(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


@pytest.fixture
def setup(client, world):
    mine = records(world.a)
    records(world.b)
    _n, national = make_key(world.a.director, KeyKind.NATIONAL)
    _a, agency = make_key(world.a.director, KeyKind.AGENCY, agency=world.a.agency)
    document = client.get("/api/v1/schema/?format=json").json()
    ids = [mine.person.pk, mine.request.pk, mine.case.pk, mine.assigned.pk, mine.plan.pk, mine.task.pk]
    return {"document": document, "callers": [("national", auth(national)), ("agency", auth(agency))], "ids": ids}


def test_the_schema_validates_and_lists_every_resource(client, world):
    from drf_spectacular.validation import validate_schema

    document = client.get("/api/v1/schema/?format=json").json()
    validate_schema(document)
    paths = set(document["paths"])
    for resource in ("persons", "requests", "cases", "referrals", "providers", "organisations", "plans", "tasks"):
        assert f"/api/v1/{resource}/" in paths and f"/api/v1/{resource}/{{id}}/" in paths
    assert {"/api/v1/national/cases/", "/api/v1/national/figures/"} <= paths


def test_the_docs_page_has_no_inline_script_or_style(client):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<style" not in html and "style=" not in html
    assert all(re.search(r"<script src=", tag) for tag in re.findall(r"<script[^>]*>", html))
    assert "cdn" not in html.lower()
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp


def _fuzz_operation(client, schema, path, method, operation, callers, ids, failures) -> int:
    params = [p for p in operation.get("parameters", []) if p["in"] in ("query", "path")]
    content = operation.get("requestBody", {}).get("content", {})
    body_schema = content.get("application/json", {}).get("schema")
    path_ids = st.one_of(st.sampled_from(ids), st.integers(0, 10**19 - 1))
    in_path = {p["name"] for p in params if p["in"] == "path"}
    required = {p["name"]: path_ids for p in params if p["in"] == "path"}
    optional = {p["name"]: schema.strategy(p.get("schema", {})) for p in params if p["in"] != "path"}
    count = 0

    @settings(
        max_examples=EXAMPLES, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(
        values=st.fixed_dictionaries(required, optional=optional),
        body=schema.strategy(body_schema) if body_schema else st.none(),
        caller=st.sampled_from(callers),
    )
    def run(values, body, caller):
        nonlocal count
        count += 1
        name, headers = caller
        url = path
        for key in in_path:
            url = url.replace("{" + key + "}", str(values[key]))
        query = {k: _query(v) for k, v in values.items() if k not in in_path}
        if method == "get":
            response = client.get(url, query, **headers)
        else:
            response = client.generic(
                method.upper(), url, data=json.dumps(body), content_type="application/json", **headers
            )
        where = f"{method.upper()} {url} {query} as {name} body={body!r}"
        if response.status_code >= 500:
            failures.append(f"{response.status_code}: {where}")
            return
        data = response.json()
        if response.status_code >= 400:
            if set(data) != {"detail", "errors"}:
                failures.append(f"error shape {response.status_code}: {where}: {data}")
            return
        spec = operation["responses"].get(str(response.status_code))
        if spec is None:
            failures.append(f"undocumented {response.status_code}: {where}")
            return
        try:
            schema.validate(spec["content"]["application/json"]["schema"], data)
        except jsonschema.ValidationError as error:
            failures.append(f"outside the schema: {where}: {error.message}")

    run()
    return count


def test_every_operation_with_generated_input(client, world, setup):
    schema = Schema(setup["document"])
    failures: list[str] = []
    client.force_login(world.a.director)
    callers = [("director", {}), *setup["callers"]]
    count = 0
    for path, method, operation in _operations(setup["document"]):
        count += _fuzz_operation(client, schema, path, method, operation, callers, setup["ids"], failures)
    print(f"{count} generated calls")
    assert not failures, "\n".join(failures[:20])
