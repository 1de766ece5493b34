"""Codes of the providers app: the kinds of provider (Law Art. 17) and how an assignment ends."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProviderKind(models.TextChoices):
    """Người thực hiện trợ giúp pháp lý, Law on Legal Aid Art. 17."""

    OFFICER = "officer", _("Trợ giúp viên pháp lý")
    CONTRACTED_LAWYER = "contracted_lawyer", _("Luật sư ký hợp đồng với Trung tâm")
    PARTNER_LAWYER = "partner_lawyer", _("Luật sư của tổ chức tham gia trợ giúp pháp lý")
    CONSULTANT = "consultant", _("Tư vấn viên pháp luật")
    COLLABORATOR = "collaborator", _("Cộng tác viên trợ giúp pháp lý")


#: Kinds that need a contract with the Centre in force on the day (TT 08/2017 Art. 8, 14; Law Art. 17-18).
CONTRACT_KINDS = frozenset({ProviderKind.CONTRACTED_LAWYER, ProviderKind.COLLABORATOR})
#: Kinds that act for a participating organisation, whose contract or registration must be in force (Law Art. 14-16).
PARTNER_KINDS = frozenset({ProviderKind.PARTNER_LAWYER, ProviderKind.CONSULTANT})


class AssignmentKind(models.TextChoices):
    ASSIGN = "assign", _("Cử người thực hiện")
    CHANGE = "change", _("Thay đổi người thực hiện")


class AssignmentEnd(models.TextChoices):
    CHANGED = "changed", _("Thay đổi người thực hiện (mục 1.8)")
    CASE_ENDED = "case_ended", _("Vụ việc kết thúc")
    OTHER = "other", _("Lý do khác")
