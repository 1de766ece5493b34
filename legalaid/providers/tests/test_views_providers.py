"""The provider list (filters, search, export, pinned queries), detail, create/edit, contracts and quotas: allowed and
forbidden per role, other Centre and other branch 404, Vietnamese messages beside the fields."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from legalaid.core.tests.html import field_errors, parse, table_text
from legalaid.providers.choices import ProviderKind
from legalaid.providers.models import Language, LitigationQuota, Provider, ProviderContract

from .factories import ProviderFactory, provider_for

LIST = reverse("providers:provider_list")
CREATE = reverse("providers:provider_create")


@pytest.fixture
def people(world):
    head = provider_for(world.a.officer)
    head.languages.set([Language.objects.get(code="tay")])
    branch1 = provider_for(world.a.branch_officer)
    branch2 = ProviderFactory(centre=world.a.centre, branch=world.a.branch2, full_name="Lò Văn Chi Nhánh Hai")
    lawyer = provider_for(world.a.lawyer)
    expired = ProviderFactory(centre=world.a.centre, full_name="Hết Hạn Thẻ", card_valid_until=dt.date(2021, 1, 1))
    other = provider_for(world.b.officer)
    return {"head": head, "branch1": branch1, "branch2": branch2, "lawyer": lawyer, "expired": expired, "other": other}


def names(response) -> set[str]:
    return {a.text_content() for a in parse(response).xpath('//table[@id="provider-list"]//tbody//td[1]/a')}


@pytest.mark.parametrize(
    "persona", ["director", "deputy", "officer", "intake", "admin_staff", "sysadmin", "doj_officer"]
)
def test_centre_staff_and_doj_see_the_centre(client, world, people, persona):
    client.force_login(getattr(world.a, persona))
    got = names(client.get(LIST))
    assert people["other"].full_name not in got
    assert {people["head"].full_name, people["branch1"].full_name, people["branch2"].full_name} <= got


def test_branch_staff_see_their_branch_and_the_head_office(client, world, people):
    client.force_login(world.a.branch_head)
    got = names(client.get(LIST))
    assert people["branch1"].full_name in got and people["head"].full_name in got
    assert people["branch2"].full_name not in got
    url = reverse("providers:provider_detail", kwargs={"pk": people["branch2"].pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("persona", ["lawyer", "collaborator"])
def test_lawyers_and_collaborators_see_only_themselves(client, world, people, persona):
    if persona == "collaborator":
        provider_for(world.a.collaborator)
    client.force_login(getattr(world.a, persona))
    assert names(client.get(LIST)) == {getattr(world.a, persona).full_name}
    assert client.get(reverse("providers:provider_detail", kwargs={"pk": people["head"].pk})).status_code == 404
    assert client.get(LIST + "?export=xlsx").status_code == 403


def test_agency_officer_and_anonymous(client, world):
    assert client.get(LIST).status_code == 302
    client.force_login(world.a.agency_officer)
    assert client.get(LIST).status_code == 403


def test_other_centre_detail_is_404(client, world, people):
    client.force_login(world.a.director)
    assert client.get(reverse("providers:provider_detail", kwargs={"pk": people["other"].pk})).status_code == 404
    assert client.get(reverse("providers:provider_edit", kwargs={"pk": people["other"].pk})).status_code == 404


def test_filters(client, world, people):
    client.force_login(world.a.director)
    assert names(client.get(LIST, {"q": "het han"}, follow=True)) == {"Hết Hạn Thẻ"}
    assert names(client.get(LIST, {"language": Language.objects.get(code="tay").pk})) == {people["head"].full_name}
    assert names(client.get(LIST, {"kind": ProviderKind.CONTRACTED_LAWYER})) == {people["lawyer"].full_name}
    assert names(client.get(LIST, {"branch": world.a.branch1.pk})) == {people["branch1"].full_name}
    valid = names(client.get(LIST, {"valid_today": "1"}))
    assert "Hết Hạn Thẻ" not in valid and people["lawyer"].full_name in valid


def test_valid_today_filter_agrees_with_assignability(world, people):
    """The list's database filter and the Python rule say the same thing, provider by provider."""
    from django.utils import timezone

    from legalaid.providers.filters import valid_on_q
    from legalaid.providers.services import assignability

    partner_lawyer = ProviderFactory(centre=world.a.centre, kind=ProviderKind.PARTNER_LAWYER, partner=world.a.partner)
    world.a.partner.valid_to = dt.date(2020, 1, 1)
    world.a.partner.save()
    ProviderFactory(centre=world.a.centre, kind=ProviderKind.COLLABORATOR)  # no contract
    ProviderFactory(centre=world.a.centre, kind=ProviderKind.CONSULTANT, card_number="", partner=world.a.partner)
    today = timezone.localdate()
    in_db = set(Provider.objects.filter(valid_on_q(today)).values_list("pk", flat=True))
    in_python = {p.pk for p in Provider.objects.all() if not assignability(p, today)}
    assert in_db == in_python
    assert partner_lawyer.pk not in in_db


def test_export(client, world, people):
    client.force_login(world.a.director)
    response = client.get(LIST, {"export": "xlsx", "q": "het han"}, follow=True)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Họ và tên" and len(rows) == 2
    assert rows[1][0] == "Hết Hạn Thẻ" and "hết giá trị" in rows[1][-1]


