"""The public portal in Chromium at a phone's size, 390 x 844 (issue 12 item 9): the self-check; an online request
with a photo of a paper, then seen by intake staff in their work queue; the status lookup asking for the missing paper
and its upload; a wrong code refused. On every portal page axe-core (vendored in ``tests/vendor``) must find no
serious or critical violation, and no page may weigh more than 150 kB of HTML + CSS + JS.

Debian's chromium through Playwright; the shared fixtures are in ``legalaid/conftest.py``.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest

from legalaid.conftest import ARTIFACTS, assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.intake import services as intake_services
from legalaid.portal.models import OnlineRequest, SubmittedPaper
from legalaid.portal.tests.factories import communes, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PAGE_BUDGET = 150 * 1024


@pytest.fixture
def phone(browser, live_server, console_messages, request):
    """A fresh Vietnamese browser context at 390 x 844, recording console messages and the bytes of HTML, CSS and
    JS each page loads (``phone.weights``)."""
    context = browser.new_context(
        viewport=PHONE, locale="vi-VN", base_url=live_server.url, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    # axe-core goes in as an init script (run by the browser itself before the page's scripts): a script tag added to
    # the page would be inline, and the site's CSP refuses it, as it should.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.on("console", lambda m: console_messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console_messages.append(f"pageerror: {e}"))
    weights: dict[str, int] = {}

    def count(response):
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script") and response.status < 400:
            with contextlib.suppress(Exception):  # a redirect has no body
                weights[response.url] = len(response.body())

    page.on("response", count)
    page.weights = weights
    yield page
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"FAILED-portal-{request.node.name}.png"), full_page=True)
    context.close()
    if rep is not None and rep.passed:
        assert_no_csp_violations(console_messages)


def check_page(page) -> None:
    """axe-core on the page as it is: no serious or critical violation; and the page's weight."""
    result = page.evaluate("async () => JSON.stringify(await axe.run(document))")
    violations = [v for v in json.loads(result)["violations"] if v["impact"] in ("serious", "critical")]
    assert not violations, f"{page.url}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations
    )
    # The document and every stylesheet and script it loaded (the vendored axe is injected by the test, not loaded).
    document = len(page.content().encode())
    assets = sum(size for url, size in page.weights.items() if "/static/" in url)
    assert document + assets < PAGE_BUDGET, f"{page.url}: {document + assets} bytes"


def test_every_portal_page_passes_axe_and_the_weight_limit(phone):
    world = build_world()
    communes(world)
    for path in (
        "/cong-dich-vu/",
        "/cong-dich-vu/toi-co-duoc-tro-giup-khong/",
        f"/cong-dich-vu/van-phong/?province={world.a.centre.province_id}",
        "/cong-dich-vu/gui-yeu-cau/",
        "/cong-dich-vu/tra-cuu/",
        "/cong-dich-vu/gop-y/",
        "/khao-sat/khong-co-lien-ket-nay/",
    ):
        phone.goto(path)
        check_page(phone)
    # A form sent empty: the errors beside the fields and at the top are accessible too.
    phone.goto("/cong-dich-vu/gop-y/")
    phone.get_by_role("button", name="Gửi góp ý").click()
    phone.locator("#error-summary").wait_for()
    check_page(phone)
    phone.get_by_label("Nội dung góp ý, phản ánh").fill("Luật sư nhiệt tình, cảm ơn Trung tâm.")
    phone.locator("#id_province").select_option(str(world.a.centre.province_id))
    phone.get_by_role("button", name="Gửi góp ý").click()
    phone.locator("#thanks").wait_for()
    check_page(phone)


def test_the_self_check_answers_in_the_laws_words_and_never_refuses(phone):
    world = build_world()
    communes(world)
    phone.goto("/cong-dich-vu/")
    phone.get_by_role("link", name=re.compile("Tôi có được trợ giúp pháp lý không")).click()
    phone.get_by_label("Năm sinh của người cần giúp").fill("1950")
    phone.get_by_label("Hộ cận nghèo").check()
    phone.get_by_label("Là người khuyết tật").check()
    phone.locator("#id_province").select_option(str(world.a.centre.province_id))
    phone.get_by_role("button", name="Xem kết quả").click()
    result = phone.locator("#check-result")
    result.wait_for()
    assert "Người khuyết tật" in phone.locator("#likely").inner_text()
    assert "Người cao tuổi" in phone.locator("#likely").inner_text()
    assert "cận nghèo" in phone.locator("#proofs").inner_text()
    assert world.a.centre.name in result.inner_text()
    assert "chúng tôi sẽ cùng kiểm tra" in result.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "portal-self-check.png"), full_page=True)
    check_page(phone)


def _photo(tmp_path) -> Path:
    from PIL import Image

    path = tmp_path / "so-ho-can-ngheo.jpg"
    Image.new("RGB", (3000, 4000), (230, 225, 210)).save(path, format="JPEG", quality=80)
    return path


