"""SQLite gets the same options from SQLITE_PATH and from DATABASE_URL=sqlite:///... (issue 14 item 6): without
them a DATABASE_URL-configured SQLite failed at once with "database is locked" under concurrent writes."""

import pytest
from django.db.utils import ConnectionHandler

from legalaid.lib.dbconfig import SQLITE_OPTIONS, database_config


def test_sqlite_path_gets_the_options():
    config = database_config("", sqlite_path="/srv/legalaid/db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/legalaid/db.sqlite3"
    assert config["OPTIONS"] == SQLITE_OPTIONS


def test_a_sqlite_database_url_gets_the_same_options():
    config = database_config("sqlite:////srv/legalaid/db.sqlite3", sqlite_path="/ignored.sqlite3", conn_max_age=0)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/legalaid/db.sqlite3"
    assert config["OPTIONS"] == SQLITE_OPTIONS
    assert SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE" and SQLITE_OPTIONS["timeout"] >= 5


def test_postgresql_runs_without_jit_unless_the_url_says():
    config = database_config("postgres://u:p@db:5432/legalaid", sqlite_path="x")
    assert config["OPTIONS"] == {"options": "-c jit=off"}
    config = database_config("postgres://u:p@db:5432/legalaid?options=-c%20jit%3Don", sqlite_path="x")
    assert config["OPTIONS"]["options"] == "-c jit=on"


def test_postgresql_gets_no_sqlite_options():
    config = database_config("postgres://u@db.example:5432/legalaid", sqlite_path="/x.sqlite3", conn_max_age=60)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_MAX_AGE"] == 60
    assert "transaction_mode" not in config.get("OPTIONS", {})


@pytest.mark.parametrize("how", ["path", "url"])
def test_the_connection_runs_in_wal_with_a_busy_timeout(tmp_path, how):
    path = tmp_path / "db.sqlite3"
    if how == "path":
        config = database_config("", sqlite_path=str(path))
    else:
        config = database_config(f"sqlite:///{path}", sqlite_path="/ignored.sqlite3", conn_max_age=0)
    wrapper = ConnectionHandler({"default": config})["default"]
    # The backend's own connection set-up (init_command included), outside pytest-django's guard on the test database.
    raw = wrapper.get_new_connection(wrapper.get_connection_params())
    assert wrapper.transaction_mode == "IMMEDIATE"  # read from OPTIONS while connecting
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == SQLITE_OPTIONS["timeout"] * 1000
    finally:
        raw.close()


@pytest.mark.django_db
def test_the_postgresql_connection_has_jit_off():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
