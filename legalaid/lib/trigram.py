"""GIN trigram indexes for the diacritic-free name search (`name_key LIKE '%word%'`), on PostgreSQL only.

A b-tree index cannot serve a LIKE with a leading wildcard; a `gin_trgm_ops` index can (issue 11,
docs/performance.md). The models declare nothing (SQLite has no such index, and `makemigrations --check` stays
clean): each app's migration runs `trigram_index(...)`, which does nothing on another database.
"""

from __future__ import annotations

from django.db import migrations


def trigram_index(table: str, column: str, name: str) -> migrations.RunPython:
    """A migration operation creating (reversed: dropping) a GIN trigram index on `table.column`, PostgreSQL only."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} USING gin ({quote(column)} gin_trgm_ops)"
        )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    return migrations.RunPython(create, drop, elidable=False)
