"""``manage.py seed_demo``: the deterministic demonstration province."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from legalaid.core import demo
from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.models import AuditEntry, BranchCommune, CommuneFlag, Organisation, PublicHoliday, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(capsys):
    call_command("seed_demo")
    return capsys.readouterr().out


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
    roles = set(User.objects.exclude(is_superuser=True).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.exclude(is_superuser=True).count() == len(demo.ACCOUNTS) >= 15
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
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "Demo data already loaded." in out
    assert (Organisation.objects.count(), User.objects.count(), BranchCommune.objects.count()) == counts
    assert PublicHoliday.objects.count() == holidays
    assert "giamdoc" in out  # the accounts are printed again


def test_seed_demo_refuses_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


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
