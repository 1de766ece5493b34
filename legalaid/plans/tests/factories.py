"""Plan data in the parser's shape (``legalaid.plans.parsing.parse_plan``) and saved plans for tests."""

from __future__ import annotations

import copy
import datetime as dt

from legalaid.plans import services


def _tf(text, start=None, end=None, recurrence="", relative=None):
    return {"text": text, "start": start, "end": end, "recurrence": recurrence, "relative_working_days": relative}


#: The Lạng Sơn plan of 2020 (seeds/plan-2020-lang-son-legal-aid-work.txt), abridged, as the parser returns it.
PLAN_2020 = {
    "number": "33/KH-TGPL",
    "date": "2020-01-21",
    "issuer": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
    "title": "Triển khai công tác trợ giúp pháp lý năm 2020",
    "bases": ["Kế hoạch số 03/KH-STP ngày 06 tháng 01 năm 2020 của Sở Tư pháp"],
    "purposes": ["Xây dựng Kế hoạch cụ thể hóa các chỉ tiêu"],
    "requirements": ["Thực hiện thường xuyên, đồng bộ, có hiệu quả"],
    "tasks": [
        {
            "ref": "1.",
            "content": "Tham mưu xây dựng ban hành các kế hoạch, tổ chức thực hiện công tác TGPL",
            "lead": ["Phòng Nghiệp vụ"],
            "partners": ["Phòng HC-TH", "Các Chi nhánh"],
            "timeframe": _tf("Tháng 01/2020", "2020-01-01", "2020-01-31"),
            "expected_output": "Các Kế hoạch được ban hành.",
            "targets": [],
            "children": [],
        },
        {
            "ref": "2.",
            "content": "Cung cấp dịch vụ TGPL đáp ứng 100% yêu cầu TGPL của đối tượng thụ hưởng",
            "lead": [],
            "partners": [],
            "timeframe": _tf(""),
            "expected_output": "",
            "targets": [{"text": "100% yêu cầu TGPL", "value": 100, "unit": "%"}],
            "children": [
                {
                    "ref": "2.1",
                    "content": "Công tác tiếp nhận trợ giúp pháp lý tại văn phòng Trung tâm và Chi nhánh",
                    "lead": ["Phòng Nghiệp vụ", "Các Chi nhánh"],
                    "partners": [],
                    "timeframe": _tf("Cả năm 2020", "2020-01-01", "2020-12-31", "continuous"),
                    "expected_output": "",
                    "targets": [{"text": "Đảm bảo 100% người được TGPL khi có yêu cầu", "value": 100, "unit": "%"}],
                    "children": [],
                },
                {
                    "ref": "2.2",
                    "content": "Hoạt động tham gia tố tụng và đại diện ngoài tố tụng",
                    "lead": ["Các Phòng", "Chi nhánh"],
                    "partners": [],
                    "timeframe": _tf("Cả năm 2020", "2020-01-01", "2020-12-31", "continuous"),
                    "expected_output": "Quyết định giao chỉ tiêu; Các Quyết định cử người thực hiện TGPL.",
                    "targets": [
                        {
                            "text": "100% Trợ giúp viên pháp lý đạt chỉ tiêu tham gia tố tụng",
                            "value": 100,
                            "unit": "%",
                        }
                    ],
                    "children": [],
                },
            ],
        },
        {
            "ref": "3.",
            "content": "Công tác truyền thông, thông tin về trợ giúp pháp lý",
            "lead": ["Các phòng", "Chi nhánh"],
            "partners": ["Báo Lạng Sơn"],
            "timeframe": _tf("Cả năm 2020", "2020-01-01", "2020-12-31"),
            "expected_output": "",
            "targets": [
                {"text": "đạt trên 50 lượt tại các xã, thôn, bản đặc biệt khó khăn", "value": 50, "unit": "lượt"}
            ],
            "children": [],
        },
        {
            "ref": "5.2.",
            "content": "Tổ chức hội nghị tập huấn nghiệp vụ nâng cao năng lực thực hiện TGPL.",
            "lead": ["Phòng HC-TH"],
            "partners": ["Phòng Nghiệp vụ", "Các Chi nhánh"],
            "timeframe": _tf("Quý II - III năm 2020", "2020-04-01", "2020-09-30"),
            "expected_output": "01 Hội nghị được tổ chức.",
            "targets": [],
            "children": [],
        },
    ],
}


def plan_data(**changes) -> dict:
    data = copy.deepcopy(PLAN_2020)
    data.update(changes)
    return data


def make_plan(centre, *, actor=None, **changes):
    """A saved plan of ``centre`` (the 2020 plan's tasks)."""
    return services.plan_import(actor=actor, data=plan_data(**changes), centre=centre)


def current_plan(centre, today: dt.date, **changes):
    """A plan whose task 1. ends ``today``-ish: dates shifted to the current year."""
    data = plan_data(date=f"{today.year}-01-10", **changes)

    def shift(items):
        for item in items:
            tf = item["timeframe"]
            for key in ("start", "end"):
                if tf.get(key):
                    tf[key] = f"{today.year}{tf[key][4:]}"
            shift(item["children"])

    shift(data["tasks"])
    return services.plan_import(actor=None, data=data, centre=centre)
