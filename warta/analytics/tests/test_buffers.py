"""Buffered counts: written in batches, bounded in memory, shared through Redis."""

from datetime import timedelta
from io import StringIO

import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.analytics import services
from warta.analytics.buffers import BufferUnavailable, LocalReadBuffer, RedisReadBuffer, hour_of
from warta.analytics.models import ArticleReads, ReadFlushMark
from warta.analytics.tests.conftest import add_reads, beacon, free_port, stored_reads
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db

NOW = hour_of(timezone.now())


def _articles(count: int):
    section = make_section()
    return [make_article(section=section) for _ in range(count)]


def _flush_queries(counts) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.store_counts(counts)
    return len(queries)


def test_a_flush_costs_the_same_queries_for_3_or_120_articles():
    articles = _articles(120)
    few = {(a.pk, NOW): 2 for a in articles[:3]}
    many = {(a.pk, hour): 1 for a in articles for hour in (NOW, NOW - timedelta(hours=1))}
    assert len(many) == 240
    assert _flush_queries(few) == _flush_queries(many)
    assert ArticleReads.objects.count() == 240
    assert stored_reads(articles[0]) == 2 + 2  # added to the row the first flush wrote


def test_a_flush_adds_to_existing_rows_and_skips_deleted_articles():
    article = _articles(1)[0]
    add_reads(article, NOW, 10)
    written = services.store_counts({(article.pk, NOW): 5, (999_999, NOW): 3})
    assert written == 1
    assert ArticleReads.objects.get().reads == 15


def test_the_local_buffer_merges_counts_and_flushes_when_due():
    written = []
    buffer = LocalReadBuffer(lambda counts: written.append(dict(counts)) or len(counts), 3600)
    assert buffer.add(1, NOW) is False
    buffer.add(1, NOW)
    buffer.add(2, NOW)
    assert len(buffer) == 2
    assert buffer.flush() == 2
    assert written == [{(1, NOW): 2, (2, NOW): 1}]
    assert len(buffer) == 0
    buffer.flush_seconds = 0
    assert buffer.add(3, NOW) is True  # the last flush is "older" than 0 seconds


def test_the_local_buffer_flushes_synchronously_when_full():
    batches = []
    buffer = LocalReadBuffer(lambda counts: batches.append(len(counts)) or len(counts), 3600, 3)
    for article_id in (1, 2, 3):
        buffer.add(article_id, NOW)
    buffer.add(1, NOW)  # a key it already holds: no flush needed
    assert batches == []
    buffer.add(4, NOW)
    assert batches == [3]
    assert len(buffer) == 1
    assert buffer.dropped == 0


def test_the_local_buffer_drops_reads_rather_than_grow_when_it_cannot_flush():
    def database_down(counts):
        raise ConnectionError("database is down")

    buffer = LocalReadBuffer(database_down, 3600, max_keys=3)
    for article_id in (1, 2, 3):
        buffer.add(article_id, NOW)
    buffer.add(4, NOW)
    buffer.add(5, NOW)
    assert len(buffer) == 3  # kept what it had, never more than the cap
    assert buffer.dropped == 2
    buffer.store = lambda counts: len(counts)
    assert buffer.flush() == 3


def test_the_local_buffer_keeps_counts_when_a_flush_fails():
    calls = []

    def flaky(counts):
        calls.append(dict(counts))
        if len(calls) == 1:
            raise ConnectionError("database is down")
        return len(counts)

    buffer = LocalReadBuffer(flaky, 3600)
    buffer.add(1, NOW)
    assert buffer.flush() == 0
    buffer.add(1, NOW)
    assert buffer.flush() == 1
    assert calls[-1] == {(1, NOW): 2}


def test_flush_reads_command_without_redis_explains(settings):
    settings.REDIS_URL = None
    out = StringIO()
    call_command("flush_reads", stdout=out)
    assert "REDIS_URL" in out.getvalue()


# Redis -------------------------------------------------------------------------------


