"""Benchmark over HTTP (issue 11 item 6): the main pages against gunicorn with production settings on PostgreSQL with
generated data. Not part of `make test`; figures are printed, never asserted.

    # once: a database with generated data (dev settings; see docs/performance.md for the sizes measured)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/legalaid_bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_data --cases 1000000 --seed 1
    # then, as often as needed:
    DATABASE_URL=... .venv/bin/python bench/http_pages.py --seed 1 [--requests 200] [--seconds 10]

It gives the generated director, branch head and lawyer of Centre 1 a TOTP key (production requires the second
factor), starts gunicorn (2 workers, `LEGALAID_ENV=production`, DEBUG off) on a free port, logs the three in with
their password and a TOTP code (the small HTTP client of `.ci/prod-stack`, which sends `X-Forwarded-Proto: https` as
nginx would), then prints p50/p95/max over `--requests` sequential requests per page and role (the dashboard
included; "no access" for a role that may not open a page), and the requests per second of the case page against the
login page (a trivial view) with 4 concurrent clients for `--seconds`. Last, the annual report of the last full year
(the case figures and form 24 pages, as the director) against the same figures computed by one hand-written SQL query
(`REPORT_SQL`, run with psycopg): both times, their ratio, and whether the numbers shown on the pages agree with it.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"


def prod_stack():
    """The small browser, forms and login of `.ci/prod-stack` (one copy of that code)."""
    loader = importlib.machinery.SourceFileLoader("prod_stack", str(ROOT / ".ci" / "prod-stack"))
    spec = importlib.util.spec_from_loader("prod_stack", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


SETUP = """
import json, secrets
from legalaid.core.otp import set_totp_key
from legalaid.core.models import User
from legalaid.cases.models import LegalAidCase
from legalaid.providers.models import Assignment
from legalaid.intake.models import FieldOfLaw, FormOfAid
out = {"secrets": {}, "cases": {}}
for role, name in (("director", "director"), ("branch head", "branchhead1"), ("lawyer", "lawyer")):
    user = User.objects.get(username=f"{name}.g%(seed)sc1")
    key = secrets.token_hex(20)
    set_totp_key(user=user, key_hex=key)
    out["secrets"][role] = [user.username, key]
    if role == "lawyer":
        case = Assignment.objects.filter(provider__user=user).order_by("-case__accepted_at").values("case_id").first()
        out["cases"][role] = case["case_id"]
    else:
        qs = LegalAidCase.objects.filter(centre=user.centre)
        if user.branch is not None:
            qs = qs.filter(branch=user.branch)
        out["cases"][role] = qs.order_by("-accepted_at").values_list("pk", flat=True).first()
out["filter"] = {"form_of_aid": FormOfAid.objects.get(code="litigation").pk,
                 "field_of_law": FieldOfLaw.objects.filter(in_scope=True).order_by("pk").first().pk}
out["cases_total"] = LegalAidCase.objects.count()
# The annual report of the last full year as the director sees it (their Centre), for the hand-written SQL.
import datetime as dt
from legalaid.lib.dates import start_of_day
from legalaid.reports.models import PeriodKind
from legalaid.reports.periods import regime_period
period = regime_period(PeriodKind.YEAR, dt.date.today().year - 1)
director = User.objects.get(username="director.g%(seed)sc1")
out["report"] = {"year": dt.date.today().year - 1, "centre": director.centre.pk,
                 "d0": period.start.isoformat(), "d1": period.counted_end.isoformat(),
                 "t0": start_of_day(period.start).isoformat(),
                 "t1": start_of_day(period.counted_end + dt.timedelta(days=1)).isoformat()}
print("BENCH " + json.dumps(out))
"""


#: The annual report's figures (the case figures' six totals, form 24's total and women) for one Centre, in ONE
#: hand-written query: what the report pages compute through the fact layer (legalaid.reports.facts), as SQL.
REPORT_SQL = """
WITH cases AS (SELECT c.id, c.status, c.accepted_at, p.sex, k.completed_on
               FROM cases_legalaidcase c
               JOIN people_person p ON p.id = c.beneficiary_id
               LEFT JOIN cases_casecompletion k ON k.case_id = c.id
               WHERE c.centre_id = %(centre)s),
discontinued AS (SELECT DISTINCT e.case_id, e.at FROM cases_caseevent e JOIN cases_legalaidcase c ON c.id = e.case_id
                 WHERE c.centre_id = %(centre)s AND c.status = 'discontinued'
                   AND e.kind = 'transition' AND e.to_status = 'discontinued' AND e.at < %(t1)s)
