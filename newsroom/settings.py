"""
Settings for Newsroom, driven by environment variables.

The defaults are for development on one machine: SQLite, a cache in files that
the machine's processes share, DEBUG on. Production sets DEBUG=0 and a real
SECRET_KEY (it refuses to start otherwise), DATABASE_URL for PostgreSQL and
REDIS_URL for a cache shared by every server.
"""

import hashlib
import ipaddress
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from newsroom import article_languages

BASE_DIR = Path(__file__).resolve().parent.parent


# Unset or empty means the default: deployment tools often write an unset variable as "X=".
def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_str(name, default):
    return os.environ.get(name) or default


def env_list(name, default):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a real secret (32+ characters) when DEBUG is off."
    )


def trusted_proxies(value):
    """TRUSTED_PROXIES ("2", or networks) as (how many proxies stand in front, their networks)."""
    if len(value) == 1 and value[0].isdigit():
        return int(value[0]), []
    for network in value:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES must be a number of proxies or their networks, not {network!r}."
            ) from None
    return 0, value


# Who may tell us the reader's address in X-Forwarded-For (newsroom/clientip.py).
TRUSTED_PROXY_COUNT, TRUSTED_PROXY_NETWORKS = trusted_proxies(env_list("TRUSTED_PROXIES", []))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "reversion",
    "reversion_compare",
    "axes",
    "django_prose_editor",
    "django_celery_beat",
    # The newsroom's own apps: each uses only those above it (see test_structure.py).
    "jobs",
    "library",
    "articles",
    "comments",
    "live",
    "wire",
    "desk",
    "backups",
    "demo",
]

MIDDLEWARE = [
    # First: a cached page for an anonymous reader is answered before the rest runs.
    "newsroom.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware, with the admin and mailed links following the browser's language.
    "newsroom.languages.InterfaceLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "newsroom.middleware.RefuseNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so that it sees failed logins from every view.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock an account from an address after repeated failed logins, for an hour; across
# addresses, a short cool-off that the account's known addresses pass (newsroom/logins.py).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.clientip.client_ip"
AXES_HANDLER = "newsroom.logins.AccountCoolOffHandler"
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # each failure with its time, for the cool-off
AXES_ACCOUNT_FAILURE_LIMIT = env_int("AXES_ACCOUNT_FAILURE_LIMIT", 10)
AXES_ACCOUNT_COOLOFF_MINUTES = env_int("AXES_ACCOUNT_COOLOFF_MINUTES", 15)

# No inline scripts anywhere; styles may be inline (the admin uses style attributes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
                "newsroom.pagecache.no_token_in_shared_pages",
            ],
        },
    },
]

# SQLite unless DATABASE_URL says otherwise (postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many readers posting at once: WAL lets reads go on during a write, and
    # immediate transactions with a busy timeout queue writers instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def database_cache_prefix(database):
    """A cache key prefix of the database's own, so caches of two databases never mix."""
    identity = "|".join(str(database.get(key) or "") for key in ("ENGINE", "HOST", "PORT", "NAME"))
    return hashlib.sha256(identity.encode()).hexdigest()[:12]


REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    # Files every process on this machine shares (runserver, gunicorn workers, management
    # commands), so a change made by one is seen by all. Keyed by database, so a server on
    # another database never reads these pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(env_str("CACHE_DIR", BASE_DIR / "var" / "cache"))),
            "KEY_PREFIX": database_cache_prefix(DATABASES["default"]),
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }

# Whole pages for anonymous readers (newsroom/pagecache/); 0 turns the cache off.
# A change ends the pages showing it, so this bounds memory, not staleness.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Parts of pages a cache miss reuses (a story's versions, related stories, comment
# threads, the navigation), kept while what they show is unchanged; 0 turns them off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)
# Each process's own copies of the pages it served lately, answered without a trip to
# Redis while Redis tells it of every change (newsroom/pagecache/local.py); 0 turns them off.
# Each worker grows by about this much, however many pages readers ask for.
PAGE_CACHE_LOCAL_MB = env_int("PAGE_CACHE_LOCAL_MB", 8)
# How long readers of a page that went stale wait for the one render of it in progress.
PAGE_CACHE_WAIT_SECONDS = env_int("PAGE_CACHE_WAIT_SECONDS", 3)
# s-maxage for a CDN in front: how long it may serve a page after it changed here,
# unless it is told of changes (PAGE_CACHE_PURGE), when it may keep pages as long as we do.
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", 10)
# Past s-maxage, an edge may answer with its old copy while it fetches a new one, and,
# for longer, when Django fails (stale-while-revalidate, stale-if-error).
EDGE_STALE_WHILE_REVALIDATE = env_int("EDGE_STALE_WHILE_REVALIDATE", 30)
EDGE_STALE_IF_ERROR = env_int("EDGE_STALE_IF_ERROR", 86400)
PAGE_CACHE_PURGE = env_str("PAGE_CACHE_PURGE", "")  # "xkey", "fastly" or a function's path
CDN_PURGE_URL = env_str("CDN_PURGE_URL", "")
CDN_PURGE_TOKEN = env_str("CDN_PURGE_TOKEN", "")
# How often a live story's open page asks for new posts (each answer is cached for all).
LIVE_POLL_SECONDS = env_int("LIVE_POLL_SECONDS", 15)

