"""Thin overlay for the test suite: same settings, throwaway secrets and storage."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "warta-tests-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("WARTA_HTTPS", "false")
os.environ.setdefault("WARTA_DATA_DIR", tempfile.mkdtemp(prefix="warta-test-"))

from warta.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Terpopuler and Tag Terpopuler are computed afresh, so no test sees another's reads.
WARTA_POPULAR_CACHE_SECONDS = 0
# No background warming renders after a purge (its tests turn it on).
WARTA_PAGE_CACHE_WARM = False
# The test process alone uses the cache: local memory is faster than the embedded
# default on disk (tests of sharing between processes set their own CACHES).
_local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "warta"}
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": _local, "pagecache": dict(_local)}
# SQLite's test database is a file (in memory-backed /dev/shm where there is one), not
# Django's shared in-memory database: with that, the live server's thread and the test
# share ONE connection object, so a test reading the database while the browser's
# request is still being answered raced it and could leave the connection outside
# autocommit ("on_commit() cannot be used in manual transaction management" in the
# next test). A file gives each thread its own connection, as in production.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    _shm = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()  # noqa: S108
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(_shm, f"warta-test-{os.getpid()}.sqlite3")
    }
