"""One env-driven settings module (healthchecks style).

Development is the default: SQLite next to the code, DEBUG on, e-mail to the console.
Production is ``LEGALAID_ENV=production``: it refuses to start with the default secret key or with DEBUG on.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from legalaid.lib.dbconfig import database_config

BASE_DIR = Path(__file__).resolve().parent.parent


def envstr(name: str, default: str = "") -> str:
    """Read a string; ``NAME_FILE`` (a path to a secret file) wins over ``NAME``."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = envstr("LEGALAID_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

DEFAULT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"
SECRET_KEY = envstr("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = envbool("DEBUG", default=not PRODUCTION)

if PRODUCTION:
    if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Production needs SECRET_KEY (50+ random characters), not the default.")
    if DEBUG:
        raise ImproperlyConfigured("Production refuses to start with DEBUG on.")

# Second factor (TOTP with backup codes, django-otp; legalaid.core.otp, docs/security.md) for every role that sees
# persons or cases. On by default everywhere; development may turn it off with LEGALAID_OTP_REQUIRED=0, production
# refuses to start so (and `check --deploy` fails), whoever asks.
LEGALAID_OTP_REQUIRED = envbool("LEGALAID_OTP_REQUIRED", True)
if PRODUCTION and not LEGALAID_OTP_REQUIRED:
    raise ImproperlyConfigured("Production refuses to start with the second factor off (LEGALAID_OTP_REQUIRED).")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_jinja",
    "django_htmx",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "legalaid.core",
    "legalaid.people",
    "legalaid.eligibility",
    "legalaid.intake",
    "legalaid.commendations",
    "legalaid.studies",
    "legalaid.plans",
    "legalaid.cases",
    "legalaid.providers",
    "legalaid.payments",
    "legalaid.feedback",
    "legalaid.quality",
    "legalaid.portal",
    "legalaid.api",
    "legalaid.reports",
    "legalaid.training",
    "legalaid.outreach",
    "legalaid.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "legalaid.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "legalaid.core.sessions.SlidingExpiryMiddleware",
    "legalaid.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL in any parameter is a 400 (PostgreSQL refuses it in text): docs/security.md.
    "legalaid.core.middleware.RefuseNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Searches by POST, kept in the session under a random key: no name in a URL (docs/security.md).
    "legalaid.core.saved_search.SavedSearchMiddleware",
    # Cache-Control: no-store on every answer to a signed-in user and every download.
    "legalaid.core.no_store.NoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "legalaid.core.otp.SecondFactorMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "legalaid.urls"
WSGI_APPLICATION = "legalaid.wsgi.application"

TEMPLATES = [
    {
        # Our pages: Jinja2 (ENGINEERING.md), one folder, templates/<app>/...
        "BACKEND": "django_jinja.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "legalaid" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "match_extension": None,
            "filters": {
                "vndate": "legalaid.lib.formatting.format_date",
                "vndatetime": "legalaid.lib.formatting.format_datetime",
                "weekday": "legalaid.lib.formatting.format_weekday",
                "money": "legalaid.lib.formatting.format_money",
                "number": "legalaid.lib.formatting.format_number",
            },
            "globals": {"querystring": "legalaid.lib.formatting.querystring"},
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csrf",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "legalaid.core.context_processors.navigation",
                "legalaid.portal.context_processors.portal",
                "legalaid.outreach.context_processors.hotlines",
            ],
            "autoescape": True,
            "auto_reload": DEBUG,
            "translation_engine": "django.utils.translation",
        },
    },
    {
        # Django admin and form widget templates stay in the Django template language.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.DjangoTemplates"

# --- Database: SQLite by default, PostgreSQL by DATABASE_URL. SQLite gets its busy timeout, IMMEDIATE transactions
# and WAL whether named by SQLITE_PATH or by DATABASE_URL=sqlite:///... (legalaid/lib/dbconfig.py).
DATABASE_URL = envstr("DATABASE_URL", "")
DATABASES = {
    "default": database_config(
        DATABASE_URL,
        sqlite_path=envstr("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "legalaid.core.backends.ModelBackend",  # the rules answer their own permissions (core/backends.py)
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lock-out after repeated failures (django-axes, legalaid.core.lockout; docs/security.md), within 30 minutes of the
# latest failure: 5 failures on one username from one address, 20 from one address across usernames (password
# spraying; an office shares one address, so higher), 10 on one username across addresses.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_IP_FAILURE_LIMIT = envint("AXES_IP_FAILURE_LIMIT", 20)
AXES_USERNAME_FAILURE_LIMIT = envint("AXES_USERNAME_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_HANDLER = "legalaid.core.lockout.LockoutHandler"
AXES_USERNAME_CALLABLE = "legalaid.core.lockout.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The second step: a wrong code counts as a failed login for the lock-out above, and the session ends after
# LEGALAID_OTP_MAX_FAILURES wrong codes (legalaid.core.otp_views).
LEGALAID_OTP_MAX_FAILURES = envint("LEGALAID_OTP_MAX_FAILURES", 5)
OTP_TOTP_ISSUER = envstr("OTP_TOTP_ISSUER", "TGPL")
# Password reset links by e-mail stay valid 1 hour (Django's default is 3 days).
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 60 * 60)
# At most this many reset requests per client address, and reset e-mails per account, an hour; beyond, the page says
# the same and nothing is sent.
PASSWORD_RESET_REQUESTS_PER_ADDRESS = envint("PASSWORD_RESET_REQUESTS_PER_ADDRESS", 10)
PASSWORD_RESET_MAILS_PER_USER = envint("PASSWORD_RESET_MAILS_PER_USER", 3)
# Behind a reverse proxy set TRUSTED_PROXY_COUNT (nginx in front: 1) so that the lock-out sees the client's address,
# not the proxy's (docs/deploy.md).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "legalaid.core.middleware.client_ip"
# The public survey page (one-time links, no login): requests per address per window (docs/feedback.md).
SURVEY_RATE_LIMIT = envint("SURVEY_RATE_LIMIT", 30)
SURVEY_RATE_WINDOW = envint("SURVEY_RATE_WINDOW", 600)
# The public portal (/cong-dich-vu/, docs/portal.md): sendings of each form per address per window; wrong status
# lookups per address before the lookup refuses the address for the window; uploads per sending and their size.
PORTAL_FORM_RATE_LIMIT = envint("PORTAL_FORM_RATE_LIMIT", 20)
PORTAL_FORM_RATE_WINDOW = envint("PORTAL_FORM_RATE_WINDOW", 3600)
PORTAL_LOOKUP_FAILURES = envint("PORTAL_LOOKUP_FAILURES", 5)
PORTAL_LOOKUP_WINDOW = envint("PORTAL_LOOKUP_WINDOW", 900)
PORTAL_UPLOAD_MAX_FILES = envint("PORTAL_UPLOAD_MAX_FILES", 5)
PORTAL_UPLOAD_MAX_MB = envint("PORTAL_UPLOAD_MAX_MB", 10)

# Session timeout: 30 minutes of inactivity, and the session ends with the browser.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 30 * 60)
# The expiry slides with activity, but the session row is written only when it is older than this many seconds
# (or changed): not one UPDATE per page view (legalaid.core.sessions, docs/performance.md).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_ENGINE = "legalaid.core.sessions"
SESSION_REFRESH_AFTER = envint("SESSION_REFRESH_AFTER", 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# A form sent without a valid token gets a Vietnamese page in the layout, not Django's English one.
CSRF_FAILURE_VIEW = "legalaid.core.errors.csrf_failure"

# --- Internationalisation: Vietnamese is the source language; English is kept complete.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("Tiếng Anh"))]
# More languages without code (docs/portal.md): EXTRA_LANGUAGES="tyz:Tày,hmn:Hmông" with a catalogue for each under
# legalaid/locale/<code>/LC_MESSAGES/ (or a directory in EXTRA_LOCALE_PATHS). Vietnamese stays the source language.
LANGUAGES += [
    (code.strip(), name.strip())
    for code, _sep, name in (item.partition(":") for item in envlist("EXTRA_LANGUAGES", ""))
    if code.strip()
]
LOCALE_PATHS = [*(Path(p) for p in envlist("EXTRA_LOCALE_PATHS", "")), BASE_DIR / "legalaid" / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["legalaid.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "legalaid" / "static"]
MEDIA_URL = "/media/"  # never served as such: files go out through their record's download view
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
# Behind nginx: the prefix of an `internal` location aliased to MEDIA_ROOT (e.g. /_protected_media/); a download view,
# after its access check, answers with X-Accel-Redirect and nginx sends the bytes (docs/deploy.md). Empty: Django
# streams the file itself.
LEGALAID_MEDIA_ACCEL_PREFIX = envstr("LEGALAID_MEDIA_ACCEL_PREFIX", "")
# Replacement Word templates for official papers, file by file (docs/documents.md); empty: the packaged ones.
DOCUMENT_TEMPLATE_DIR = envstr("DOCUMENT_TEMPLATE_DIR", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The legal aid hotline numbers, in every page's footer and on the public portal (its number is the first):
# "number|label" items separated by ";" (docs/outreach.md). The national number is the Ministry's (DOMAIN.md 7); a
# Centre adds its own after it, e.g. Lạng Sơn's 0205 375 75 55.
LEGALAID_HOTLINES = envstr("LEGALAID_HOTLINES", "1800.1233|Đường dây nóng trợ giúp pháp lý quốc gia, miễn phí")

# --- Content-Security-Policy (django-csp 4): no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- E-mail: console in development and the demo; SMTP when EMAIL_HOST is set.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: one file per message here (.ci/prod-stack).
EMAIL_FILE_PATH = envstr("EMAIL_FILE_PATH", "")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "tgpl@localhost")
# The address of the site, for links in e-mails sent by background tasks (e.g. https://tgpl.example.gov.vn).
SITE_URL = envstr("SITE_URL", "")

# --- Background tasks: Django's tasks API; the database backend needs no extra server (`manage.py db_worker`).
# TASKS_BACKEND=rq puts the queue on Redis (REDIS_URL) through django-tasks-rq, worked by
# `manage.py rqworker default --job-class django_tasks_rq.Job` on any number of machines (docs/deploy.md).
TASKS_BACKEND = envstr("TASKS_BACKEND") or "database"
if TASKS_BACKEND in ("rq", "django_tasks_rq.RQBackend"):
    if not envstr("REDIS_URL"):
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (e.g. redis://127.0.0.1:6379/0).")
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": envstr("REDIS_URL"), "DEFAULT_TIMEOUT": 300}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend" if TASKS_BACKEND == "database" else TASKS_BACKEND,
        }
    }
# The health endpoint (/suc-khoe/) reports the queue as failing when a task has waited longer than this (seconds).
HEALTH_QUEUE_MAX_WAIT = envint("HEALTH_QUEUE_MAX_WAIT", 900)

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": envstr("REDIS_URL")}
        if envstr("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# No query string in any log line (names and ID numbers typed into searches): every handler drops them
# (legalaid.core.logs). runserver's request lines (django.server) go through the same handler; gunicorn's access log
# has its own format without the query (gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"drop_query_strings": {"()": "legalaid.core.logs.DropQueryStrings"}},
    "formatters": {
        "server": {"format": "[{server_time}] {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["drop_query_strings"]},
        "server": {"class": "logging.StreamHandler", "filters": ["drop_query_strings"], "formatter": "server"},
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Replaces Django's defaults (a console handler without the filter, and mail_admins, whose e-mail would carry
        # the whole request with its query string).
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
    },
}

# --- Security headers (checked by `manage.py check --deploy` in CI).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    # A load balancer may ask gunicorn for the health endpoint over plain HTTP, without X-Forwarded-Proto.
    SECURE_REDIRECT_EXEMPT = [r"^suc-khoe/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# The largest file accepted by any upload (attachments, evidence, study versions), in megabytes.
UPLOAD_MAX_MB = envint("UPLOAD_MAX_MB", 20)
# A list export over core.exports.EXPORT_MAX_ROWS rows runs in the background; its file is deleted after this many
# hours (`manage.py cleanup_exports`, run by cron or the worker; docs/performance.md).
EXPORT_KEEP_HOURS = envint("EXPORT_KEEP_HOURS", 24)

# Page sizes for every list.
PAGE_SIZE = 50
# A list counts at most this many rows ("hơn 10.000" beyond) and opens only the pages within it (lib.pagination).
LIST_COUNT_CAP = envint("LIST_COUNT_CAP", 10_000)

# --- The REST API under /api/v1/ (legalaid.api, docs/api.md): keys or the staff's session, cursor pages, JSON errors
# with the field and a Vietnamese message, a throttle per key (in the cache).
API_PAGE_SIZE = envint("API_PAGE_SIZE", 50)
API_THROTTLE_RATE = envstr("API_THROTTLE_RATE", "600/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "legalaid.api.auth.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["legalaid.api.permissions.ScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["legalaid.api.throttling.PerKeyThrottle"],
    "DEFAULT_PAGINATION_CLASS": "legalaid.api.pagination.Cursor",
    "PAGE_SIZE": API_PAGE_SIZE,
    "DEFAULT_FILTER_BACKENDS": ["legalaid.api.filtering.FilterSetBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "legalaid.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Trợ giúp pháp lý",
    "DESCRIPTION": "API của hệ thống quản lý trợ giúp pháp lý (docs/api.md).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RequestStatusEnum": "legalaid.intake.choices.RequestStatus",
        "CaseStatusEnum": "legalaid.cases.choices.CaseStatus",
        "PlanStatusEnum": "legalaid.plans.choices.PlanStatus",
        "TaskStatusEnum": "legalaid.plans.choices.TaskStatus",
    },
}

# Which day picks the base salary and the rates of a provider's fee (Decree 144/2017 Art. 13): "work" = the day the
# case was completed (the work done), "payment" = the day the payment is proposed. DOMAIN 4: UNCONFIRMED, ask the DOJ
# finance office; docs/payments.md.
PAYMENTS_RATE_DATE = envstr("PAYMENTS_RATE_DATE", "work")

# --- Backups (manage.py backup / restore; docs/deploy.md section 8). BACKUP_KEY (or BACKUP_KEY_FILE): 32 bytes in
# URL-safe base64 (`manage.py backup --generate-key`); without it archives are not encrypted.
BACKUP_DIR = envstr("BACKUP_DIR", "")
BACKUP_KEY = envstr("BACKUP_KEY", "")
