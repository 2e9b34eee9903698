"""Fixtures of the read-counting tests: a clean cache and a buffer of each test's own."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
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
    if "django_db_setup" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
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
    """Store reads the way the flush does, so the rollups Terpopuler reads follow."""
    services.store_counts({(article.pk, hour_of(hour)): reads})
    return ArticleReads.objects.get(article=article, hour=hour_of(hour))
