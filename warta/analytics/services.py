"""Counting reads: the beacon's decision, the buffer, and the batched write."""

from __future__ import annotations

import enum
import logging
import threading
from collections import Counter
from datetime import datetime, timedelta
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from warta.analytics import readers
from warta.analytics.buffers import (
    Bucket,
    BufferUnavailable,
    Counts,
    LocalReadBuffer,
    RedisReadBuffer,
    hour_of,
)
from warta.analytics.models import (
    ArticleReads,
    ArticleReadTotals,
    ReadFlushMark,
    ReadTotalsClock,
    TagReads,
    TagReadTotals,
)
from warta.articles.models import ArticlePage, ArticleTag
from warta.security import limits

logger = logging.getLogger(__name__)

# Rows per INSERT: 3 parameters each, well under SQLite's and PostgreSQL's limits.
UPSERT_BATCH = 2000

# Flush marks outlive the Redis buckets they describe by a day (see buffers.py).
MARKS_KEEP = RedisReadBuffer.KEEP + timedelta(days=1)

# The windows kept as running totals: column of the totals tables -> its length.
TOTALS_WINDOWS = {"last_day": timedelta(days=1), "last_week": timedelta(days=7)}


class Outcome(enum.Enum):
    COUNTED = "counted"
    REPEAT = "repeat"
    BOT = "bot"
    RATE_LIMITED = "rate_limited"  # too many beacons from one network
    CAPPED = "capped"  # enough readers of this article from one network this hour
    OTHER_SITE = "other_site"
    UNKNOWN_ARTICLE = "unknown_article"


def count_read(request: HttpRequest, article_id: int) -> Outcome:
    """Decide whether this beacon is a new read of a live article, and count it.

    Cheapest checks first: the flood limit and the bot check touch only the cache,
    so a flood is dropped without reaching the database. Limits are per client
    network (``security.limits``); "the same reader" for repeats is the address and
    user agent. A read the buffer cannot take is written to the database now.
    """
    if not limits.allow(readers.BEACON_FLOOD, request):
        return Outcome.RATE_LIMITED
    if readers.is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return Outcome.BOT
    if not readers.sent_from_this_site(request):
        return Outcome.OTHER_SITE
    if not ArticlePage.objects.live().filter(pk=article_id).exists():
        return Outcome.UNKNOWN_ARTICLE
    if not readers.first_read(readers.reader_for(request), article_id):
        return Outcome.REPEAT
    if not limits.allow(readers.READS_PER_ARTICLE, request, scope=str(article_id)):
        return Outcome.CAPPED
    hour = hour_of(timezone.now())
    buffer = read_buffer()
    try:
        due = buffer.add(article_id, hour)
    except BufferUnavailable as error:
        logger.warning("read buffer refused a read (%s): written to the database", error)
        store_counts({(article_id, hour): 1})
        return Outcome.COUNTED
    if due:
        buffer.flush()
    return Outcome.COUNTED


def flush_reads() -> int:
    """Write every buffered count now, and move the running totals on to this hour
    even when nothing was read; return the (article, hour) rows written."""
    written = read_buffer().flush()
    advance_read_totals()
    return written


def store_counts(counts: Counts) -> int:
    """Add ``counts`` to the hourly rows and to the rollups Terpopuler reads.

    One upsert per ``UPSERT_BATCH`` rows for each table. ``reads = reads + new``
    happens in the database (INSERT ... ON CONFLICT DO UPDATE, on SQLite and
    PostgreSQL alike), so concurrent flushes from several processes add up instead
    of overwriting each other. Counts for articles deleted since the read are
    dropped. The whole write holds the ``ReadTotalsClock`` row, so moving the totals
    on to a new hour never interleaves with adding to them.
    """
    with transaction.atomic():
        clock = _advance_read_totals(timezone.now())
        return _store_counts_locked(counts, clock)


def store_cumulative(buckets: dict[str, Bucket]) -> int:
    """Store the Redis buffer's cumulative counts: only what exceeds the marks.

    Per (bucket, article) the database remembers the cumulative value already
    stored (``ReadFlushMark``); the positive difference is added to the hourly rows
    and the mark raised, in one transaction that holds the ``ReadTotalsClock`` row
    (every flush takes it), so two flushes never both add the same difference. A
    bucket stored twice, or restored older, gives a difference <= 0: nothing.
    """
    if not buckets:
        return 0
    with transaction.atomic():
        clock = _advance_read_totals(timezone.now())
        marks = {
            (bucket, article_id): stored
            for bucket, article_id, stored in ReadFlushMark.objects.filter(
                bucket__in=list(buckets)
            ).values_list("bucket", "article_id", "stored")
        }
        deltas: Counter = Counter()
        raised = []
        for bucket, (hour, counts) in buckets.items():
            for article_id, total in counts.items():
                before = marks.get((bucket, article_id), 0)
                if total > before:
                    deltas[article_id, hour] += total - before
                    raised.append((bucket, article_id, hour, total))
        for start in range(0, len(raised), UPSERT_BATCH):
            _upsert_marks(raised[start : start + UPSERT_BATCH])
        return _store_counts_locked(dict(deltas), clock)


