"""Studies for tests: ``make_study(centre_world, ...)`` assigns one through the service."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation
from legalaid.studies import services
from legalaid.studies.choices import StepKind
from legalaid.studies.models import ThematicStudy


def _docx() -> bytes:
    """A real Word file (uploads are checked to open as one: a zip holding [Content_Types].xml)."""
    import io

    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Chuyên đề")
    document.save(buffer)
    return buffer.getvalue()


DOCX = _docx()
PDF = b"%PDF-1.7\n" + b"\x00" * 200


def second_department(w) -> Organisation:
    """A second department of the Centre (Phòng Hành chính – Tổng hợp) to review what Phòng Nghiệp vụ leads."""
    org = Organisation.objects.filter(centre=w.centre, kind=OrganisationKind.DEPARTMENT, code="HC").first()
    if org is None:
        org = Organisation.objects.create(
            kind=OrganisationKind.DEPARTMENT,
            name=f"Phòng Hành chính – Tổng hợp {w.centre.pk}",
            code="HC",
            parent=w.centre,
            centre=w.centre,
        )
    return org


def dates(draft=dt.date(2025, 3, 14), critique=dt.date(2025, 3, 20), session=dt.date(2025, 3, 28)) -> dict:
    return {StepKind.DRAFT: draft, StepKind.CRITIQUE: critique, StepKind.SESSION: session}


def make_study(w, *, actor=None, title="Nâng cao năng lực truyền thông về trợ giúp pháp lý", due=None, **fields):
    study = ThematicStudy(
        title=title,
        year=fields.pop("year", 2025),
        number=fields.pop("number", None),
        lead_department=fields.pop("lead_department", w.department),
        reviewing_department=fields.pop("reviewing_department", None) or second_department(w),
        **fields,
    )
    return services.study_create(actor=actor or w.director, study=study, due_dates=due or dates(), authors=[w.officer])


def upload(name="du-thao.docx", content=DOCX):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
