"""Load the categories of Law 11/2017/QH14 Art. 7 in its three versions, their proof papers, the grounds of financial
difficulty and the age thresholds.

Sources: consolidated text 05/VBHN-VPQH (21/02/2025) [C]; Law 53/2024/QH15 Art. 61 (from 01/07/2025) [C]; Law
59/2024/QH15 Art. 177(6) (from 01/01/2026) [C]; Decree 144/2017/NĐ-CP Art. 2 (wording UNCONFIRMED); TT 08/2017/TT-BTP
Art. 33 for the proof papers [P]. The data is frozen here on purpose: later edits are made in Django admin (or by a
new migration), never by changing this file.
"""

import datetime as dt

from django.db import migrations

LAW_START = dt.date(2018, 1, 1)
TRAFFICKING_CHANGE = dt.date(2025, 7, 1)  # Law 53/2024/QH15
JUVENILE_CHANGE = dt.date(2026, 1, 1)  # Law 59/2024/QH15

TT08 = "Thông tư 08/2017/TT-BTP, Điều 33"

# code, name, evidence, description
PROOFS = [
    ("revolutionary_merit_paper", "Giấy tờ chứng minh là người có công với cách mạng (giấy chứng nhận, thẻ hoặc quyết định hưởng chế độ ưu đãi)", "partial", ""),
    ("poor_household_cert", "Giấy chứng nhận hộ nghèo (hoặc giấy xác nhận hộ nghèo của Ủy ban nhân dân cấp xã)", "partial", ""),
    ("near_poor_household_cert", "Giấy chứng nhận hộ cận nghèo (hoặc giấy xác nhận hộ cận nghèo của Ủy ban nhân dân cấp xã)", "partial", ""),
    ("birth_certificate", "Giấy khai sinh", "partial", ""),
    ("identity_document", "Thẻ căn cước, căn cước công dân, hộ chiếu hoặc giấy tờ tùy thân khác có ngày sinh", "partial", ""),
    ("ethnicity_proof", "Giấy tờ ghi dân tộc (giấy khai sinh, thẻ căn cước hoặc xác nhận thông tin về cư trú)", "partial", ""),
    ("residence_proof", "Giấy tờ chứng minh nơi cư trú (xác nhận thông tin về cư trú)", "partial", ""),
    ("procedural_document", "Giấy tờ của cơ quan tiến hành tố tụng xác định tư cách tham gia tố tụng (lệnh, quyết định, thông báo, giấy triệu tập)", "partial", "Người bị bắt, tạm giữ, bị can, bị cáo, bị hại, người làm chứng ..."),
    ("diversion_or_sentence_document", "Quyết định áp dụng biện pháp xử lý chuyển hướng hoặc bản án, quyết định thi hành án phạt tù", "unconfirmed", "Cho các tư cách mới của khoản 5 từ 01/01/2026; chưa có văn bản hướng dẫn."),
    ("martyr_family_paper", "Giấy tờ chứng minh là thân nhân liệt sĩ hoặc người có công nuôi dưỡng liệt sĩ (giấy chứng nhận gia đình liệt sĩ, quyết định trợ cấp)", "partial", ""),
    ("agent_orange_paper", "Quyết định hưởng trợ cấp hoặc giấy tờ xác nhận là người nhiễm chất độc da cam", "partial", ""),
    ("disability_certificate", "Giấy xác nhận khuyết tật", "partial", ""),
    ("domestic_violence_paper", "Giấy tờ chứng minh là nạn nhân bạo lực gia đình (quyết định cấm tiếp xúc, văn bản xác nhận của cơ quan có thẩm quyền)", "partial", ""),
    ("trafficking_victim_cert", "Giấy xác nhận nạn nhân của hành vi mua bán người (hoặc giấy tờ khác theo Luật Phòng, chống mua bán người)", "partial", ""),
    ("trafficking_identification_paper", "Văn bản của cơ quan có thẩm quyền về việc đang xác định là nạn nhân mua bán người", "unconfirmed", "Luật 53/2024/QH15; giấy tờ cụ thể chưa được đối chiếu."),
    ("accompanying_minor_paper", "Giấy tờ chứng minh là người dưới 18 tuổi đi cùng nạn nhân mua bán người", "unconfirmed", "Luật 53/2024/QH15; giấy tờ cụ thể chưa được đối chiếu."),
    ("hiv_certificate", "Giấy tờ xác nhận là người nhiễm HIV", "partial", ""),
    ("social_allowance_decision", "Quyết định hưởng trợ cấp xã hội hằng tháng", "partial", ""),
    ("social_facility_admission", "Quyết định tiếp nhận vào nhà xã hội hoặc cơ sở bảo trợ xã hội", "partial", ""),
]

