"""Demonstration persons and requests for the demo province (called by ``manage.py seed_demo``).

Deterministic: the same names, dates and decisions every time, so that the demo accounts see the same screens.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from legalaid.core.models import Commune, Organisation, User
from legalaid.eligibility import Facts, evaluate
from legalaid.eligibility.models import Category
from legalaid.intake import services
from legalaid.intake.choices import ProceduralStatus, RefusalGround
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.people.choices import IdType, Sex
from legalaid.people.models import Ethnicity, Person
from legalaid.people.services import person_create

PERSONS = [
    # full name, sex, date of birth, ethnicity code, commune, household
    ("Hoàng Văn Páo", Sex.MALE, dt.date(1978, 3, 12), "02", "Xã Mẫu Sơn", "poor"),
    ("Lý Thị Mây", Sex.FEMALE, dt.date(1990, 8, 2), "09", "Xã Châu Sơn", "poor"),
    ("Nông Thị Hoa", Sex.FEMALE, dt.date(1955, 1, 20), "02", "Xã Thất Khê", "near_poor"),
    ("Vi Văn Nam", Sex.MALE, dt.date(2009, 5, 30), "07", "Xã Hữu Lũng", "none"),
    ("Nguyễn Văn Đức", Sex.MALE, dt.date(1985, 11, 9), "01", "Phường Đông Kinh", "poor"),
]


def _person(actor, name, sex, dob, ethnicity, commune, index) -> Person:
    province_code = "020"  # Lạng Sơn's pre-2025 code in citizen IDs (Circular 07/2016/TT-BCA)
    century = {Sex.MALE: 0, Sex.FEMALE: 1}[sex] + (2 if dob.year >= 2000 else 0)
    return person_create(
        actor=actor,
        person=Person(
            full_name=name,
            sex=sex,
            date_of_birth=dob,
            birth_year=dob.year,
            id_type=IdType.CCCD,
            id_number=f"{province_code}{century}{dob.year % 100:02d}{100200 + index:06d}",
            ethnicity=Ethnicity.objects.get(code=ethnicity),
            province=commune.province,
            commune=commune,
            street="Thôn Bản Chắt" if commune.name.startswith("Xã") else "Số 12 đường Trần Đăng Ninh",
        ),
    )


def _categories(facts: Facts, on_date: dt.date):
    refs = evaluate(facts, on_date).refs
    return list(Category.objects.active_on(on_date).filter(ref__in=refs))


@transaction.atomic
def seed() -> None:
    intake = User.objects.get(username="tiepnhan")
    director = User.objects.get(username="giamdoc")
    branch_intake = User.objects.get(username="tiepnhan.cn2")
    today = timezone.localdate()
    communes = {c.name: c for c in Commune.objects.filter(province__code=20)}
    people = []
    for index, (name, sex, dob, ethnicity, commune_name, household) in enumerate(PERSONS):
        actor = branch_intake if commune_name in ("Xã Mẫu Sơn", "Xã Châu Sơn") else intake
        person = _person(actor, name, sex, dob, ethnicity, communes[commune_name], index)
        people.append((person, household, actor))

    def receive(index, field, form, summary, **extra):
        person, household, actor = people[index]
        facts = Facts(
            date_of_birth=person.date_of_birth,
            household=household,
            ethnic_minority=person.ethnicity.is_minority,
            procedural_roles=frozenset(extra.pop("roles", ())),
        )
        request = LegalAidRequest(
            channel=extra.pop("channel", "in_person_centre"),
            requester=person,
            beneficiary=person,
            field_of_law=FieldOfLaw.objects.get(code=field),
            desired_form=FormOfAid.objects.get(code=form),
            summary=summary,
            eligibility_facts={"household": household},
            **extra,
        )
        referral = extra.get("referral")
        return services.request_receive(
            actor=actor, request=request, categories=_categories(facts, today), referral=referral
        )

    land = receive(
        0, "land", "representation", "Tranh chấp ranh giới đất nương với hộ liền kề.", counterpart_name="Hoàng Văn Sình"
    )
    services.request_accept(actor=people[0][2], request=land)
    family = receive(1, "marriage_family", "advice", "Hỏi thủ tục ly hôn và quyền nuôi con.")
    services.request_accept(actor=people[1][2], request=family)
    pension = receive(2, "social_policy", "advice", "Hỏi chế độ trợ cấp xã hội hằng tháng cho người cao tuổi.")
    services.request_ask_papers(actor=intake, request=pension, missing_papers=["Giấy chứng nhận hộ cận nghèo"])
    agency = Organisation.objects.get(name__startswith="Cơ quan Cảnh sát điều tra")
    juvenile = LegalAidRequest(
        channel="referral",
        requester=people[3][0],
        beneficiary=people[3][0],
        field_of_law=FieldOfLaw.objects.get(code="criminal"),
        desired_form=FormOfAid.objects.get(code="litigation"),
        summary="Bị tạm giữ về hành vi trộm cắp tài sản; cơ quan điều tra đề nghị cử người bào chữa.",
        court_appointed=True,
    )
    services.request_receive(
        actor=intake,
        request=juvenile,
        categories=_categories(
            Facts(date_of_birth=people[3][0].date_of_birth, procedural_roles=frozenset({"held_in_custody"})), today
        ),
        referral=services.ReferralData(
            agency=agency,
            procedural_status=ProceduralStatus.HELD,
            officer_name="Lý Văn Cường",
            referral_number="125/CSĐT",
            referral_date=today,
            requested_at_agency=timezone.now() - dt.timedelta(hours=5),
        ),
    )
    business = receive(4, "civil", "advice", "Đề nghị tư vấn hợp đồng vay tiền để mở cửa hàng.")
    services.request_refuse(
        actor=director,
        request=business,
        ground=RefusalGround.NOT_ELIGIBLE,
        note="Nội dung yêu cầu liên quan hoạt động kinh doanh (Điều 27).",
    )
