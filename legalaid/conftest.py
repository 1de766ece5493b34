"""Browser-test fixtures shared by every app: Debian's chromium driven by Playwright against ``live_server``.

Use them in a test marked ``@pytest.mark.browser``::

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

    def test_something(page, login, console_messages, screenshot):
        demo.seed()                              # or build the data with factories
        login("giamdoc", demo.DEMO_PASSWORD)     # through the login form; waits for the next page
        page.get_by_role("link", name="...").click()
        screenshot("something")                  # test-artifacts/something.png
        assert_no_csp_violations(console_messages)

- ``page`` is a fresh Vietnamese browser context at the live server's address (``page.goto("/")`` works), on a
  desktop viewport so the sidebar is shown. It records console messages and page errors in ``console_messages`` and
  responses with status 400 or more in ``http_errors``.
- A failing browser test leaves ``test-artifacts/FAILED-<test>.png``; a passing one that made the browser report a
  Content-Security-Policy violation errors at teardown, so no browser test can hide one.
- The data that migrations load (provinces, communes) is there at the start of every test and is put back after it
  (see the root conftest.py).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1366, "height": 900}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item so the ``page`` fixture knows whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """A headless Debian chromium for one test module (never a browser downloaded by ``playwright install``).

    Module scope, not session: while Playwright runs, its event loop is live in the test thread, which changes how
    Django hands out database connections and needs ``DJANGO_ALLOW_ASYNC_UNSAFE``; other test modules run without it.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Browser tests need Debian's chromium on PATH: run `make chromium` (or `make test`).")
    # Playwright's sync API keeps an event loop running in this thread; the test's own ORM calls are still
    # synchronous, so Django's async-safety guard must be told so.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Close the connections opened while the loop ran (PostgreSQL could not drop the test database otherwise).
        connections.close_all()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def console_messages() -> list[str]:
    """Every console message (``"<type>: <text>"``) and uncaught page error of the test's ``page``."""
    return []


@pytest.fixture
def http_errors() -> list[str]:
    """Every response of the test's ``page`` with status 400 or more, as ``"<status> <url>"``."""
    return []


@pytest.fixture
def page(request, browser, live_server, console_messages, http_errors) -> Iterator:
    """A fresh Vietnamese browser context on a desktop viewport, pointed at the live server."""
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", base_url=live_server.url)
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    new_page.on("console", lambda message: console_messages.append(f"{message.type}: {message.text}"))
    new_page.on("pageerror", lambda error: console_messages.append(f"pageerror: {error}"))
    new_page.on(
        "response", lambda response: response.status >= 400 and http_errors.append(f"{response.status} {response.url}")
    )
    yield new_page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        new_page.screenshot(path=str(ARTIFACTS / f"FAILED-{name}.png"), full_page=True)
    context.close()
    if failed is not None and failed.passed:
        assert_no_csp_violations(console_messages)


@pytest.fixture
def screenshot(page) -> Callable[[str], Path]:
    """``screenshot("name")`` saves the whole page to ``test-artifacts/name.png`` and returns the path."""

    def take(name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def login(page) -> Callable[[str, str], None]:
    """``login(username, password)`` signs in through the Vietnamese login form and waits for the home page."""

    def sign_in(username: str, password: str) -> None:
        page.goto("/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(lambda url: "/dang-nhap/" not in url)

    return sign_in


def assert_no_csp_violations(console_messages: list[str]) -> None:
    """Fail when the browser refused something because of the Content-Security-Policy."""
    violations = [m for m in console_messages if "Content Security Policy" in m or "Content-Security-Policy" in m]
    assert not violations, "CSP violations:\n" + "\n".join(violations)
