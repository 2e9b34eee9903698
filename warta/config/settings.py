"""All of Warta's settings, read from the environment through ``env.py``.

With no variables set Warta runs embedded: SQLite, a cache on disk and media
on disk under ``WARTA_DATA_DIR``. Production sets ``DATABASE_URL``, ``REDIS_URL``,
``SECRET_KEY`` and ``ALLOWED_HOSTS``; with ``DEBUG`` off a missing secret or host
list stops start-up with a message instead of running half-configured.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from warta.config.env import env_bool, env_int, env_list, env_str, require

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("WARTA_DATA_DIR") or Path.cwd() / "var").resolve()

DEBUG = env_bool("DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY") or "warta-local-development-only-not-for-production"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
else:
    SECRET_KEY = require(
        "SECRET_KEY",
        env_str("SECRET_KEY"),
        "production needs a long random secret (or set DEBUG=true for local use)",
    )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        require("ALLOWED_HOSTS", None, "list the site's host names, separated by commas")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "warta.users",
    "warta.images",
    "warta.masthead",
    "warta.people",
    "warta.sections",
    "warta.topics",
    "warta.articles",
    "warta.frontpage",
    "warta.archive",
    "warta.search",
    "warta.syndication",
    "warta.analytics",
    "warta.advertising",
    "warta.notices",
    "warta.importers",
    "warta.scheduling",
    "warta.pagecache",
    "warta.operations",
    "warta.security",
    "warta.replies",
    "warta.demo",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "warta.security.middleware.PermissionsPolicyMiddleware",
    "warta.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "warta.security.middleware.TwoFactorMiddleware",
    "warta.scheduling.middleware.SiteZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "warta.articles.middleware.KeepUnsavedEditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before the redirects: an editor's redirect of a pulled article wins over its notice.
    "warta.articles.middleware.TakedownNoticeMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "warta.config.urls"
WSGI_APPLICATION = "warta.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "warta.masthead.context_processors.masthead",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'warta.sqlite3'}",
        conn_max_age=env_int("WARTA_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
# Two aliases on one store: "default" for Wagtail, rankings and read counters, which
# answers as an empty cache while Redis is down (warta/operations/cache.py), and
# "pagecache", which must see Redis errors to fall back and to retry its purges.
if REDIS_URL:
    _redis = {
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("WARTA_CACHE_PREFIX", "warta"),
        # A Redis that hangs must not hang the pages: give up after a second.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {
        "default": {"BACKEND": "warta.operations.cache.FailSoftRedisCache", **_redis},
        "pagecache": {"BACKEND": "django.core.cache.backends.redis.RedisCache", **_redis},
    }
else:
    # Embedded: one cache on disk that every process of the site shares (the web
    # process, `warta take-down`, the scheduler), so a purge in one is seen by all.
    # Nothing is evicted but expired pages: tag versions and marks must survive.
    _disk = {
        "BACKEND": "diskcache.DjangoCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "DATABASE_TIMEOUT": 0.25,
        "OPTIONS": {"eviction_policy": "none"},
    }
    CACHES = {"default": _disk, "pagecache": dict(_disk)}

AUTH_USER_MODEL = "users.User"
# Django's password check behind Warta's sign-in limits (warta/security/throttle.py).
AUTHENTICATION_BACKENDS = ["warta.security.backends.ThrottledModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("WARTA_STATIC_ROOT") or DATA_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("WARTA_MEDIA_ROOT") or DATA_DIR / "media")
WARTA_SERVE_MEDIA = env_bool("WARTA_SERVE_MEDIA", True)
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
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Security: everything on by default, loosened only for plain-HTTP local use.
SECURE_HTTPS = env_bool("WARTA_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("WARTA_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = env_int("WARTA_HSTS_SECONDS", 31536000 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# A strict CSP for the reader site: no inline script or style at all. Wagtail's
# admin ships inline scripts, so /admin/ keeps Django's defaults instead.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOG_LEVEL = env_str("WARTA_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.security": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("WARTA_SITE_NAME", "Warta Nusantara")
WAGTAILADMIN_BASE_URL = env_str("WARTA_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.WartaImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WARTA_MAX_IMAGE_BYTES", 10 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "txt"]
# Uploads are checked (and pictures stripped of GPS/EXIF) by Warta's forms: images/forms.py,
# documents/forms.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "warta.images.forms.WartaImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "warta.documents.forms.WartaDocumentForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it leaks editors' e-mail hashes and is blank offline. Avatars are the
# uploaded photo or the initials (warta/users/avatars.py, hook get_avatar_url).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}
TAGGIT_CASE_INSENSITIVE = True

# Warta's own knobs
WARTA_ADMIN_USERNAME = env_str("WARTA_ADMIN_USERNAME", "admin")
WARTA_ADMIN_EMAIL = env_str("WARTA_ADMIN_EMAIL", "admin@example.com")
WARTA_ADMIN_PASSWORD = env_str("WARTA_ADMIN_PASSWORD")
# Two-factor sign-in (warta/security): roles that must use it, e.g. "Redaktur,Editor";
# empty: optional for Redaktur and Editor.
WARTA_REQUIRE_2FA_FOR = env_list("WARTA_REQUIRE_2FA_FOR")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Read counting (warta/analytics) and the limits of public endpoints (warta/security/
# limits.py) key on the client address: behind nginx (or a CDN) say how many proxies
# append to X-Forwarded-For, else every reader looks like the proxy.
WARTA_PROXY_HOPS = env_int("WARTA_PROXY_HOPS", 0)
WARTA_READS_FLUSH_SECONDS = env_int("WARTA_READS_FLUSH_SECONDS", 5)
WARTA_POPULAR_CACHE_SECONDS = env_int("WARTA_POPULAR_CACHE_SECONDS", 60)
WARTA_COUNT_HEADLESS_READS = env_bool("WARTA_COUNT_HEADLESS_READS", False)

# Scheduled publishing (warta/scheduling): seconds between checks of `warta publish-due
# --loop` and of the scheduler `warta run` starts; 30 at most.
WARTA_SCHEDULER_INTERVAL = env_int("WARTA_SCHEDULER_INTERVAL", 15)

# Right of reply (warta/replies): hours the newsroom gives itself to deal with a reply
# before the admin queue marks it overdue. The Pedoman asks for "segera"; 48 by default.
WARTA_REPLY_DEADLINE_HOURS = env_int("WARTA_REPLY_DEADLINE_HOURS", 48)

# Page cache (warta/pagecache): readers' pages cached whole in the cache above, purged
# by tag when an article is published, corrected, unpublished or deleted.
WARTA_PAGE_CACHE = env_bool("WARTA_PAGE_CACHE", True)
WARTA_PAGE_CACHE_ALIAS = "pagecache"  # the plain backend: see CACHES
WARTA_PAGE_CACHE_SECONDS = env_int("WARTA_PAGE_CACHE_SECONDS", 300)
WARTA_PAGE_CACHE_404_SECONDS = env_int("WARTA_PAGE_CACHE_404_SECONDS", 30)
WARTA_PAGE_CACHE_STALE_SECONDS = env_int("WARTA_PAGE_CACHE_STALE_SECONDS", 3600)
WARTA_PAGE_CACHE_BROWSER_SECONDS = env_int("WARTA_PAGE_CACHE_BROWSER_SECONDS", 0)
WARTA_PAGE_CACHE_LOCK_SECONDS = env_int("WARTA_PAGE_CACHE_LOCK_SECONDS", 10)
# How long a process trusts its last look at the database generation and the cache's
# identity (Redis run_id): a restarted Redis or a failed purge drops pages within it.
WARTA_PAGE_CACHE_CHECK_SECONDS = env_int("WARTA_PAGE_CACHE_CHECK_SECONDS", 1)
WARTA_PAGE_CACHE_QUERY_PARAMS = env_list(
    "WARTA_PAGE_CACHE_QUERY_PARAMS", ["page", "q", "tanggal", "kanal", "dari", "sampai"]
)
WARTA_PAGE_CACHE_PURGE_ATTEMPTS = env_int("WARTA_PAGE_CACHE_PURGE_ATTEMPTS", 3)
WARTA_PAGE_CACHE_PURGE_BACKOFF = 0.2  # seconds before the 2nd attempt, doubling after
# After a purge, the publishing process renders the pages that show the article again
# (pagecache/warming.py), so readers get the new state from the cache at once.
WARTA_PAGE_CACHE_WARM = env_bool("WARTA_PAGE_CACHE_WARM", True)
# A CDN purge per surrogate key: "{key}" in the URL is replaced by the key.
WARTA_CDN_PURGE_URL = env_str("WARTA_CDN_PURGE_URL")
WARTA_CDN_PURGE_METHOD = env_str("WARTA_CDN_PURGE_METHOD", "POST")
WARTA_CDN_PURGE_TIMEOUT = env_int("WARTA_CDN_PURGE_TIMEOUT", 3)
