"""The questionnaires (beneficiaries; judges, procurators and investigators), their scale, and the time limits of the
register as LegalParameter rows. All editable in Django admin; the officials' questionnaire and the numbers marked
unconfirmed are listed in docs/rules-to-confirm.md."""

import datetime as dt

from django.db import migrations

SCALE = ("muc-do-hai-long", "Mức độ hài lòng")
OPTIONS = [
    (1, "Rất hài lòng", 5, True),
    (2, "Hài lòng", 4, True),
    (3, "Bình thường", 3, False),
    (4, "Chưa hài lòng", 2, False),
    (5, "Không hài lòng", 1, False),
]

QUESTIONNAIRES = [
    (
        "nguoi-duoc-tgpl",
        "beneficiary",
        "Phiếu lấy ý kiến người được trợ giúp pháp lý về sự hài lòng",
        "Thông tư 12/2018/TT-BTP (phiếu lấy ý kiến người được trợ giúp pháp lý trong hồ sơ vụ việc) – nội dung câu "
        "hỏi chưa xác nhận theo mẫu",
        "Xin ông/bà cho biết ý kiến về việc trợ giúp pháp lý mà ông/bà đã nhận. Ý kiến của ông/bà giúp Trung tâm "
        "nâng cao chất lượng dịch vụ.",
        [
            ("attitude", "Thái độ của người thực hiện trợ giúp pháp lý khi tiếp xúc, làm việc với ông/bà"),
            (
                "responsibility",
                "Tinh thần trách nhiệm của người thực hiện trợ giúp pháp lý (đúng hẹn, thông báo kịp thời tiến độ "
                "vụ việc)",
            ),
            ("expertise", "Trình độ chuyên môn, kỹ năng của người thực hiện trợ giúp pháp lý"),
            ("overall", "Nhìn chung, mức độ hài lòng của ông/bà với việc trợ giúp pháp lý"),
        ],
    ),
    (
        "nguoi-tien-hanh-to-tung",
        "official",
        "Phiếu lấy ý kiến người tiến hành tố tụng về chất lượng tham gia tố tụng",
        "Chưa xác nhận theo văn bản (DOMAIN.md §3) – mẫu của Trung tâm",
        "Xin Thẩm phán, Kiểm sát viên, Điều tra viên cho biết ý kiến về người thực hiện trợ giúp pháp lý tham gia "
        "tố tụng trong vụ án.",
        [
            (
                "expertise",
                "Chất lượng ý kiến, bản bào chữa, bản bảo vệ của người thực hiện trợ giúp pháp lý",
            ),
            (
                "responsibility",
                "Việc chấp hành quy định về tố tụng, thời hạn và tham gia đầy đủ các hoạt động tố tụng",
            ),
            ("attitude", "Thái độ, tác phong và sự phối hợp với cơ quan tiến hành tố tụng"),
            ("overall", "Đánh giá chung về hiệu quả tham gia tố tụng của người thực hiện trợ giúp pháp lý"),
        ],
    ),
]

PARAMETERS = [
    (
        "feedback.complaint_first_level_days",
        "Thời hạn giải quyết khiếu nại lần đầu (người đứng đầu tổ chức thực hiện trợ giúp pháp lý)",
        3,
        "working_days",
        "Điều 45 khoản 2 Luật Trợ giúp pháp lý 2017",
        True,
    ),
    (
        "feedback.complaint_second_level_days",
        "Thời hạn giải quyết khiếu nại lần hai (Giám đốc Sở Tư pháp)",
        15,
        "days",
        "Điều 45 khoản 3 Luật Trợ giúp pháp lý 2017 – 15 ngày; ngày hay ngày làm việc chưa xác nhận (DOMAIN.md 1.9)",
        False,
    ),
    (
        "feedback.complaint_filing_days",
        "Thời hiệu khiếu nại (0 = chưa áp dụng)",
        0,
        "days",
        "Chưa tìm thấy trong văn bản (DOMAIN.md 1.9) – quản trị viên nhập khi xác nhận",
        False,
    ),
    (
        "feedback.response_working_days",
        "Thời hạn trả lời phản ánh, kiến nghị",
        10,
        "working_days",
        "Không có quy định trong Luật Trợ giúp pháp lý – mặc định của Trung tâm",
        False,
    ),
    (
        "feedback.survey_link_days",
        "Thời hạn sử dụng đường liên kết khảo sát",
        30,
        "days",
        "Không có quy định – mặc định của Trung tâm",
        False,
    ),
]

START = dt.date(2018, 1, 1)


def load(apps, schema_editor):
    Scale = apps.get_model("feedback", "Scale")
    ScaleOption = apps.get_model("feedback", "ScaleOption")
    Questionnaire = apps.get_model("feedback", "Questionnaire")
    Version = apps.get_model("feedback", "QuestionnaireVersion")
    Question = apps.get_model("feedback", "Question")
    LegalParameter = apps.get_model("core", "LegalParameter")
    scale, _ = Scale.objects.update_or_create(code=SCALE[0], defaults={"name": SCALE[1]})
    for position, label, score, satisfied in OPTIONS:
        ScaleOption.objects.update_or_create(
            scale=scale, position=position, defaults={"label": label, "score": score, "satisfied": satisfied}
        )
    for code, audience, title, reference, intro, questions in QUESTIONNAIRES:
        questionnaire, _ = Questionnaire.objects.update_or_create(
            code=code, defaults={"audience": audience, "title": title, "reference": reference}
        )
        version, _ = Version.objects.update_or_create(
            questionnaire=questionnaire, number=1, defaults={"valid_from": START, "is_active": True, "intro": intro}
        )
        for position, (aspect, text) in enumerate(questions, start=1):
            Question.objects.update_or_create(
                version=version,
                position=position,
                defaults={"aspect": aspect, "kind": "scale", "text": text, "scale": scale, "required": True},
            )
    for code, label, value, unit, reference, confirmed in PARAMETERS:
        LegalParameter.objects.update_or_create(
            code=code,
            valid_from=START,
            defaults={"label": label, "value": value, "unit": unit, "reference": reference, "confirmed": confirmed},
        )


def unload(apps, schema_editor):
    apps.get_model("core", "LegalParameter").objects.filter(code__in=[p[0] for p in PARAMETERS]).delete()
    apps.get_model("feedback", "Question").objects.all().delete()
    apps.get_model("feedback", "QuestionnaireVersion").objects.all().delete()
    apps.get_model("feedback", "Questionnaire").objects.all().delete()
    apps.get_model("feedback", "Scale").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial"), ("core", "0003_legal_parameter")]

    operations = [migrations.RunPython(load, unload)]