def test_an_online_request_with_a_photo_reaches_the_intake_queue(phone, page, login, tmp_path):
    world = build_world()
    _, served = communes(world)  # a commune no branch serves: the head office's intake staff receive it
    phone.goto("/cong-dich-vu/gui-yeu-cau/")
    phone.get_by_label("Tôi cần trợ giúp cho chính mình").check()
    phone.get_by_label("Họ và tên của ông/bà").fill("Lò Thị Mai")
    phone.get_by_label("Nữ", exact=True).check()
    phone.get_by_label("Ngày sinh của ông/bà (ngày/tháng/năm)").fill("05/03/1960")
    phone.get_by_label("Số điện thoại để Trung tâm gọi lại").fill("0912 345 678")
    phone.locator("#id_province").select_option(str(served.province_id))
    # portal.js fills the communes of the province (the button does the same without JavaScript).
    phone.locator(f'#id_commune option[value="{served.pk}"]').wait_for(state="attached")
    phone.locator("#id_commune").select_option(str(served.pk))
    phone.get_by_label("Được tư vấn, giải thích pháp luật").check()
    phone.locator("#id_field_of_law").select_option(label="Đất đai")
    phone.get_by_label("Kể ngắn gọn sự việc").fill("Hàng xóm lấn sang đất vườn nhà tôi từ năm ngoái.")
    phone.locator("#id_papers").set_input_files(str(_photo(tmp_path)))
    check_page(phone)
    phone.get_by_role("button", name="Gửi yêu cầu").click()
    # The consent was not given: the message beside the box, nothing saved.
    phone.locator("#error-summary").wait_for()
    assert "đồng ý" in phone.locator("#field-consent").inner_text()
    assert not OnlineRequest.objects.exists()
    phone.locator("#id_papers").set_input_files(str(_photo(tmp_path)))  # a file input is never kept by the browser
    phone.locator("#id_consent").check()
    phone.get_by_role("button", name="Gửi yêu cầu").click()
    code = phone.locator("#receipt-code")
    code.wait_for()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code.inner_text())
    assert code.inner_text() in phone.locator("#sms-text").input_value().upper()
    check_page(phone)

    online = OnlineRequest.objects.select_related("request").get()
    assert online.request.branch is None and online.request.centre == world.a.centre
    paper = SubmittedPaper.objects.get()
    assert paper.size < 1_000_000

    # Intake staff see it in their work queue and open it with its photo.
    login(world.a.intake.username, PASSWORD)
    page.goto("/")
    section = page.locator('[data-section="requests_awaiting_decision"]')
    section.wait_for()
    assert "Lò Thị Mai" in section.inner_text()
    section.get_by_role("link").first.click()
    page.locator("#online-papers").wait_for()
    assert "so-ho-can-ngheo.jpg" in page.locator("#online-papers").inner_text()


def _lookup(phone, code: str, birth: str = "05/03/1960") -> None:
    phone.goto("/cong-dich-vu/tra-cuu/")
    phone.get_by_label("Mã tra cứu").fill(code)
    phone.get_by_label("Ngày sinh của người gửi yêu cầu").check()
    phone.get_by_label("Ngày sinh (ngày/tháng/năm)").fill(birth)
    phone.get_by_role("button", name="Tra cứu").click()


def test_the_status_lookup_asks_for_the_missing_paper_and_takes_it(phone, tmp_path):
    world = build_world()
    served, _ = communes(world)
    sent = submit(served)
    intake_services.request_ask_papers(
        actor=world.a.branch_officer, request=sent.online.request, missing_papers=["Giấy chứng nhận hộ cận nghèo"]
    )
    _lookup(phone, sent.display_code.lower())
    phone.wait_for_url(re.compile(r"/tra-cuu/ket-qua/$"))
    assert "Cần bổ sung giấy tờ" in phone.locator("#status-title").inner_text()
    assert "Giấy chứng nhận hộ cận nghèo" in phone.locator("#missing-papers").inner_text()
    assert "Lò Thị Mai" not in phone.content()
    check_page(phone)
    phone.locator("#id_papers").set_input_files(str(_photo(tmp_path)))
    phone.get_by_label("Đây là giấy tờ gì? (không bắt buộc)").fill("Giấy chứng nhận hộ cận nghèo")
    phone.get_by_role("button", name="Gửi giấy tờ").click()
    phone.locator("#papers-sent").wait_for()
    paper = SubmittedPaper.objects.get()
    assert paper.stage == "supplement" and paper.description == "Giấy chứng nhận hộ cận nghèo"
    check_page(phone)


def test_a_wrong_code_is_refused(phone):
    world = build_world()
    served, _ = communes(world)
    sent = submit(served)
    _lookup(phone, "ACDE-FHJK-MNPR")
    phone.locator("#not-found").wait_for()
    check_page(phone)
    _lookup(phone, sent.display_code, birth="06/03/1960")  # the right code, the wrong person
    phone.locator("#not-found").wait_for()
    assert "/tra-cuu/ket-qua/" not in phone.url
