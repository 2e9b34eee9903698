"""Fixtures of the read-counting tests: a clean cache and a buffer of each test's own."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
import uuid
from datetime import datetime
from pathlib import Path

import pytest
import redis
from django.core.cache import cache

from warta.analytics import services
from warta.analytics.buffers import LocalReadBuffer, RedisReadBuffer, hour_of
from warta.analytics.models import ArticleReads

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0"
ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/133.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def clean_cache():
    """Repeat keys, rate counters and cached rankings never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def read_totals_at_this_hour(request):
    """The running totals aligned to the current hour before the test starts.

    The migration sets their clock when it runs; a test database made in an earlier
    hour would otherwise have the first flush of a test move it on, and count those
    queries.
    """
    wants_db = "django_db_setup" in request.fixturenames or request.node.get_closest_marker(
        "django_db"
    )
    if not wants_db or "committed_db" in request.fixturenames:  # that one commits itself
        yield
        return
    request.getfixturevalue("db")
    services._clock_seen = None
    services.advance_read_totals()
    yield
    services._clock_seen = None


@pytest.fixture
def buffer(monkeypatch):
    """The beacon's buffer for this test: in memory, flushed only when the test says."""
    local = LocalReadBuffer(services.store_counts, flush_seconds=3600)
    monkeypatch.setattr(services, "_buffer", local)
    yield local
    local.clear()


@pytest.fixture
def redis_buffer(redis_url):
    """A Redis buffer under a key prefix of this test's own, removed afterwards."""
    made = RedisReadBuffer(
        redis_url,
        services.store_cumulative,
        prefix=f"warta-test:{uuid.uuid4().hex}:reads",
        flush_seconds=3600,
    )
    yield made
    made.clear()
    made.redis.close()


def beacon(client, article_id: int, user_agent: str = FIREFOX, **headers):
    return client.post(f"/baca/{article_id}/", HTTP_USER_AGENT=user_agent, **headers)


def stored_reads(article) -> int:
    return sum(ArticleReads.objects.filter(article=article).values_list("reads", flat=True))


def add_reads(article, hour: datetime, reads: int) -> ArticleReads:
    """Store reads the way the flush does, so the rollups Terpopuler reads follow."""
    services.store_counts({(article.pk, hour_of(hour)): reads})
    return ArticleReads.objects.get(article=article, hour=hour_of(hour))


def free_port() -> int:
    """A port nothing listens on (nothing will, unless a test starts a server there)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, on a free port with its own directory, that
    the test can snapshot, kill -9 and start again from its snapshot."""

    def __init__(self, directory: Path, *options: str):
        self.directory = directory
        self.port = free_port()
        self.options = options
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own argv, no shell
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--dir", str(self.directory),
                "--dbfilename", "dump.rdb",
                "--save", "",
                "--appendonly", "no",
                *self.options,
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url)
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.02)
        else:
            raise RuntimeError("redis-server did not start")
        client.close()

    def kill(self) -> None:
        """SIGKILL: no shutdown save, what is not in the snapshot is gone."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)


@pytest.fixture
def own_redis(tmp_path):
    """Start a private redis-server (``own_redis(*options)``); killed at the end."""
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server")
    servers = []

    def start(*options: str) -> RedisServer:
        server = RedisServer(tmp_path / f"redis-{len(servers)}", *options)
        server.directory.mkdir()
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.kill()
