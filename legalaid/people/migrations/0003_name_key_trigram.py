"""GIN trigram indexes on the folded name keys, PostgreSQL only (legalaid/lib/trigram.py, issue 11)."""

from django.db import migrations

from legalaid.lib.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("people", "0002_load_ethnicities")]

    operations = [
        trigram_index("people_person", "name_key", "people_person_name_trgm"),    ]