def _store_counts_locked(counts: Counts, clock: datetime) -> int:
    items = iter(counts.items())
    written = 0
    while batch := list(islice(items, UPSERT_BATCH)):
        ids = {article_id for (article_id, _), _ in batch}
        existing = set(ArticlePage.objects.filter(pk__in=ids).values_list("pk", flat=True))
        rows = [(a, hour, reads) for (a, hour), reads in batch if a in existing and reads > 0]
        if rows:
            _upsert(ArticleReads, "article", rows)
            _add_rollups(rows, clock)
            written += len(rows)
    return written


def _upsert_marks(rows: list[tuple[str, int, datetime, int]]) -> None:
    """Set (bucket, article id, hour, stored) marks; the caller holds the clock lock."""
    meta = ReadFlushMark._meta
    qn = connection.ops.quote_name
    table = qn(meta.db_table)
    columns = [qn(meta.get_field(name).column) for name in ("bucket", "article_id", "hour")]
    stored = qn(meta.get_field("stored").column)
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}, {stored}) VALUES {values} "  # noqa: S608
        f"ON CONFLICT ({columns[0]}, {columns[1]}) DO UPDATE SET {stored} = excluded.{stored}"
    )
    adapt = connection.ops.adapt_datetimefield_value
    params = []
    for bucket, article_id, hour, total in rows:
        params += [bucket, article_id, adapt(hour), total]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _add_rollups(rows: list[tuple[int, datetime, int]], clock: datetime) -> None:
    """Add article-hour counts to the tag hours and to the running totals."""
    tags_of: dict[int, list[int]] = {}
    pairs = ArticleTag.objects.filter(content_object_id__in={a for a, _, _ in rows})
    for article_id, tag_id in pairs.values_list("content_object_id", "tag_id"):
        tags_of.setdefault(article_id, []).append(tag_id)
    tag_hours: Counter = Counter()
    article_totals: dict[int, list[int]] = {}
    tag_totals: dict[int, list[int]] = {}
    starts = [clock - length for length in TOTALS_WINDOWS.values()]
    for article_id, hour, reads in rows:
        in_windows = [reads if hour >= start else 0 for start in starts]
        for tag_id in tags_of.get(article_id, ()):
            tag_hours[tag_id, hour] += reads
            if any(in_windows):
                _add(tag_totals.setdefault(tag_id, [0] * len(starts)), in_windows)
        if any(in_windows):
            _add(article_totals.setdefault(article_id, [0] * len(starts)), in_windows)
    if tag_hours:
        _upsert(TagReads, "tag", [(t, h, n) for (t, h), n in tag_hours.items()])
    if article_totals:
        _upsert_totals(ArticleReadTotals, "article", article_totals)
    if tag_totals:
        _upsert_totals(TagReadTotals, "tag", tag_totals)


def _add(into: list[int], values: list[int]) -> None:
    for n, value in enumerate(values):
        into[n] += value


def advance_read_totals(now: datetime | None = None) -> datetime:
    """Move the running totals on to the hour of ``now``; return that hour.

    Nothing to do once this process has seen the totals at the current hour (the
    clock never goes back); else a plain read when they are current, and the
    locked update when they are not. So a reader's request pays at most one small
    query an hour for it. Writes (``store_counts``) always check under the lock.
    """
    global _clock_seen
    now = now or timezone.now()
    current = hour_of(now)
    if _clock_seen is not None and _clock_seen >= current:
        return _clock_seen
    clock = ReadTotalsClock.objects.filter(pk=1).values_list("hour", flat=True).first()
    if clock is None or clock < current:
        with transaction.atomic():
            clock = _advance_read_totals(now)
    _clock_seen = clock
    return clock


# The clock's hour as this process last saw it (see ``advance_read_totals``).
_clock_seen: datetime | None = None


def _advance_read_totals(now: datetime) -> datetime:
    """Subtract from each window the hours that left it since the clock's hour.

    Called inside a transaction; the clock row is locked (SQLite: the write
    transaction is IMMEDIATE) so two processes never subtract the same hour. A
    clock more than a week behind, or missing, means rebuilding from the hourly rows.
    """
    current = hour_of(now)
    clock = ReadTotalsClock.objects.select_for_update().filter(pk=1).first()
    if clock is not None and clock.hour >= current:
        return clock.hour
    longest = max(TOTALS_WINDOWS.values())
    if clock is None or current - clock.hour >= longest:
        _rebuild_read_totals(current)
    else:
        for column, length in TOTALS_WINDOWS.items():
            _subtract_hours(column, clock.hour - length, current - length)
        for model in (ArticleReadTotals, TagReadTotals):
            model.objects.filter(last_day__lte=0, last_week__lte=0).delete()
    ReadFlushMark.objects.filter(hour__lt=current - MARKS_KEEP).delete()
    ReadTotalsClock.objects.update_or_create(pk=1, defaults={"hour": current})
    return current


