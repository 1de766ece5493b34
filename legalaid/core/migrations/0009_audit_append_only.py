"""On PostgreSQL, a trigger refuses UPDATE and DELETE on the audit trail and the access log (legalaid/lib/append_only.py).

Does nothing on SQLite.
"""

from django.db import migrations

from legalaid.lib.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [("core", "0008_audit_chain_seq_required")]

    operations = [append_only("core_auditentry", "core_accesslogentry")]
