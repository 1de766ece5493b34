import datetime as dt

from django.db import migrations

PARAMETERS = [
    (
        "cases.assignment_alert_working_days",
        "Vụ việc chờ cử người thực hiện quá số ngày làm việc này thì báo đỏ",
        1,
        "working_days",
        "Không tìm thấy thời hạn bằng số (DOMAIN.md 1.6: cử ngay) – mặc định của Trung tâm, cần xác nhận",
    ),
    (
        "cases.inactivity_alert_days",
        "Vụ việc đang thực hiện không có hoạt động quá số ngày này thì báo đỏ",
        30,
        "days",
        "Không có quy định của pháp luật – mặc định của Trung tâm",
    ),
]


def load(apps, schema_editor):
    LegalParameter = apps.get_model("core", "LegalParameter")
    for code, label, value, unit, reference in PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=dt.date(2018, 1, 1),
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": False},
        )


def unload(apps, schema_editor):
    apps.get_model("core", "LegalParameter").objects.filter(code__in=[p[0] for p in PARAMETERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_legalaidcase_table_name"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, unload)]
