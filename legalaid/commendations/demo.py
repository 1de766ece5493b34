"""Demonstration campaigns for the demo province (called by ``manage.py seed_demo`` after the intake demo).

Adapted from the Ninh Thuận Department of Justice's plan for the 25th anniversary of the legal aid organisation
(seeds/plan-2022-ninh-thuan-25th-anniversary.txt, II.3): the 2022 campaign, closed, with its nominations, a decision
and awards (illustrative numbers), and a campaign of the current year, launched, with nominations whose figures are
measured from the demo's requests and cases.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from legalaid.core.models import Organisation, User

from . import services
from .models import Campaign, CommendationForm, Decision, Nomination

ANNIVERSARY_THEME = (
    "Thi đua lập thành tích chào mừng kỷ niệm 25 năm Ngày thành lập Tổ chức Trợ giúp pháp lý (06/9/1997-06/9/2022)"
)
PARTNERS = (
    "Văn phòng Sở; Hội đồng phối hợp liên ngành về trợ giúp pháp lý trong hoạt động tố tụng tỉnh; "
    "tổ chức, cá nhân tham gia trợ giúp pháp lý; các cơ quan, tổ chức liên quan"
)


def _form(code: str) -> CommendationForm:
    return CommendationForm.objects.get(code=code)


def _propose(actor, campaign, *, user=None, unit=None, code: str, achievements: str) -> Nomination:
    return services.nomination_propose(
        actor=actor,
        nomination=Nomination(
            campaign=campaign,
            nominee_user=user,
            nominee_unit=unit,
            proposed_form=_form(code),
            achievements=achievements,
        ),
    )


@transaction.atomic
def seed() -> list[Campaign]:
    director = User.objects.get(username="giamdoc")
    admin = User.objects.get(username="hanhchinh")
    centre = director.centre
    users = {u.username: u for u in User.objects.filter(organisation__centre=centre)}
    units = {o.code or o.name: o for o in Organisation.objects.filter(centre=centre)}

    anniversary = services.campaign_create(
        actor=admin,
        campaign=Campaign(
            title="Phong trào thi đua chào mừng kỷ niệm 25 năm Ngày thành lập Tổ chức Trợ giúp pháp lý",
            theme=ANNIVERSARY_THEME,
            period_start=dt.date(2022, 1, 1),
            period_end=dt.date(2022, 6, 30),
            source_plan="Kế hoạch tổ chức các hoạt động kỷ niệm 25 năm (Quyết định số 1918/QĐ-BTP ngày 28/12/2021)",
            description=(
                "Tổ chức phát động thi đua cao điểm theo chuyên đề; đề nghị Hội đồng Thi đua – Khen thưởng Sở Tư pháp "
                "khen thưởng các tập thể, cá nhân tiêu biểu; lễ kỷ niệm kết hợp sơ kết Luật Trợ giúp pháp lý năm 2017 "
                "(tháng 8/2022)."
            ),
        ),
        lead_units="Trung tâm Trợ giúp pháp lý nhà nước tỉnh",
        partner_units=PARTNERS,
    )
    services.campaign_transition(actor=admin, campaign=anniversary, to_status="launched")
    lan = _propose(
        admin,
        anniversary,
        user=users["tgv.lan"],
        code="cstd_co_so",
        achievements="Hoàn thành vượt định mức vụ việc tham gia tố tụng; có sáng kiến trong thẩm định chất lượng.",
    )
    branch = _propose(
        admin,
        anniversary,
        unit=units["CN1"],
        code="tap_the_ldtt",
        achievements="Đáp ứng 100% yêu cầu trợ giúp pháp lý trên địa bàn; trợ giúp pháp lý lưu động ở xã khó khăn.",
    )
    approved = [
        services.nomination_decide(actor=director, nomination=n, approve=True, note="Đủ điều kiện.")
        for n in (lan, branch)
    ]
    services.decision_record(
        actor=admin,
        decision=Decision(
            campaign=anniversary,
            number="512/QĐ-STP",
            date=dt.date(2022, 8, 26),
            issuer_name="Giám đốc Sở Tư pháp (số liệu minh họa)",
        ),
        awards=[services.AwardLine(n) for n in approved],
    )
    anniversary = services.campaign_transition(actor=director, campaign=anniversary, to_status="closed")

    year = timezone.localdate().year
    current = services.campaign_create(
        actor=admin,
        campaign=Campaign(
            title=f"Thi đua lập thành tích xuất sắc trong công tác trợ giúp pháp lý năm {year}",
            theme="Đáp ứng 100% yêu cầu trợ giúp pháp lý; nâng cao chất lượng vụ việc tham gia tố tụng",
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            source_plan=f"Kế hoạch triển khai công tác trợ giúp pháp lý năm {year}",
        ),
        lead_units="Trung tâm Trợ giúp pháp lý nhà nước tỉnh",
        partner_units="Phòng Hành chính – Tổng hợp; Phòng Nghiệp vụ; các Chi nhánh",
    )
    current = services.campaign_transition(actor=director, campaign=current, to_status="launched")
    _propose(
        admin,
        current,
        user=users["tiepnhan"],
        code="lao_dong_tien_tien",
        achievements="Tiếp nhận, hướng dẫn người yêu cầu đúng quy trình; không để yêu cầu quá hạn.",
    )
    _propose(
        users["truongcn1"],
        current,
        user=users["tgv.hung"],
        code="giay_khen",
        achievements="Thực hiện trợ giúp pháp lý lưu động tại các xã đặc biệt khó khăn của Chi nhánh.",
    )
    _propose(
        admin,
        current,
        unit=units["Phòng Nghiệp vụ"],
        code="tap_the_ldtt",
        achievements="Hoàn thành các chuyên đề được giao đúng tiến độ.",
    )
    return [anniversary, current]
