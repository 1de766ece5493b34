"""The figures of surveys and of the register, registered in the plans' catalogue of metrics (``register_metric``,
imported by ``FeedbackConfig.ready``), each with its drill-down list.

Satisfaction rate = answers at a level marked "satisfied" (``ScaleOption.satisfied``, copied on the answer) / answers
on a scale, over the surveys answered in the period. The same count by unit (head office or branch) and by provider
feeds the survey report page (``views.survey_report``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

from .choices import COMPLAINT_KINDS, Audience
from .models import ComplaintDecision, FeedbackEntry, SurveyAnswer


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return Decimal(part) * 100 / Decimal(whole)


def rated_answers(start: dt.date, end: dt.date, audience: str | None = None):
    """The answers on a scale given in ``[start, end]`` (an unscoped queryset: callers scope it)."""
    qs = SurveyAnswer.objects.filter(response__answered_on__range=(start, end), satisfied__isnull=False)
    if audience:
        qs = qs.filter(response__version__questionnaire__audience=audience)
    return qs


def satisfaction(answers) -> tuple[int, int, Decimal | None]:
    """(satisfied answers, rated answers, rate in %) of a queryset of answers, in one query."""
    agg = answers.aggregate(total=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True)))
    return agg["satisfied"], agg["total"], _percent(agg["satisfied"], agg["total"])


@dataclass
class RateRow:
    key: int | None
    label: str
    satisfied: int
    total: int

    @property
    def rate(self) -> Decimal | None:
        return _percent(self.satisfied, self.total)


def rates_by_unit(answers, head_office_label: str) -> list[RateRow]:
    """Per unit of the case (the head office, or a branch), one grouped query."""
    rows = (
        answers.values(unit=F("response__branch_id"), unit_name=F("response__branch__name"))
        .annotate(total=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True)))
        .order_by("unit_name")
    )
    return [RateRow(r["unit"], r["unit_name"] or head_office_label, r["satisfied"], r["total"]) for r in rows]


def rates_by_provider(answers) -> list[RateRow]:
    """Per provider of the case at the time of the answer, one grouped query."""
    rows = (
        answers.filter(response__providers__isnull=False)
        .values(provider=F("response__providers__id"), name=F("response__providers__full_name"))
        .annotate(total=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True)))
        .order_by("name", "provider")
    )
    return [RateRow(r["provider"], r["name"], r["satisfied"], r["total"]) for r in rows]


# --- The catalogue ------------------------------------------------------------------------------------------------


@register_metric(
    "satisfaction_beneficiary_pct",
    _("Tỷ lệ ý kiến hài lòng của người được trợ giúp pháp lý"),
    "%",
    note=_("Câu trả lời ở mức hài lòng trên tổng số câu trả lời theo thang đo, phiếu trả lời trong kỳ."),
    keywords=("hai long", "su hai long"),
    drilldown="feedback:survey_report",
)
def satisfaction_beneficiary_pct(centre, start, end):
    return satisfaction(rated_answers(start, end, Audience.BENEFICIARY).filter(response__centre=centre))[2]


@register_metric(
    "satisfaction_officials_pct",
    _("Tỷ lệ ý kiến hài lòng của người tiến hành tố tụng về người thực hiện trợ giúp pháp lý"),
    "%",
    note=_("Phiếu lấy ý kiến Thẩm phán, Kiểm sát viên, Điều tra viên trả lời trong kỳ."),
    keywords=("nguoi tien hanh to tung danh gia",),
    drilldown="feedback:survey_report",
)
def satisfaction_officials_pct(centre, start, end):
    return satisfaction(rated_answers(start, end, Audience.OFFICIAL).filter(response__centre=centre))[2]


@register_metric(
    "complaints_received",
    _("Số khiếu nại về trợ giúp pháp lý tiếp nhận"),
    _("đơn"),
    keywords=("khieu nai ve tro giup phap ly",),
    drilldown="feedback:entry_list",
)
def complaints_received(centre, start, end):
    return FeedbackEntry.objects.filter(
        centre=centre, kind__in=COMPLAINT_KINDS, received_on__range=(start, end)
    ).count()


@register_metric(
    "complaints_decided_on_time_pct",
    _("Tỷ lệ khiếu nại được giải quyết đúng thời hạn (Điều 45 Luật Trợ giúp pháp lý)"),
    "%",
    note=_("Quyết định giải quyết khiếu nại ban hành trong kỳ, không quá hạn, trên tổng số quyết định."),
    keywords=("giai quyet khieu nai",),
    drilldown="feedback:entry_list",
)
def complaints_decided_on_time_pct(centre, start, end):
    agg = ComplaintDecision.objects.filter(entry__centre=centre, decided_on__range=(start, end)).aggregate(
        total=Count("pk"), on_time=Count("pk", filter=Q(late=False))
    )
    return _percent(agg["on_time"], agg["total"])
