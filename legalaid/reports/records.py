"""The lists behind the figures that count records other than the fact layer's cases and requests (issue 11 item 2):
payments, appraisal coverage, the Department's evaluations and follow-ups, online requests, updated cases (the
catalogue's figures on the indicators page), and the dashboard's satisfaction and quota bars.

Each family's list is built by the **same function** as its figure, called on the records the user sees
(``visible_to``) instead of all of them: the figure and its list always agree. ``reports:records_<family>`` serves each:
``/bao-cao/danh-sach/ban-ghi/<family>/?centre=<pk>&from=<dd/mm/yyyy>&to=<dd/mm/yyyy>`` (``Metric.drilldown_url``),
plus the family's own parameters (ids and codes only, never a name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from legalaid.lib.formatting import format_date, format_money


class BadValue(ValueError):
    """A parameter of the list is not one the family knows."""


@dataclass(frozen=True)
class Cell:
    text: str
    url: str = ""
    end: bool = False  # right-aligned (numbers, money)


@dataclass(frozen=True)
class Family:
    code: str
    title: str
    model: str  # "app_label.Model": its ``visible_to(user)`` is the scope
    #: ``(visible records, user, centre or unit, start, end, params) -> the records the figure counts``
    records: Callable
    columns: tuple[str, ...]
    row: Callable  # record -> list[Cell]
    related: tuple[str, ...] = ()
    #: The figure is per Centre (the catalogue); otherwise any unit in the user's scope, or all of it.
    per_centre: bool = True
    amount: str = ""  # the field the figure sums, shown as the list's total
    params: tuple[str, ...] = field(default=())
    #: ``user -> the records they see`` when the model has no ``visible_to`` of its own.
    scope: Callable | None = None

    def base(self, user):
        if self.scope is not None:
            return self.scope(user)
        return apps.get_model(self.model).objects.visible_to(user)

    def url(self, start: dt.date, end: dt.date, unit=None, **params) -> str:
        query = {"from": f"{start:%d/%m/%Y}", "to": f"{end:%d/%m/%Y}"}
        if unit is not None:
            query["centre"] = unit.pk
        query.update({k: v for k, v in params.items() if v not in (None, "")})
        return f"{reverse(f'reports:records_{self.code}')}?{urlencode(query)}"


# --- Rows -----------------------------------------------------------------------------------------------------------


def _unit(record) -> str:
    return record.branch.name if record.branch_id else record.centre.name


def _case_row(case) -> list[Cell]:
    appraisal = getattr(case, "appraisal", None)  # none yet: the reverse one-to-one raises an AttributeError
    done = appraisal is not None and appraisal.status == "done"
    completion = getattr(case, "completion", None)
    return [
        Cell(case.code, reverse("cases:case_detail", kwargs={"pk": case.pk})),
        Cell(case.form_of_aid.name),
        Cell(format_date(completion.completed_on) if completion else ""),
        Cell(_unit(case)),
        Cell(str(_("Đã thẩm định")) if done else str(_("Chưa thẩm định"))),
    ]


def _payment_row(payment) -> list[Cell]:
    return [
        Cell(payment.case.code, reverse("payments:payment_detail", kwargs={"pk": payment.pk})),
        Cell(payment.provider.full_name),
        Cell(payment.get_status_display()),
        Cell(format_date(payment.proposed_at)),
        Cell(format_date(payment.paid_on) if payment.paid_on else ""),
        Cell(_unit(payment)),
        Cell(format_money(payment.amount), end=True),
    ]


def _evaluation_row(evaluation) -> list[Cell]:
    return [
        Cell(evaluation.case.code, reverse("quality:evaluation_detail", kwargs={"pk": evaluation.pk})),
        Cell(evaluation.get_origin_display()),
        Cell(format_date(evaluation.concluded_at) if evaluation.concluded_at else ""),
        Cell(evaluation.result_level.name if evaluation.result_level_id else ""),
        Cell(_unit(evaluation)),
    ]


def _follow_up_row(follow_up) -> list[Cell]:
    evaluation = follow_up.evaluation
    return [
        Cell(evaluation.case.code, reverse("quality:evaluation_detail", kwargs={"pk": evaluation.pk})),
        Cell(follow_up.text[:120]),
        Cell(format_date(follow_up.due_on)),
        Cell(follow_up.get_status_display()),
    ]


def _request_row(request) -> list[Cell]:
    return [
        Cell(format_date(request.received_at), reverse("intake:request_detail", kwargs={"pk": request.pk})),
        Cell(request.get_channel_display()),
        Cell(request.get_status_display()),
        Cell(_unit(request)),
    ]


def _updated_case_row(case) -> list[Cell]:
    return [
        Cell(case.code, reverse("cases:case_detail", kwargs={"pk": case.pk})),
        Cell(case.form_of_aid.name),
        Cell(case.get_status_display()),
        Cell(format_date(case.updated_at)),
        Cell(_unit(case)),
    ]


def _answer_row(answer) -> list[Cell]:
    response = answer.response
    return [
        Cell(format_date(response.answered_on), reverse("feedback:response_detail", kwargs={"pk": response.pk})),
        Cell(response.case.code),
        Cell(answer.question.text[:120]),
        Cell(answer.option_label),
        Cell(_unit(response)),
    ]


def _quota_case_row(case) -> list[Cell]:
    return [
        Cell(case.code, reverse("cases:case_detail", kwargs={"pk": case.pk})),
        Cell(format_date(case.accepted_at)),
        Cell(case.get_status_display()),
        Cell(_unit(case)),
    ]


# --- Records: the figures' own functions on what the user sees -------------------------------------------------------


def _metric(function_path: str):
    """A catalogue figure's records function ``(records, centre, start, end)`` (module:function)."""

    def records(visible, user, centre, start, end, params):
        from importlib import import_module

        module, name = function_path.split(":")
        return getattr(import_module(module), name)(visible, centre, start, end)

    return records


