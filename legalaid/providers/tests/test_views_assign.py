"""The page for choosing a provider for a case (workload + "Cử người thực hiện"), the change page, the decision
downloads, and the case page's providers panel: allowed and forbidden per role."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from legalaid.cases.tests.factories import accepted_case
from legalaid.core.models import AccessLogEntry
from legalaid.core.tests.html import parse
from legalaid.providers.models import Assignment

from .factories import ProviderFactory, assigned_case, provider_for


def login(client, user):
    client.force_login(user)
    return client


def assign_url(case):
    return reverse("providers:case_assign", kwargs={"pk": case.pk})


@pytest.fixture
def setup(world):
    officer = provider_for(world.a.officer)
    case = accepted_case(world.a.director)
    return officer, case


@pytest.mark.parametrize("persona", ["director", "deputy"])
def test_signers_see_the_choice_and_assign(client, world, setup, persona):
    officer, case = setup
    login(client, getattr(world.a, persona))
    page = client.get(assign_url(case))
    assert page.status_code == 200
    buttons = parse(page).xpath('//button[@name="provider"]/@value')
    assert buttons == [str(officer.pk)]
    data = {"provider": officer.pk, "version": case.version}
    assert client.post(assign_url(case), data).status_code == 200  # the preview: nothing is written yet
    assert not Assignment.objects.exists()
    response = client.post(assign_url(case), {**data, "step": "confirm"})
    assert response.status_code == 302
    assert Assignment.objects.get(case=case).provider == officer


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("officer", 403),
        ("intake", 403),
        ("admin_staff", 403),
        ("sysadmin", 403),
        ("doj_officer", 403),
        ("branch_head", 404),  # a head-office case: not visible to branch staff
        ("branch_officer", 404),
        ("lawyer", 404),
        ("collaborator", 404),
        ("agency_officer", 404),
    ],
)
def test_others_may_not(client, world, setup, persona, status):
    officer, case = setup
    login(client, getattr(world.a, persona))
    assert client.get(assign_url(case)).status_code == status
    assert client.post(assign_url(case), {"provider": officer.pk}).status_code == status
    assert not Assignment.objects.exists()


def test_other_centre_gets_404(client, world, setup):
    officer, case = setup
    login(client, world.b.director)
    assert client.get(assign_url(case)).status_code == 404
    assert client.post(assign_url(case), {"provider": officer.pk}).status_code == 404


def test_branch_head_assigns_for_their_branch(client, world):
    provider = provider_for(world.a.branch_officer)
    head_office = ProviderFactory(centre=world.a.centre)
    other_branch = ProviderFactory(centre=world.a.centre, branch=world.a.branch2)
    case = accepted_case(world.a.branch_head)
    login(client, world.a.branch_head)
    page = client.get(assign_url(case))
    rows = parse(page).xpath('//tr[starts-with(@id, "provider-row-")]/@id')
    assert sorted(rows) == sorted([f"provider-row-{provider.pk}", f"provider-row-{head_office.pk}"])
    assert f"provider-row-{other_branch.pk}" not in rows
    # Another branch's provider cannot be forced in by a crafted post.
    response = client.post(assign_url(case), {"provider": other_branch.pk, "version": case.version})
    assert response.status_code == 200 and not Assignment.objects.exists()
    data = {"provider": provider.pk, "version": case.version, "step": "confirm"}
    assert client.post(assign_url(case), data).status_code == 302


def test_page_says_why_and_refuses(client, world, setup):
    _officer, case = setup
    expired = ProviderFactory(centre=world.a.centre, card_valid_until=dt.date(2020, 6, 30), full_name="Hết Hạn")
    login(client, world.a.director)
    page = client.get(assign_url(case))
    row = parse(page).xpath(f'//tr[@id="provider-row-{expired.pk}"]')[0]
    assert "đã hết giá trị" in row.xpath('.//td[contains(@class, "reasons")]')[0].text_content()
    assert not row.xpath(".//button")
    response = client.post(assign_url(case), {"provider": expired.pk, "version": case.version})
    assert response.status_code == 200
    assert "đã hết giá trị" in parse(response).xpath('//*[@id="assign-errors"]')[0].text_content()
    assert not Assignment.objects.exists()


def test_stale_version_is_refused_on_the_page(client, world, setup):
    officer, case = setup
    login(client, world.a.director)
    response = client.post(assign_url(case), {"provider": officer.pk, "version": case.version + 5})
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in response.content.decode()


def test_choice_page_query_count_is_pinned(client, world, django_assert_max_num_queries, setup):
    _officer, case = setup
    for _i in range(6):
        p = ProviderFactory(centre=world.a.centre)
        assigned_case(world.a.director, p)
    login(client, world.a.director)
    client.get(assign_url(case))  # warm the session and calendar caches
    with django_assert_max_num_queries(22) as captured:
        assert client.get(assign_url(case)).status_code == 200
    few = len(captured)
    for _i in range(6):
        assigned_case(world.a.director, ProviderFactory(centre=world.a.centre))
    with django_assert_max_num_queries(few):
        assert client.get(assign_url(case)).status_code == 200


# --- Change -------------------------------------------------------------------------------------------------------


def test_change_page(client, world, setup):
    officer, _ = setup
    case = assigned_case(world.a.director, officer)
    new = ProviderFactory(centre=world.a.centre, full_name="Người Mới")
    url = reverse("providers:case_change", kwargs={"pk": case.pk})
    login(client, world.a.director)
    assert client.get(url).status_code == 200
    # Bad input: the messages stand beside the fields, nothing is saved.
    response = client.post(url, {"provider": new.pk, "version": case.version, "requested_on": "31/02/2026"})
    assert response.status_code == 200
    from legalaid.core.tests.html import field_errors

    errors = field_errors(response)
    assert errors.get("requested_on") and errors.get("reason")
    assert Assignment.objects.filter(case=case).count() == 1
    today = timezone.localdate().strftime("%d/%m/%Y")
    data = {"provider": new.pk, "version": case.version, "requested_on": today, "reason": "Đề nghị của đương sự"}
    assert client.post(url, data).status_code == 200  # the preview
    assert Assignment.objects.filter(case=case).count() == 1
    response = client.post(url, {**data, "step": "confirm"})
    assert response.status_code == 302
    assert Assignment.objects.get(case=case, is_active=True).provider == new
    login(client, world.a.doj_officer)
    assert client.get(url).status_code == 403


# --- Decision .docx -----------------------------------------------------------------------------------------------


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def test_assignment_and_change_decisions_docx(client, world, setup):
    officer, _ = setup
    case = assigned_case(world.a.deputy, officer)
    first = Assignment.objects.get(case=case)
    login(client, world.a.director)
    response = client.get(reverse("providers:decision_docx", kwargs={"pk": first.pk}))
    assert response.status_code == 200
    text = _text(response.content)
    assert "QUYẾT ĐỊNH" in text and "Về việc cử người thực hiện trợ giúp pháp lý" in text
    assert f"Số: {first.decision_number}/QĐ-TGPL" in text
    assert officer.full_name in text and case.code in text and case.beneficiary.full_name in text
    assert "KT. GIÁM ĐỐC" in text and world.a.deputy.full_name in text
    assert AccessLogEntry.objects.filter(action="download", object_id=str(case.pk)).exists()

    from legalaid.providers import services

    new = ProviderFactory(centre=world.a.centre, full_name="Đỗ Thị Thay")
    change = services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=new,
        reason="Không khách quan",
        requested_on=timezone.localdate(),
    )
    text = _text(client.get(reverse("providers:decision_docx", kwargs={"pk": change.pk})).content)
    assert "Về việc thay đổi người thực hiện trợ giúp pháp lý" in text
    assert "Không khách quan" in text and "Đỗ Thị Thay" in text and first.decision_code in text


@pytest.mark.parametrize(("persona", "status"), [("lawyer", 404), ("branch_head", 404), ("doj_officer", 200)])
def test_decision_docx_scoped(client, world, setup, persona, status):
    officer, _ = setup
    case = assigned_case(world.a.director, officer)
    url = reverse("providers:decision_docx", kwargs={"pk": Assignment.objects.get(case=case).pk})
    login(client, getattr(world.a, persona))
    assert client.get(url).status_code == status
    login(client, world.b.director)
    assert client.get(url).status_code == 404


def test_templates_match_the_build_script(tmp_path):
    from legalaid.providers.documents import PACKAGED_DIR
    from legalaid.providers.documents.build_templates import build

    for path in build(tmp_path):
        assert path.read_bytes() == (PACKAGED_DIR / path.name).read_bytes(), path.name
