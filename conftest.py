"""Shared test set-up: fast hashing, a clean cache per test, two Centres with branches and one persona per role."""

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fast_and_clean(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The second factor is off in the tests (they log in with force_login and the browser `login` fixture); the
    # tests of the second factor turn it on (legalaid/core/tests/test_otp.py).
    settings.LEGALAID_OTP_REQUIRED = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    # Every test starts in Vietnamese: a request in English (the language switch) leaves its language active in the
    # thread, and the next test's services would then write English texts.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite tests run on a file, not in memory. Django hands every live-server thread the test thread's one
    connection to an in-memory database, so two requests at once (an htmx preview while the form is submitted)
    share one connection and one of them fails at random (a 400 "session interrupted" when its session save meets the
    other's transaction). On a file each thread has its own connection and SQLite's busy timeout orders them, as in
    ``make run``. One file per test process."""
    import os
    import tempfile
    from pathlib import Path

    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(tempfile.gettempdir()) / f"legalaid-test-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)


@pytest.fixture
def world(db):
    """Two provinces' worth of organisations and a persona for every role (see legalaid/core/tests/factories.py)."""
    from legalaid.core.tests.factories import build_world

    return build_world()


# --- Transactional tests (live_server, threads) must not take the reference data with them. ---------------------
# Django ends a transactional test by flushing every table, and with it the rows that data migrations loaded
# (provinces, communes, ...). Django's own runner copes by running those tests last; pytest-xdist's
# `--dist loadfile` does not keep that order, so the next test file on the same worker would find no provinces.
# So the migrated database is serialised once, and put back after every transactional test. The copy is kept here
# rather than on the connection object: while Playwright's event loop runs, Django hands the test thread other
# connection objects (asgiref's context-local storage), and those do not carry Django's serialised copy.

_DB_STATE = pytest.StashKey[tuple[object, dict[str, str]]]()


def _is_transactional(item) -> bool:
    names = getattr(item, "fixturenames", ())
    if "transactional_db" in names or "live_server" in names:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    from django.db import connections

    contents: dict[str, str] = {}
    if any(_is_transactional(item) for item in request.session.items):
        with django_db_blocker.unblock():
            for connection in connections.all():
                contents[connection.alias] = getattr(connection, "_test_serialized_contents", None) or (
                    connection.creation.serialize_db_to_string()
                )
    request.config.stash[_DB_STATE] = (django_db_blocker, contents)


def _restore_database(alias: str, data: str) -> None:
    """Empty the database and load the serialised copy back, one bulk insert per table (seconds faster than
    Django's row-by-row ``deserialize_db_from_string``)."""
    from django.core import serializers
    from django.core.management import call_command
    from django.db import connections, transaction

    call_command(
        "flush", verbosity=0, interactive=False, database=alias, reset_sequences=False, inhibit_post_migrate=True
    )
    connection = connections[alias]
    rows: dict[type, list] = {}
    many_to_many = []
    for deserialized in serializers.deserialize("json", data, using=alias):
        rows.setdefault(type(deserialized.object), []).append(deserialized.object)
        if deserialized.m2m_data:
            many_to_many.append(deserialized)
    with transaction.atomic(using=alias), connection.constraint_checks_disabled():
        for model, objects in rows.items():
            model._base_manager.using(alias).bulk_create(objects, batch_size=500)
        for deserialized in many_to_many:
            for field_name, values in deserialized.m2m_data.items():
                getattr(deserialized.object, field_name).set(values)
    connection.check_constraints(table_names=[model._meta.db_table for model in rows])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    blocker, contents = item.config.stash.get(_DB_STATE, (None, {}))
    # nextitem is None at the end of the run: the test database is gone by now.
    if contents and nextitem is not None and _is_transactional(item):
        with blocker.unblock():
            for alias, data in contents.items():
                _restore_database(alias, data)
    return result
