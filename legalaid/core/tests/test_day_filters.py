"""Date filters over DateTimeFields compare the column with an aware range, never cast it to a date (issue 11):
`accepted_at::date >= day` on PostgreSQL reads every row; `accepted_at >= start of day` uses the index."""

import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from legalaid.cases.filters import CaseFilter
from legalaid.cases.models import LegalAidCase
from legalaid.cases.tests.factories import accepted_case
from legalaid.commendations import figures
from legalaid.core.filters import AccessLogFilter, AuditFilter
from legalaid.core.models import AccessLogEntry, AuditEntry
from legalaid.intake.filters import RequestFilter
from legalaid.intake.models import LegalAidRequest
from legalaid.lib.dates import on_days, start_of_day
from legalaid.plans import metrics

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)
CAST = re.compile(r"::date|django_datetime_cast_date|AT TIME ZONE|DATE\(", re.IGNORECASE)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def where(qs) -> str:
    sql = str(qs.query)
    return sql.split(" WHERE ", 1)[1] if " WHERE " in sql else ""


def assert_no_cast(qs):
    clause = where(qs)
    assert clause, "the filter added no WHERE"
    assert not CAST.search(clause), clause


def test_start_of_day_is_local_midnight():
    start = start_of_day(DAY)
    assert timezone.is_aware(start)
    assert timezone.localtime(start).time() == dt.time(0, 0)
    # Asia/Ho_Chi_Minh is UTC+7: local midnight is 17:00 UTC the day before.
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 3, 9, 17, 0, tzinfo=dt.UTC)
    assert on_days("at", DAY, DAY) == {"at__gte": start, "at__lt": start_of_day(DAY + dt.timedelta(days=1))}


@pytest.fixture
def edges(world):
    """Cases and requests at the edges of DAY: just before, first minute, last minute, next midnight."""
    moments = {
        "before": local(DAY, 0) - dt.timedelta(minutes=1),
        "first": local(DAY, 0),
        "last": local(DAY, 23, 59),
        "next": local(DAY + dt.timedelta(days=1), 0),
    }
    cases = {}
    for name, moment in moments.items():
        case = accepted_case(world.a.intake)
        LegalAidCase.objects.filter(pk=case.pk).update(accepted_at=moment)
        LegalAidRequest.objects.filter(pk=case.request_id).update(received_at=moment)
        cases[name] = case
    return cases


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"from": DAY, "to": DAY}, {"first", "last"}),
        ({"from": DAY}, {"first", "last", "next"}),
        ({"to": DAY}, {"before", "first", "last"}),
    ],
)
def test_case_and_request_lists_keep_whole_local_days(world, edges, data, expected):
    by_pk = {case.pk: name for name, case in edges.items()}
    case_data = {f"accepted_{k}": v.isoformat() for k, v in data.items()}
    qs = CaseFilter(case_data, queryset=LegalAidCase.objects.all(), user=world.a.director).qs
    assert_no_cast(qs)
    assert {by_pk[pk] for pk in qs.values_list("pk", flat=True) if pk in by_pk} == expected

    by_request = {case.request_id: name for name, case in edges.items()}
    request_data = {f"received_{k}": v.isoformat() for k, v in data.items()}
    qs = RequestFilter(request_data, queryset=LegalAidRequest.objects.all(), user=world.a.director).qs
    assert_no_cast(qs)
    assert {by_request[pk] for pk in qs.values_list("pk", flat=True) if pk in by_request} == expected


@pytest.mark.parametrize(("filterset", "model"), [(AuditFilter, AuditEntry), (AccessLogFilter, AccessLogEntry)])
def test_audit_and_access_logs_keep_whole_local_days(world, filterset, model):
    content_type = ContentType.objects.get_for_model(LegalAidCase)
    names = {}
    for name, moment in {
        "before": local(DAY, 0) - dt.timedelta(minutes=1),
        "first": local(DAY, 0),
        "last": local(DAY, 23, 59),
        "next": local(DAY + dt.timedelta(days=1), 0),
    }.items():
        fields = {"content_type": content_type, "object_id": name, "object_repr": name, "action": "view"}
        if model is AccessLogEntry:
            fields["user"] = world.a.director
        else:
            fields["action"] = "update"
        entry = model.objects.create(at=moment, **fields)  # the rows are never changed afterwards
        names[entry.pk] = name
    data = {"date_from": DAY.isoformat(), "date_to": DAY.isoformat()}
    qs = filterset(data, queryset=model.objects.filter(pk__in=names), user=world.a.director).qs
    assert_no_cast(qs)
    assert {names[pk] for pk in qs.values_list("pk", flat=True)} == {"first", "last"}


def test_figures_and_metrics_count_whole_local_days(world, edges):
    centre = world.a.centre
    assert_no_cast(metrics._cases(centre, DAY, DAY))
    assert_no_cast(metrics._requests(centre, DAY, DAY))
    assert metrics._cases(centre, DAY, DAY).filter(pk__in=[c.pk for c in edges.values()]).count() == 2
    assert metrics._requests(centre, DAY, DAY).filter(pk__in=[c.request_id for c in edges.values()]).count() == 2
    for qs in (figures._cases(DAY, DAY), figures._requests(DAY, DAY), figures._matters(DAY, DAY)):
        assert_no_cast(qs)
    assert figures._cases(DAY, DAY).filter(pk__in=[c.pk for c in edges.values()]).count() == 2
