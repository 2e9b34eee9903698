"""Counting reads: the beacon's decision, the buffer, and the batched write."""

from __future__ import annotations

import enum
import threading
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from warta.analytics import readers
from warta.analytics.buffers import Counts, LocalReadBuffer, RedisReadBuffer, hour_of
from warta.analytics.models import ArticleReads
from warta.articles.models import ArticlePage

# Rows per INSERT: 3 parameters each, well under SQLite's and PostgreSQL's limits.
UPSERT_BATCH = 2000


class Outcome(enum.Enum):
    COUNTED = "counted"
    REPEAT = "repeat"
    BOT = "bot"
    RATE_LIMITED = "rate_limited"
    OTHER_SITE = "other_site"
    UNKNOWN_ARTICLE = "unknown_article"


def count_read(request: HttpRequest, article_id: int) -> Outcome:
    """Decide whether this beacon is a new read of a live article, and count it.

    Cheapest checks first: the rate limit and the bot check touch only the cache,
    so a flood is refused without reaching the database.
    """
    reader = readers.reader_for(request)
    if readers.over_rate_limit(reader):
        return Outcome.RATE_LIMITED
    if readers.is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return Outcome.BOT
    if not readers.sent_from_this_site(request):
        return Outcome.OTHER_SITE
    if not ArticlePage.objects.live().filter(pk=article_id).exists():
        return Outcome.UNKNOWN_ARTICLE
    if not readers.first_read(reader, article_id):
        return Outcome.REPEAT
    buffer = read_buffer()
    if buffer.add(article_id, hour_of(timezone.now())):
        buffer.flush()
    return Outcome.COUNTED


def flush_reads() -> int:
    """Write every buffered count now; return the (article, hour) rows written."""
    return read_buffer().flush()


def store_counts(counts: Counts) -> int:
    """Add ``counts`` to the hourly rows: one upsert per ``UPSERT_BATCH`` rows.

    ``reads = reads + new`` happens in the database (INSERT ... ON CONFLICT DO
    UPDATE, on SQLite and PostgreSQL alike), so concurrent flushes from several
    processes add up instead of overwriting each other. Counts for articles deleted
    since the read are dropped.
    """
    items = iter(counts.items())
    written = 0
    with transaction.atomic():
        while batch := list(islice(items, UPSERT_BATCH)):
            ids = {article_id for (article_id, _), _ in batch}
            existing = set(ArticlePage.objects.filter(pk__in=ids).values_list("pk", flat=True))
            rows = [(a, hour, reads) for (a, hour), reads in batch if a in existing and reads > 0]
            if rows:
                _upsert(rows)
                written += len(rows)
    return written


def _upsert(rows) -> None:
    meta = ArticleReads._meta
    qn = connection.ops.quote_name
    table = qn(meta.db_table)
    article = qn(meta.get_field("article").column)
    hour = qn(meta.get_field("hour").column)
    reads = qn(meta.get_field("reads").column)
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({article}, {hour}, {reads}) VALUES {values} "  # noqa: S608
        f"ON CONFLICT ({article}, {hour}) "
        f"DO UPDATE SET {reads} = {table}.{reads} + excluded.{reads}"
    )
    params = []
    for article_id, moment, count in rows:
        params += [article_id, connection.ops.adapt_datetimefield_value(moment), count]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


_buffer: LocalReadBuffer | RedisReadBuffer | None = None
_buffer_lock = threading.Lock()


def read_buffer() -> LocalReadBuffer | RedisReadBuffer:
    """This process's buffer: Redis when ``REDIS_URL`` is set, else in memory."""
    global _buffer
    if _buffer is None:
        with _buffer_lock:
            if _buffer is None:
                _buffer = _make_buffer()
    return _buffer


def _make_buffer() -> LocalReadBuffer | RedisReadBuffer:
    seconds = settings.WARTA_READS_FLUSH_SECONDS
    if settings.REDIS_URL:
        prefix = settings.CACHES["default"].get("KEY_PREFIX") or "warta"
        return RedisReadBuffer(
            settings.REDIS_URL, store_counts, prefix=f"{prefix}:reads", flush_seconds=seconds
        )
    return LocalReadBuffer(store_counts, flush_seconds=seconds)
