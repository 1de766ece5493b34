"""Every row is on its chain now (0007): its number is required."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0007_audit_chain_backfill")]

    operations = [
        migrations.AlterField(
            model_name="accesslogentry",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False, unique=True, verbose_name="số thứ tự trong chuỗi"),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False, unique=True, verbose_name="số thứ tự trong chuỗi"),
        ),
    ]
