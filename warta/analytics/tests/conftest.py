"""Fixtures of the read-counting tests: a clean cache and a buffer of each test's own."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from django.core.cache import cache

from warta.analytics import services
from warta.analytics.buffers import LocalReadBuffer, RedisReadBuffer
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
        services.store_counts,
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
    return ArticleReads.objects.create(article=article, hour=hour, reads=reads)
