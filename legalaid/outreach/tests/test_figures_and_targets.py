"""The figures registered in the plans' catalogue, the dated commune flags they read, and the yearly targets with
their progress on the home page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from legalaid.core.choices import CommuneFlagKind
from legalaid.plans import metrics

from .. import services
from ..models import OutreachTarget
from .factories import commune_of, flag, record_session

pytestmark = pytest.mark.django_db


def test_the_placeholder_is_replaced_by_a_measured_figure():
    metric = metrics.get_metric("outreach_sessions_difficult_communes")
    assert metric.available and metric.drilldown == "outreach:session_list_difficult"
    assert metrics.suggest_metric("đạt trên 50 lượt tại các xã, thôn, bản đặc biệt khó khăn", "lượt") == metric.code


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "session_day", "counted"),
    [
        (dt.date(2020, 1, 1), None, dt.date(2024, 6, 1), True),
        (dt.date(2020, 1, 1), dt.date(2024, 5, 31), dt.date(2024, 6, 1), False),  # the flag had ended
        (dt.date(2024, 6, 2), None, dt.date(2024, 6, 1), False),  # not yet in force
        (dt.date(2024, 6, 1), dt.date(2024, 6, 1), dt.date(2024, 6, 1), True),  # both days included
    ],
)
def test_a_session_counts_when_its_commune_was_especially_difficult_on_that_day(
    world, valid_from, valid_to, session_day, counted
):
    commune = commune_of(world.a.centre)
    flag(commune, valid_from=valid_from, valid_to=valid_to)
    flag(commune_of(world.a.centre, 1), kind=CommuneFlagKind.ETHNIC_MINORITY_AREA)
    record_session(world.a.officer, commune=commune, date=session_day)
    record_session(world.a.officer, commune=commune_of(world.a.centre, 1), date=session_day)
    value = metrics.get_metric("outreach_sessions_difficult_communes").measure(
        world.a.centre, dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    )
    assert value == (1 if counted else 0)


def test_the_other_counts_by_period_and_unit(world):
    day = dt.date(2024, 3, 1)
    record_session(world.a.officer, date=day, total=30)
    record_session(world.a.officer, date=day, total=20, form="mobile")
    record_session(world.b.officer, date=day, total=99)
    record_session(world.a.officer, date=dt.date(2023, 12, 31), total=7)
    period = (world.a.centre, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert metrics.get_metric("outreach_sessions").measure(*period) == 2
    assert metrics.get_metric("outreach_audience").measure(*period) == 50
    assert metrics.get_metric("mobile_sessions").measure(*period) == 1
    assert metrics.get_metric("mobile_session_requests").measure(*period) == 0
    assert metrics.get_metric("hotline_calls").measure(*period) == 0


@pytest.mark.parametrize(
    "code",
    [
        "outreach_sessions_difficult_communes",
        "outreach_sessions",
        "outreach_audience",
        "mobile_sessions",
        "mobile_session_requests",
        "hotline_calls",
    ],
)
def test_every_figure_opens_its_list(client, world, code):
    metric = metrics.get_metric(code)
    client.force_login(world.a.director)
    response = client.get(metric.drilldown_url(world.a.centre, dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert response.status_code == 200


def test_drilldown_lists_what_the_figure_counts(client, world):
    difficult = commune_of(world.a.centre)
    flag(difficult)
    record_session(world.a.officer, commune=difficult, date=dt.date(2024, 3, 1), topic="Ở xã khó khăn")
    record_session(world.a.officer, commune=commune_of(world.a.centre, 1), date=dt.date(2024, 3, 1), topic="Xã khác")
    metric = metrics.get_metric("outreach_sessions_difficult_communes")
    client.force_login(world.a.director)
    page = client.get(metric.drilldown_url(world.a.centre, dt.date(2024, 1, 1), dt.date(2024, 12, 31))).content
    assert "Ở xã khó khăn" in page.decode() and "Xã khác" not in page.decode()


def _target(actor, **fields):
    values = {"year": timezone.localdate().year, "measure": "sessions_difficult", "comparison": ">", "value": 50}
    values.update(fields)
    return services.target_save(actor=actor, target=OutreachTarget(**values))


def test_progress_moves_on_the_home_page(client, world):
    commune = commune_of(world.a.centre)
    flag(commune)
    _target(world.a.director, source="Kế hoạch 33/KH-TGPL")
    client.force_login(world.a.director)
    assert "0 / trên 50" in client.get(reverse("home")).content.decode()
    record_session(world.a.officer, commune=commune)
    record_session(world.a.officer, commune=commune_of(world.a.centre, 1))  # not especially difficult
    assert "1 / trên 50" in client.get(reverse("home")).content.decode()


def test_a_branch_target_counts_its_branch_only(world):
    from ..selectors import target_progress

    _target(world.a.branch_head, measure="sessions", value=3)
    record_session(world.a.branch_officer)
    record_session(world.a.officer)
    (row,) = target_progress(world.a.branch_head, timezone.localdate().year)
    assert (row.target.branch, row.actual) == (world.a.branch1, 1)


@pytest.mark.parametrize("role", ["officer", "intake", "admin_staff", "doj_officer", "lawyer"])
def test_only_heads_set_targets(world, role):
    with pytest.raises(PermissionDenied):
        _target(getattr(world.a, role))


def test_a_target_twice_for_the_same_unit_and_year_is_refused(world):
    _target(world.a.director)
    with pytest.raises(ValidationError) as raised:
        _target(world.a.director)
    assert "Đơn vị đã có chỉ tiêu này cho năm này." in str(raised.value)


def test_another_centres_targets_are_invisible(client, world):
    target = _target(world.b.director)
    client.force_login(world.a.director)
    assert client.get(reverse("outreach:target_edit", args=[target.pk])).status_code == 404
    assert "trên 50" not in client.get(reverse("outreach:target_list")).content.decode()
