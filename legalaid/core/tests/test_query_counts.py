"""Query counts of the main pages, pinned (measured, then fixed here), with enough rows that an N+1 would show.

Each page is also measured again after adding more rows: the count must not grow with the data.
A pinned number that changes for a good reason is re-measured and updated here, with the reason in the commit.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from legalaid.core import audit, services
from legalaid.core.choices import CommuneFlagKind, OrganisationKind, Role
from legalaid.core.models import Commune, CommuneFlag, Organisation
from legalaid.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

#: Queries per page for the director of Centre A. Every request costs 3 (session, user, the user's unit) and, as
#: sessions are saved on every request, 3 more (savepoint, session update, release).
PINNED = {
    # 13 + the deadlines panel (one query per kind of deadline, cases/deadlines.py) + the quota summary (no officer)
    # + the work queue (one query per section with nothing waiting, and the Centre settings it reads; the feedback
    # register's two sections for the director)
    # + quality: cases awaiting an appraiser, the director's own appraisals, the appraisal coverage panel
    # + payments: cases blocked by their appraisal, payment proposals to approve
    # + quality: the follow-ups the Department's evaluations require of the Centre
    # + correction requests of personal data awaiting the director (people.workqueue)
    # + training: the requirement in force, the officers' hours (read once for the panel and the work queue), the
    #   reminder's start month
    # + outreach: the year's outreach targets (one query; one more per target set)
    # + imports: the director's own register imports waiting (one query)
    "home": 37,  # -3 on every page: the session is no longer saved on every request (issue 11)
    # -2 on the pages below: a menu item the director may not see no longer makes the model backend read the user's
    # model permissions (the rules answer their own permissions alone, ``legalaid.core.backends``)
    "core:organisation_list": 5,
    "core:user_list": 6,
    "core:audit_list": 7,  # + the chain head (the status line)
    "core:access_log_list": 7,  # + the chain head (the status line)
    "core:commune_list": 7,
    "core:calendar": 5,
}
PINNED_DETAIL = {"centre": 6, "branch": 7, "user": 4}  # -2: see above


def add_rows(world, n: int, start: int = 0) -> None:
    """``n`` more branches of Centre A, each with an officer; every write audited; ``n`` communes flagged; ``n``
    access-log rows."""
    for i in range(start, start + n):
        branch = services.organisation_save(
            actor=world.a.sysadmin,
            organisation=Organisation(
                kind=OrganisationKind.BRANCH, name=f"Chi nhánh thêm {i}", code=f"X{i}", parent=world.a.centre
            ),
        )
        officer = UserFactory(full_name=f"Cán bộ thêm {i}", role=Role.OFFICER, organisation=branch)
        services.user_save(actor=world.a.sysadmin, user=officer)
        audit.log_access(user=world.a.director, instance=officer)
        services.user_save(actor=world.a.sysadmin, user=UserFactory(organisation=world.a.centre, role=Role.OFFICER))
    first_communes = list(Commune.objects.order_by("province__code", "name")[start : start + n])
    for commune in first_communes:
        services.branch_commune_add(
            actor=world.a.sysadmin, branch=world.a.branch1, commune=commune, valid_from=dt.date(2025, 7, 1)
        )
        for kind in (CommuneFlagKind.ESPECIALLY_DIFFICULT, CommuneFlagKind.COASTAL_ISLAND):
            CommuneFlag.objects.create(commune=commune, kind=kind, valid_from=dt.date(2025, 7, 1))


@pytest.fixture
def director_client(client, world):
    services.holidays_load_year(actor=None, year=dt.date.today().year)
    add_rows(world, 30)
    client.force_login(world.a.director)
    client.get(reverse("home"))  # warm the calendar cache and content types
    return client


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize(("url_name", "expected"), PINNED.items())
def test_list_query_counts_are_pinned(director_client, django_assert_num_queries, url_name, expected):
    with django_assert_num_queries(expected):
        response = director_client.get(reverse(url_name))
    assert response.status_code == 200


def test_detail_query_counts_are_pinned(director_client, world, django_assert_num_queries):
    with django_assert_num_queries(PINNED_DETAIL["centre"]):  # 30+ units and staff
        assert director_client.get(reverse("core:organisation_detail", args=[world.a.centre.pk])).status_code == 200
    with django_assert_num_queries(PINNED_DETAIL["branch"]):  # with the communes it serves
        assert director_client.get(reverse("core:organisation_detail", args=[world.a.branch1.pk])).status_code == 200
    with django_assert_num_queries(PINNED_DETAIL["user"]):
        assert director_client.get(reverse("core:user_detail", args=[world.a.officer.pk])).status_code == 200


def test_query_counts_do_not_grow_with_the_rows(director_client, world):
    urls = [reverse(name) for name in PINNED]
    urls += [
        reverse("core:organisation_detail", args=[world.a.centre.pk]),
        reverse("core:organisation_detail", args=[world.a.branch1.pk]),
        reverse("core:organisation_list") + "?export=xlsx",
        reverse("core:user_list") + "?export=xlsx",
    ]
    before = {url: count_queries(director_client, url) for url in urls}
    add_rows(world, 15, start=30)
    after = {url: count_queries(director_client, url) for url in urls}
    assert after == before


def test_sysadmin_home_and_lists_do_not_grow_either(client, world):
    add_rows(world, 5)
    client.force_login(world.a.sysadmin)
    urls = [reverse("home"), reverse("core:organisation_list"), reverse("core:user_list"), reverse("core:audit_list")]
    client.get(urls[0])
    before = {url: count_queries(client, url) for url in urls}
    add_rows(world, 20, start=5)
    assert {url: count_queries(client, url) for url in urls} == before