SELECT
  (SELECT count(*) FROM intake_legalaidrequest r
    WHERE r.centre_id = %(centre)s AND r.received_at >= %(t0)s AND r.received_at < %(t1)s) AS received,
  (SELECT count(*) FROM cases WHERE accepted_at >= %(t0)s AND accepted_at < %(t1)s) AS accepted,
  (SELECT count(*) FROM intake_legalaidrequest r
    WHERE r.centre_id = %(centre)s AND r.status = 'refused'
      AND EXISTS (SELECT 1 FROM intake_requestdecision d WHERE d.request_id = r.id AND d.kind = 'refuse'
                  AND d.decided_at >= %(t0)s AND d.decided_at < %(t1)s)) AS refused,
  (SELECT count(*) FROM cases WHERE status IN ('completed', 'archived')
    AND completed_on BETWEEN %(d0)s AND %(d1)s) AS completed,
  (SELECT count(DISTINCT case_id) FROM discontinued WHERE at >= %(t0)s) AS discontinued,
  (SELECT count(*) FROM cases WHERE accepted_at < %(t1)s
    AND NOT (status IN ('completed', 'archived') AND completed_on IS NOT NULL AND completed_on <= %(d1)s)
    AND id NOT IN (SELECT case_id FROM discontinued)) AS in_progress,
  (SELECT count(*) FROM cases WHERE status IN ('completed', 'archived')
    AND completed_on BETWEEN %(d0)s AND %(d1)s AND sex = 'female') AS form24_female
