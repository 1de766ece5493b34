"""Every list's filters say "Tất cả", never "---------"; a yes/no filter defaults to all (issue 8, item 6)."""

import lxml.html
import pytest
from django.urls import reverse

from legalaid.core.filters import BaseFilterSet, OrganisationFilter
from legalaid.core.models import Organisation
from legalaid.core.tests.html import parse

pytestmark = pytest.mark.django_db

LISTS = [
    "core:organisation_list",
    "core:user_list",
    "core:commune_list",
    "core:audit_list",
    "core:access_log_list",
    "people:person_list",
    "intake:request_list",
    "cases:case_list",
    "providers:provider_list",
    "plans:plan_list",
    "studies:study_list",
    "commendations:campaign_list",
]


def test_every_filterset_shares_the_base():
    import django_filters

    from legalaid import commendations, core, intake, people, plans, providers, studies  # noqa: F401

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [c for c in subclasses(django_filters.FilterSet) if c.__module__.startswith("legalaid.")]
    assert ours, "the FilterSets are imported"
    assert all(issubclass(c, BaseFilterSet) for c in ours), [c for c in ours if not issubclass(c, BaseFilterSet)]


@pytest.mark.parametrize("name", LISTS)
def test_no_list_offers_dashes(client, world, name):
    client.force_login(world.root)
    response = client.get(reverse(name))
    assert response.status_code == 200
    doc = parse(response)
    options = [o.text_content().strip() for o in doc.xpath("//form[@role='search']//option")]
    assert "---------" not in options
    first_options = [s.xpath("./option")[0].text_content().strip() for s in doc.xpath("//form[@role='search']//select")]
    assert all(text == "Tất cả" for text in first_options if text in ("Tất cả", "---------", "Không rõ"))


def test_a_yes_no_filter_reads_all_yes_no_and_defaults_to_all(world):
    form = OrganisationFilter(data={}, queryset=Organisation.objects.all()).form
    html = str(form["is_active"])
    assert [o.text_content() for o in lxml.html.fromstring(html).xpath("//option")] == ["Tất cả", "Có", "Không"]
    assert 'value="" selected' in html
    everything = Organisation.objects.count()
    inactive = Organisation.objects.filter(is_active=False).count()
    assert OrganisationFilter(data={}, queryset=Organisation.objects.all()).qs.count() == everything
    assert OrganisationFilter(data={"is_active": ""}, queryset=Organisation.objects.all()).qs.count() == everything
    assert OrganisationFilter(data={"is_active": "false"}, queryset=Organisation.objects.all()).qs.count() == inactive
    html = str(OrganisationFilter(data={"is_active": "false"}, queryset=Organisation.objects.all()).form["is_active"])
    assert 'value="false" selected' in html
