from django.db import migrations


def load(apps, schema_editor):
    from legalaid.studies.reference import OUTLINE_SECTIONS, SOURCE

    StudyOutlineSection = apps.get_model("studies", "StudyOutlineSection")
    for order, (code, title, description, required) in enumerate(OUTLINE_SECTIONS):
        StudyOutlineSection.objects.update_or_create(
            code=code,
            defaults={
                "title": title,
                "description": description,
                "required": required,
                "reference": SOURCE,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("studies", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
