"""Benchmark: print how long the plan parser takes on the seed plans, on a long plan and on a .docx task table.

    .venv/bin/python bench/plan_parsing.py

Figures are printed, never asserted (tests do not time anything). No database is used.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legalaid.settings")

import django

django.setup()

from legalaid.plans.parsing import parse_plan, parse_timeframe  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "legalaid" / "plans" / "tests" / "fixtures"


def timed(label: str, work, repeat: int = 5) -> None:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    print(f"{label:<55} median {statistics.median(runs) * 1000:9.1f} ms   (best {min(runs) * 1000:.1f} ms)")


def docx_with_rows(rows: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Công tác trợ giúp pháp lý năm 2026")
    document.add_paragraph("II. NỘI DUNG")
    table = document.add_table(rows=1, cols=5)
    for i, text in enumerate(["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]):
        table.rows[0].cells[i].text = text
    for n in range(1, rows + 1):
        cells = table.add_row().cells
        for i, text in enumerate(
            [
                str(n),
                f"Tổ chức {n:02d} buổi truyền thông",
                "Phòng Nghiệp vụ",
                "Các Chi nhánh",
                f"Quý {(n % 4) + 1}/2026",
            ]
        ):
            cells[i].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        timed(f"{path.name[:45]} ({path.stat().st_size // 1024} kB)", lambda path=path: parse_plan(path))
    seed = (FIXTURES / "plan-2020-lang-son-legal-aid-work.txt").read_text(encoding="utf-8")
    head, body = seed.split("III. NỘI DUNG")[0], seed.split("III. NỘI DUNG")[1].split("III. KINH PHÍ")[0]
    long_plan = head + "III. NỘI DUNG" + body * 20
    timed(f"a long plan ({len(long_plan.encode()) // 1024} kB of text)", lambda: parse_plan(long_plan), repeat=3)
    table = docx_with_rows(200)
    timed(f".docx with a 200-row task table ({len(table) // 1024} kB)", lambda: parse_plan(table), repeat=3)
    phrases = ["Quý II - III năm 2020", "Từ tháng 01/2022 đến hết 15/9/2022", "Thường xuyên", "trước ngày 15/3/2025"]
    timed("1,000 time frames", lambda: [parse_timeframe(p, default_year=2025) for p in phrases * 250])


if __name__ == "__main__":
    main()