def satisfaction_answers(user, start: dt.date, end: dt.date, unit):
    """The rated survey answers of the period in the user's scope (``unit``: one unit of it): what the dashboard's
    satisfaction chart counts, by audience and satisfied or not."""
    from legalaid.feedback.figures import rated_answers
    from legalaid.feedback.models import SurveyResponse

    from .facts import in_unit

    responses = in_unit(SurveyResponse.objects.visible_to(user), unit)
    return rated_answers(start, end).filter(response__in=responses)


def _satisfaction(visible, user, unit, start, end, params):
    from legalaid.feedback.choices import Audience

    audience, satisfied = params.get("audience"), params.get("satisfied")
    if audience not in Audience.values or satisfied not in ("yes", "no"):
        raise BadValue
    answers = satisfaction_answers(user, start, end, unit).filter(
        response__version__questionnaire__audience=audience, satisfied=satisfied == "yes"
    )
    return visible.filter(pk__in=answers.values("pk"))


def quota_cases(user, year: int, end: dt.date, providers):
    """The litigation cases the user sees assigned to ``providers`` by decisions of ``year`` up to ``end`` (a
    queryset of case ids per provider): what the dashboard's quota bars count (as ``providers.selectors``)."""
    from legalaid.cases.models import LegalAidCase
    from legalaid.providers.models import Assignment
    from legalaid.providers.selectors import LITIGATION

    return Assignment.objects.filter(
        provider__in=providers,
        case__form_of_aid__code=LITIGATION,
        case__in=LegalAidCase.objects.visible_to(user),
        decision_year=year,
        decision_date__lte=end,
    )


def _quota(visible, user, unit, start, end, params):
    from legalaid.providers.models import Provider

    try:
        provider = int(params.get("provider") or "")
    except ValueError:
        raise BadValue from None
    providers = Provider.objects.visible_to(user).filter(pk=provider)
    return visible.filter(pk__in=quota_cases(user, end.year, end, providers).values("case_id"))


_PAYMENT_COLUMNS = (_("Vụ việc"), _("Người thực hiện"), _("Trạng thái"), _("Ngày đề nghị"), _("Ngày chi"), _("Đơn vị"))
_CASE_COLUMNS = (
    _("Mã hồ sơ"),
    _("Hình thức trợ giúp"),
    _("Ngày kết thúc"),
    _("Đơn vị"),
    _("Thẩm định"),
)
_CASE_RELATED = ("form_of_aid", "completion", "appraisal", "centre", "branch")