AGE = ["birth_certificate", "identity_document"]  # one group: any one proves the age

# ref, position, short label, label (the Law's wording), rule, needs financial difficulty, valid_from, valid_to,
# source, note, proof groups (each a list of alternatives)
CATEGORIES = [
    ("7.1", 10, "Người có công với cách mạng", "Người có công với cách mạng.", "revolutionary_merit", False,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 1", "", [["revolutionary_merit_paper"]]),
    ("7.2", 20, "Người thuộc hộ nghèo", "Người thuộc hộ nghèo.", "poor_household", False,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 2", "", [["poor_household_cert"]]),
    ("7.3", 30, "Trẻ em", "Trẻ em.", "child", False,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 3", "Trẻ em là người dưới 16 tuổi (Luật Trẻ em 2016, Điều 1).",
     [AGE]),
    ("7.4", 40, "Người dân tộc thiểu số ở vùng đặc biệt khó khăn",
     "Người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.",
     "ethnic_minority_difficult_area", False, LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 4",
     "Vùng đặc biệt khó khăn theo danh sách xã được cấp có thẩm quyền phê duyệt (đặc điểm của xã, có thời hạn).",
     [["ethnicity_proof", "birth_certificate", "identity_document"], ["residence_proof"]]),
    ("7.5", 50, "Người bị buộc tội từ đủ 16 đến dưới 18 tuổi",
     "Người bị buộc tội từ đủ 16 tuổi đến dưới 18 tuổi.", "accused_minor", False,
     LAW_START, dt.date(2025, 12, 31), "Luật TGPL 2017, Điều 7 khoản 5",
     "Người bị buộc tội: người bị bắt, người bị tạm giữ, bị can, bị cáo. Được thay thế từ 01/01/2026 "
     "(Luật 59/2024/QH15, Điều 177 khoản 6).",
     [["procedural_document"], AGE]),
    ("7.5", 50, "Người từ đủ 16 đến dưới 18 tuổi trong tố tụng hình sự",
     "Người từ đủ 16 tuổi đến dưới 18 tuổi là người bị tố giác, người bị kiến nghị khởi tố, người bị giữ trong "
     "trường hợp khẩn cấp, người bị buộc tội, bị hại, người làm chứng, người chấp hành biện pháp xử lý chuyển hướng, "
     "phạm nhân.", "minor_in_criminal_proceedings", False,
     JUVENILE_CHANGE, None, "Luật 59/2024/QH15, Điều 177 khoản 6", "Thay thế khoản 5 Điều 7 Luật TGPL từ 01/01/2026.",
     [["procedural_document", "diversion_or_sentence_document"], AGE]),
    ("7.6", 60, "Người bị buộc tội thuộc hộ cận nghèo", "Người bị buộc tội thuộc hộ cận nghèo.", "accused_near_poor",
     False, LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 6", "",
     [["procedural_document"], ["near_poor_household_cert"]]),
    ("7.6a", 65, "Nạn nhân mua bán người, người đang được xác định là nạn nhân, người dưới 18 tuổi đi cùng",
     "Nạn nhân, người đang trong quá trình xác định là nạn nhân của hành vi mua bán người và người dưới 18 tuổi đi "
     "cùng theo quy định của Luật Phòng, chống mua bán người.", "trafficking_victim_or_identification", False,
     TRAFFICKING_CHANGE, None, "Luật 53/2024/QH15, Điều 61",
     "Bổ sung khoản 6a vào Điều 7 Luật TGPL; không cần điều kiện khó khăn về tài chính. Nghị định 162/2025/NĐ-CP, "
     "Điều 21 áp dụng cả cho người nước ngoài bị mua bán tại Việt Nam [P].",
     [["trafficking_victim_cert", "trafficking_identification_paper", "accompanying_minor_paper"]]),
    ("7.7.a", 71, "Thân nhân liệt sĩ, người nuôi dưỡng liệt sĩ",
     "Cha đẻ, mẹ đẻ, vợ, chồng, con của liệt sĩ và người có công nuôi dưỡng khi liệt sĩ còn nhỏ.",
     "martyr_relative", True, LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 7 điểm a", "",
     [["martyr_family_paper"]]),
    ("7.7.b", 72, "Người nhiễm chất độc da cam", "Người nhiễm chất độc da cam.", "agent_orange", True,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 7 điểm b", "", [["agent_orange_paper"]]),
    ("7.7.c", 73, "Người cao tuổi", "Người cao tuổi.", "elderly", True,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 7 điểm c",
     "Từ đủ 60 tuổi (Luật Người cao tuổi 2009, Điều 2) — CHƯA XÁC NHẬN, ngưỡng tuổi là dữ liệu sửa được.", [AGE]),
    ("7.7.d", 74, "Người khuyết tật", "Người khuyết tật.", "disability", True,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 7 điểm d", "", [["disability_certificate"]]),
    ("7.7.đ", 75, "Bị hại từ đủ 16 đến dưới 18 tuổi",
     "Người từ đủ 16 tuổi đến dưới 18 tuổi là bị hại trong vụ án hình sự.", "minor_victim", True,
     LAW_START, dt.date(2025, 12, 31), "Luật TGPL 2017, Điều 7 khoản 7 điểm đ",
     "Bãi bỏ từ 01/01/2026 (Luật 59/2024/QH15, Điều 177 khoản 6); bị hại 16-17 tuổi thuộc khoản 5 mới.",
     [["procedural_document"], AGE]),
    ("7.7.e", 76, "Nạn nhân bạo lực gia đình", "Nạn nhân trong vụ việc bạo lực gia đình.", "domestic_violence_victim",
     True, LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 7 điểm e", "", [["domestic_violence_paper"]]),
    ("7.7.g", 77, "Nạn nhân mua bán người",
     "Nạn nhân của hành vi mua bán người theo quy định của Luật Phòng, chống mua bán người.", "trafficking_victim",
     True, LAW_START, dt.date(2025, 6, 30), "Luật TGPL 2017, Điều 7 khoản 7 điểm g",
     "Bãi bỏ từ 01/07/2025 (Luật 53/2024/QH15, Điều 61); thay bằng khoản 6a.", [["trafficking_victim_cert"]]),
    ("7.7.h", 78, "Người nhiễm HIV", "Người nhiễm HIV.", "hiv", True,
     LAW_START, None, "Luật TGPL 2017, Điều 7 khoản 7 điểm h", "", [["hiv_certificate"]]),
]

GROUNDS = [
    ("near-poor", "near_poor", "Người thuộc hộ cận nghèo.", ["near_poor_household_cert"]),
    ("social-allowance", "social_allowance", "Người đang hưởng trợ cấp xã hội hằng tháng theo quy định của pháp luật.",
     ["social_allowance_decision", "social_facility_admission"]),
]

THRESHOLDS = [
    ("child_below", 16, "Luật Trẻ em 2016, Điều 1; Luật TGPL 2017, Điều 7 khoản 3", "confirmed"),
    ("minor_from", 16, "Luật TGPL 2017, Điều 7 khoản 5 và khoản 7 điểm đ", "confirmed"),
    ("minor_below", 18, "Luật TGPL 2017, Điều 7 khoản 5; Luật 53/2024/QH15, Điều 61 (khoản 6a)", "confirmed"),
    ("elderly_from", 60, "Luật Người cao tuổi 2009, Điều 2 (chưa đối chiếu)", "unconfirmed"),
]


def load(apps, schema_editor):
    ProofDocument = apps.get_model("eligibility", "ProofDocument")
    Category = apps.get_model("eligibility", "Category")
    CategoryProof = apps.get_model("eligibility", "CategoryProof")
    FinancialGround = apps.get_model("eligibility", "FinancialGround")
    AgeThreshold = apps.get_model("eligibility", "AgeThreshold")

    proofs = {}
    for code, name, evidence, description in PROOFS:
        proofs[code] = ProofDocument.objects.create(
            code=code, name=name, evidence=evidence, description=description, source=TT08
        )
    for ref, position, short, label, rule, financial, start, end, source, note, groups in CATEGORIES:
        category = Category.objects.create(
            ref=ref,
            position=position,
            short_label=short,
            label=label,
            rule=rule,
            needs_financial_difficulty=financial,
            valid_from=start,
            valid_to=end,
            source=source,
            note=note,
            evidence="confirmed",
        )
        for number, group in enumerate(groups, start=1):
            for code in group:
                CategoryProof.objects.create(category=category, proof=proofs[code], group=number)
    for code, rule, label, proof_codes in GROUNDS:
        ground = FinancialGround.objects.create(
            code=code,
            rule=rule,
            label=label,
            valid_from=LAW_START,
            source="Nghị định 144/2017/NĐ-CP, Điều 2 (nội dung chưa đối chiếu)",
            evidence="unconfirmed",
        )
        ground.proofs.set([proofs[c] for c in proof_codes])
    for code, years, source, evidence in THRESHOLDS:
        AgeThreshold.objects.create(code=code, years=years, valid_from=LAW_START, source=source, evidence=evidence)


def unload(apps, schema_editor):
    for model in ("CategoryProof", "Category", "FinancialGround", "AgeThreshold", "ProofDocument"):
        apps.get_model("eligibility", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("eligibility", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