def _subtract_hours(column: str, start: datetime, end: datetime) -> None:
    """Take the reads of the hours ``[start, end)`` off ``column`` of both totals."""
    qn = connection.ops.quote_name
    for totals, hourly, key in (
        (ArticleReadTotals, ArticleReads, "article"),
        (TagReadTotals, TagReads, "tag"),
    ):
        table = qn(totals._meta.db_table)
        key_column = qn(totals._meta.get_field(key).column)
        hourly_key = qn(hourly._meta.get_field(key).column)
        sql = (
            f"UPDATE {table} SET {qn(column)} = {table}.{qn(column)} - gone.reads "  # noqa: S608
            f"FROM (SELECT {hourly_key} AS key, SUM({qn('reads')}) AS reads "
            f"FROM {qn(hourly._meta.db_table)} WHERE {qn('hour')} >= %s AND {qn('hour')} < %s "
            f"GROUP BY {hourly_key}) AS gone WHERE {table}.{key_column} = gone.key"
        )
        adapt = connection.ops.adapt_datetimefield_value
        with connection.cursor() as cursor:
            cursor.execute(sql, [adapt(start), adapt(end)])


def rebuild_read_rollups(now: datetime | None = None) -> None:
    """Recompute the tag hours and the running totals from ``ArticleReads``.

    For data written around ``store_counts`` (an import, the benchmark's generator):
    the tag hours use the tags the articles carry now.
    """
    with transaction.atomic():
        TagReads.objects.all().delete()
        qn = connection.ops.quote_name
        tagged = ArticleTag._meta
        sql = (
            f"INSERT INTO {qn(TagReads._meta.db_table)} (tag_id, hour, reads) "  # noqa: S608
            f"SELECT t.{qn(tagged.get_field('tag').column)}, r.hour, SUM(r.reads) "
            f"FROM {qn(ArticleReads._meta.db_table)} r JOIN {qn(tagged.db_table)} t "
            f"ON t.{qn(tagged.get_field('content_object').column)} = r.article_id "
            f"GROUP BY t.{qn(tagged.get_field('tag').column)}, r.hour"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql)
        current = hour_of(now or timezone.now())
        _rebuild_read_totals(current)
        ReadTotalsClock.objects.update_or_create(pk=1, defaults={"hour": current})


def _rebuild_read_totals(current: datetime) -> None:
    """Sum each window afresh from the hourly rows, aligned to hour ``current``."""
    qn = connection.ops.quote_name
    adapt = connection.ops.adapt_datetimefield_value
    longest = max(TOTALS_WINDOWS.values())
    for totals, hourly, key in (
        (ArticleReadTotals, ArticleReads, "article"),
        (TagReadTotals, TagReads, "tag"),
    ):
        totals.objects.all().delete()
        key_column = qn(hourly._meta.get_field(key).column)
        sums = ", ".join("SUM(CASE WHEN hour >= %s THEN reads ELSE 0 END)" for _ in TOTALS_WINDOWS)
        columns = ", ".join(qn(column) for column in TOTALS_WINDOWS)
        sql = (
            f"INSERT INTO {qn(totals._meta.db_table)} "  # noqa: S608
            f"({qn(totals._meta.get_field(key).column)}, {columns}) "
            f"SELECT {key_column}, {sums} FROM {qn(hourly._meta.db_table)} "
            f"WHERE hour >= %s GROUP BY {key_column}"
        )
        params = [adapt(current - length) for length in TOTALS_WINDOWS.values()]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, adapt(current - longest)])


def _upsert(model, key: str, rows: list[tuple[int, datetime, int]]) -> None:
    """Add (key id, hour, reads) rows to an hourly table."""
    meta = model._meta
    qn = connection.ops.quote_name
    table = qn(meta.db_table)
    key_column = qn(meta.get_field(key).column)
    hour = qn(meta.get_field("hour").column)
    reads = qn(meta.get_field("reads").column)
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({key_column}, {hour}, {reads}) VALUES {values} "  # noqa: S608
        f"ON CONFLICT ({key_column}, {hour}) "
        f"DO UPDATE SET {reads} = {table}.{reads} + excluded.{reads}"
    )
    params = []
    for key_id, moment, count in rows:
        params += [key_id, connection.ops.adapt_datetimefield_value(moment), count]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _upsert_totals(model, key: str, totals: dict[int, list[int]]) -> None:
    """Add per-window reads to a totals table, one row per key id."""
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    key_column = qn(model._meta.get_field(key).column)
    columns = [qn(column) for column in TOTALS_WINDOWS]
    items = list(totals.items())
    for start in range(0, len(items), UPSERT_BATCH):
        chunk = items[start : start + UPSERT_BATCH]
        row = "(" + ", ".join(["%s"] * (1 + len(columns))) + ")"
        updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in columns)
        sql = (
            f"INSERT INTO {table} ({key_column}, {', '.join(columns)}) "  # noqa: S608
            f"VALUES {', '.join([row] * len(chunk))} "
            f"ON CONFLICT ({key_column}) DO UPDATE SET {updates}"
        )
        params = [value for key_id, values in chunk for value in (key_id, *values)]
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
            settings.REDIS_URL, store_cumulative, prefix=f"{prefix}:reads", flush_seconds=seconds
        )
    return LocalReadBuffer(store_counts, flush_seconds=seconds)