"""

FIGURES = ("received", "accepted", "refused", "completed", "discontinued", "in_progress", "form24_female")


def html_number(html: str, cell_id: str) -> int | None:
    """The figure in the cell ``id="cell_id"`` of a report page (1.234 -> 1234; "–" -> None)."""
    match = re.search(rf'id="{re.escape(cell_id)}"[^>]*>(.*?)</td>', html, re.S)
    digits = re.sub(r"<[^>]+>|[.\s]", "", match.group(1)) if match else ""
    return int(digits) if digits.isdigit() else None


def report_vs_sql(browser, report: dict, n: int) -> tuple[list[float], list[float], list[str]]:
    """The annual report over HTTP (case figures and form 24) against REPORT_SQL run with psycopg: the times of each
    (ms, sorted), and the lines saying the ratio and whether the figures agree."""
    import psycopg

    year = report["year"]
    figures_path = f"/bao-cao/?period=year&year={year}"
    form_path = f"/bao-cao/bieu-24/?period=year&year={year}"
    browser.get(figures_path)  # warm
    browser.get(form_path)
    http = sorted(
        t1 + t2 for t1, t2 in zip(timings(browser, figures_path, n), timings(browser, form_path, n), strict=True)
    )
    page = browser.get(figures_path).body.decode()
    form = browser.get(form_path).body.decode()
    shown = {code: html_number(page, f"form-total-{code}") for code in FIGURES[:6]}
    shown["form24_total"] = html_number(form, "total-total")
    shown["form24_female"] = html_number(form, "total-female")
    params = {k: report[k] for k in ("centre", "d0", "d1", "t0", "t1")}
    sql_times = []
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        for _ in range(n + 1):
            start = time.perf_counter()
            row = conn.execute(REPORT_SQL, params).fetchone()
            sql_times.append((time.perf_counter() - start) * 1000)
    sql_times = sorted(sql_times[1:])  # the first one warms
    computed = dict(zip(FIGURES, row, strict=True))
    computed["form24_total"] = computed["completed"]  # form 24 counts the persons of the completed cases
    differ = [f"{k} {shown.get(k)} != {v}" for k, v in computed.items() if shown.get(k) != v]
    http_p50, sql_p50 = statistics.median(http), statistics.median(sql_times)
    return (
        http,
        sql_times,
        [
            f"annual report {year} (case figures + form 24 pages, director's Centre) against one SQL query: "
            f"p50 {http_p50:.0f} ms against {sql_p50:.0f} ms, ratio {http_p50 / max(sql_p50, 1e-9):.1f}x "
            "(target <= 1.5x and <= 2 s)",
            "figures agree: "
            + ("yes" if not differ else "NO (" + "; ".join(differ) + ")")
            + " ("
            + ", ".join(f"{k} {v}" for k, v in computed.items())
            + ")",
        ],
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timings(browser, path: str, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        response = browser.get(path)
        out.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: {response.status} {response.location}")
    return out


def throughput(make_browser, path: str, seconds: float, clients: int = 4) -> float:
    counts = [0] * clients
    stop = time.monotonic() + seconds

    def run(i):
        browser = make_browser()
        while time.monotonic() < stop:
            browser.get(path)
            counts[i] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database with generated data.")
    ps = prod_stack()
    dev_env = {**os.environ, "LEGALAID_OTP_REQUIRED": "0"}
    out = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", SETUP % {"seed": args.seed}],
        cwd=ROOT,
        env=dev_env,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    out = out.stdout
    data = json.loads(next(line for line in out.splitlines() if line.startswith("BENCH "))[6:])

    tmp = Path(tempfile.mkdtemp(prefix="legalaid-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        LEGALAID_ENV="production",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=ps.HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{ps.HOST}",
        SITE_URL=f"https://{ps.HOST}",
        TRUSTED_PROXY_COUNT="1",
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        LOG_LEVEL="WARNING",
    )
    subprocess.run([str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    log = (tmp / "gunicorn.log").open("wb")
    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "legalaid.wsgi", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*gunicorn, "--workers", str(args.workers), "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        browsers = {}
        for role, (username, key) in data["secrets"].items():
            browser = ps.Browser([port], "203.0.113.20")
            ps.login(browser, username, "Bench-password-2026", key)
            browsers[role] = browser
        filt = data["filter"]
        year = time.localtime().tm_year - 1
        filtered = (
            f"/vu-viec/?form_of_aid={filt['form_of_aid']}&field_of_law={filt['field_of_law']}"
            f"&accepted_from=01/01/{year}&accepted_to=31/12/{year}"
        )
        rows = []
        for role, browser in browsers.items():
            case_search = ps.form_with(browser.get("/vu-viec/"), field="q")
            search = browser.follow(browser.submit(case_search, {"q": "nguyen van duc"}, "/vu-viec/")).path
            pages = {
                "case list": "/vu-viec/",
                "case list, filtered": filtered,
                "case list, page 200": "/vu-viec/?page=200",
                "case list, name search": search,
                "case detail": f"/vu-viec/{data['cases'][role]}/",
                "home": "/",
                "dashboard": "/bao-cao/bieu-do/",
            }
            if role != "lawyer":
                person_form = ps.form_with(browser.get("/nguoi/"), field="q")
                pages["person search"] = browser.follow(
                    browser.submit(person_form, {"q": "tran thi lan"}, "/nguoi/")
                ).path
            for page, path in pages.items():
                if browser.get(path).status == 403:  # warm; a page the role may not open (the lawyer's dashboard)
                    rows.append((page, role, None, None, None))
                    continue
                t = sorted(timings(browser, path, args.requests))
                rows.append((page, role, statistics.median(t), t[int(0.95 * (len(t) - 1))], t[-1]))
        report_http, report_sql, report_lines = report_vs_sql(browsers["director"], data["report"], args.requests)
        for page, t in (("annual report, HTTP", report_http), ("annual report, one SQL", report_sql)):
            rows.append((page, "director", statistics.median(t), t[int(0.95 * (len(t) - 1))], t[-1]))
        detail = f"/vu-viec/{data['cases']['director']}/"
        director_cookies = dict(browsers["director"].cookies)

        def director_browser():
            b = ps.Browser([port], "203.0.113.21")
            b.cookies = dict(director_cookies)
            return b

        detail_rps = throughput(director_browser, detail, args.seconds)
        login_rps = throughput(lambda: ps.Browser([port], "203.0.113.22"), "/dang-nhap/", args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"\n{data['cases_total']:,} cases; gunicorn {args.workers} workers, production settings; {os.cpu_count()} CPUs"
    )
    print(f"{'page':<26}{'role':<13}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}   ({args.requests} requests each)")
    for page, role, p50, p95, worst in rows:
        if p50 is None:
            print(f"{page:<26}{role:<13}{'-':>9}{'-':>9}{'-':>9}   (no access)")
        else:
            print(f"{page:<26}{role:<13}{p50:>9.0f}{p95:>9.0f}{worst:>9.0f}")
    print(
        f"\ncase detail {detail_rps:.0f} req/s, login page {login_rps:.0f} req/s "
        f"({100 * detail_rps / max(login_rps, 1e-9):.0f} %), 4 clients, {args.seconds:.0f} s each"
    )
    for line in report_lines:
        print(line)


if __name__ == "__main__":
    main()
