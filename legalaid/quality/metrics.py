"""Quality management's figures in the plans' catalogue (``legalaid.plans.metrics``), registered at start-up from
``QualityConfig.ready``. ``litigation_representation_appraised_pct`` replaces the plans app's placeholder of the
same code (the seeds' target "100% vụ việc tham gia tố tụng, đại diện ngoài tố tụng hoàn thành được thẩm định")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from legalaid.plans.metrics import register_metric

from .choices import AppraisalStatus


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
