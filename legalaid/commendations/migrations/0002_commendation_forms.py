from django.db import migrations


def load(apps, schema_editor):
    from legalaid.commendations.reference import FORMS

    CommendationForm = apps.get_model("commendations", "CommendationForm")
    for order, (code, name, category, nominee_kind, conferred_by, reference) in enumerate(FORMS):
        CommendationForm.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "nominee_kind": nominee_kind,
                "conferred_by": conferred_by,
                "reference": reference,
                "confirmed": False,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("commendations", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
