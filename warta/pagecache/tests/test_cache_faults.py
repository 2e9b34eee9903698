"""Cache faults never mean stale pages; a failing render serves the copy of a page
that was not removed; the database generation and the cache's identity decide which
entries may be served at all."""

from __future__ import annotations

import pytest
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import OutOfMemoryError

from warta.pagecache import keys, store
from warta.pagecache.models import CacheGeneration
from warta.pagecache.services import purge_tags
from warta.pagecache.tests import urls

pytestmark = pytest.mark.urls("warta.pagecache.tests.urls")


class FullCache(LocMemCache):
    """A cache that answers reads but refuses writes, as Redis at its ``maxmemory``
    under ``noeviction`` does."""

    full = False

    def _refuse(self):
        if FullCache.full:
            raise OutOfMemoryError("OOM command not allowed when used memory > 'maxmemory'.")

    def add(self, *args, **kwargs):
        self._refuse()
        return super().add(*args, **kwargs)

    def set(self, *args, **kwargs):
        self._refuse()
        return super().set(*args, **kwargs)

    def set_many(self, *args, **kwargs):
        self._refuse()
        return super().set_many(*args, **kwargs)

    def incr(self, *args, **kwargs):
        self._refuse()
        return super().incr(*args, **kwargs)


@pytest.fixture(autouse=True)
def _views():
    urls.renders.clear()
    urls.rebuild_release.set()  # /lambat/ answers at once here
    urls.flaky_status[:] = [200]
    yield
    urls.flaky_status[:] = [200]


@pytest.fixture
def full_cache(settings):
    FullCache.full = False
    settings.CACHES = {
        **settings.CACHES,
        "pagecache-full": {
            "BACKEND": "warta.pagecache.tests.test_cache_faults.FullCache",
            "LOCATION": "full",
        },
    }
    settings.WARTA_PAGE_CACHE_ALIAS = "pagecache-full"
    store.page_cache().clear()
    yield FullCache
    FullCache.full = False
    store.page_cache().clear()


def _expire(rf, path: str) -> None:
    key = keys.page_key(rf.get(path), [])
    entry = store.load(key)
    entry.fresh_until = 0
    store.page_cache().set(key, entry, None)


@pytest.mark.django_db
def test_a_full_cache_serves_fresh_renders_never_the_stale_copy(client, rf, full_cache):
    assert client.get("/hitung/").content == b"render 1 query="
    _expire(rf, "/hitung/")
    full_cache.full = True  # the rebuild lock cannot be taken
    for expected in (b"render 2 query=", b"render 3 query="):
        response = client.get("/hitung/")
        assert (response["X-Cache"], response.content) == ("MISS", expected)


