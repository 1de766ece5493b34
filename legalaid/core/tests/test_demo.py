"""``manage.py seed_demo``: the deterministic demonstration province."""

import datetime as dt
import io
import time
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from legalaid.cases.choices import CaseStatus
from legalaid.cases.models import CaseArchive, CaseCompletion, CaseEvent, Hearing, LegalAidCase, WorkLogEntry
from legalaid.core import calendar, demo
from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.models import AuditEntry, BranchCommune, CommuneFlag, Organisation, PublicHoliday, User
from legalaid.intake.choices import Channel, RequestStatus
from legalaid.intake.models import LegalAidRequest
from legalaid.providers.choices import ProviderKind
from legalaid.providers.models import Assignment, ChangeApplication
from legalaid.providers.selectors import quota_progress

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_in_production(settings):
    # First in the module: the other tests share one seeded database (the ``seeded`` fixture below).
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """``seed_demo`` once for the whole module (a year of activity takes a while): the data lives in a transaction
    opened here and rolled back after the module's last test; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = io.StringIO()
            with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
                call_command("seed_demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once


def test_seed_demo_creates_the_province(seeded):
    assert "Demo data loaded." in seeded
    centre = Organisation.objects.get(kind=OrganisationKind.CENTRE)
    assert centre.name == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn"
    assert centre.centre == centre and centre.parent.kind == OrganisationKind.DOJ
    assert centre.province.code == demo.PROVINCE_CODE
    kinds = list(Organisation.objects.values_list("kind", flat=True))
    assert kinds.count(OrganisationKind.BRANCH) == 3
    assert kinds.count(OrganisationKind.DEPARTMENT) == 2
    assert kinds.count(OrganisationKind.DOJ_DIVISION) == 2
    assert kinds.count(OrganisationKind.PARTNER) == 3
    assert kinds.count(OrganisationKind.AGENCY) == 5
    assert all(o.centre == centre for o in Organisation.objects.exclude(kind__in=["doj", "doj_division"]))
    for branch in Organisation.objects.filter(kind=OrganisationKind.BRANCH):
        assert BranchCommune.objects.filter(branch=branch).count() == 6
    assert CommuneFlag.objects.filter(kind="especially_difficult").count() == 4
    assert PublicHoliday.objects.exists()


def test_seed_demo_creates_every_role(seeded):
    roles = set(User.objects.staff().exclude(is_superuser=True).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.staff().exclude(is_superuser=True).count() == len(demo.ACCOUNTS) >= 15
    assert User.objects.filter(is_superuser=True, username="admin").exists()
    for account in demo.ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.check_password(demo.DEMO_PASSWORD)
        assert user.role == account.role and user.organisation is not None
        assert f"{account.username:<14} {account.full_name}" in seeded
    assert demo.DEMO_PASSWORD in seeded


def test_seed_demo_writes_through_the_services(seeded):
    """Demo data is audited like any other write (and passwords are not)."""
    assert AuditEntry.objects.filter(content_type__model="organisation").count() == Organisation.objects.count()
    assert AuditEntry.objects.filter(content_type__model="user").count() == len(demo.ACCOUNTS)
    assert not AuditEntry.objects.filter(after__has_key="password").exists()


def test_seed_demo_is_idempotent(seeded, capsys):
    counts = (Organisation.objects.count(), User.objects.count(), BranchCommune.objects.count())
    holidays = PublicHoliday.objects.count()
    activity = (
        LegalAidRequest.objects.count(),
        LegalAidCase.objects.count(),
        CaseEvent.objects.count(),
        AuditEntry.objects.count(),
    )
    started = time.monotonic()
    call_command("seed_demo")
    assert time.monotonic() - started < 10
    out = capsys.readouterr().out
    assert "Demo data already loaded." in out
    assert (Organisation.objects.count(), User.objects.count(), BranchCommune.objects.count()) == counts
    assert PublicHoliday.objects.count() == holidays
    assert (
        LegalAidRequest.objects.count(),
        LegalAidCase.objects.count(),
        CaseEvent.objects.count(),
        AuditEntry.objects.count(),
    ) == activity
    assert "giamdoc" in out  # the accounts are printed again
    call_command("seed_demo", "--no-accounts")
    assert "giamdoc" not in capsys.readouterr().out


def test_demo_accounts_log_in_and_are_scoped(client, seeded):
    response = client.post(reverse("login"), {"username": "giamdoc", "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    body = client.get(reverse("core:organisation_list")).content.decode()
    assert all(name in body for name, _, _ in demo.BRANCHES.values())
    client.post(reverse("logout"))

    client.post(reverse("login"), {"username": "truongcn1", "password": demo.DEMO_PASSWORD})
    body = client.get(reverse("core:organisation_list")).content.decode()
    cn1, cn2, _ = (name for name, _, _ in demo.BRANCHES.values())
    assert cn1 in body and cn2 not in body


# --- A year of activity (legalaid/cases/demo.py) -------------------------------------------------------------------


def _url(*names):
    """The first of ``names`` that resolves (the case list moves from intake to cases)."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(names)