@pytest.mark.redis
def test_the_redis_buffer_counts_per_hour_and_flushes_once(redis_buffer):
    first, second = _articles(2)
    earlier = NOW - timedelta(hours=1)
    assert redis_buffer.add(first.pk, NOW) is True  # the first to find no recent flush
    assert redis_buffer.add(first.pk, NOW) is False
    redis_buffer.add(second.pk, earlier)
    assert redis_buffer.pending() == {(first.pk, NOW): 2, (second.pk, earlier): 1}
    with CaptureQueriesContext(connection) as queries:
        assert redis_buffer.flush() == 2
    # a transaction (2 on PostgreSQL: savepoint, release), the totals' clock, the
    # marks read and raised, the existence check, one upsert, the articles' tags,
    # the running totals' upsert (these articles have no tags: no tag rows to write)
    assert len(queries) <= 9
    assert redis_buffer.pending() == {}
    assert stored_reads(first) == 2
    assert stored_reads(second) == 1
    assert redis_buffer.flush() == 0
    # Counters are cumulative: the next read of the hour adds to 2, and only the
    # difference is stored.
    redis_buffer.add(first.pk, NOW)
    assert redis_buffer.pending() == {(first.pk, NOW): 3}
    assert redis_buffer.flush() == 1
    assert stored_reads(first) == 3


@pytest.mark.redis
def test_pending_reads_carry_no_ttl_and_flushed_hours_are_removed(redis_buffer):
    """``volatile-lru`` evicts only keys with a TTL: the counters must have none. They
    stay bounded because a flushed bucket is deleted once no read can reach it."""
    article = _articles(1)[0]
    old = NOW - timedelta(hours=3)
    redis_buffer.add(article.pk, NOW)
    redis_buffer.add(article.pk, old)
    keys = {k.decode() for k in redis_buffer.redis.scan_iter(f"{redis_buffer.prefix}:*")}
    for key in keys - {redis_buffer.lock_key}:
        assert redis_buffer.redis.ttl(key) == -1, key
    redis_buffer.flush()
    buckets = {
        k.decode().rsplit(":", 1)[-1]
        for k in redis_buffer.redis.scan_iter(f"{redis_buffer.prefix}:b:*")
    }
    assert buckets == {f"{NOW:%Y%m%d%H}"}  # the current hour is kept, to add to
    assert stored_reads(article) == 2


@pytest.mark.redis
def test_the_redis_buffer_keeps_counts_when_the_database_fails(redis_buffer):
    article = _articles(1)[0]
    redis_buffer.add(article.pk, NOW)
    redis_buffer.store = lambda counts: (_ for _ in ()).throw(ConnectionError("db down"))
    assert redis_buffer.flush() == 0
    assert redis_buffer.pending() == {(article.pk, NOW): 1}
    redis_buffer.add(article.pk, NOW)
    redis_buffer.store = services.store_cumulative
    assert redis_buffer.flush() == 1
    assert stored_reads(article) == 2


@pytest.mark.redis
def test_a_flush_run_twice_counts_once(redis_buffer, monkeypatch):
    article = _articles(1)[0]
    for _ in range(3):
        redis_buffer.add(article.pk, NOW)
    # The clean-up after the commit fails (Redis gone for a moment): the buckets
    # stay dirty and the next flush stores the same batch again.
    finish = redis_buffer._finish
    monkeypatch.setattr(redis_buffer, "_finish", lambda **kw: (_ for _ in ()).throw(OSError()))
    with pytest.raises(OSError):
        redis_buffer.flush()
    assert stored_reads(article) == 3
    monkeypatch.setattr(redis_buffer, "_finish", finish)
    assert redis_buffer.flush() == 0
    assert stored_reads(article) == 3
    # The same batch handed to the store twice, directly.
    batch = {"run:2026120100": (NOW, {article.pk: 5})}
    assert services.store_cumulative(batch) == 1
    assert services.store_cumulative(batch) == 0
    assert stored_reads(article) == 8


def test_marks_are_pruned_when_the_hour_moves_on():
    article = _articles(1)[0]
    services.store_cumulative({"run:x": (NOW, {article.pk: 2})})
    assert ReadFlushMark.objects.count() == 1
    services.advance_read_totals(NOW + services.MARKS_KEEP + timedelta(hours=1))
    assert not ReadFlushMark.objects.exists()


