"""Purge failures are retried then logged; the CDN hook; the Redis backend."""

from __future__ import annotations

import logging
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from warta.pagecache import store
from warta.pagecache.services import article_tags, purge_article, purge_tags
from warta.testing.factories import make_article


class FlakyCache(LocMemCache):
    """A local cache whose writes fail a given number of times, as Redis does in a blip."""

    failures = 0

    def set_many(self, *args, **kwargs):
        if FlakyCache.failures:
            FlakyCache.failures -= 1
            raise ConnectionError("Redis tidak menjawab")
        return super().set_many(*args, **kwargs)


def _use_cache(settings, backend: str, location: str, **extra) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "pagecache-test": {"BACKEND": backend, "LOCATION": location, **extra},
    }
    settings.WARTA_PAGE_CACHE_ALIAS = "pagecache-test"


def test_purge_failure_is_retried(settings, caplog):
    _use_cache(settings, "warta.pagecache.tests.test_services.FlakyCache", "flaky")
    FlakyCache.failures = 2
    with caplog.at_level(logging.WARNING, logger="warta.pagecache"):
        assert purge_tags(["home"])
    assert [r.levelname for r in caplog.records] == ["WARNING", "WARNING"]
    assert store.page_cache().get("pagecache:tag:home") is not None


@pytest.mark.django_db
def test_purge_failure_is_logged_as_error_and_bumps_the_generation(settings, caplog):
    from warta.pagecache.models import CacheGeneration

    # Nothing listens on port 1: the real Redis client fails to connect.
    _use_cache(
        settings,
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:1/0",
        OPTIONS={"socket_connect_timeout": 0.2},
    )
    settings.WARTA_PAGE_CACHE_PURGE_ATTEMPTS = 3
    before = CacheGeneration.current()
    with caplog.at_level(logging.WARNING, logger="warta.pagecache"):
        assert not purge_tags(["home", "article:1"])
    levels = [r.levelname for r in caplog.records]
    assert levels == ["WARNING", "WARNING", "ERROR", "ERROR"]
    assert "after 3 attempts" in caplog.records[2].getMessage()
    assert "article:1 home" in caplog.records[2].getMessage()
    # Every node drops every page it cached before: the purge is done by the database.
    assert CacheGeneration.current() == before + 1
    assert f"generation bumped to {before + 1}" in caplog.records[3].getMessage()


@pytest.mark.django_db
def test_reader_is_served_when_the_cache_is_down(client, settings):
    _use_cache(
        settings,
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:1/0",
        OPTIONS={"socket_connect_timeout": 0.2},
    )
    response = client.get("/indeks/")
    assert response.status_code in (200, 404)
    assert "X-Cache" not in response


class _PurgeLog(BaseHTTPRequestHandler):
    received: list[tuple[str, str, str]] = []
    fail_first = 0

    def _answer(self):
        type(self).received.append((self.command, self.path, self.headers["Surrogate-Key"]))
        if type(self).fail_first:
            type(self).fail_first -= 1
            self.send_response(503)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PURGE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    _PurgeLog.received = []
    _PurgeLog.fail_first = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeLog)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WARTA_CDN_PURGE_URL = f"http://127.0.0.1:{server.server_port}/purge/{{key}}"
    yield _PurgeLog
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_cdn_is_purged_per_surrogate_key_after_commit(cdn, django_capture_on_commit_callbacks):
    article = make_article(tags=["banjir"])
    tags = article_tags(article)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purge_article(article)
    assert cdn.received == []  # nothing before the commit
    for callback in callbacks:
        callback()
    expected = [("POST", "/purge/" + tag.replace(":", "%3A"), tag) for tag in tags]
    assert sorted(cdn.received) == sorted(expected)


def test_cdn_purge_is_retried_and_can_use_purge(cdn, settings, caplog):
    settings.WARTA_CDN_PURGE_METHOD = "PURGE"
    cdn.fail_first = 1
    with caplog.at_level(logging.WARNING, logger="warta.pagecache"):
        assert purge_tags(["home"])
    assert cdn.received == [("PURGE", "/purge/home", "home")] * 2
    assert [r.levelname for r in caplog.records] == ["WARNING"]


def test_cdn_purge_failure_is_an_error(cdn, caplog):
    cdn.fail_first = 10
    with caplog.at_level(logging.WARNING, logger="warta.pagecache"):
        assert not purge_tags(["home"])
    assert len(cdn.received) == 3
    assert caplog.records[-1].levelname == "ERROR"


@pytest.mark.redis
@pytest.mark.django_db
def test_redis_backend_hit_and_purge_shared_by_two_nodes(
    client, redis_url, settings, django_capture_on_commit_callbacks
):
    prefix = f"warta-test-{uuid.uuid4().hex[:8]}"
    _use_cache(
        settings, "django.core.cache.backends.redis.RedisCache", redis_url, KEY_PREFIX=prefix
    )
    try:
        article = make_article(title="Berita di Redis")
        assert client.get(article.url)["X-Cache"] == "MISS"
        assert client.get(article.url)["X-Cache"] == "HIT"
        # A second node: its own connection pool on the same Redis sees the same copy.
        caches.close_all()
        del caches["pagecache-test"]
        assert client.get(article.url)["X-Cache"] == "HIT"
        with django_capture_on_commit_callbacks(execute=True):
            purge_article(article)
        assert client.get(article.url)["X-Cache"] == "MISS"
        assert client.get(article.url)["X-Cache"] == "HIT"
    finally:
        store.page_cache().clear()
