"""The demo data has providers: every officer, lawyer and collaborator account, assignable today, with languages and
quotas, and the land case assigned to tgv.lan."""

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.core import demo as core_demo
from legalaid.core.models import User
from legalaid.core.services import holidays_load_year
from legalaid.intake import demo as intake_demo
from legalaid.providers import demo
from legalaid.providers.models import Assignment, Provider
from legalaid.providers.services import assignability

pytestmark = pytest.mark.django_db


def test_seed_demo_has_providers(client):
    # The accounts, the providers and today's intake demo (the year of activity is tested in core/tests/test_demo.py).
    today = timezone.localdate()
    holidays_load_year(actor=None, year=today.year)
    core_demo.seed()
    demo.seed()
    intake_demo.seed()
    demo.assign_today()
    assert set(Provider.objects.values_list("user__username", flat=True)) == set(demo.PROVIDERS)
    for provider in Provider.objects.all():
        assert assignability(provider, today) == [], provider
    lan = Provider.objects.get(user__username="tgv.lan")
    assert {lang.name for lang in lan.languages.all()} >= {"Tiếng Tày", "Tiếng Nùng"}
    assert lan.quotas.get(year=today.year).cases == 6
    land = Assignment.objects.get(provider=lan).case
    assert land.status == "assigned"
    # tgv.lan is an officer: she sees the case through the Centre's scope; a demo lawyer sees none of the cases.
    assert not LegalAidCase.objects.visible_to(User.objects.get(username="luatsu.binh")).exists()
    client.force_login(User.objects.get(username="giamdoc"))
    assert client.get(reverse("providers:provider_list")).status_code == 200
    assert client.get(reverse("providers:workload")).status_code == 200
