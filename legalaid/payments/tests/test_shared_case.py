"""A case that changed hands: "when a provider is replaced, each is paid for the time they worked", the case within
its cap (TT 02/2021/TT-BTP Art. 8). The appraised sessions are shared by each provider's time in the case's work
log (``rules.split_sessions``); each provider is proposed and paid once; with no time logged the split cannot be
known and nothing is proposed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from legalaid.cases import services as case_services
from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import ActivityType, CaseCompletion, LegalAidCase, WorkLogEntry
from legalaid.payments import rules, selectors, services
from legalaid.payments.models import Payment
from legalaid.providers import services as provider_services
from legalaid.providers.choices import AssignmentEnd
from legalaid.providers.models import Assignment, Provider
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.mark.parametrize(
    ("total", "logged", "shares"),
    [
        (D(9), [D(4), D(2)], [D(6), D(3)]),
        (D(30), [D(20), D(20)], [D(15), D(15)]),  # the cap is the case's, shared (Art. 8)
        (D(10), [D(1), D(1), D(1)], [D("3"), D("3"), D("4")]),  # rounded down to halves, the rest to the last
        (D("7.5"), [D(3), D(0)], [D("7.5"), D(0)]),  # a replaced provider who logged nothing gets nothing
        (D(5), [D(0), D(2)], [D(0), D(5)]),
    ],
)
def test_split_sessions(total, logged, shares):
    got = rules.split_sessions(total, logged)
    assert got == shares and sum(got) == total


@pytest.mark.parametrize("logged", [[], [D(0), D(0)]])
def test_no_time_logged_cannot_be_split(logged):
    with pytest.raises(ValueError):
        rules.split_sessions(D(9), logged)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        rules.split_sessions(D(9), [4.0, D(2)])


def _log(actor, case, sessions):
    entry = WorkLogEntry(
        activity_type=ActivityType.objects.get(code="study_file"), date=timezone.localdate(), sessions=D(sessions)
    )
    case_services.worklog_add(actor=actor, case=case, entry=entry)


def _changed_case(world, *, lawyer_sessions, officer_sessions, providers=None):
    """Litigation assigned to the lawyer, who logs time; then changed to the officer, who logs time and completes
    (``providers``: their two records, when made beforehand for several cases)."""
    lawyer, officer = providers or (provider_for(world.a.lawyer), None)
    case = assigned_case(world.a.director, lawyer, form="litigation", field="civil")
    if lawyer_sessions:
        _log(world.a.lawyer, case, lawyer_sessions)
    provider_services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=officer or provider_for(world.a.officer),
        reason="Người được trợ giúp đề nghị thay đổi",
        requested_on=timezone.localdate(),
    )
    case.refresh_from_db()
    if officer_sessions:
        _log(world.a.officer, case, officer_sessions)
    CaseCompletion.objects.create(
        case=case, completed_on=timezone.localdate(), outcome="Xong", recorded_by=world.a.director
    )
    LegalAidCase.objects.filter(pk=case.pk).update(status=CaseStatus.COMPLETED)
    Assignment.objects.filter(case=case, is_active=True).update(is_active=False, end_reason=AssignmentEnd.CASE_ENDED)
    case.refresh_from_db()
    return case


def test_each_provider_is_paid_their_share_once(world, appraise):
    case = _changed_case(world, lawyer_sessions=4, officer_sessions=2)
    appraise(case, sessions=D(9))
    rows = selectors.owed_list(world.a.admin_staff)
    by_user = {r.provider.user: r for r in rows}
    assert set(by_user) == {world.a.lawyer, world.a.officer}
    assert by_user[world.a.lawyer].sessions == D(6) and by_user[world.a.officer].sessions == D(3)
    assert all(r.shared for r in rows)
    assert len({r.anchor for r in rows}) == 2

    with pytest.raises(ValidationError, match="hãy chọn người được thanh toán"):
        services.payment_propose(actor=world.a.admin_staff, case=case)
    lawyer = by_user[world.a.lawyer].provider
    officer = by_user[world.a.officer].provider
    paid_lawyer = services.payment_propose(actor=world.a.admin_staff, case=case, provider=lawyer)
    assert paid_lawyer.sessions_claimed == D(6) and paid_lawyer.provider == lawyer
    # Still owed: the officer's share; the lawyer's is proposed.
    [left] = selectors.owed_list(world.a.admin_staff)
    assert left.provider == officer and left.sessions == D(3)
    with pytest.raises(ValidationError):
        services.payment_propose(actor=world.a.admin_staff, case=case, provider=lawyer)
    paid_officer = services.payment_propose(actor=world.a.admin_staff, case=case, provider=officer)
    assert paid_officer.sessions_claimed == D(3)
    assert paid_officer.amount == D(3) * D("355680")  # 40% of 0.38 x 2,340,000 per session (Decree 144 Art. 13)
    assert selectors.owed_list(world.a.admin_staff) == []
    assert Payment.objects.filter(case=case).count() == 2


def test_a_lump_sum_is_refused_for_a_shared_case(world, appraise):
    case = _changed_case(world, lawyer_sessions=4, officer_sessions=2)
    appraise(case, sessions=D(9))
    lawyer = Provider.objects.get(user=world.a.lawyer)
    with pytest.raises(ValidationError) as raised:
        services.payment_propose(
            actor=world.a.admin_staff, case=case, provider=lawyer, method="lump_sum", lump_multiple=D(5)
        )
    assert "từng người" in str(raised.value)


def test_without_logged_time_nothing_is_proposed_and_the_reason_is_said(world, appraise, client):
    case = _changed_case(world, lawyer_sessions=0, officer_sessions=0)
    appraise(case, sessions=D(9))
    [row] = selectors.owed_list(world.a.admin_staff)
    assert row.problem == "split_unknown" and row.fee is None
    with pytest.raises(ValidationError, match="Điều 8 Thông tư 02/2021"):
        services.payment_propose(actor=world.a.admin_staff, case=case)
    client.force_login(world.a.admin_staff)
    from django.urls import reverse

    page = client.get(reverse("payments:owed")).content.decode()
    assert "ghi thời gian làm việc của từng người" in page
    assert not Payment.objects.exists()


def test_the_owed_list_reads_the_work_log_once_however_many_cases_changed_hands(world, appraise):
    """The work log of every shared case comes in one query: the owed list's count does not grow with such cases."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def worklog_queries():
        with CaptureQueriesContext(connection) as ctx:
            rows = selectors.owed_list(world.a.admin_staff)
        return rows, sum('"cases_worklogentry"' in q["sql"] for q in ctx.captured_queries)

    providers = (provider_for(world.a.lawyer), provider_for(world.a.officer))
    appraise(_changed_case(world, lawyer_sessions=4, officer_sessions=2, providers=providers), sessions=D(9))
    rows, reads = worklog_queries()
    assert len(rows) == 2 and reads == 1
    for _ in range(2):
        appraise(_changed_case(world, lawyer_sessions=1, officer_sessions=1, providers=providers), sessions=D(4))
    rows, reads = worklog_queries()
    assert len(rows) == 6 and reads == 1
