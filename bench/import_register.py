"""Benchmark: a 100,000-row register (Mẫu 01 layout) checked and imported, on the database DATABASE_URL names.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/legalaid_NAME .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/legalaid_NAME .venv/bin/python bench/import_register.py \
        [--rows 100000] [--seed 1]

It creates a Centre of its own (named after the seed and the time) with a director, writes an .xlsx of ``--rows``
rows over five past years (the layout our print uses, with a title block; names in capitals, ID numbers with
spaces, one person in five coming back with the same ID number), and prints how long the dry run
(``services.import_check``), the import (``services.import_run``: a second check, then the write in one transaction)
and a second check of the same file (everything "already imported") take. Figures are printed, never asserted.
Writes real rows: never run it on a database other than your own, and never on production.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legalaid.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files import File  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from legalaid.core.choices import OrganisationKind, Role  # noqa: E402
from legalaid.core.models import Organisation, User  # noqa: E402
from legalaid.imports import services  # noqa: E402
from legalaid.intake.documents.columns import CASE_COLUMNS  # noqa: E402

SURNAMES = ["NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "VŨ", "ĐẶNG", "BÙI", "ĐỖ", "HỒ", "NGÔ", "DƯƠNG"]
MIDDLE = ["VĂN", "THỊ", "ĐỨC", "MINH", "THU", "NGỌC", "HỮU", "KIM"]
GIVEN = ["AN", "BÌNH", "CƯỜNG", "DŨNG", "HẢI", "HÙNG", "LAN", "LINH", "MAI", "NGA", "SƠN", "TÚ", "YẾN", "VINH"]
CATEGORIES = ["Người thuộc hộ nghèo", "Trẻ em", "Người khuyết tật", "Người cao tuổi", "Người có công với cách mạng"]
FIELDS = ["Dân sự", "Hình sự", "Đất đai", "Hôn nhân và gia đình", "Lao động, việc làm", "Hành chính"]
FORMS = [("Tư vấn pháp luật", "TV"), ("Tham gia tố tụng", "TGTT"), ("Đại diện ngoài tố tụng", "ĐDNTT")]


def write_register(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("So thu ly")
    ws.append(["TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"])
    ws.append(["SỔ THỤ LÝ, THEO DÕI VỤ VIỆC TRỢ GIÚP PHÁP LÝ"])
    ws.append([])
    headers = [c.header for c in CASE_COLUMNS]
    ws.append([*headers[:5], "Số CCCD/CMND", *headers[5:]])
    this_year = dt.date.today().year
    years = list(range(this_year - 5, this_year))
    per_year = -(-rows // len(years))
    people: list[tuple[str, int, str]] = []
    for n in range(rows):
        year = years[n // per_year]
        number = n % per_year + 1
        day = dt.date(year, 1, 1) + dt.timedelta(days=min(364, number * 365 // per_year))
        if people and rng.random() < 0.2:
            name, born, id_number = people[rng.randrange(len(people))]
        else:
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            born = rng.randrange(1940, 2008)
            id_number = f"0{rng.randrange(1, 96):02d} {rng.randrange(0, 4)}{born % 100:02d} {rng.randrange(10**6):06d}"
            if len(people) < 20000:
                people.append((name, born, id_number))
        form, abbreviation = FORMS[rng.randrange(3)]
        ended = rng.random() < 0.9
        ws.append(
            [
                number,
                day,
                f"TT.{abbreviation}.{number:02d}.{year}",
                name,
                born,
                id_number,
                rng.choice(["Nam", "Nữ"]),
                f"Thôn {rng.randrange(1, 20)}, xã {rng.randrange(1, 200)}",
                rng.choice(CATEGORIES),
                rng.choice(FIELDS),
                form,
                "Trợ giúp viên pháp lý",
                "Đã thực hiện xong" if ended else None,
                (day + dt.timedelta(days=30)) if ended else None,
                None,
            ]
        )
    wb.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if getattr(settings, "PRODUCTION", False):
        sys.exit("Refused: LEGALAID_ENV=production.")
    stamp = f"{args.seed}-{int(time.time())}"
    centre = Organisation(kind=OrganisationKind.CENTRE, name=f"Trung tâm TGPL (đo nhập sổ {stamp})", code="TT")
    centre.save()
    centre.centre = centre
    centre.save(update_fields=["centre"])
    director = User.objects.create(
        username=f"import-bench-{stamp}", full_name="Giám đốc đo", role=Role.DIRECTOR, organisation=centre
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "so-thu-ly.xlsx"
        started = time.perf_counter()
        write_register(path, args.rows, args.seed)
        print(
            f"database: {connection.vendor}; rows: {args.rows:,}; file: {path.stat().st_size / 1e6:.1f} MB "
            f"written in {time.perf_counter() - started:.1f} s; load average: {os.getloadavg()[0]:.2f}"
        )
        with path.open("rb") as handle:
            batch = services.import_upload(
                actor=director, unit=centre, upload=File(handle, name=path.name), queue=False
            )
        started, cpu = time.perf_counter(), time.process_time()
        services.import_check(batch=batch)
        checked, cpu = time.perf_counter() - started, time.process_time() - cpu
        batch.refresh_from_db()
        s = batch.summary
        print(
            f"dry run: {checked:.1f} s ({s['rows_read'] / checked:,.0f} rows/s; {cpu:.1f} s CPU): "
            f"{s['cases_new']:,} cases, {s['persons_new']:,} new persons, {s['rows_in_error']} rows in error"
        )
        services.import_start(actor=director, batch=batch, queue=False)
        batch.refresh_from_db()
        started, cpu = time.perf_counter(), time.process_time()
        summary = services.import_run(batch=batch, actor=director)
        imported, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"import (check again + write): {imported:.1f} s, of which {cpu:.1f} s of this process's CPU (the rest: "
            f"PostgreSQL and waiting for the machine): {summary.get('cases_written', 0):,} cases, "
            f"{summary.get('persons_written', 0):,} persons written; load average: {os.getloadavg()[0]:.2f}"
        )
        with path.open("rb") as handle:
            again = services.import_upload(
                actor=director, unit=centre, upload=File(handle, name=path.name), queue=False
            )
        started = time.perf_counter()
        services.import_check(batch=again)
        again.refresh_from_db()
        print(
            f"second check of the same file: {time.perf_counter() - started:.1f} s: "
            f"{again.summary['already_imported']:,} already imported, {again.summary['cases_new']} new"
        )


if __name__ == "__main__":
    main()
