"""Codes of the eligibility app. Importing this module loads no model, so the evaluator can use it at any time."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rule(models.TextChoices):
    """Which predicate of ``rules.py`` decides a category. The legal reference sits next to each predicate."""

    REVOLUTIONARY_MERIT = "revolutionary_merit", _("Người có công với cách mạng")
    POOR_HOUSEHOLD = "poor_household", _("Người thuộc hộ nghèo")
    CHILD = "child", _("Trẻ em (dưới 16 tuổi)")
    ETHNIC_MINORITY_DIFFICULT_AREA = "ethnic_minority_difficult_area", _("Dân tộc thiểu số ở vùng đặc biệt khó khăn")
    ACCUSED_MINOR = "accused_minor", _("Người bị buộc tội từ đủ 16 đến dưới 18 tuổi")
    MINOR_IN_CRIMINAL_PROCEEDINGS = (
        "minor_in_criminal_proceedings",
        _("Người từ đủ 16 đến dưới 18 tuổi tham gia tố tụng hình sự (Luật 59/2024)"),
    )
    ACCUSED_NEAR_POOR = "accused_near_poor", _("Người bị buộc tội thuộc hộ cận nghèo")
    TRAFFICKING_VICTIM_OR_IDENTIFICATION = (
        "trafficking_victim_or_identification",
        _("Nạn nhân, người đang được xác định là nạn nhân mua bán người, người dưới 18 tuổi đi cùng"),
    )
    MARTYR_RELATIVE = "martyr_relative", _("Thân nhân liệt sĩ, người nuôi dưỡng liệt sĩ")
    AGENT_ORANGE = "agent_orange", _("Người nhiễm chất độc da cam")
    ELDERLY = "elderly", _("Người cao tuổi")
    DISABILITY = "disability", _("Người khuyết tật")
    MINOR_VICTIM = "minor_victim", _("Bị hại từ đủ 16 đến dưới 18 tuổi")
    DOMESTIC_VIOLENCE_VICTIM = "domestic_violence_victim", _("Nạn nhân bạo lực gia đình")
    TRAFFICKING_VICTIM = "trafficking_victim", _("Nạn nhân mua bán người")
    HIV = "hiv", _("Người nhiễm HIV")


class FinancialRule(models.TextChoices):
    """Grounds of financial difficulty (Decree 144/2017/NĐ-CP, Art. 2; wording UNCONFIRMED)."""

    NEAR_POOR = "near_poor", _("Thuộc hộ cận nghèo")
    SOCIAL_ALLOWANCE = "social_allowance", _("Hưởng trợ cấp xã hội hằng tháng")


class HouseholdStatus(models.TextChoices):
    NONE = "none", _("Không thuộc hộ nghèo, cận nghèo")
    POOR = "poor", _("Hộ nghèo")
    NEAR_POOR = "near_poor", _("Hộ cận nghèo")


class ProceduralRole(models.TextChoices):
    """A person's standing in proceedings. Criminal roles follow the Criminal Procedure Code 2015 (Art. 4: the
    accused are the arrested, persons held in custody, suspects and defendants) and Law 59/2024 (Art. 177(6))."""

    NONE = "none", _("Không tham gia tố tụng hình sự")
    REPORTED = "reported", _("Người bị tố giác")
    RECOMMENDED_FOR_PROSECUTION = "recommended_for_prosecution", _("Người bị kiến nghị khởi tố")
    HELD_IN_EMERGENCY = "held_in_emergency", _("Người bị giữ trong trường hợp khẩn cấp")
    ARRESTED = "arrested", _("Người bị bắt")
    HELD_IN_CUSTODY = "held_in_custody", _("Người bị tạm giữ")
    SUSPECT = "suspect", _("Bị can")
    DEFENDANT = "defendant", _("Bị cáo")
    VICTIM = "victim", _("Bị hại")
    WITNESS = "witness", _("Người làm chứng")
    DIVERSION = "diversion", _("Người chấp hành biện pháp xử lý chuyển hướng")
    PRISONER = "prisoner", _("Phạm nhân")
    CIVIL_PLAINTIFF = "civil_plaintiff", _("Nguyên đơn dân sự")
    CIVIL_DEFENDANT = "civil_defendant", _("Bị đơn dân sự")
    RELATED_PARTY = "related_party", _("Người có quyền lợi, nghĩa vụ liên quan")


# Người bị buộc tội: Criminal Procedure Code 2015, Art. 4(1)(đ); DOMAIN.md 12 ("Children") [C].
ACCUSED_ROLES = frozenset(
    {ProceduralRole.ARRESTED, ProceduralRole.HELD_IN_CUSTODY, ProceduralRole.SUSPECT, ProceduralRole.DEFENDANT}
)

# Law 11/2017 Art. 7(5) as replaced by Law 59/2024/QH15 Art. 177(6), from 01/01/2026 [C].
JUVENILE_JUSTICE_ROLES = ACCUSED_ROLES | {
    ProceduralRole.REPORTED,
    ProceduralRole.RECOMMENDED_FOR_PROSECUTION,
    ProceduralRole.HELD_IN_EMERGENCY,
    ProceduralRole.VICTIM,
    ProceduralRole.WITNESS,
    ProceduralRole.DIVERSION,
    ProceduralRole.PRISONER,
}


class Evidence(models.TextChoices):
    """How sure we are of a row's content (the labels of DOMAIN.md)."""

    CONFIRMED = "confirmed", _("Đã đối chiếu văn bản [C]")
    PARTIAL = "partial", _("Đối chiếu một phần [P]")
    UNCONFIRMED = "unconfirmed", _("Chưa xác nhận (cần kiểm tra)")


class AgeThresholdCode(models.TextChoices):
    CHILD_BELOW = "child_below", _("Trẻ em: dưới (tuổi)")
    MINOR_FROM = "minor_from", _("Người chưa thành niên được TGPL: từ đủ (tuổi)")
    MINOR_BELOW = "minor_below", _("Người chưa thành niên: dưới (tuổi)")
    ELDERLY_FROM = "elderly_from", _("Người cao tuổi: từ đủ (tuổi)")


class Outcome(models.TextChoices):
    APPLIES = "applies", _("Thuộc diện")
    DOES_NOT_APPLY = "does_not_apply", _("Không thuộc diện")
    UNCERTAIN = "uncertain", _("Chưa xác định được")
