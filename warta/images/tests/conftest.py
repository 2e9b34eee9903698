import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail remembers renditions in the cache by image id and file hash; ids come
    back after each test's rollback, so a rendition cached by an earlier test would
    keep ``prepare_renditions`` from making this test's rows."""
    cache.clear()