@pytest.mark.redis
def test_a_redis_restarted_from_an_older_snapshot_counts_nothing_twice(own_redis):
    """kill -9 and a restart from the last SAVE: the old snapshot holds counters that
    were stored since; they must not be stored again, and new reads must count."""
    server = own_redis()
    buffer = RedisReadBuffer(server.url, services.store_cumulative, flush_seconds=3600)
    article = _articles(1)[0]
    for _ in range(2):
        buffer.add(article.pk, NOW)
    buffer.redis.save()  # the snapshot: 2 reads, not yet flushed
    assert buffer.flush() == 1
    for _ in range(3):
        buffer.add(article.pk, NOW)
    assert buffer.flush() == 1
    assert stored_reads(article) == 5
    buffer.add(article.pk, NOW)  # accepted, never flushed: lost with the process
    run_before = buffer.redis.info("server")["run_id"]

    server.kill()
    with pytest.raises(BufferUnavailable):
        buffer.add(article.pk, NOW)  # the beacon writes this one itself
    server.start()
    assert buffer.redis.info("server")["run_id"] != run_before
    assert buffer.pending() == {(article.pk, NOW): 2}  # the snapshot's, already stored
    buffer.flush()
    assert stored_reads(article) == 5
    assert buffer.pending() == {}
    for _ in range(4):
        buffer.add(article.pk, NOW)
    buffer.flush()
    assert stored_reads(article) == 9
    # The old run's counters are gone once flushed; only the new run's hour is kept.
    assert len(list(buffer.redis.scan_iter(f"{buffer.prefix}:b:*"))) == 1
    buffer.redis.close()


@pytest.mark.redis
def test_a_read_redis_cannot_reach_goes_to_the_database(client, monkeypatch):
    article = _articles(1)[0]
    down = RedisReadBuffer(
        f"redis://127.0.0.1:{free_port()}/0", services.store_cumulative, flush_seconds=3600
    )
    monkeypatch.setattr(services, "_buffer", down)
    assert beacon(client, article.pk).status_code == 204
    assert stored_reads(article) == 1


@pytest.mark.redis
def test_a_read_a_full_redis_refuses_goes_to_the_database(client, monkeypatch, own_redis):
    server = own_redis("--maxmemory", "3mb", "--maxmemory-policy", "noeviction")
    full = RedisReadBuffer(server.url, services.store_cumulative, flush_seconds=3600)
    for size in (100_000, 1000, 10):  # until not even a small write fits
        with pytest.raises(redis.exceptions.OutOfMemoryError):
            for n in range(100_000):
                full.redis.set(f"isi:{size}:{n}", "x" * size)
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        full.redis.hincrby("uji", "1", 1)
    monkeypatch.setattr(services, "_buffer", full)
    article = _articles(1)[0]
    statuses = [
        beacon(client, article.pk, user_agent=f"Mozilla/5.0 Firefox/{n}").status_code
        for n in range(5)
    ]
    assert statuses == [204] * 5
    assert stored_reads(article) == 5
    assert full.pending() == {}
    full.redis.close()


@pytest.mark.redis
def test_beacons_through_redis_and_the_flush_command(
    client, redis_url, redis_buffer, monkeypatch, settings
):
    settings.REDIS_URL = redis_url
    monkeypatch.setattr(services, "_buffer", redis_buffer)
    article = _articles(1)[0]
    redis_buffer.redis.set(redis_buffer.lock_key, 1)  # a flush just happened elsewhere
    assert beacon(client, article.pk).status_code == 204
    assert beacon(client, article.pk, user_agent="Mozilla/5.0 Firefox/1").status_code == 204
    assert ArticleReads.objects.count() == 0
    out = StringIO()
    call_command("flush_reads", stdout=out)
    assert "1 catatan" in out.getvalue()
    assert stored_reads(article) == 2


@pytest.mark.redis
def test_an_allkeys_policy_is_reported_as_a_risk_to_waiting_reads(own_redis):
    from warta.analytics.buffers import eviction_problem

    server = own_redis("--maxmemory-policy", "allkeys-lru")
    client = redis.Redis.from_url(server.url)
    assert "volatile-lru" in eviction_problem(client)
    client.config_set("maxmemory-policy", "volatile-lru")
    assert eviction_problem(client) is None
    client.close()
