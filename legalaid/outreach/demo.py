"""Demonstration outreach for the demo province (called by ``manage.py seed_demo`` after the plans demo), after the
Lạng Sơn 2020 plan: a yearly target of more than 50 sessions in especially difficult communes, sessions in Vietnamese
and Tày in the communes the demo flags as especially difficult, a radio programme, hotline calls. Through the services,
as a user would."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from legalaid.core.models import Commune, User
from legalaid.providers.models import Language

from . import services
from .choices import CallerType, CallOutcome
from .models import HotlineCall, OutreachSession, OutreachTarget

# (days ago, form, commune or None, place, topic, audience total, women, ethnic minorities, cost, officer)
SESSIONS = [
    (
        150,
        "meeting",
        "Xã Mẫu Sơn",
        "Thôn Khuổi Tát",
        "Quyền được trợ giúp pháp lý của người dân tộc thiểu số",
        62,
        30,
        58,
        1_500_000,
        "tgv.lan",
    ),
    (
        120,
        "mobile",
        "Xã Quốc Khánh",
        "Bản Nà Pàn",
        "Trợ giúp pháp lý lưu động: đất đai, hôn nhân và gia đình",
        45,
        21,
        44,
        2_300_000,
        "tgv.hung",
    ),
    (
        90,
        "radio_tv",
        None,
        "Đài Phát thanh – Truyền hình tỉnh",
        "Chuyên mục tiếng Tày: người được trợ giúp pháp lý",
        0,
        0,
        0,
        800_000,
        "tgv.minh",
    ),
    (
        60,
        "school",
        "Xã Châu Sơn",
        "Trường PTDTBT THCS Châu Sơn",
        "Pháp luật về phòng, chống bạo lực học đường",
        120,
        58,
        110,
        0,
        "tgv.lan",
    ),
    (
        20,
        "meeting",
        "Xã Vân Nham",
        "Thôn Bản Làn",
        "Trợ giúp pháp lý cho người khuyết tật, trẻ em",
        38,
        17,
        35,
        900_000,
        "tgv.minh",
    ),
]

CALLS = [
    (
        3,
        CallerType.PERSON,
        "Hỏi thủ tục yêu cầu trợ giúp pháp lý về tranh chấp đất nương",
        "land",
        "Hướng dẫn đến Chi nhánh số 1 hoặc gặp Trợ giúp viên tại buổi lưu động tháng tới, mang giấy xác nhận hộ nghèo.",
    ),
    (
        1,
        CallerType.RELATIVE,
        "Con bị tạm giữ, hỏi có được luật sư bào chữa miễn phí",
        "criminal",
        "Giải thích diện người được trợ giúp pháp lý (Điều 7 Luật Trợ giúp pháp lý) và cách gửi yêu cầu.",
    ),
]


@transaction.atomic
def seed() -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["giamdoc", "tgv.lan", "tgv.minh", "tgv.hung"])}
    if len(users) < 4 or OutreachSession.objects.exists():
        return
    today = timezone.localdate()
    director = users["giamdoc"]
    centre = director.centre
    communes = {c.name: c for c in Commune.objects.filter(province_id=centre.province_id)}
    services.target_save(
        actor=director,
        target=OutreachTarget(
            year=today.year, measure="sessions_difficult", comparison=">", value=50, source="Kế hoạch năm (minh họa)"
        ),
    )
    services.target_save(
        actor=director,
        target=OutreachTarget(year=today.year, measure="audience", comparison=">=", value=3000),
    )
    languages = list(Language.objects.filter(code__in=["vi", "tay"]))
    start = max(today.replace(month=1, day=1), dt.date(2025, 7, 1))
    for days, form, commune, place, topic, total, women, minorities, cost, officer in SESSIONS:
        day = max(today - dt.timedelta(days=days), start)
        session = OutreachSession(
            date=day,
            form=form,
            commune=communes.get(commune) if commune else None,
            place=place,
            topic=topic,
            audience_total=total,
            audience_women=women,
            audience_ethnic_minority=minorities,
            cost=cost,
            organiser=users[officer],
            partners="UBND xã, Hội Phụ nữ xã" if commune else "Đài Phát thanh – Truyền hình tỉnh",
        )
        services.session_create(actor=users[officer], session=session, languages=languages)
    for days, caller, topic, field, answer in CALLS:
        from legalaid.intake.models import FieldOfLaw

        call = HotlineCall(
            called_at=timezone.now() - dt.timedelta(days=days, hours=2),
            caller_type=caller,
            topic=topic,
            field_of_law=FieldOfLaw.objects.get(code=field),
            answer=answer,
            outcome=CallOutcome.ANSWERED,
        )
        services.call_record(actor=users["tgv.minh"], call=call)
