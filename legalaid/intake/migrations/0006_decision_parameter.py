import datetime as dt

from django.db import migrations

CODE = "intake.decision_working_days"


def load(apps, schema_editor):
    apps.get_model("core", "LegalParameter").objects.update_or_create(
        code=CODE,
        valid_from=dt.date(2018, 1, 1),
        defaults={
            "label": "Thời hạn Trung tâm tự đặt để quyết định thụ lý một yêu cầu (hàng việc cần làm)",
            "value": 1,
            "unit": "working_days",
            "reference": "Luật TGPL Điều 30(2): kiểm tra và trả lời ngay; không quy định số ngày – mặc định của Trung tâm",
            "confirmed": False,
        },
    )


def unload(apps, schema_editor):
    apps.get_model("core", "LegalParameter").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("intake", "0005_legalaidcase_moved_to_cases"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, unload)]
