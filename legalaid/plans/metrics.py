"""The catalogue of figures the system measures, to which a plan's targets can be bound ("100% yêu cầu được đáp ứng",
"trên 50 lượt truyền thông tại xã đặc biệt khó khăn").

Each metric has a code, a Vietnamese label, a unit and a function ``(centre, start, end) -> number | None`` computed
with the ORM over the period (both days included). ``None`` means "not measurable": no data yet, or nothing to
divide by; the pages then show "chưa đo được". The catalogue is extensible: another app registers its figures with
the decorator, from its ``AppConfig.ready()``::

    from legalaid.plans.metrics import register_metric

    @register_metric("outreach_sessions_difficult_communes", _("Số lượt truyền thông tại xã đặc biệt khó khăn"),
                     _("lượt"), keywords=("dac biet kho khan",))
    def outreach_sessions(centre, start, end):
        return Session.objects.filter(centre=centre, date__range=(start, end), commune__difficult=True).count()

A later registration under the same code replaces the earlier one (so a placeholder below is replaced by the app
that brings the data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.lib.dates import on_days
from legalaid.lib.text import fold

from .choices import Comparison

MetricFunction = Callable[[object, dt.date, dt.date], "int | float | Decimal | None"]


@dataclass(frozen=True)
class Metric:
    code: str
    label: str
    unit: str
    function: MetricFunction
    note: str = ""
    keywords: tuple[str, ...] = field(default=())
    available: bool = True
    #: The URL name of the list behind the figure (``?centre=<pk>&from=<dd/mm/yyyy>&to=<dd/mm/yyyy>``), or "".
    drilldown: str = ""

    def drilldown_url(self, centre, start: dt.date, end: dt.date) -> str:
        """The list of the records counted in the figure, for ``centre`` over the period; "" when there is none."""
        if not self.drilldown:
            return ""
        from urllib.parse import urlencode

        from django.urls import reverse

        query = {"from": f"{start:%d/%m/%Y}", "to": f"{end:%d/%m/%Y}"}
        if centre is not None:
            query["centre"] = centre.pk
        return f"{reverse(self.drilldown)}?{urlencode(query)}"

    def measure(self, centre, start: dt.date, end: dt.date) -> Decimal | None:
        value = self.function(centre, start, end)
        if value is None:
            return None
        return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


_REGISTRY: dict[str, Metric] = {}


def register_metric(
    code: str,
    label,
    unit,
    *,
    note="",
    keywords: tuple[str, ...] = (),
    available: bool = True,
    drilldown: str = "",
):
    """Decorator: add ``function`` to the catalogue under ``code``. ``keywords`` are folded phrases
    (``lib.text.fold``) that suggest this metric for a target written with them, on import; ``drilldown`` the URL
    name of the list of what the figure counts (``Metric.drilldown_url``)."""

    def decorator(function: MetricFunction) -> MetricFunction:
        _REGISTRY[code] = Metric(
            code=code,
            label=label,
            unit=unit,
            function=function,
            note=note,
            keywords=tuple(fold(k) for k in keywords),
            available=available,
            drilldown=drilldown,
        )
        return function

    return decorator


def get_metric(code: str) -> Metric | None:
    return _REGISTRY.get(code)


def all_metrics() -> list[Metric]:
    return sorted(_REGISTRY.values(), key=lambda m: str(m.label))


def metric_choices() -> list[tuple[str, str]]:
    return [("", "---------")] + [(m.code, f"{m.label} ({m.unit})") for m in all_metrics()]


def suggest_metric(text: str, unit: str = "") -> str:
    """The code of the metric whose keywords appear in a target's text (and whose unit fits), or ""."""
    key = fold(text)
    percent = "%" in (unit or "") or "%" in (text or "")
    for metric in all_metrics():
        if not metric.keywords or ("%" in str(metric.unit)) != percent:
            continue
        if any(k in key for k in metric.keywords):
            return metric.code
    return ""


def comparison_in(text: str) -> str:
    """The comparison a target is written with: "trên 50 lượt" is more than 50, "không quá" at most, ..."""
    key = f" {fold(text)} "
    if any(w in key for w in (" khong qua ", " toi da ", " khong vuot qua ")):
        return Comparison.AT_MOST
    if any(w in key for w in (" it nhat ", " toi thieu ", " tro len ")):
        return Comparison.AT_LEAST
    if any(w in key for w in (" tren ", " hon ", " vuot ")):
        return Comparison.MORE_THAN
    if " duoi " in key:
        return Comparison.LESS_THAN
    return Comparison.AT_LEAST


def is_met(actual: Decimal | None, comparison: str, value: Decimal | None) -> bool | None:
    """Whether ``actual`` reaches the target; None when either side is unknown."""
    if actual is None or value is None:
        return None
    return {
        Comparison.AT_LEAST: actual >= value,
        Comparison.MORE_THAN: actual > value,
        Comparison.AT_MOST: actual <= value,
        Comparison.LESS_THAN: actual < value,
        Comparison.EQUAL: actual == value,
    }.get(comparison)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return Decimal(part) * 100 / Decimal(whole)