@pytest.mark.parametrize("n", [2, 12])
def test_list_query_count_does_not_grow(client, world, django_assert_num_queries, n):
    for _i in range(n):
        p = ProviderFactory(centre=world.a.centre, kind=ProviderKind.COLLABORATOR)
        ProviderContract.objects.create(
            provider=p, number="1", signed_on=dt.date(2024, 1, 1), valid_from=dt.date(2024, 1, 1)
        )
    client.force_login(world.a.director)
    client.get(LIST)
    # The same count with 2 or 12 providers: the page's rows, contracts, languages and fields are fetched in bulk.
    with django_assert_num_queries(11):  # -3: the session is no longer saved on every request (issue 11)
        assert client.get(LIST).status_code == 200


@pytest.mark.parametrize("persona", ["director", "deputy", "admin_staff", "sysadmin"])
def test_managers_create_and_edit(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(CREATE).status_code == 200
    data = {
        "kind": ProviderKind.OFFICER,
        "full_name": "  Nguyễn   Thị Mới ",
        "branch": world.a.branch1.pk,
        "card_number": "TGV-9",
        "card_issued_on": "01/02/2024",
        "fields_of_law": [],
        "languages": [Language.objects.get(code="vi").pk],
        "is_active": "on",
    }
    response = client.post(CREATE, data)
    assert response.status_code == 302, field_errors(response)
    provider = Provider.objects.get(full_name="Nguyễn Thị Mới")
    assert provider.centre == world.a.centre and provider.name_key == "nguyen thi moi"
    data["card_number"] = "TGV-10"
    edit = reverse("providers:provider_edit", kwargs={"pk": provider.pk})
    assert client.post(edit, data).status_code == 302
    provider.refresh_from_db()
    assert provider.card_number == "TGV-10"


@pytest.mark.parametrize(
    "persona", ["officer", "intake", "branch_head", "branch_officer", "doj_officer", "lawyer", "collaborator"]
)
def test_others_cannot_edit(client, world, people, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, {"kind": "officer", "full_name": "X"}).status_code == 403
    pk = people["head"].pk
    assert client.post(reverse("providers:contract_add", kwargs={"pk": pk}), {}).status_code == 403
    assert client.post(reverse("providers:quota_set", kwargs={"pk": pk}), {}).status_code == 403


def test_bad_input_is_shown_beside_the_fields(client, world):
    client.force_login(world.a.director)
    response = client.post(
        CREATE,
        {
            "kind": ProviderKind.PARTNER_LAWYER,
            "full_name": "Luật Sư Thiếu Tổ Chức",
            "card_issued_on": "01/02/2025",
            "card_valid_until": "01/02/2024",
            "card_number": "LS-1",
        },
    )
    assert response.status_code == 200
    errors = field_errors(response)
    text = " ".join(m for ms in errors.values() for m in ms)
    assert "Ngày hết giá trị của thẻ phải sau ngày cấp." in text
    assert "phải ghi rõ tổ chức" in text
    assert not Provider.objects.filter(full_name="Luật Sư Thiếu Tổ Chức").exists()
    response = client.post(CREATE, {"kind": "officer", "full_name": "A", "card_issued_on": "32/13/2024"})
    assert field_errors(response)["card_issued_on"]


def test_contract_and_quota(client, world, people):
    client.force_login(world.a.admin_staff)
    lawyer = people["lawyer"]
    url = reverse("providers:contract_add", kwargs={"pk": lawyer.pk})
    bad = client.post(
        url,
        {
            "contract-number": "9/HĐ",
            "contract-signed_on": "01/01/2026",
            "contract-valid_from": "01/01/2026",
            "contract-valid_to": "31/12/2025",
        },
    )
    assert bad.status_code == 200 and "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực." in bad.content.decode()
    good = client.post(
        url, {"contract-number": "9/HĐ", "contract-signed_on": "01/01/2026", "contract-valid_from": "01/01/2026"}
    )
    assert good.status_code == 302 and lawyer.contracts.filter(number="9/HĐ").exists()
    quota = reverse("providers:quota_set", kwargs={"pk": people["head"].pk})
    assert client.post(quota, {"quota-year": 2026, "quota-cases": 5}).status_code == 302
    assert LitigationQuota.objects.get(provider=people["head"], year=2026).cases == 5
    # A quota is for legal aid officers only: the message stands beside the field.
    response = client.post(
        reverse("providers:quota_set", kwargs={"pk": lawyer.pk}), {"quota-year": 2026, "quota-cases": 5}
    )
    assert response.status_code == 200 and "chỉ áp dụng cho trợ giúp viên" in response.content.decode()
    # The other Centre's manager gets 404.
    client.force_login(world.b.director)
    assert client.post(quota, {"quota-year": 2026, "quota-cases": 1}).status_code == 404


def test_detail_shows_why_not_assignable(client, world, people):
    client.force_login(world.a.director)
    response = client.get(reverse("providers:provider_detail", kwargs={"pk": people["expired"].pk}))
    assert "đã hết giá trị" in parse(response).xpath('//*[@id="assignability"]')[0].text_content()
    assert table_text(response)


def test_workload_page(client, world, people, django_assert_max_num_queries):
    url = reverse("providers:workload")
    client.force_login(world.a.director)
    client.get(url)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    for persona in ("officer", "lawyer", "intake"):
        client.force_login(getattr(world.a, persona))
        assert client.get(url).status_code == 403
