"""Quality management's figures in the plans' catalogue (``legalaid.plans.metrics``), registered at start-up from
``QualityConfig.ready``. ``litigation_representation_appraised_pct`` replaces the plans app's placeholder of the
same code (the seeds' target "100% vụ việc tham gia tố tụng, đại diện ngoài tố tụng hoàn thành được thẩm định")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

from .choices import AppraisalStatus, EvaluationStatus, FollowUpStatus


def _completed(centre, start, end):
    from legalaid.cases.models import LegalAidCase

    from .selectors import completed_between, completed_cases_q

    return completed_between(LegalAidCase.objects.filter(centre=centre).filter(completed_cases_q()), start, end)


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
    return _completed(centre, start, end).exclude(appraisal__status=AppraisalStatus.DONE).count()


@register_metric(
    "quality_evaluations_concluded",
    _("Số vụ việc được Sở Tư pháp đánh giá chất lượng"),
    _("vụ việc"),
    note=_("Đánh giá đã kết luận trong kỳ (Điều 15 Thông tư 12/2018/TT-BTP)."),
    keywords=("danh gia chat luong",),
)
def evaluations_concluded(centre, start, end):
    from legalaid.lib.dates import on_days

    from .models import Evaluation

    return Evaluation.objects.filter(
        centre=centre, status=EvaluationStatus.CONCLUDED, **on_days("concluded_at", start, end)
    ).count()


@register_metric(
    "quality_follow_ups_open",
    _("Số yêu cầu khắc phục sau đánh giá chưa thực hiện"),
    _("yêu cầu"),
    note=_("Yêu cầu có hạn trong kỳ, chưa được ghi nhận thực hiện xong."),
)
def follow_ups_open(centre, start, end):
    from .models import FollowUp

    return FollowUp.objects.filter(
        evaluation__centre=centre, status=FollowUpStatus.OPEN, due_on__range=(start, end)
    ).count()
