"""Demonstration surveys and complaints for the demo province (called by ``manage.py seed_demo``).

Paper questionnaires of beneficiaries typed in for the Centre's completed cases (mostly satisfied, a few not), one
complaint about a provider decided at the first level, and one piece of feedback still open on the director's list.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from legalaid.core.models import User

from . import services
from .choices import Audience, EntryKind, Respondent, Source
from .models import ComplaintDecision, FeedbackEntry


def _answers(version, position: int) -> dict:
    return {q.pk: q.scale.options.get(position=position).pk for q in version.questions.select_related("scale")}


@transaction.atomic
def seed() -> int:
    """Enter the questionnaires and the register's entries; returns the number of questionnaires."""
    from legalaid.cases.models import LegalAidCase

    intake = User.objects.get(username="tiepnhan")
    director = User.objects.get(username="giamdoc")
    today = timezone.localdate()
    version = services.current_version(Audience.BENEFICIARY, today)
    if version is None:
        return 0
    cases = list(
        LegalAidCase.objects.filter(centre=director.centre, branch__isnull=True, status="completed").order_by("pk")[:24]
    )
    for index, case in enumerate(cases):
        # One in six answers "not satisfied" on every question (the scale's last but one level).
        position = 1 if index % 6 else 3
        services.response_enter(
            actor=intake,
            case=case,
            respondent=Respondent.BENEFICIARY,
            answered_on=today - dt.timedelta(days=index),
            answers=_answers(version, position),
            comment="" if index % 6 else "Người thực hiện ít liên lạc với gia đình.",
        )
    if cases:
        case = cases[0]
        assignment = case.assignments.select_related("provider").order_by("-pk").first()
        complaint = services.entry_register(
            actor=intake,
            entry=FeedbackEntry(
                source=Source.LETTER,
                kind=EntryKind.COMPLAINT_PROVIDER,
                ground="no_aid",
                received_on=today - dt.timedelta(days=2),
                sender_name="Hoàng Thị Khiếu",
                content="Người thực hiện trợ giúp pháp lý không thông báo lịch phiên tòa cho tôi.",
                case=case,
                provider=assignment.provider if assignment else None,
            ),
        )
        services.complaint_decide(
            actor=director,
            entry=complaint,
            decision=ComplaintDecision(
                decision_code="01/QĐ-TGPL",
                decided_on=today,
                result="partly",
                reasoning="Người thực hiện đã thông báo lịch phiên tòa qua điện thoại nhưng không lập biên bản; "
                "nhắc nhở rút kinh nghiệm.",
            ),
        )
    services.entry_register(
        actor=intake,
        entry=FeedbackEntry(
            source=Source.HOTLINE,
            kind=EntryKind.FEEDBACK,
            received_on=today,
            sender_name="Lục Văn Phản",
            content="Đề nghị Trung tâm tổ chức trợ giúp pháp lý lưu động tại thôn Khuổi Cáp.",
        ),
    )
    return len(cases)
