"""Fixtures shared by every app's tests, and the rules for the test markers.

Markers (declared in pyproject.toml):

- ``postgres``: runs only when ``DATABASE_URL`` points at PostgreSQL (the second
  pass of ``make test``); skipped with the reason on SQLite.
- ``redis``: needs the Redis at ``WARTA_TEST_REDIS_URL`` (``make test`` sets it); take
  the URL from the ``redis_url`` fixture.
- ``sqlite_pass``: runs once, in the SQLite pass of ``make test``, for tests whose
  outcome does not depend on the database and that are slow or change server-wide
  state the other pass (running at the same time) would see: the XSS corpus (escaping
  is the templates' and the sanitiser's), the browser walks of screens and layout
  (language, phone reading, avatars, sign-in, uploads), Redis CONFIG SET. The browser
  tests that exercise the database (the newsroom's day, the reference article,
  editing, the outage) run in both passes.
- ``browser``: drives Debian's Chromium (``/usr/bin/chromium``) through Playwright;
  the fixtures live in ``tests/browser/conftest.py``.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Each test writes its uploads and renditions to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_caches():
    """No test sees another's cached values: ids are reused after a rollback, so a
    rendition or Terpopuler list cached by one test could answer for another's rows."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Other apps' tests see every render fresh (and their query pins measure renders);
    ``warta/pagecache/tests`` turns the page cache back on, on an empty cache."""
    settings.WARTA_PAGE_CACHE = False


def _database_is_postgres() -> bool:
    return (os.environ.get("DATABASE_URL") or "").startswith(("postgres://", "postgresql://"))


def pytest_collection_modifyitems(config, items):
    skip_postgres = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... "
        "(make test runs the suite a second time on PostgreSQL)"
    )
    skip_redis = pytest.mark.skip(
        reason="needs Redis: set WARTA_TEST_REDIS_URL=redis://127.0.0.1:6379/0 (make test does)"
    )
    skip_second_pass = pytest.mark.skip(
        reason="runs once, in the SQLite pass of make test (independent of the database)"
    )
    for item in items:
        if "postgres" in item.keywords and not _database_is_postgres():
            item.add_marker(skip_postgres)
        if "sqlite_pass" in item.keywords and _database_is_postgres():
            item.add_marker(skip_second_pass)
        if "redis" in item.keywords and not os.environ.get("WARTA_TEST_REDIS_URL"):
            item.add_marker(skip_redis)


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("WARTA_TEST_REDIS_URL")
    if not url:
        pytest.skip("needs Redis: set WARTA_TEST_REDIS_URL (make test does)")
    return url
