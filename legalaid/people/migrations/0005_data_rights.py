"""The data protection officers' group and the personal-data time limits as editable data (docs/privacy.md).

Every figure is UNCONFIRMED (``confirmed = False``): no published text was checked (docs/rules-to-confirm.md).
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

#: The group whose members (Centre staff) are the designated data protection officers (people/rules.py).
DATA_OFFICERS = "Cán bộ bảo vệ dữ liệu cá nhân"

FROM = dt.date(2023, 7, 1)  # Decree 13/2023/NĐ-CP in force

PARAMETERS = [
    (
        "people.data_subject_response_hours",
        "Thời hạn trả lời yêu cầu của chủ thể dữ liệu (cung cấp, chỉnh sửa dữ liệu cá nhân)",
        Decimal(72),
        "hours",
        "Nghị định 13/2023/NĐ-CP, Điều 14, 15 (CHƯA XÁC NHẬN)",
    ),
    (
        "retention.person_years",
        "Thời hạn lưu giữ thông tin người được trợ giúp (tính từ khi vụ việc cuối cùng được lưu trữ)",
        Decimal(20),
        "years",
        "Thông tư 07/2025/TT-BTP, bảng thời hạn bảo quản hồ sơ (CHƯA XÁC NHẬN)",
    ),
    (
        "retention.case_file_years",
        "Thời hạn lưu giữ hồ sơ vụ việc, yêu cầu trợ giúp pháp lý (tính từ khi lưu trữ)",
        Decimal(20),
        "years",
        "Thông tư 07/2025/TT-BTP, bảng thời hạn bảo quản hồ sơ (CHƯA XÁC NHẬN)",
    ),
    (
        "retention.audit_years",
        "Thời hạn lưu giữ nhật ký thay đổi",
        Decimal(20),
        "years",
        "Theo thời hạn của hồ sơ được ghi nhật ký (CHƯA XÁC NHẬN)",
    ),
    (
        "retention.access_log_years",
        "Thời hạn lưu giữ nhật ký truy cập hồ sơ",
        Decimal(5),
        "years",
        "Chưa tìm thấy văn bản quy định (CHƯA XÁC NHẬN)",
    ),
    (
        "retention.correction_request_years",
        "Thời hạn lưu giữ yêu cầu chỉnh sửa dữ liệu cá nhân",
        Decimal(5),
        "years",
        "Chưa tìm thấy văn bản quy định (CHƯA XÁC NHẬN)",
    ),
]


def forward(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=DATA_OFFICERS)
    LegalParameter = apps.get_model("core", "LegalParameter")
    for code, label, value, unit, reference in PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=FROM,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": False},
        )


def backward(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=DATA_OFFICERS).delete()
    apps.get_model("core", "LegalParameter").objects.filter(code__in=[p[0] for p in PARAMETERS], valid_from=FROM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_correction_request"),
        ("core", "0003_legal_parameter"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forward, backward)]
