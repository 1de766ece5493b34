"""Quality management's figures in the plans' catalogue (``legalaid.plans.metrics``), registered at start-up from
``QualityConfig.ready``. ``litigation_representation_appraised_pct`` replaces the plans app's placeholder of the
same code (the seeds' target "100% vụ việc tham gia tố tụng, đại diện ngoài tố tụng hoàn thành được thẩm định")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

from .choices import AppraisalStatus, EvaluationStatus, FollowUpStatus


def completed_cases(cases, centre, start, end):
    """The litigation and representation cases of ``centre`` completed in the period (``cases``: all, or those a user
    sees): the denominator of the coverage."""
    from .selectors import completed_between, completed_cases_q

    return completed_between(cases.filter(centre=centre).filter(completed_cases_q()), start, end)


def pending_cases(cases, centre, start, end):
    """Of those, the cases not appraised yet (no appraisal done)."""
    return completed_cases(cases, centre, start, end).exclude(appraisal__status=AppraisalStatus.DONE)


def concluded_evaluations(evaluations, centre, start, end):
    """The Department's evaluations of ``centre``'s cases concluded in the period."""
    from legalaid.lib.dates import on_days

    return evaluations.filter(centre=centre, status=EvaluationStatus.CONCLUDED, **on_days("concluded_at", start, end))


def open_follow_ups(follow_ups, centre, start, end):
    """The follow-ups required of ``centre`` due in the period and not done."""
    return follow_ups.filter(evaluation__centre=centre, status=FollowUpStatus.OPEN, due_on__range=(start, end))


def _completed(centre, start, end):
    from legalaid.cases.models import LegalAidCase

    return completed_cases(LegalAidCase.objects.all(), centre, start, end)


@register_metric(
    "litigation_representation_appraised_pct",
    _("Tỷ lệ vụ việc tham gia tố tụng, đại diện ngoài tố tụng hoàn thành được thẩm định"),
    "%",
    note=_("Vụ việc đã thẩm định xong trên tổng số vụ việc kết thúc trong kỳ (theo ngày kết thúc)."),
    keywords=("tham dinh chat luong", "phan cong tham dinh"),
)
def appraised_pct(centre, start, end):
    from .selectors import coverage

    return coverage(_completed(centre, start, end))[0]["pct"]


@register_metric(
    "appraisals_pending",
    _("Số vụ việc kết thúc chưa được thẩm định"),
    _("vụ việc"),
    note=_("Vụ việc tham gia tố tụng, đại diện ngoài tố tụng kết thúc trong kỳ chưa thẩm định xong."),
)
def appraisals_pending(centre, start, end):
    from legalaid.cases.models import LegalAidCase

    return pending_cases(LegalAidCase.objects.all(), centre, start, end).count()


@register_metric(
    "quality_evaluations_concluded",
    _("Số vụ việc được Sở Tư pháp đánh giá chất lượng"),
    _("vụ việc"),
    note=_("Đánh giá đã kết luận trong kỳ (Điều 15 Thông tư 12/2018/TT-BTP)."),
    keywords=("danh gia chat luong",),
)
def evaluations_concluded(centre, start, end):
    from .models import Evaluation

    return concluded_evaluations(Evaluation.objects.all(), centre, start, end).count()


@register_metric(
    "quality_follow_ups_open",
    _("Số yêu cầu khắc phục sau đánh giá chưa thực hiện"),
    _("yêu cầu"),
    note=_("Yêu cầu có hạn trong kỳ, chưa được ghi nhận thực hiện xong."),
)
def follow_ups_open(centre, start, end):
    from .models import FollowUp

    return open_follow_ups(FollowUp.objects.all(), centre, start, end).count()
