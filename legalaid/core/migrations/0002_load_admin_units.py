from django.db import migrations


def load(apps, schema_editor):
    from legalaid.core.reference_data import load_admin_units

    load_admin_units(apps.get_model("core", "Province"), apps.get_model("core", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
