"""A demonstration plan for the demo province (called by ``manage.py seed_demo`` after the intake demo).

Modelled on the Lạng Sơn Centre's plan of 2020 (seeds/plan-2020-lang-son-legal-aid-work.txt), dated in the current
year: tasks led by the business department, the administration department and the branches, with targets bound to the
intake figures and to figures other modules will bring; a few tasks reported in progress or done, so every status,
late tasks and the report show.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import Organisation, User

from . import services
from .choices import TaskStatus
from .models import Plan


def _tf(text: str, start: dt.date | None, end: dt.date | None, recurrence: str = "") -> dict:
    return {
        "text": text,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "recurrence": recurrence,
        "relative_working_days": None,
    }


def plan_data(year: int) -> dict:
    jan, whole = dt.date(year, 1, 1), (dt.date(year, 1, 1), dt.date(year, 12, 31))
    return {
        "number": "29/KH-TGPL",
        "date": dt.date(year, 1, 13).isoformat(),
        "issuer": "Trung tâm Trợ giúp pháp lý nhà nước",
        "title": f"Triển khai công tác trợ giúp pháp lý năm {year}",
        "bases": [f"Kế hoạch số 03/KH-STP ngày 06/01/{year} của Sở Tư pháp về triển khai công tác tư pháp năm {year}"],
        "purposes": ["Cụ thể hóa các chỉ tiêu, nội dung công tác trợ giúp pháp lý bằng các hoạt động cụ thể."],
        "requirements": ["Thực hiện thường xuyên, đồng bộ, có hiệu quả; tăng cường phối hợp giữa các đơn vị."],
        "budget_note": f"Kinh phí được Sở Tư pháp giao trong dự toán ngân sách năm {year}.",
        "tasks": [
            {
                "ref": "1.",
                "content": "Tham mưu xây dựng, ban hành các kế hoạch, tổ chức thực hiện công tác trợ giúp pháp lý",
                "lead": ["Phòng Nghiệp vụ"],
                "partners": ["Phòng HC-TH", "Các Chi nhánh"],
                "timeframe": _tf(f"Tháng 01/{year}", jan, dt.date(year, 1, 31)),
                "expected_output": "Các Kế hoạch được ban hành.",
                "targets": [],
                "children": [],
            },
            {
                "ref": "2.",
                "content": "Cung cấp dịch vụ trợ giúp pháp lý đáp ứng 100% yêu cầu của người được trợ giúp pháp lý",
                "lead": [],
                "partners": [],
                "timeframe": _tf("", None, None),
                "expected_output": "",
                "targets": [],
                "children": [
                    {
                        "ref": "2.1",
                        "content": "Tiếp nhận, tư vấn trợ giúp pháp lý tại Văn phòng Trung tâm và các Chi nhánh",
                        "lead": ["Phòng Nghiệp vụ", "Các Chi nhánh"],
                        "partners": [],
                        "timeframe": _tf(f"Cả năm {year}", *whole),
                        "expected_output": "",
                        "targets": [{"text": "Đáp ứng 100% yêu cầu trợ giúp pháp lý", "value": 100, "unit": "%"}],
                        "children": [],
                    },
                    {
                        "ref": "2.2",
                        "content": "Giao chỉ tiêu vụ việc tham gia tố tụng cho Trợ giúp viên pháp lý",
                        "lead": ["Phòng Nghiệp vụ"],
                        "partners": ["Các Chi nhánh"],
                        "timeframe": _tf(f"Cả năm {year}", *whole),
                        "expected_output": "Quyết định giao chỉ tiêu.",
                        "targets": [
                            {
                                "text": "100% Trợ giúp viên pháp lý đạt chỉ tiêu tham gia tố tụng",
                                "value": 100,
                                "unit": "%",
                            },
                            {"text": "Thụ lý ít nhất 40 vụ việc tham gia tố tụng", "value": 40, "unit": "vụ việc"},
                        ],
                        "children": [],
                    },
                ],
            },
            {
                "ref": "3.",
                "content": "Truyền thông về trợ giúp pháp lý tại các xã, thôn, bản đặc biệt khó khăn",
                "lead": ["Các Chi nhánh"],
                "partners": ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"],
                "timeframe": _tf(f"Cả năm {year}", *whole),
                "expected_output": "",
                "targets": [
                    {"text": "Đạt trên 50 lượt tại các xã, thôn, bản đặc biệt khó khăn", "value": 50, "unit": "lượt"}
                ],
                "children": [],
            },
            {
                "ref": "4.",
                "content": "Tổ chức hội nghị tập huấn nghiệp vụ nâng cao năng lực thực hiện trợ giúp pháp lý",
                "lead": ["Phòng HC-TH"],
                "partners": ["Phòng Nghiệp vụ", "Các Chi nhánh"],
                "timeframe": _tf(f"Quý II - III năm {year}", dt.date(year, 4, 1), dt.date(year, 9, 30)),
                "expected_output": "01 Hội nghị được tổ chức.",
                "targets": [{"text": "01 Hội nghị được tổ chức", "value": 1, "unit": "Hội nghị"}],
                "children": [],
            },
            {
                "ref": "5.",
                "content": "Thường xuyên cập nhật vụ việc lên hệ thống quản lý vụ việc trợ giúp pháp lý",
                "lead": ["Phòng HC-TH"],
                "partners": ["Phòng Nghiệp vụ", "Các Chi nhánh"],
                "timeframe": _tf(f"Thường xuyên trong năm {year}", *whole, recurrence="regular"),
                "expected_output": "",
                "targets": [],
                "children": [],
            },
        ],
    }


def seed() -> Plan | None:
    """The demo Centre's plan for the current year, with some progress reported."""
    centre = Organisation.objects.filter(kind=OrganisationKind.CENTRE).order_by("pk").first()
    if centre is None or Plan.objects.filter(centre=centre).exists():
        return None
    today = timezone.localdate()
    with transaction.atomic():
        plan = services.plan_import(actor=None, data=plan_data(today.year), centre=centre)
        manager = User.objects.filter(username="hanhchinh").first() or User.objects.filter(is_superuser=True).first()
        if manager is None:
            return plan
        target = plan.tasks.get(ref="2.2").targets.get(unit="vụ việc")
        services.target_update(
            actor=manager,
            target=target,
            metric_code="litigation_cases_accepted",
            comparison=">=",
            value=target.value,
            unit=target.unit,
        )
        done = plan.tasks.get(ref="1.")
        services.task_progress_record(
            actor=manager,
            task=done,
            new_status=TaskStatus.DONE,
            note="Đã ban hành các kế hoạch thực hiện của năm.",
            date=min(today, dt.date(today.year, 1, 28)),
        )
        services.task_progress_record(
            actor=manager,
            task=plan.tasks.get(ref="2.1"),
            new_status=TaskStatus.IN_PROGRESS,
            note="Tiếp nhận, tư vấn thường xuyên tại Văn phòng và các Chi nhánh.",
        )
    return plan
