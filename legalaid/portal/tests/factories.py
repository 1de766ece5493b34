"""Portal test helpers: a commune served by branch A1, an online request as the public sends it."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from legalaid.core.models import BranchCommune
from legalaid.intake.models import FieldOfLaw
from legalaid.portal import services


def jpeg(width: int = 2400, height: int = 1800, name: str = "giay-chung-nhan.jpg") -> SimpleUploadedFile:
    """A photo of a paper as a phone takes it (larger than the portal keeps)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 190, 170)).save(out, format="JPEG", quality=85)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf(name: str = "so-ho-ngheo.pdf") -> SimpleUploadedFile:
    content = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, content, "application/pdf")


def communes(world):
    """Two communes of Centre A's province: the first served by branch A1, the second by nobody (head office)."""
    province = world.a.centre.province
    first, second = list(province.communes.order_by("pk")[:2])
    BranchCommune.objects.create(branch=world.a.branch1, commune=first, valid_from=dt.date(2025, 7, 1))
    return first, second


def request_data(commune, **overrides) -> services.RequestData:
    data = {
        "applicant": "self",
        "requester": services.PersonData(full_name="Lò Thị Mai", sex="female", date_of_birth=dt.date(1960, 3, 5)),
        "phone": "0912 345 678",
        "province_id": commune.province_id,
        "commune_id": commune.pk,
        "street": "Bản Nà Lừa",
        "need": "advice",
        "field_of_law_id": FieldOfLaw.objects.get(code="land").pk,
        "summary": "Hàng xóm lấn đất vườn nhà tôi.",
        "consent": True,
        "papers": [],
    }
    data.update(overrides)
    return services.RequestData(**data)


def submit(commune, **overrides) -> services.Receipt:
    return services.request_submit(data=request_data(commune, **overrides), received_at=timezone.now())