@pytest.mark.django_db
def test_a_refused_save_serves_the_fresh_render_and_stores_nothing(client, full_cache):
    assert client.get("/hitung/")["X-Cache"] == "MISS"
    full_cache.full = True
    assert not purge_tags(["test:counted"])  # Redis refuses the purge as well
    for expected in (b"render 2 query=", b"render 3 query="):
        response = client.get("/hitung/")
        assert (response["X-Cache"], response.content) == ("MISS", expected)
    full_cache.full = False
    assert client.get("/hitung/")["X-Cache"] == "MISS"
    assert client.get("/hitung/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_failed_purge_drops_every_page_through_the_generation(client, full_cache, settings):
    settings.WARTA_PAGE_CACHE_CHECK_SECONDS = 0
    client.get("/hitung/")
    client.get("/lambat/")
    assert client.get("/lambat/")["X-Cache"] == "HIT"
    full_cache.full = True
    generation = CacheGeneration.current()
    assert not purge_tags(["test:counted"])
    assert CacheGeneration.current() == generation + 1
    full_cache.full = False
    # Neither the page of the failed purge nor any other is served from before.
    assert client.get("/hitung/")["X-Cache"] == "MISS"
    assert client.get("/lambat/")["X-Cache"] == "MISS"
    assert client.get("/lambat/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_generation_bumped_by_another_node_is_seen_after_the_check_interval(client, settings):
    settings.WARTA_PAGE_CACHE_CHECK_SECONDS = 3600
    client.get("/hitung/")
    CacheGeneration.bump()  # another node, after a purge it could not do
    assert client.get("/hitung/")["X-Cache"] == "HIT"  # this node has not looked yet
    store.forget_stamp()  # the check interval has passed
    assert client.get("/hitung/")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_another_cache_identity_invalidates_every_entry(client, monkeypatch, settings):
    """A Redis restarted (from an old snapshot, or empty) has a new run_id."""
    settings.WARTA_PAGE_CACHE_CHECK_SECONDS = 0
    client.get("/hitung/")
    assert client.get("/hitung/")["X-Cache"] == "HIT"
    monkeypatch.setattr(store, "cache_identity", lambda cache: "run-sesudah-restart")
    response = client.get("/hitung/")
    assert (response["X-Cache"], response.content) == ("MISS", b"render 2 query=")


@pytest.mark.django_db
def test_a_failing_render_serves_the_copy_of_an_updated_page(client, rf):
    assert client.get("/kadang/").content == b"render 1 status=200"
    urls.flaky_status[:] = [503]
    for tricky in ("expired", "purged"):
        if tricky == "expired":
            _expire(rf, "/kadang/")
        else:
            assert purge_tags(["test:flaky"])
        response = client.get("/kadang/")
        assert response.status_code == 200, tricky
        assert response["X-Cache"] in ("STALE-IF-ERROR", "STALE"), tricky
        assert response.content == b"render 1 status=200"


@pytest.mark.django_db
def test_a_failing_render_with_no_copy_is_the_error(client):
    urls.flaky_status[:] = [503]
    response = client.get("/kadang/")
    assert response.status_code == 503
    assert client.get("/kadang/").status_code == 503  # never stored


@pytest.mark.django_db
def test_stale_if_error_is_marked(client):
    client.get("/kadang/")
    assert purge_tags(["test:flaky"])
    urls.flaky_status[:] = [503]
    response = client.get("/kadang/")
    assert (response.status_code, response["X-Cache"]) == (200, "STALE-IF-ERROR")
    # The failed rebuild keeps its lock: the next readers get the copy without a render.
    renders = len(urls.renders)
    assert client.get("/kadang/")["X-Cache"] == "STALE"
    assert len(urls.renders) == renders


class CountingCache(LocMemCache):
    """Counts the calls a Redis client would make round trips for."""

    calls: list[str] = []
    _inside_many = False

    def get(self, *args, **kwargs):
        if not CountingCache._inside_many:
            CountingCache.calls.append("get")
        return super().get(*args, **kwargs)

    def get_many(self, *args, **kwargs):
        CountingCache.calls.append("get_many")
        CountingCache._inside_many = True  # LocMemCache answers it with one get per key
        try:
            return super().get_many(*args, **kwargs)
        finally:
            CountingCache._inside_many = False


@pytest.mark.django_db
def test_a_hit_costs_two_cache_round_trips(client, settings):
    """The entry, then its tags' versions and removal marks in one read; the stamp
    (generation, Redis run_id) is memoised."""
    settings.CACHES = {
        **settings.CACHES,
        "pagecache-counting": {
            "BACKEND": "warta.pagecache.tests.test_cache_faults.CountingCache",
            "LOCATION": "counting",
        },
    }
    settings.WARTA_PAGE_CACHE_ALIAS = "pagecache-counting"
    settings.WARTA_PAGE_CACHE_CHECK_SECONDS = 3600
    client.get("/hitung/")
    CountingCache.calls = []
    assert client.get("/hitung/")["X-Cache"] == "HIT"
    assert CountingCache.calls == ["get", "get_many"]
