"""GIN trigram indexes on the folded name keys, PostgreSQL only (legalaid/lib/trigram.py, issue 11)."""

from django.db import migrations

from legalaid.lib.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("providers", "0006_change_application")]

    operations = [
        trigram_index("providers_provider", "name_key", "providers_provider_name_trgm"),    ]
