from django.db import migrations


def load(apps, schema_editor):
    from legalaid.people.ethnicities import load_ethnicities

    load_ethnicities(apps.get_model("people", "Ethnicity"))


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
