# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install lint format check-migrations messages lock chromium office pgclient bench clean

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

## Serve the demo at http://127.0.0.1:8000 with the background task worker beside it. The demo accounts are printed
## once the server answers, below runserver's own start-up lines.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --no-accounts
	$(PY) manage.py db_worker --interval 2 & WORKER=$$!; \
	$(PY) manage.py demo_accounts --after http://127.0.0.1:8000/dang-nhap/ & ACCOUNTS=$$!; \
	trap 'kill $$WORKER $$ACCOUNTS 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

## The whole suite: PostgreSQL when DATABASE_URL points at one, SQLite otherwise. Browser tests included.
test: install chromium office pgclient
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

## Debian's chromium for the browser tests (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

## Debian's LibreOffice Writer (headless) and poppler-utils: the papers test prints every generated paper to PDF
## and reads it back with pdftotext (legalaid/intake/tests/test_papers_pdf.py).
office:
	@command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui fonts-liberation poppler-utils >/dev/null; }

## Debian's PostgreSQL client tools: `manage.py backup` / `restore` run pg_dump and pg_restore (their tests too).
## They must be at least the server's major version; Debian's postgresql-client is its PostgreSQL's.
pgclient:
	@command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    postgresql-client >/dev/null; }

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check-migrations: install
	$(PY) manage.py makemigrations --check --dry-run

## Extract the interface strings (Jinja2 templates and Python) and compile the catalogues.
messages: install
	$(PY) manage.py makemessages -l en --no-obsolete --ignore ".venv/*"
	$(PY) manage.py compilemessages --ignore ".venv/*"

## Regenerate the lock file from requirements.in.
lock:
	rm -rf /tmp/legalaid-lock && $(PYTHON) -m venv /tmp/legalaid-lock
	/tmp/legalaid-lock/bin/pip install --quiet -r requirements.in
	/tmp/legalaid-lock/bin/pip freeze --exclude pip > requirements.lock

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
