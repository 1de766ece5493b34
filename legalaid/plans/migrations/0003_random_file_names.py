"""Stored files get random names (issue 14 item 5); a plan keeps its source's uploaded name in ``source_name``.

Files already stored keep their names (the rows point at them); a plan's ``source_name`` is filled from the stored
name, which was the uploaded one before this migration.
"""

import posixpath

from django.db import migrations, models

import legalaid.lib.uploads


def fill_source_names(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    for plan in Plan.objects.exclude(source_file="").only("pk", "source_file").iterator():
        Plan.objects.filter(pk=plan.pk).update(source_name=posixpath.basename(plan.source_file.name)[:255])


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_reminder_parameter"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="source_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="tên tệp gốc"),
        ),
        migrations.AlterField(
            model_name="plan",
            name="source_file",
            field=models.FileField(
                blank=True,
                max_length=255,
                upload_to=legalaid.lib.uploads.RandomName("plans/sources"),
                verbose_name="văn bản gốc",
            ),
        ),
        migrations.AlterField(
            model_name="plandraft",
            name="source_file",
            field=models.FileField(
                blank=True,
                max_length=255,
                upload_to=legalaid.lib.uploads.RandomName("plans/drafts"),
                verbose_name="văn bản gốc",
            ),
        ),
        migrations.AlterField(
            model_name="progressevidence",
            name="file",
            field=models.FileField(
                max_length=255, upload_to=legalaid.lib.uploads.RandomName("plans/evidence"), verbose_name="tệp"
            ),
        ),
        migrations.RunPython(fill_source_names, migrations.RunPython.noop),
    ]
