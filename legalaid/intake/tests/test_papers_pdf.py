"""Every generated paper printed to PDF by LibreOffice and read back line by line (pdftotext -layout): no date
dd/mm/yyyy and no case code is broken across lines, and the national motto of Decree 30 stands whole on its line.

LibreOffice lays a table out from its grid, not from the cells' widths Word reads; a table whose grid has equal
columns breaks "04/12/2026" and "TT.TGTT.01.2026" in the middle. This test is what catches it. It needs Debian's
LibreOffice Writer and poppler-utils, which ``make test`` installs (``make office``); it fails, never skips, without
them. All the papers are converted in one soffice call for the module (a few seconds each).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import translation

from legalaid.intake.tests.paper_set import build_papers

#: The papers are built once for the module (in a transaction rolled back); the mark tells pytest-django that the
#: module needs the test database.
pytestmark = pytest.mark.django_db

DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
#: A case code <org>.<form>.<number>.<year> (TT 12/2018 Art. 11(1)), e.g. TT.TGTT.01.2026 or CN1.TGTT.01.2026.
CASE_CODE = re.compile(r"\b[A-ZĐ0-9]+\.[A-ZĐ]+\.\d{2,}\.\d{4}\b")
#: What is left at a line's end when a date or a code is cut in two ("04/12/", "04/12/20", "TT.TGTT", "TT.TGTT.01.").
BROKEN_AT_END = re.compile(r"(\b\d{1,2}/(\d{1,2}(/\d{0,3})?)?|\b[A-ZĐ0-9]+\.[A-ZĐ]+\.?(\d+\.?)?)$")
#: What starts the next line then ("/2026", "TGTT.01.2026", ".01.2026", "01.2026").
BROKEN_AT_START = re.compile(r"^(/\d|[A-ZĐ]*\.?\d{2}\.\d{4}\b|\.[A-ZĐ]+\.)")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
#: The papers that carry the Decree 30 heading with the national name and motto.
WITH_MOTTO = (
    "request_form",
    "acceptance_notice",
    "missing_papers",
    "refusal_notice",
    "transfer_notice",
    "assignment_decision",
    "change_decision",
    "branch_acceptance_notice",
    "plan_report",
)


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: run `make office` (or `make test`), which installs Debian's packages.")
    return path


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker, tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each paper's text from the PDF, by name: (the .docx's own values, the PDF's text with its line breaks)."""
    soffice, pdftotext = _require("soffice"), _require("pdftotext")
    folder = tmp_path_factory.mktemp("papers")
    with django_db_blocker.unblock(), translation.override("vi"), transaction.atomic():
        _world, papers = build_papers()
        transaction.set_rollback(True)
    for name, data in papers.items():
        (folder / f"{name}.docx").write_bytes(data)
    profile = Path(f"/tmp/lo-{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *sorted(str(p) for p in folder.glob("*.docx")),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    texts = {}
    for name in papers:
        pdf = folder / f"{name}.pdf"
        assert pdf.is_file(), f"LibreOffice did not print {name}"
        layout = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
        texts[name] = layout.stdout
    return texts


PAPERS = (*WITH_MOTTO, "register_cases", "register_cases_branch", "register_simple")


@pytest.mark.parametrize("name", PAPERS)
def test_no_date_or_code_is_broken_across_lines(printed, name):
    text = printed[name]
    assert text.strip(), f"{name}: empty PDF"
    broken = []
    for line in text.splitlines():
        # In -layout output the columns of a table share a line: check each cell's piece (runs of 2+ spaces apart).
        for piece in re.split(r"\s{2,}", line.strip()):
            rest = DATE.sub("", CASE_CODE.sub("", piece)).strip()
            if BROKEN_AT_END.search(rest) or BROKEN_AT_START.search(rest):
                broken.append(piece)
    assert not broken, f"{name}: a date or code broken across lines: {broken}\n{text}"


@pytest.mark.parametrize("name", PAPERS)
def test_the_papers_dates_and_codes_are_printed_whole(printed, name):
    """The values the papers carry are found whole in the PDF: at least one date, and the case code where there is
    one."""
    text = printed[name]
    assert DATE.search(text), f"{name}: no whole date dd/mm/yyyy in\n{text}"
    if name in ("acceptance_notice", "assignment_decision", "change_decision", "register_cases"):
        assert re.search(r"\bTT\.TGTT\.\d{2}\.\d{4}\b", text), f"{name}: the case code is not whole in\n{text}"
    if name in ("branch_acceptance_notice", "register_cases_branch"):
        assert re.search(r"\bCN1\.TGTT\.\d{2}\.\d{4}\b", text), f"{name}: the case code is not whole in\n{text}"


@pytest.mark.parametrize("name", WITH_MOTTO)
def test_the_national_motto_stands_whole_on_its_lines(printed, name):
    lines = [re.sub(r"\s+", " ", line).strip() for line in printed[name].splitlines()]
    for motto in MOTTO:
        assert any(motto in line for line in lines), f"{name}: {motto!r} is not whole on one line:\n{printed[name]}"
