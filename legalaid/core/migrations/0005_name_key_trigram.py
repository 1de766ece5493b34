"""GIN trigram indexes on the folded name keys, PostgreSQL only (legalaid/lib/trigram.py, issue 11)."""

from django.db import migrations

from legalaid.lib.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("core", "0004_role_labels")]

    operations = [
        trigram_index("core_user", "name_key", "core_user_name_trgm"),
        trigram_index("core_commune", "name_key", "core_commune_name_trgm"),    ]
