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


class ChangeGround(models.TextChoices):
    """The ground a beneficiary states for changing the provider: the provider falls under Law on Legal Aid 2017
    Art. 25(1) (may not go on) or Art. 25(2) (must refuse; point (a): aided the opposing party in the same matter).
    The other points of Art. 25 were not read (DOMAIN 1.7, UNCONFIRMED): the ground is also written out in full."""

    MAY_NOT_CONTINUE = "art25_1", _("Người thực hiện không được tiếp tục thực hiện trợ giúp pháp lý (Điều 25 khoản 1)")
    CONFLICT = "art25_2_a", _("Người thực hiện đã hoặc đang giúp bên có quyền lợi đối lập (Điều 25 khoản 2 điểm a)")
    MUST_REFUSE = "art25_2", _("Trường hợp khác người thực hiện phải từ chối (Điều 25 khoản 2)")
    OTHER = "other", _("Lý do khác do người đề nghị nêu")


class ChangeApplicationStatus(models.TextChoices):
    """Where a beneficiary's application to change the provider stands (DOMAIN 1.8)."""

    PENDING = "pending", _("Chờ giải quyết")
    GRANTED = "granted", _("Đã thay đổi người thực hiện")
    REJECTED = "rejected", _("Đã từ chối")
