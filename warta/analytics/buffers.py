"""Where counted reads wait before they are written to the database in one batch.

A beacon must not cost a database write: it adds one to a counter here, and every
few seconds one request finds a flush due and writes every waiting count with one
bulk upsert (``services.store_counts``). Two kinds, same interface:

- ``RedisReadBuffer`` (when ``REDIS_URL`` is set): one Redis hash per hour, shared
  by every process and node; HINCRBY per read; a flush takes the hashes atomically.
- ``LocalReadBuffer``: a dict in this process, for the embedded single-process
  set-up; flushed at process exit too, capped so it never grows without bound.

Either way a crash loses at most the reads since the last flush.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import redis

logger = logging.getLogger(__name__)

# (article id, hour) -> reads
Counts = dict[tuple[int, datetime], int]
Store = Callable[[Counts], int]

_STAMP = "%Y%m%d%H"


def hour_of(moment: datetime) -> datetime:
    """The bucket a moment falls in: the start of its hour, in UTC."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _write_or_put_back(buffer, taken: Counts) -> int:
    """Write ``taken`` with the buffer's store; on failure keep the counts for the next
    flush (the buffer's own ``_put_back``) instead of losing them."""
    if not taken:
        return 0
    try:
        return buffer.store(taken)
    except Exception:
        logger.exception("writing %s buffered read counts failed; kept for later", len(taken))
        buffer._put_back(taken)
        return 0


class LocalReadBuffer:
    """Counts in this process's memory, written out in batches.

    ``max_keys`` caps the distinct (article, hour) pairs held: when full, the buffer
    flushes synchronously; if that fails (database down) the read is dropped with a
    warning rather than letting memory grow.
    """

    def __init__(self, store: Store, flush_seconds: float = 5, max_keys: int = 10_000):
        self.store = store
        self.flush_seconds = flush_seconds
        self.max_keys = max_keys
        self._counts: Counts = {}
        self._lock = threading.Lock()
        self._last_flush = time.monotonic()
        self._exit_flush_registered = False
        self.dropped = 0

    def __len__(self) -> int:
        return len(self._counts)

    def add(self, article_id: int, hour: datetime) -> bool:
        """Count one read; return whether a flush is due."""
        key = (article_id, hour)
        for attempt in range(2):
            with self._lock:
                if key in self._counts or len(self._counts) < self.max_keys:
                    self._counts[key] = self._counts.get(key, 0) + 1
                    self._register_exit_flush()
                    return time.monotonic() - self._last_flush >= self.flush_seconds
            if attempt == 0:
                self.flush()
        self.dropped += 1
        logger.warning(
            "read buffer full (%s articles x hours) and the flush failed: read dropped",
            self.max_keys,
        )
        return False

    def flush(self) -> int:
        """Write every waiting count; return the number of (article, hour) rows."""
        with self._lock:
            taken, self._counts = self._counts, {}
            self._last_flush = time.monotonic()
        return _write_or_put_back(self, taken)

    def clear(self) -> None:
        with self._lock:
            self._counts = {}

    def _put_back(self, taken: Counts) -> None:
        with self._lock:
            for key, reads in taken.items():
                if key in self._counts or len(self._counts) < self.max_keys:
                    self._counts[key] = self._counts.get(key, 0) + reads
                else:
                    self.dropped += reads

    def _register_exit_flush(self) -> None:
        """Flush at exit, registered only once counts exist (the lock is held)."""
        if not self._exit_flush_registered:
            atexit.register(self.flush)
            self._exit_flush_registered = True


class RedisReadBuffer:
    """Counts in Redis: ``<prefix>:h:<YYYYMMDDHH>`` hashes of article id -> reads.

    ``<prefix>:hours`` lists the hours waiting; ``<prefix>:flush`` is a lock that
    lives ``flush_seconds``: the request that manages to set it does the flush, so
    all processes together write at most once per interval.
    """

    # Unflushed hours expire after this long, so Redis never fills up with them.
    KEEP = timedelta(days=7)

    def __init__(
        self,
        url: str,
        store: Store,
        prefix: str = "warta:reads",
        flush_seconds: float = 5,
        client: redis.Redis | None = None,
    ):
        self.redis = client or redis.Redis.from_url(url, socket_timeout=2)
        self.store = store
        self.prefix = prefix
        self.flush_seconds = flush_seconds
        self.hours_key = f"{prefix}:hours"
        self.lock_key = f"{prefix}:flush"

    def _hash_key(self, stamp: str) -> str:
        return f"{self.prefix}:h:{stamp}"

    def add(self, article_id: int, hour: datetime) -> bool:
        """Count one read (one round trip); return whether this request should flush."""
        stamp = hour.strftime(_STAMP)
        keep = int(self.KEEP.total_seconds())
        pipe = self.redis.pipeline(transaction=True)
        pipe.hincrby(self._hash_key(stamp), article_id, 1)
        pipe.expire(self._hash_key(stamp), keep)
        pipe.sadd(self.hours_key, stamp)
        pipe.expire(self.hours_key, keep)
        pipe.set(self.lock_key, 1, nx=True, ex=max(1, int(self.flush_seconds)))
        return bool(pipe.execute()[-1])

    def pending(self) -> Counts:
        """What is waiting, without taking it (for tests and the admin)."""
        counts: Counts = {}
        for stamp in self.redis.smembers(self.hours_key):
            hour = _parse_stamp(stamp)
            for article, reads in self.redis.hgetall(self._hash_key(stamp.decode())).items():
                counts[(int(article), hour)] = int(reads)
        return counts

    def flush(self) -> int:
        """Take every waiting hour atomically, write it, and put it back on failure."""
        stamps = sorted(s.decode() for s in self.redis.smembers(self.hours_key))
        if not stamps:
            return 0
        pipe = self.redis.pipeline(transaction=True)
        for stamp in stamps:
            pipe.hgetall(self._hash_key(stamp))
            pipe.delete(self._hash_key(stamp))
            pipe.srem(self.hours_key, stamp)
        results = pipe.execute()
        taken: Counts = {}
        for stamp, fields in zip(stamps, results[::3], strict=True):
            hour = _parse_stamp(stamp)
            for article, reads in fields.items():
                taken[(int(article), hour)] = int(reads)
        return _write_or_put_back(self, taken)

    def clear(self) -> None:
        keys = list(self.redis.scan_iter(f"{self.prefix}:*"))
        if keys:
            self.redis.delete(*keys)

    def _put_back(self, taken: Counts) -> None:
        keep = int(self.KEEP.total_seconds())
        pipe = self.redis.pipeline(transaction=True)
        for (article, hour), reads in taken.items():
            stamp = hour.strftime(_STAMP)
            pipe.hincrby(self._hash_key(stamp), article, reads)
            pipe.expire(self._hash_key(stamp), keep)
            pipe.sadd(self.hours_key, stamp)
        try:
            pipe.execute()
        except redis.RedisError:
            logger.exception("could not put %s read counts back into Redis: lost", len(taken))


def _parse_stamp(stamp: str | bytes) -> datetime:
    if isinstance(stamp, bytes):
        stamp = stamp.decode()
    return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
