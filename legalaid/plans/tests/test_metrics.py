import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from legalaid.intake import services as intake_services
from legalaid.intake.tests.factories import receive_request
from legalaid.plans import metrics
from legalaid.plans.choices import Comparison
from legalaid.plans.selectors import measure_target
from legalaid.plans.tests.factories import current_plan


def _accept(actor, request, form="advice"):
    from legalaid.intake.models import FormOfAid

    return intake_services.request_accept(
        actor=actor, request=request, form_of_aid=FormOfAid.objects.get(code=form), expected_version=request.version
    )


def test_intake_figures_over_a_period(world):
    today = timezone.localdate()
    officer = world.a.officer
    accepted = receive_request(officer)
    _accept(officer, accepted, form="litigation")
    receive_request(officer)  # still open
    refused = receive_request(officer)
    intake_services.request_refuse(
        actor=officer, request=refused, ground="30.3.b", note="Trái pháp luật", expected_version=refused.version
    )
    receive_request(world.b.officer)  # another Centre
    centre = world.a.centre
    start = today.replace(day=1)
    assert metrics.get_metric("requests_received").measure(centre, start, today) == 3
    assert metrics.get_metric("requests_served_pct").measure(centre, start, today) == Decimal("66.7")
    assert metrics.get_metric("cases_accepted").measure(centre, start, today) == 1
    assert metrics.get_metric("litigation_cases_accepted").measure(centre, start, today) == 1
    assert metrics.get_metric("cases_updated_this_month").measure(centre, start, today) == 1
    yesterday = today - dt.timedelta(days=1)
    assert (
        metrics.get_metric("requests_served_pct").measure(centre, yesterday - dt.timedelta(days=30), yesterday) is None
    )


def test_placeholders_are_not_measurable_and_say_why():
    # (litigation_representation_appraised_pct is measured by the quality app since issue 9,
    # officers_reaching_quota_pct by the reports app since issue 11: legalaid/reports/tests/test_views.py.)
    for metric in metrics.all_metrics():
        if metric.available:
            continue
        assert metric.measure(None, dt.date(2020, 1, 1), dt.date(2020, 12, 31)) is None
        with translation.override("vi"):
            assert str(metric.note).startswith("chưa có dữ liệu")


def test_catalogue_is_extensible_and_a_later_registration_replaces_a_placeholder():
    code = "outreach_sessions_difficult_communes"
    before = metrics.get_metric(code)
    try:

        @metrics.register_metric(code, "Số lượt truyền thông", "lượt", keywords=("dac biet kho khan",))
        def sessions(centre, start, end):
            return 51

        assert metrics.get_metric(code).measure(None, dt.date(2020, 1, 1), dt.date(2020, 1, 2)) == 51
        assert metrics.suggest_metric("đạt trên 50 lượt tại các xã đặc biệt khó khăn", "lượt") == code
    finally:
        metrics._REGISTRY[code] = before


@pytest.mark.parametrize(
    ("text", "comparison"),
    [
        ("đạt trên 50 lượt", Comparison.MORE_THAN),
        ("100% yêu cầu", Comparison.AT_LEAST),
        ("không quá 5 ngày", Comparison.AT_MOST),
        ("ít nhất 02 hội nghị", Comparison.AT_LEAST),
        ("dưới 10%", Comparison.LESS_THAN),
    ],
)
def test_comparison_read_from_the_text(text, comparison):
    assert metrics.comparison_in(text) == comparison


def test_is_met():
    assert metrics.is_met(Decimal(100), ">=", Decimal(100)) is True
    assert metrics.is_met(Decimal(50), ">", Decimal(50)) is False
    assert metrics.is_met(None, ">=", Decimal(1)) is None


def test_task_target_against_actual_over_the_task_period(world):
    today = timezone.localdate()
    receive_request(world.a.officer)
    plan = current_plan(world.a.centre, today)
    target = plan.tasks.get(ref="2.1").targets.get()  # 100% of requests served, whole year
    result = measure_target(target, today)
    assert result.actual == Decimal("0.0") and result.met is False
    assert result.start == today.replace(month=1, day=1) and result.end == today