def test_demo_year_has_every_status(seeded):
    from legalaid.cases import demo as cases_demo

    assert cases_demo.seeder_errors == []  # no step of the plan was refused by a rule
    today = timezone.localdate()
    requests = LegalAidRequest.objects.all()
    assert 250 <= requests.count() <= 400
    assert set(requests.values_list("channel", flat=True)) == set(Channel.values)
    assert set(requests.values_list("status", flat=True)) == set(RequestStatus.values)
    assert requests.filter(referral__isnull=False).count() >= 20
    assert requests.overdue().exists()  # papers asked for and not supplied in time
    first = requests.order_by("received_at").first().received_at
    assert (today - timezone.localdate(first)).days >= 300  # a year of activity, ending today

    cases = LegalAidCase.objects.all()
    assert cases.count() >= 200
    statuses = Counter(cases.values_list("status", flat=True))
    assert set(statuses) == set(CaseStatus.values), statuses
    assert all(n >= 2 for n in statuses.values()), statuses
    assert cases.filter(immediate=True, papers_completed_on__isnull=True, papers_due_on__lt=today).exists()
    assert cases.filter(immediate=True, papers_completed_on__isnull=True, papers_due_on__gte=today).exists() or (
        cases.filter(immediate=True, papers_completed_on__isnull=False).exists()
    )
    waiting = cases.filter(status=CaseStatus.ACCEPTED)
    assert any(calendar.working_days_between(timezone.localdate(c.accepted_at), today) >= 3 for c in waiting)
    # Handed over awaiting the archive, completed awaiting the handover (one of them overdue).
    assert CaseArchive.objects.filter(handed_over_on__isnull=False, archived_on__isnull=True).exists()
    assert CaseArchive.objects.filter(handed_over_on__isnull=True, handover_due_on__lt=today).exists()
    # Registers and decisions are numbered without gaps, in the order of the events.
    for register_id in set(cases.values_list("register", flat=True)):
        numbers = list(cases.filter(register=register_id).order_by("accepted_at").values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))
    for issuer, year in set(Assignment.objects.values_list("issuer", "decision_year")):
        numbers = list(
            Assignment.objects.filter(issuer=issuer, decision_year=year)
            .order_by("decision_date", "pk")
            .values_list("decision_number", flat=True)
        )
        assert numbers == list(range(1, len(numbers) + 1))
    # Every transition is on the timeline, dated inside the year.
    assert CaseEvent.objects.filter(kind="transition").count() >= cases.exclude(status="accepted").count()
    assert not CaseEvent.objects.filter(at__gt=timezone.now()).exists()


def test_demo_year_work_of_providers(seeded):
    today = timezone.localdate()
    now = timezone.now()
    assignments = Assignment.objects.select_related("provider", "case__form_of_aid")
    kinds = {a.provider.kind for a in assignments}
    assert kinds >= {ProviderKind.OFFICER, ProviderKind.COLLABORATOR, ProviderKind.CONTRACTED_LAWYER}
    # Collaborators give advice only (Law 2017 Art. 31(1): litigation by officers and lawyers).
    assert {a.case.form_of_aid.code for a in assignments if a.provider.kind == ProviderKind.COLLABORATOR} == {"advice"}
    assert WorkLogEntry.objects.count() >= 300
    assert CaseCompletion.objects.filter(successful=True).exists()
    week_end = today + dt.timedelta(days=7)
    assert Hearing.objects.filter(starts_at__gt=now, starts_at__date__lte=week_end).count() >= 3
    changes = assignments.filter(kind="change")
    assert changes.count() >= 3
    assert changes.filter(change_due_on__gte=today).exists()  # one answered within its 3 working days, just now
    # Applications to change the provider awaiting an answer: one due within 3 working days, one overdue.
    pending = ChangeApplication.objects.pending()
    assert pending.filter(due_on__gte=today, due_on__lte=calendar.add_working_days(today, 3)).exists()
    assert pending.filter(due_on__lt=today).exists()
    # Litigation quotas: reached, on the way, and one officer with none last year nor this year (Art. 22(1)(d)).
    progress = {r.provider.user.username: r for r in quota_progress(Organisation.objects.get(code="TT"), today.year)}
    last_year = {
        r.provider.user.username: r.done for r in quota_progress(Organisation.objects.get(code="TT"), today.year - 1)
    }
    assert progress["tgv.lan"].done >= progress["tgv.lan"].quota
    assert 0 < progress["tgv.minh"].done < progress["tgv.minh"].quota
    assert progress["tgv.hung"].done == 0 and last_year["tgv.hung"] == 0
    assert last_year["tgv.lan"] > 0 and last_year["tgv.minh"] > 0


