"""The check page, its htmx partial and the category list: any authenticated user; anonymous users go to login."""

import pytest
from django.urls import reverse

from legalaid.eligibility.forms import FactsForm
from legalaid.eligibility.rules import Facts
from legalaid.eligibility.views import render_result

pytestmark = pytest.mark.django_db

CHECK = reverse("eligibility:check")
LIST = reverse("eligibility:category_list")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize("url", [CHECK, LIST])
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["intake", "officer", "lawyer", "doj_officer"])
def test_staff_open_the_check_page(client, world, persona):
    client.force_login(getattr(world.a, persona))
    response = client.get(CHECK)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="eligibility-result"' in body
    assert 'hx-trigger="change' in body
    assert "Kiểm tra diện TGPL" in body  # the sidebar link


def test_htmx_change_returns_only_the_partial(client, world):
    client.force_login(world.a.intake)
    response = client.get(
        CHECK,
        {
            "on_date": "31/12/2025",
            "date_of_birth": "01/06/2008",
            "procedural_roles": "victim",
            "household": "near_poor",
        },
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert 'data-ref="7.7.đ"' in body.split('id="eligibility-applicable"')[1].split("</ul>")[0]


def test_htmx_post_works_for_forms_elsewhere(client, world):
    client.force_login(world.a.intake)
    response = client.post(
        CHECK, {"on_date": "01/07/2025", "trafficking_victim": "on", "other_intake_field": "x"}, **HTMX
    )
    assert response.status_code == 200
    assert 'data-ref="7.6a"' in response.content.decode()


def test_full_page_with_parameters_shows_the_result_and_reasons(client, world):
    client.force_login(world.a.officer)
    response = client.get(CHECK, {"on_date": "01/03/2026", "date_of_birth": "01/01/1990", "disability": "on"})
    body = response.content.decode()
    assert "<html" in body
    assert "Chưa thuộc diện nào" in body
    assert "Không có khó khăn về tài chính" in body


def test_bad_date_is_reported_beside_the_field_not_a_500(client, world):
    client.force_login(world.a.intake)
    response = client.get(CHECK, {"date_of_birth": "32/13/2000"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Chưa xét được diện" in body
    assert "Ngày sinh" in body


def test_render_result_is_reusable(rf, world):
    import datetime as dt

    request = rf.get("/")
    request.user = world.a.intake
    response = render_result(request, Facts(revolutionary_merit=True), dt.date(2026, 1, 1))
    assert 'data-ref="7.1"' in response.content.decode()


def test_form_builds_facts_and_date():
    form = FactsForm(
        {"on_date": "01/01/2026", "birth_year": "2008", "procedural_roles": ["witness"], "proofs_provided": []}
    )
    assert form.is_valid(), form.errors
    assert form.to_facts().procedural_roles == frozenset({"witness"})
    assert form.evaluation_date.isoformat() == "2026-01-01"


def test_form_rejects_a_birth_year_that_contradicts_the_date_of_birth():
    form = FactsForm({"date_of_birth": "01/01/2008", "birth_year": "2007"})
    assert not form.is_valid()
    assert "birth_year" in form.errors


def test_category_list_shows_every_version(client, world, django_assert_max_num_queries):
    client.force_login(world.a.collaborator)
    with django_assert_max_num_queries(14):
        response = client.get(LIST)
    body = response.content.decode()
    assert response.status_code == 200
    for ref in ("7.1", "7.5", "7.6a", "7.7.đ", "7.7.g", "7.7.h"):
        assert f'data-ref="{ref}"' in body
    assert body.count('data-ref="7.5"') == 2
    assert "Luật 53/2024/QH15, Điều 61" in body
    assert "Chưa xác nhận" in body


def test_categories_are_editable_in_admin(client, world):
    client.force_login(world.root)
    for name in ("category", "proofdocument", "financialground", "agethreshold"):
        assert client.get(reverse(f"admin:eligibility_{name}_changelist")).status_code == 200
    from legalaid.eligibility.models import Category

    category = Category.objects.get(ref="7.7.h")
    assert client.get(reverse("admin:eligibility_category_change", args=[category.pk])).status_code == 200
