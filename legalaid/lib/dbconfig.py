"""The database settings, SQLite or PostgreSQL, from the environment (issue 14 item 6).

SQLite gets the same options whichever way it is named, ``SQLITE_PATH`` or ``DATABASE_URL=sqlite:///...``: a busy
timeout (a writer waits for the lock instead of failing at once with "database is locked"), IMMEDIATE transactions
(a transaction takes the write lock when it begins, so two that read then write cannot deadlock, which SQLite would
resolve by failing one of them at once), WAL (readers do not block the writer) and synchronous=NORMAL (safe with WAL).

PostgreSQL connections run with JIT compilation off (``-c jit=off``, unless the URL's own ``options`` say otherwise):
the report queries' estimated costs cross ``jit_optimize_above_cost`` while they run in milliseconds, and compiling
them cost more than running them (the "in progress" figure at 100,000 cases: 1,736 ms of JIT for 25 ms of work;
docs/performance.md).
"""

from __future__ import annotations

import dj_database_url

SQLITE_ENGINE = "django.db.backends.sqlite3"
POSTGRESQL_ENGINES = ("django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis")
#: Server settings of each PostgreSQL connection (libpq ``options``).
POSTGRESQL_SERVER_OPTIONS = "-c jit=off"
#: Seconds a connection waits for another's write lock.
SQLITE_TIMEOUT = 20
SQLITE_OPTIONS = {
    "timeout": SQLITE_TIMEOUT,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={SQLITE_TIMEOUT * 1000};"
    ),
}


def database_config(database_url: str, *, sqlite_path: str, conn_max_age: int = 60) -> dict:
    """``DATABASES["default"]``: ``database_url`` when set (any engine dj-database-url knows), else the SQLite file
    ``sqlite_path``; SQLite's options are added in both cases (options given in the URL's query win)."""
    if database_url:
        config = dj_database_url.parse(database_url, conn_max_age=conn_max_age)
    else:
        config = {"ENGINE": SQLITE_ENGINE, "NAME": sqlite_path}
    if config.get("ENGINE") == SQLITE_ENGINE:
        config["OPTIONS"] = {**SQLITE_OPTIONS, **(config.get("OPTIONS") or {})}
    elif config.get("ENGINE") in POSTGRESQL_ENGINES:
        config["OPTIONS"] = {"options": POSTGRESQL_SERVER_OPTIONS, **(config.get("OPTIONS") or {})}
    return config
