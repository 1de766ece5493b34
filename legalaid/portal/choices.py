"""Codes of the public portal."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaperStage(models.TextChoices):
    """When a paper came: with the request, or later when the Centre asked for it (Law Art. 30(2))."""

    WITH_REQUEST = "with_request", _("Gửi kèm yêu cầu")
    SUPPLEMENT = "supplement", _("Bổ sung theo yêu cầu của Trung tâm")


class Applicant(models.TextChoices):
    """Who fills in the online request (Law Art. 29: the person, or someone on their behalf)."""

    SELF = "self", _("Tôi cần trợ giúp cho chính mình")
    RELATIVE = "relative", _("Tôi gửi giúp người thân")


class Need(models.TextChoices):
    """What the person needs, in plain words; each maps to a form of aid of Law Art. 27 (intake's ``FormOfAid``)."""

    ADVICE = "advice", _("Được tư vấn, giải thích pháp luật")
    LITIGATION = "litigation", _("Có người bào chữa, bảo vệ quyền lợi tại Tòa án, cơ quan điều tra")
    REPRESENTATION = "representation", _("Có người đại diện làm việc với cơ quan, tổ chức khác")


class SecondItem(models.TextChoices):
    """The second item asked with the receipt code in the status lookup (issue 12 item 5)."""

    BIRTH_DATE = "birth_date", _("Ngày sinh của người gửi yêu cầu")
    PHONE = "phone", _("4 số cuối điện thoại của người gửi yêu cầu")
