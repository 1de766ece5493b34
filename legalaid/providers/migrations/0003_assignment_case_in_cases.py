"""The assignment's case is ``cases.LegalAidCase`` (state only: the column and its key are unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0006_legalaidcase_moved_here'),
        ('providers', '0002_reference_data'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.AlterField(
            model_name='assignment',
            name='case',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assignments', to='cases.legalaidcase', verbose_name='vụ việc'),
        ),
            ],
            database_operations=[],
        ),
    ]
