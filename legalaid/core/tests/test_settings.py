"""The env-driven settings: production refuses the default secret key and DEBUG; secrets may come from files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
LONG_KEY = "k" * 20 + "-a-long-random-production-secret-key-0123456789"
ENV_NAMES = ("LEGALAID_ENV", "SECRET_KEY", "SECRET_KEY_FILE", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "TIME_ZONE")


def run_settings(code: str = "import legalaid.settings", **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ENV_NAMES and not k.startswith("DJANGO_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60, check=False
    )


def test_production_refuses_the_default_secret_key():
    result = run_settings(LEGALAID_ENV="production")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_settings(LEGALAID_ENV="production", SECRET_KEY="short-key")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_production_refuses_debug():
    result = run_settings(LEGALAID_ENV="production", SECRET_KEY=LONG_KEY, DEBUG="1")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG" in result.stderr


def test_production_starts_with_a_long_key():
    code = (
        "import legalaid.settings as s; "
        "print(s.PRODUCTION, s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.ALLOWED_HOSTS)"
    )
    result = run_settings(code, LEGALAID_ENV="production", SECRET_KEY=LONG_KEY, ALLOWED_HOSTS="tgpl.example.vn")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "True", "True", "True", "['tgpl.example.vn']"]


def test_production_reads_the_secret_key_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(LONG_KEY + "\n")
    code = "import legalaid.settings as s; print(s.SECRET_KEY)"
    result = run_settings(code, LEGALAID_ENV="production", SECRET_KEY_FILE=str(secret), SECRET_KEY="ignored")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == LONG_KEY


def test_development_defaults():
    code = (
        "import legalaid.settings as s; d = s.DATABASES['default']; "
        "print(s.DEBUG, d['ENGINE'], d['OPTIONS']['transaction_mode'], s.TIME_ZONE, s.LANGUAGE_CODE)"
    )
    result = run_settings(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3", "IMMEDIATE", "Asia/Ho_Chi_Minh", "vi"]


def test_database_url_selects_postgresql():
    code = "import legalaid.settings as s; d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])"
    result = run_settings(code, DATABASE_URL="postgres://postgres@db.example:5432/legalaid")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "legalaid", "db.example"]


@pytest.mark.parametrize(("value", "expected"), [("0", "False"), ("false", "False"), ("yes", "True"), ("", "True")])
def test_debug_is_read_from_the_environment(value, expected):
    result = run_settings("import legalaid.settings as s; print(s.DEBUG)", DEBUG=value)
    assert result.stdout.strip() == expected


def test_check_deploy_passes_on_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in ENV_NAMES and not k.startswith("DJANGO_")},
            "LEGALAID_ENV": "production",
            "SECRET_KEY": LONG_KEY,
            "ALLOWED_HOSTS": "tgpl.example.vn",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_test_settings_are_the_development_ones():
    assert not settings.PRODUCTION
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"


def test_the_task_queue_moves_to_redis_by_environment():
    code = (
        "import legalaid.settings as s; "
        "print(s.TASKS['default']['BACKEND'], 'django_rq' in s.INSTALLED_APPS, s.RQ_QUEUES)"
    )
    result = run_settings(code, TASKS_BACKEND="rq", REDIS_URL="redis://127.0.0.1:6379/3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 2) == [
        "django_tasks_rq.RQBackend",
        "True",
        "{'default': {'URL': 'redis://127.0.0.1:6379/3', 'DEFAULT_TIMEOUT': 300}}\n",
    ]
    default = run_settings("import legalaid.settings as s; print(s.TASKS['default']['BACKEND'])", TASKS_BACKEND="")
    assert default.stdout.strip() == "django_tasks_db.DatabaseBackend"


def test_the_redis_queue_needs_redis():
    result = run_settings(TASKS_BACKEND="rq", REDIS_URL="")
    assert result.returncode != 0
    assert "TASKS_BACKEND=rq needs REDIS_URL" in result.stderr
