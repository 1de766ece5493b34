"""A PostgreSQL trigger refusing UPDATE and DELETE on the audit tables (issue 14 item 3, docs/security.md).

A row trigger cannot stop TRUNCATE (what Django's test flush uses) nor a table owner who disables it: the lawful
purge of docs/security.md does exactly that, in one transaction. The one UPDATE let through is Django's
``SET NULL`` of ``actor_id`` when an account is deleted, and only when nothing else in the row changes (the actor's
name and username stay in the row and in its hash). SQLite has no such trigger: ``manage.py verify_audit`` is the
check there.
"""

from __future__ import annotations

from django.db import migrations

FUNCTION = "legalaid_audit_append_only"

CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND to_jsonb(OLD) ? 'actor_id'
       AND (to_jsonb(OLD) ->> 'actor_id') IS NOT NULL
       AND (to_jsonb(NEW) ->> 'actor_id') IS NULL
       AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
        RETURN NEW;  -- an account deleted: SET NULL on actor_id, the copied name stays
    END IF;
    RAISE EXCEPTION 'legalaid: % on % refused: the audit trail is append-only (docs/security.md)',
        TG_OP, TG_TABLE_NAME;
END
$$
"""


def trigger_name(table: str) -> str:
    return f"{table}_append_only"


def append_only(*tables: str) -> migrations.RunPython:
    """A migration operation creating (reversed: dropping) the trigger on ``tables``, PostgreSQL only."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(CREATE_FUNCTION)  # no parameters: the '%' of RAISE stays as written
        for table in tables:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {quote(trigger_name(table))} ON {quote(table)}")
            schema_editor.execute(
                f"CREATE TRIGGER {quote(trigger_name(table))} BEFORE UPDATE OR DELETE ON {quote(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        for table in tables:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {quote(trigger_name(table))} ON {quote(table)}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")

    return migrations.RunPython(create, drop, elidable=False)
