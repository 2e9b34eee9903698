"""Where counted reads wait before they are written to the database in one batch.

A beacon must not cost a database write: it adds one to a counter here, and every
few seconds one request finds a flush due and writes every waiting count with one
bulk upsert (``services.store_counts``). Two kinds, same interface:

- ``RedisReadBuffer`` (when ``REDIS_URL`` is set): cumulative counters per (Redis
  run, hour), shared by every process and node; one script call per read; a flush
  stores only what the database does not hold yet, so it is idempotent and
  survives a Redis restarted from an older snapshot. A read Redis refuses (down,
  full) is written to the database by the beacon itself. What can still be lost is
  said in the class's docstring.
- ``LocalReadBuffer``: a dict in this process, for the embedded single-process
  set-up; flushed at process exit too, capped so it never grows without bound. A
  crash of the process loses the reads since its last flush.
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


class BufferUnavailable(Exception):
    """The buffer could not take a read: the caller writes it to the database itself."""


# Cumulative counts of one bucket: (its hour, {article id: reads since the bucket began}).
Bucket = tuple[datetime, dict[int, int]]
CumulativeStore = Callable[[dict[str, Bucket]], int]

# Count one read in the bucket of Redis's current run and hour, mark the bucket
# dirty, and take the flush lock if free. One script, so all or nothing; the run id
# is read inside it, so a restarted Redis never adds to a bucket it restored.
_ADD = """
local run = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')
local bucket = run .. ':' .. ARGV[2]
redis.call('HINCRBY', ARGV[1] .. ':b:' .. bucket, ARGV[3], 1)
redis.call('HINCRBY', KEYS[1], bucket, 1)
if redis.call('SET', KEYS[2], 1, 'NX', 'EX', ARGV[4]) then return 1 end
return 0
"""

# After a flush is committed: a bucket untouched since it was read (same version in
# the dirty hash) is clean; its counters are deleted too once no read can still be
# added to them (another run's, or an hour older than ARGV[2]).
_FINISH = """
local run = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')
local cleaned = 0
for i = 3, #ARGV, 2 do
  local bucket = ARGV[i]
  if redis.call('HGET', KEYS[1], bucket) == ARGV[i + 1] then
    redis.call('HDEL', KEYS[1], bucket)
    cleaned = cleaned + 1
    local bucket_run, stamp = string.match(bucket, '^(%x+):(%d+)$')
    if bucket_run ~= run or stamp < ARGV[2] then
      redis.call('DEL', ARGV[1] .. ':b:' .. bucket)
    end
  end