def test_demo_pages_show_the_year(seeded, client):
    """Every role's home and the main lists answer, and the lists show the demo's records."""
    case_list = _url("cases:case_list", "intake:case_list")
    for account in demo.ACCOUNTS:
        user = User.objects.get(username=account.username)
        client.force_login(user)
        home = client.get(reverse("home"))
        assert home.status_code == 200, account.username
        assert account.full_name in home.content.decode()
        visible = LegalAidCase.objects.visible_to(user)
        response = client.get(case_list)
        if response.status_code == 200 and visible.exists():
            assert visible.order_by("-accepted_at", "-id").first().code in response.content.decode(), account.username
        if account.role in (Role.LAWYER, Role.COLLABORATOR):
            assert visible.exists(), account.username  # every provider account has cases
    client.force_login(User.objects.get(username="giamdoc"))
    assert "Đề nghị thay đổi người thực hiện chờ giải quyết" in client.get(reverse("home")).content.decode()
    newest = LegalAidRequest.objects.order_by("-received_at", "-id").first()
    for name in ("intake:request_list", "providers:provider_list", "providers:workload", "providers:quota_table"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
    assert newest.beneficiary.full_name in client.get(reverse("intake:request_list")).content.decode()
    assert "Lăng Thị Lan" in client.get(reverse("providers:quota_table")).content.decode()
    case = LegalAidCase.objects.filter(status=CaseStatus.ARCHIVED, form_of_aid__code="litigation").first()
    body = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk})).content.decode()
    assert case.code in body


def test_demo_quality_payments_and_feedback(seeded, client):
    """Issue 9's records in the demo: appraisals in every state, payments in every state, surveys and a decided
    complaint, each on its page and work list."""
    from legalaid.feedback.models import FeedbackEntry, SurveyResponse
    from legalaid.payments.models import Payment
    from legalaid.quality.models import Appraisal

    statuses = set(Appraisal.objects.values_list("status", flat=True))
    assert statuses == {"assigned", "done"}
    for appraisal in Appraisal.objects.select_related("case"):
        providers = set(appraisal.case.assignments.values_list("provider__user_id", flat=True))
        assert appraisal.appraiser_id not in providers  # TT 12/2018 Art. 16
    assert {"proposed", "approved", "paid"} <= set(Payment.objects.values_list("status", flat=True))
    assert SurveyResponse.objects.count() >= 10
    assert FeedbackEntry.objects.filter(status="resolved", decisions__isnull=False).exists()
    assert FeedbackEntry.objects.filter(status="open").exists()
    client.force_login(User.objects.get(username="giamdoc"))
    home = client.get(reverse("home")).content.decode()
    assert 'data-section="appraisals_to_assign"' in home and 'data-section="payments_to_approve"' in home
    for name in ("quality:appraisal_list", "quality:coverage", "payments:payment_list", "feedback:entry_list"):
        assert client.get(reverse(name)).status_code == 200, name


def test_the_demo_api_key_printed_reads_the_demo_centre_only(seeded, client):
    """`make run` prints a national-database key; it answers with the demo Centre's cases, read only."""
    from legalaid.api.models import ApiKey

    assert demo.DEMO_API_KEY in seeded
    key = ApiKey.objects.get(prefix=demo.DEMO_API_KEY.split(".")[0])
    assert key.user.is_system_account and key.owner.province.code == demo.PROVINCE_CODE
    header = {"HTTP_AUTHORIZATION": f"Api-Key {demo.DEMO_API_KEY}"}
    response = client.get("/api/v1/cases/", **header)
    assert response.status_code == 200 and response.json()["results"]
    wrong = {"HTTP_AUTHORIZATION": f"Api-Key {demo.DEMO_API_KEY}x"}
    assert client.get("/api/v1/cases/", **wrong).status_code in (401, 403)
    assert client.post("/api/v1/referrals/", {}, content_type="application/json", **header).status_code == 403