# --- The figures intake measures --------------------------------------------------------------------------------


def _requests(centre, start, end):
    from legalaid.intake.models import LegalAidRequest

    return LegalAidRequest.objects.filter(centre=centre, **on_days("received_at", start, end))


def _cases(centre, start, end):
    from legalaid.cases.models import LegalAidCase

    return LegalAidCase.objects.filter(centre=centre, **on_days("accepted_at", start, end))


@register_metric("requests_received", _("Số yêu cầu trợ giúp pháp lý tiếp nhận"), _("yêu cầu"))
def requests_received(centre, start, end):
    return _requests(centre, start, end).count()


@register_metric(
    "requests_served_pct",
    _("Tỷ lệ yêu cầu trợ giúp pháp lý được giải quyết (thụ lý, từ chối, chuyển)"),
    "%",
    note=_("Yêu cầu đã có quyết định trên tổng số yêu cầu tiếp nhận trong kỳ."),
    keywords=(
        "yeu cau tro giup phap ly",
        "yeu cau tgpl",
        "nguoi co yeu cau",
        "khi co yeu cau",
        "yeu cau cua nhan dan",
    ),
)
def requests_served_pct(centre, start, end):
    from legalaid.intake.choices import RequestStatus

    requests = _requests(centre, start, end)
    total = requests.count()
    decided = requests.filter(
        status__in=[RequestStatus.ACCEPTED, RequestStatus.REFUSED, RequestStatus.TRANSFERRED]
    ).count()
    return _percent(decided, total)


@register_metric("cases_accepted", _("Số vụ việc được thụ lý"), _("vụ việc"))
def cases_accepted(centre, start, end):
    return _cases(centre, start, end).count()


@register_metric(
    "litigation_cases_accepted",
    _("Số vụ việc tham gia tố tụng được thụ lý"),
    _("vụ việc"),
    keywords=("vu viec tham gia to tung",),
)
def litigation_cases_accepted(centre, start, end):
    return _cases(centre, start, end).filter(form_of_aid__code="litigation").count()


def _case_event_model():
    """The cases app's event model, when that app is installed and has one (issue 4)."""
    if not apps.is_installed("legalaid.cases"):
        return None
    try:
        model = apps.get_model("cases", "CaseEvent")
    except LookupError:
        return None
    names = {f.name for f in model._meta.get_fields()}
    time_field = next((n for n in ("at", "created_at", "occurred_at") if n in names), None)
    if "case" not in names or time_field is None:
        return None
    return model, time_field


@register_metric(
    "cases_updated_this_month",
    _("Số vụ việc được cập nhật trong tháng"),
    _("vụ việc"),
    note=_("Tháng chứa ngày cuối của kỳ (hoặc hôm nay nếu kỳ chưa kết thúc)."),
    keywords=("cap nhat vu viec",),
)
def cases_updated_this_month(centre, start, end):
    from legalaid.cases.models import LegalAidCase

    return updated_cases(LegalAidCase.objects.all(), centre, start, end).count()


def updated_cases(cases, centre, start, end):
    """The cases of ``centre`` updated (or with an event) in the month of the period's last day, or of today when the
    period has not ended (``cases``: all, or those a user sees)."""
    from django.utils import timezone

    last = min(end, timezone.localdate())
    month_start = max(last.replace(day=1), start)
    cases = cases.filter(centre=centre)
    updated = Q(**on_days("updated_at", month_start, last))
    event = _case_event_model()
    if event is not None:
        model, time_field = event
        with_event = model.objects.filter(
            case__centre=centre,
            **on_days(time_field, month_start, last),
        ).values("case_id")
        updated |= Q(pk__in=with_event)
    return cases.filter(updated)


# --- Figures whose data later modules bring --------------------------------------------------------------------


def _not_yet(centre, start, end):
    return None


register_metric(
    "officers_reaching_quota_pct",
    _("Tỷ lệ Trợ giúp viên pháp lý đạt chỉ tiêu tham gia tố tụng"),
    "%",
    note=_("chưa có dữ liệu — phân hệ người thực hiện trợ giúp pháp lý (chỉ tiêu vụ việc) sẽ cung cấp"),
    keywords=("dat chi tieu tham gia to tung", "tro giup vien phap ly dat chi tieu"),
    available=False,
)(_not_yet)
register_metric(
    "litigation_representation_appraised_pct",
    _("Tỷ lệ vụ việc tham gia tố tụng, đại diện ngoài tố tụng hoàn thành được thẩm định"),
    "%",
    note=_("chưa có dữ liệu — phân hệ quản lý chất lượng (thẩm định) sẽ cung cấp"),
    keywords=("tham dinh chat luong", "phan cong tham dinh"),
    available=False,
)(_not_yet)
register_metric(
    "outreach_sessions_difficult_communes",
    _("Số lượt truyền thông về trợ giúp pháp lý tại xã đặc biệt khó khăn"),
    _("lượt"),
    note=_("chưa có dữ liệu — phân hệ truyền thông sẽ cung cấp"),
    keywords=("dac biet kho khan",),
    available=False,
)(_not_yet)