end
return cleaned
"""


class RedisReadBuffer:
    """Counts in Redis, as cumulative counters that a flush never resets.

    Keys (none with a TTL, so ``volatile-lru`` never evicts them; see below):

    - ``<prefix>:b:<run id>:<YYYYMMDDHH>``: a hash, article id -> reads counted in
      that bucket since it began. The run id is Redis's own (``INFO server``), new
      at every start, so a Redis restarted from an older snapshot starts new
      buckets instead of counting up again from older values.
    - ``<prefix>:dirty``: bucket -> a version bumped by every read; what a flush reads.
    - ``<prefix>:flush``: a lock that lives ``flush_seconds``: the request that sets
      it flushes, so all processes together flush at most once per interval.

    A flush stores, per (bucket, article), only what exceeds the cumulative value
    the database already holds (``services.store_cumulative``, one transaction with
    the marks). So a flush run twice, a flush whose clean-up failed, or a bucket
    restored from a snapshot counts nothing twice; if the database fails nothing is
    taken out of Redis, and the next flush tries again.

    Bounded without a TTL: a bucket's counters are deleted once it is flushed and
    no read can reach it any more (an hour past its own, or another run's), so Redis
    holds about two hours of (article -> count) fields; while the database is down,
    one hash per hour. Buckets older than ``KEEP`` are dropped unstored (logged):
    the database forgets its marks after ``KEEP`` + 1 day, and beyond that could not
    tell a restored bucket from a new one.

    What can still be lost: reads Redis accepted and no flush stored before Redis
    died without persisting them (at most ``flush_seconds`` of reads with a
    working database, or everything since the last snapshot/AOF sync). Each of those
    beacons already had its 204; nothing in Warta holds a second copy. When Redis
    refuses a read (down, full, read-only), ``add`` raises ``BufferUnavailable`` and
    the beacon writes the read to the database itself.
    """

    KEEP = timedelta(days=2)

    def __init__(
        self,
        url: str,
        store: CumulativeStore,
        prefix: str = "warta:reads",
        flush_seconds: float = 5,
        client: redis.Redis | None = None,
    ):
        self.redis = client or redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        self.store = store
        self.prefix = prefix
        self.flush_seconds = flush_seconds
        self.dirty_key = f"{prefix}:dirty"
        self.lock_key = f"{prefix}:flush"
        self._add = self.redis.register_script(_ADD)
        self._finish = self.redis.register_script(_FINISH)

    def bucket_key(self, bucket: str) -> str:
        return f"{self.prefix}:b:{bucket}"

    def add(self, article_id: int, hour: datetime) -> bool:
        """Count one read (one round trip); return whether this request should flush.

        Raises ``BufferUnavailable`` when Redis does not take it.
        """
        try:
            due = self._add(
                keys=[self.dirty_key, self.lock_key],
                args=[
                    self.prefix,
                    hour.strftime(_STAMP),
                    article_id,
                    max(1, int(self.flush_seconds)),
                ],
            )
        except (redis.RedisError, OSError) as error:
            raise BufferUnavailable(str(error)) from error
        return bool(due)

    def _dirty(self) -> dict[str, tuple[datetime, str, dict[int, int]]]:
        """bucket -> (hour, version, cumulative counts) of every dirty bucket.

        The versions are read first: the counters, read after, include at least
        every read those versions stand for.
        """
        versions = {
            name.decode(): version.decode()
            for name, version in self.redis.hgetall(self.dirty_key).items()
        }
        if not versions:
            return {}
        names = sorted(versions)
        pipe = self.redis.pipeline(transaction=False)
        for name in names:
            pipe.hgetall(self.bucket_key(name))
        found = {}
        for name, fields in zip(names, pipe.execute(), strict=True):
            counts = {int(article): int(reads) for article, reads in fields.items()}
            found[name] = (_parse_stamp(name.rsplit(":", 1)[-1]), versions[name], counts)
        return found

    def pending(self) -> Counts:
        """The cumulative counts of the buckets a flush will read (tests, the admin).

        Includes reads already stored from a bucket still marked dirty."""
        counts: Counts = {}
        for hour, _, fields in self._dirty().values():
            for article, reads in fields.items():
                counts[(article, hour)] = counts.get((article, hour), 0) + reads
        return counts

    def flush(self, now: datetime | None = None) -> int:
        """Store what the dirty buckets hold beyond what is stored; return the rows
        written. If the database fails the buckets stay dirty for the next flush."""
        dirty = self._dirty()
        if not dirty:
            return 0
        current = hour_of(now or datetime.now(UTC))
        oldest = current - self.KEEP
        fresh: dict[str, Bucket] = {}
        for name, (hour, _, counts) in dirty.items():
            if hour < oldest:
                logger.warning(
                    "dropping read bucket %s (%s reads): older than %s, its marks are gone",
                    name,
                    sum(counts.values()),
                    self.KEEP,
                )
            else:
                fresh[name] = (hour, counts)
        try:
            written = self.store(fresh) if fresh else 0
        except Exception:
            logger.exception("storing %s read buckets failed; they stay in Redis", len(fresh))
            return 0
        keep_from = (current - timedelta(hours=1)).strftime(_STAMP)
        args = [self.prefix, keep_from]
        for name, (_, version, _) in dirty.items():
            args += [name, version]
        self._finish(keys=[self.dirty_key], args=args)
        return written

    def clear(self) -> None:
        keys = list(self.redis.scan_iter(f"{self.prefix}:*"))
        if keys:
            self.redis.delete(*keys)


def eviction_problem(client: redis.Redis) -> str | None:
    """Why this Redis could lose waiting read counts, in Indonesian, or None.

    The counters have no TTL: ``volatile-*`` policies never evict them (and pages,
    which have one, go first); ``noeviction`` refuses reads when full (the beacon
    then writes to the database, but the page cache freezes); ``allkeys-*`` may
    evict a counter, and its reads since the last flush are gone. For
    ``warta check-deploy``.
    """
    policy = next(iter(client.config_get("maxmemory-policy").values()), "")
    if isinstance(policy, bytes):
        policy = policy.decode()
    if policy.startswith("allkeys"):
        return (
            f"maxmemory-policy {policy} dapat membuang jumlah baca yang belum disimpan; "
            "pakai volatile-lru."
        )
    return None


def _parse_stamp(stamp: str | bytes) -> datetime:
    if isinstance(stamp, bytes):
        stamp = stamp.decode()
    return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
