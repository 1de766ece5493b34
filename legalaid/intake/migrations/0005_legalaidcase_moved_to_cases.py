"""The case now lives in the cases app (cases 0006): intake forgets the model, the rows stay.

The content type row (and with it the audit trail, the access log and the permissions that point at it) is renamed
to ``cases.legalaidcase``, so that the history of every case stays attached to it.
"""

from django.db import migrations


def content_type_to_cases(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="cases", model="legalaidcase").exists():
        ContentType.objects.filter(app_label="intake", model="legalaidcase").update(app_label="cases")


def content_type_to_intake(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="intake", model="legalaidcase").exists():
        ContentType.objects.filter(app_label="cases", model="legalaidcase").update(app_label="intake")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_legalaidcase_moved_here"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("intake", "0004_case_papers_completed_on"),
        ("providers", "0003_assignment_case_in_cases"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="LegalAidCase")],
            database_operations=[migrations.RunPython(content_type_to_cases, content_type_to_intake)],
        ),
    ]
