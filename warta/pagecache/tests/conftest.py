"""The page cache on, on an empty cache, for every test here."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from warta.pagecache import store


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.WARTA_PAGE_CACHE = True
    settings.WARTA_PAGE_CACHE_PURGE_BACKOFF = 0.01
    caches["default"].clear()
    store.forget_stamp()
    yield
    caches["default"].clear()
    store.forget_stamp()
