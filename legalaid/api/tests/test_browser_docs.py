"""The API documentation page in a real browser: Swagger UI from the vendored sidecar files draws the schema under the
site's strict Content-Security-Policy (a CSP violation fails the test at teardown, see legalaid/conftest.py)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_draws_the_schema_under_the_csp(page, console_messages, screenshot):
    response = page.goto("/api/v1/docs/")
    assert response.status == 200
    page.locator(".swagger-ui .info .title").wait_for(timeout=15000)
    assert "API Trợ giúp pháp lý" in page.locator(".swagger-ui .info .title").inner_text()
    page.get_by_text("/api/v1/referrals/", exact=True).first.wait_for()
    screenshot("api-docs")
    assert not [m for m in console_messages if "Content Security Policy" in m or "pageerror" in m]
