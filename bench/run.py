"""Benchmarks: print how long the main reads take on a database with many persons and requests.

    make bench                       # 50,000 persons on a temporary SQLite file
    BENCH_ROWS=200000 make bench     # more rows
    DATABASE_URL=postgres://... make bench   # against an existing, migrated, EMPTY PostgreSQL database

Figures are printed, never asserted (tests do not time anything).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legalaid.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "50000"))


def timed(label, fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<55} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    from legalaid.core.models import User
    from legalaid.lib.text import fold
    from legalaid.people.models import Ethnicity, Person

    director = User.objects.get(username="giamdoc")
    kinh = Ethnicity.objects.get(code="01")
    surnames = ["Nguyễn", "Trần", "Lê", "Hoàng", "Vi", "Lương", "Nông", "Đinh", "Hà", "Lý"]
    middles = ["Văn", "Thị", "Đức", "Minh", "Thu"]
    given = ["An", "Bình", "Cường", "Dung", "Đức", "Hoa", "Lan", "Nam", "Páo", "Mây", "Sơn", "Tú"]
    batch = []
    print(f"Creating {ROWS:,} persons ...")
    for i in range(ROWS):
        name = f"{surnames[i % 10]} {middles[i % 5]} {given[i % 12]} {i}"
        batch.append(
            Person(
                full_name=name,
                name_key=fold(name),
                sex="male",
                birth_year=1950 + i % 60,
                id_type="none",
                ethnicity=kinh,
                centre=director.centre,
            )
        )
        if len(batch) == 5000:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)

    visible = Person.objects.visible_to(director)
    timed("persons: count visible to the director", lambda: visible.count())
    timed("persons: search 'nguyen van an', first page", lambda: list(visible.search("nguyen van an")[:50]))
    client = Client()
    client.force_login(director)
    timed("page /nguoi/ (person list, first page)", lambda: client.get("/nguoi/"))
    timed("page /nguoi/?q=hoang+thi (search)", lambda: client.get("/nguoi/?q=hoang+thi"))
    timed("page /tiep-nhan/ (request list)", lambda: client.get("/tiep-nhan/"))


if __name__ == "__main__":
    main()
