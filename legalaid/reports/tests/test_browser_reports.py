"""Issue 11 item 8 in the browser: the director opens the dashboard, clicks a chart's bar and lands on the list it
counts (with the bar's count); then exports form 24 and opens the file."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone

from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.reports.tests.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_click_a_bar_then_export_form_24(page, login, console_messages, screenshot):
    from openpyxl import load_workbook

    world = build_world()
    a = world.a
    today = timezone.localdate()
    make_case(a.director, form="advice", sex="female", accepted=today, completed=today)
    make_case(a.director, form="advice", accepted=today, completed=today)
    make_case(a.director, form="litigation", field="criminal", cats=("7.5",), accepted=today)
    make_case(world.b.director, form="advice", accepted=today, completed=today)  # another Centre: never counted

    login(a.director.username, PASSWORD)
    page.goto("/bao-cao/bieu-do/")
    page.wait_for_selector("#chart-form[data-ready='1']")
    # The bar of the first form of aid (advice): its position from the chart itself.
    index, value, x, y = page.evaluate(
        """() => {
            const chart = document.getElementById('chart-form').chart;
            const data = chart.data.datasets[0].data;
            const i = data.findIndex(v => v > 0);
            const bar = chart.getDatasetMeta(0).data[i];
            return [i, data[i], bar.x, (bar.y + bar.base) / 2];
        }"""
    )
    assert value == 2
    box = page.locator("#chart-form").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url(re.compile(r"/bao-cao/danh-sach/\?"))
    assert page.locator("#drill-summary").get_attribute("data-total") == str(value)
    assert page.locator("#drill-table tbody tr.drill-row").count() == value
    screenshot("reports-drill-from-chart")

    start = today.replace(month=1, day=1)
    page.goto(f"/bao-cao/bieu-24/?period=range&start={start:%d/%m/%Y}&end={today:%d/%m/%Y}")
    with page.expect_download() as download_info:
        page.locator("#form-xlsx").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    ws = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    assert ws["A1"].value == "Biểu số 24/BTP/TGPL"
    assert ws.cell(9, 2).value == "Tổng số"
    assert ws.cell(9, 3).value == 2  # the two completed cases of Centre A
    assert ws.cell(9, 4).value == 1  # of whom one woman
    assert index >= 0
