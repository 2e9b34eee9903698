"""Redis is a cache, never the truth: a Redis killed and restarted from an older
snapshot brings back pages and tag versions from before the last purges (issue 10:
two new articles missing from the home page for the whole minute watched). Each
entry records Redis's run_id, which changes on every start, so none of them is
served once the process has looked again (``WARTA_PAGE_CACHE_CHECK_SECONDS``).

These tests run their own ``redis-server`` on a free loopback port: killing and
restarting the shared test Redis would break everyone else's tests.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.core.cache import caches

from warta.pagecache import store
from warta.pagecache.services import purge_tags
from warta.pagecache.tests import urls

pytestmark = [pytest.mark.redis, pytest.mark.urls("warta.pagecache.tests.urls")]


class OwnRedis:
    def __init__(self, folder: Path):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, our arguments
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)]
            + ["--save", "", "--appendonly", "no", "--dbfilename", "snapshot.rdb"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()  # SIGKILL: no final snapshot
            self.process.wait(10)
            self.process = None


@pytest.fixture
def own_redis(tmp_path, settings):
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (Debian's redis-server package)")
    server = OwnRedis(tmp_path)
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "pagecache-own": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.WARTA_PAGE_CACHE_ALIAS = "pagecache-own"
    settings.WARTA_PAGE_CACHE_CHECK_SECONDS = 0  # look at every request: no waiting here
    urls.renders.clear()
    yield server
    caches.close_all()
    server.kill()


def _snapshot(server: OwnRedis) -> None:
    store.page_cache()._cache.get_client(write=True).save()


@pytest.mark.django_db
def test_redis_restarted_from_an_older_snapshot_serves_no_page_from_it(client, own_redis):
    assert client.get("/hitung/").content == b"render 1 query="
    assert client.get("/hitung/")["X-Cache"] == "HIT"
    _snapshot(own_redis)  # the snapshot holds render 1 and its tag versions
    assert purge_tags(["test:counted"])  # a publish after the snapshot
    assert client.get("/hitung/").content == b"render 2 query="
    assert client.get("/hitung/")["X-Cache"] == "HIT"

    own_redis.kill()
    own_redis.start()  # loads the older snapshot: render 1 is back, "current"
    caches.close_all()

    response = client.get("/hitung/")
    assert (response["X-Cache"], response.content) == ("MISS", b"render 3 query=")
    assert client.get("/hitung/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_purge_lost_while_redis_was_down_drops_the_pages_it_kept(client, own_redis, settings):
    """The purge fails, the database generation moves on: whatever Redis still holds
    when it comes back (here a snapshot taken before) is not served."""
    settings.WARTA_PAGE_CACHE_PURGE_ATTEMPTS = 1
    client.get("/hitung/")
    _snapshot(own_redis)
    own_redis.kill()
    assert not purge_tags(["test:counted"])
    own_redis.start()
    caches.close_all()
    response = client.get("/hitung/")
    assert (response["X-Cache"], response.content) == ("MISS", b"render 2 query=")


def test_the_identity_of_redis_is_its_run_id(own_redis):
    info = store.page_cache()._cache.get_client(write=True).info("server")
    assert store.cache_identity(store.page_cache()) == info["run_id"]
    assert store.cache_identity(caches["default"]) == store.LOCAL_IDENTITY


@pytest.mark.django_db
def test_only_pages_and_locks_carry_a_ttl(client, own_redis):
    """With ``maxmemory-policy volatile-lru`` Redis then evicts pages only: tag
    versions, removal marks and the clock stay (docs/operations.md, Redis memory)."""
    client.get("/hitung/")
    assert purge_tags(["test:counted"], hard=True)
    client.get("/hitung/")
    redis = store.page_cache()._cache.get_client(write=True)
    ttls = {key.decode().split(":", 2)[-1]: redis.ttl(key) for key in redis.scan_iter("*")}
    pages = {key: ttl for key, ttl in ttls.items() if key.startswith("pagecache:page:")}
    kept = {key: ttl for key, ttl in ttls.items() if not key.startswith("pagecache:page:")}
    assert pages and all(ttl > 0 for ttl in pages.values()), pages
    assert "pagecache:clock" in kept and "pagecache:gone:test:counted" in kept, kept
    assert "pagecache:tag:test:counted" in kept
    assert all(ttl == -1 for ttl in kept.values()), kept