FAMILIES = {
    f.code: f
    for f in (
        Family(
            "payments_paid_amount",
            _("Các khoản thù lao, bồi dưỡng đã chi trả"),
            "payments.Payment",
            _metric("legalaid.payments.metrics:paid_payments"),
            _PAYMENT_COLUMNS,
            _payment_row,
            related=("case", "provider", "centre", "branch"),
            amount="amount",
        ),
        Family(
            "payments_owed_amount",
            _("Các khoản thù lao, bồi dưỡng đã đề nghị, chưa chi trả"),
            "payments.Payment",
            _metric("legalaid.payments.metrics:owed_payments"),
            _PAYMENT_COLUMNS,
            _payment_row,
            related=("case", "provider", "centre", "branch"),
            amount="amount",
        ),
        Family(
            "litigation_representation_appraised_pct",
            _("Vụ việc tham gia tố tụng, đại diện ngoài tố tụng kết thúc trong kỳ"),
            "cases.LegalAidCase",
            _metric("legalaid.quality.metrics:completed_cases"),
            _CASE_COLUMNS,
            _case_row,
            related=_CASE_RELATED,
        ),
        Family(
            "appraisals_pending",
            _("Vụ việc kết thúc chưa được thẩm định"),
            "cases.LegalAidCase",
            _metric("legalaid.quality.metrics:pending_cases"),
            _CASE_COLUMNS,
            _case_row,
            related=_CASE_RELATED,
        ),
        Family(
            "quality_evaluations_concluded",
            _("Vụ việc được Sở Tư pháp đánh giá chất lượng"),
            "quality.Evaluation",
            _metric("legalaid.quality.metrics:concluded_evaluations"),
            (_("Vụ việc"), _("Căn cứ đánh giá"), _("Ngày kết luận"), _("Mức kết quả"), _("Đơn vị")),
            _evaluation_row,
            related=("case", "result_level", "centre", "branch"),
        ),
        Family(
            "quality_follow_ups_open",
            _("Yêu cầu khắc phục sau đánh giá chưa thực hiện"),
            "quality.FollowUp",
            _metric("legalaid.quality.metrics:open_follow_ups"),
            (_("Vụ việc"), _("Nội dung yêu cầu"), _("Hạn thực hiện"), _("Trạng thái")),
            _follow_up_row,
            related=("evaluation__case",),
        ),
        Family(
            "requests_online",
            _("Yêu cầu trợ giúp pháp lý gửi trực tuyến"),
            "intake.LegalAidRequest",
            _metric("legalaid.portal.figures:online_requests"),
            (_("Ngày tiếp nhận"), _("Hình thức tiếp nhận"), _("Trạng thái"), _("Đơn vị")),
            _request_row,
            related=("centre", "branch"),
        ),
        Family(
            "cases_updated_this_month",
            _("Vụ việc được cập nhật trong tháng"),
            "cases.LegalAidCase",
            _metric("legalaid.plans.metrics:updated_cases"),
            (_("Mã hồ sơ"), _("Hình thức trợ giúp"), _("Trạng thái"), _("Cập nhật lần cuối"), _("Đơn vị")),
            _updated_case_row,
            related=("form_of_aid", "centre", "branch"),
        ),
        Family(
            "satisfaction",
            _("Câu trả lời về sự hài lòng"),
            "feedback.SurveyAnswer",
            _satisfaction,
            (_("Ngày trả lời"), _("Vụ việc"), _("Câu hỏi"), _("Câu trả lời"), _("Đơn vị")),
            _answer_row,
            related=("response__case", "response__centre", "response__branch", "question"),
            per_centre=False,
            params=("audience", "satisfied"),
            scope=lambda user: survey_answers_visible(user),
        ),
        Family(
            "quota",
            _("Vụ việc tham gia tố tụng được cử theo định mức năm"),
            "cases.LegalAidCase",
            _quota,
            (_("Mã hồ sơ"), _("Ngày thụ lý"), _("Trạng thái"), _("Đơn vị")),
            _quota_case_row,
            related=("centre", "branch"),
            per_centre=False,
            params=("provider",),
        ),
    )
}


def totals(family: Family, records) -> dict:
    """The list's count (and sum, or the appraised share) in one query."""
    aggregates = {"count": Count("pk")}
    if family.amount:
        aggregates["amount"] = Sum(family.amount)
    if family.code == "litigation_representation_appraised_pct":
        aggregates["appraised"] = Count("pk", filter=Q(appraisal__status="done"))
    return records.aggregate(**aggregates)


def survey_answers_visible(user):
    """Survey answers have no scope of their own: those of the survey responses the user sees."""
    from legalaid.feedback.models import SurveyAnswer, SurveyResponse

    return SurveyAnswer.objects.filter(response__in=SurveyResponse.objects.visible_to(user))
