import datetime as dt

from django.db import migrations

CODE = "plans.reminder_working_days"


def load(apps, schema_editor):
    LegalParameter = apps.get_model("core", "LegalParameter")
    LegalParameter.objects.update_or_create(
        code=CODE,
        valid_from=dt.date(2018, 1, 1),
        defaults={
            "label": "Nhắc việc trước hạn hoàn thành nhiệm vụ của kế hoạch",
            "value": 5,
            "unit": "working_days",
            "reference": "Không có quy định của pháp luật – mặc định của Trung tâm (DOMAIN.md §11), cần xác nhận",
            "confirmed": False,
        },
    )


def unload(apps, schema_editor):
    apps.get_model("core", "LegalParameter").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, unload)]