# Background work (newsroom/celery.py): with a broker, workers run the tasks, beat sends
# the periodic ones; without one, each runs in the asking process once its transaction commits.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
# TASKS_IN_PROCESS=1 keeps tasks in-process even with Redis for the cache (no worker running).
CELERY_TASK_ALWAYS_EAGER = env_bool("TASKS_IN_PROCESS", not CELERY_BROKER_URL)
if CELERY_TASK_ALWAYS_EAGER:
    CELERY_BROKER_URL = "memory://localhost/"  # in-process: no server is looked for
CELERY_TASK_ACKS_LATE = True  # a task whose worker died is handed to another
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_SECONDS", 3600),
    **{"max_retries": 0, "socket_connect_timeout": 1},  # publishing: once, briefly (celery.py)
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_max": 0}
CELERY_TASK_IGNORE_RESULT = True  # nothing reads results: outcomes are kept in the database
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Mail from the outbox (jobs app): tries before a message is marked failed.
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
# The pause after a failed attempt, doubled after each one (at most an hour).
OUTBOX_RETRY_SECONDS = env_int("OUTBOX_RETRY_SECONDS", 30)

# The wire inbox: files dropped here are imported by a periodic task, then moved to
# done/ or failed/ beside them. Empty turns the inbox off.
WIRE_INBOX_DIR = env_str("WIRE_INBOX_DIR", "")
# Whose copy is published at once rather than put in review: agencies by name (as in
# the dateline, "Reuters,NTB"), "*" for every agency, empty for none.
WIRE_INBOX_PUBLISH = env_list("WIRE_INBOX_PUBLISH", [])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "UTC")
CELERY_TIMEZONE = TIME_ZONE  # beat's daily times
USE_TZ = True

# Languages an article can be written in; wider than the interface languages.
ARTICLE_LANGUAGES = article_languages.ARTICLE_LANGUAGES

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads and renditions in S3-compatible object storage, shared by every app server.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the
            # instance's role, as boto3 finds them.
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", None),
            "region_name": env_str("AWS_S3_REGION_NAME", None),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN", None),
            "location": env_str("AWS_LOCATION", ""),
            # Images are public; addresses stay stable so cached pages keep working.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "default_acl": env_str("AWS_DEFAULT_ACL", None),
            "file_overwrite": False,
        },
    }

# Uploads: refuse anything larger than this before Pillow ever opens it.
MAX_IMAGE_UPLOAD_BYTES = env_int("MAX_IMAGE_UPLOAD_BYTES", 10 * 1024 * 1024)
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", 40_000_000)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")

NEWSROOM_NAME = env_str("NEWSROOM_NAME", "The Newsroom")
# The masthead's picture (an address, e.g. /static/img/logo.svg); empty: the name in type.
NEWSROOM_LOGO = env_str("NEWSROOM_LOGO", "")
# Where the site answers, for links in emails sent without a request (the desk's notices).
NEWSROOM_URL = env_str("NEWSROOM_URL", "http://127.0.0.1:8000").rstrip("/")

# Reader comments (the comments app). 0 turns a limit or a rule off.
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 14)
COMMENTS_IP_RETENTION_DAYS = env_int("COMMENTS_IP_RETENTION_DAYS", 30)
COMMENTS_MAX_LENGTH = env_int("COMMENTS_MAX_LENGTH", 3000)
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 3)
COMMENTS_HOLD_AFTER_LINKS = env_int("COMMENTS_HOLD_AFTER_LINKS", 1)
COMMENTS_MIN_SECONDS = env_int("COMMENTS_MIN_SECONDS", 3)
COMMENTS_FORM_MAX_AGE = env_int("COMMENTS_FORM_MAX_AGE", 6 * 60 * 60)
COMMENTS_RATE_WINDOW = env_int("COMMENTS_RATE_WINDOW", 10 * 60)
COMMENTS_RATE_PER_IP = env_int("COMMENTS_RATE_PER_IP", 5)
COMMENTS_RATE_PER_EMAIL = env_int("COMMENTS_RATE_PER_EMAIL", 3)
COMMENTS_REPORT_THRESHOLD = env_int("COMMENTS_REPORT_THRESHOLD", 3)
COMMENTS_REPORT_COMMENTER_WEIGHT = env_int("COMMENTS_REPORT_COMMENTER_WEIGHT", 2)
COMMENTS_TRUSTED_AFTER = env_int("COMMENTS_TRUSTED_AFTER", 3)
COMMENTS_CONFIRM_DAYS = env_int("COMMENTS_CONFIRM_DAYS", 7)

LOGIN_URL = "admin:login"
# Staff log in to work in the admin; there is no profile page (Django's default).
LOGIN_REDIRECT_URL = "admin:index"

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
# History compares a story's links (section, lead image…) by what they point to.
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True
