"""Demonstration studies for the demo province (called by ``manage.py seed_demo`` after the intake demo).

Modelled on the Lạng Sơn Centre's plan of thematic studies for 2025 (seeds/plan-2025-lang-son-thematic-topics.txt):
four studies, one per quarter, each drafted by one department and critiqued by the other, dated in the current year.
Steps whose date has passed are confirmed (one of them late, one study behind schedule), so every status shows.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from legalaid.core.models import Organisation, User

from . import services
from .choices import StepKind
from .models import StudyOutlineSection, ThematicStudy

# number, title, lead department (demo unit name), authors, completion period, outline codes, outline note,
# due dates (month, day) of the three steps, days late for each step when confirmed (None: leave open)
STUDIES = [
    (
        1,
        "Nâng cao năng lực truyền thông về trợ giúp pháp lý đối với người dân tộc thiểu số cho viên chức Trung tâm "
        "Trợ giúp pháp lý nhà nước",
        "Phòng Hành chính – Tổng hợp",
        ["hanhchinh"],
        "Hoàn thành trong Quý I",
        ["intro", "current_state", "solutions", "recommendations", "conclusion"],
        "Thực trạng truyền thông TGPL cho người dân tộc thiểu số của viên chức Trung tâm.",
        [(3, 15), (3, 20), (3, 28)],
        [0, 0, 0],
    ),
    (
        2,
        "Chia sẻ kỹ năng, kinh nghiệm và giải pháp nâng cao hiệu quả tham gia tố tụng bảo vệ quyền và lợi ích hợp "
        "pháp cho người được TGPL trong vụ án dân sự về “Tranh chấp quyền sử dụng đất, tài sản gắn liền với đất, "
        "yêu cầu hủy quyết định cá biệt”",
        "Phòng Nghiệp vụ",
        ["tgv.lan"],
        "Hoàn thành trong Quý II",
        ["intro", "current_state", "skills", "solutions", "conclusion"],
        "",
        [(6, 15), (6, 20), (6, 28)],
        [3, 0, 0],
    ),
    (
        3,
        "Thực trạng, giải pháp nâng cao hiệu quả thẩm định, đánh giá chất lượng vụ việc trợ giúp pháp lý",
        "Phòng Nghiệp vụ",
        ["tgv.minh", "tgv.lan"],
        "Hoàn thành trong Quý III",
        ["intro", "current_state", "skills", "solutions", "recommendations", "conclusion"],
        "Mô tả ví dụ thẩm định thời gian thực hiện TGPL đối với vụ việc tham gia tố tụng dân sự, hình sự, hành "
        "chính; ví dụ thẩm định theo các tiêu chí vụ việc thành công, phức tạp điển hình.",
        [(9, 15), (9, 20), (9, 30)],
        [0, 0, None],
    ),
    (
        4,
        "Chia sẻ kỹ năng, kinh nghiệm và giải pháp nâng cao hiệu quả bào chữa cho người bị buộc tội từ đủ 16 tuổi "
        "đến dưới 18 tuổi trong vụ án hình sự “Gây rối trật tự công cộng”",
        "Phòng Nghiệp vụ",
        ["tgv.minh"],
        "Hoàn thành trong Quý IV",
        ["intro", "current_state", "skills", "solutions", "conclusion"],
        "",
        [(12, 15), (12, 20), (12, 30)],
        [None, None, None],
    ),
]


def _docx(title: str, sections) -> bytes:
    """A small Word draft with the study's outline as headings."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for section in sections:
        document.add_heading(section.title, level=2)
        document.add_paragraph("(Dự thảo minh họa)")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def seed() -> list[ThematicStudy]:
    director = User.objects.get(username="giamdoc")
    centre = director.centre
    departments = {o.name: o for o in Organisation.objects.filter(centre=centre, kind="department")}
    reviewers = {"Phòng Hành chính – Tổng hợp": "tgv.minh", "Phòng Nghiệp vụ": "hanhchinh"}
    today = timezone.localdate()
    year = today.year
    studies = []
    for number, title, lead, authors, period, outline, note, due, late in STUDIES:
        reviewing = next(name for name in departments if name != lead)
        sections = list(StudyOutlineSection.objects.filter(code__in=outline))
        study = services.study_create(
            actor=director,
            study=ThematicStudy(
                year=year,
                number=number,
                title=title,
                source_plan=f"Kế hoạch thực hiện chuyên đề về trợ giúp pháp lý năm {year}",
                lead_department=departments[lead],
                reviewing_department=departments[reviewing],
                completion_period=f"{period}/{year}",
                outline_note=note,
            ),
            due_dates={kind: dt.date(year, m, d) for kind, (m, d) in zip(StepKind, due, strict=True)},
            authors=list(User.objects.filter(username__in=authors)),
            outline=sections,
        )
        studies.append(study)
        author = User.objects.get(username=authors[0])
        draft_due = dt.date(year, *due[0])
        if draft_due - dt.timedelta(days=10) > today:
            continue
        content = _docx(title, sections)
        version = services.study_submit_version(
            actor=author,
            study=study,
            file=SimpleUploadedFile(f"chuyen-de-{number}-du-thao.docx", content),
            note="Dự thảo lần 1",
        )
        reviewer = User.objects.get(username=reviewers[lead])
        services.study_comment(
            actor=reviewer,
            version=version,
            text="Đề nghị bổ sung số liệu vụ việc năm trước và ví dụ cụ thể ở phần thực trạng.",
        )
        actors = {StepKind.DRAFT: author, StepKind.CRITIQUE: reviewer, StepKind.SESSION: director}
        for (kind, (m, d)), days_late in zip(zip(StepKind, due, strict=True), late, strict=True):
            if days_late is None:
                break
            done_on = services.step_deadline(dt.date(year, m, d)) + dt.timedelta(days=days_late)
            if done_on > today:
                break
            if kind == StepKind.SESSION:
                services.study_submit_version(
                    actor=author,
                    study=study,
                    file=SimpleUploadedFile(f"chuyen-de-{number}-hoan-thien.docx", content),
                    note="Bản hoàn thiện sau sinh hoạt chuyên đề",
                )
            services.study_complete_step(actor=actors[kind], study=study, kind=kind, done_on=done_on)
    return studies
