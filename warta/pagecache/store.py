"""The cache entries, the per-tag versions, the removal marks and the rebuild locks.

Purging a tag is O(1): the tag's version becomes the next value of a shared clock
(a counter in the cache, so every node with the same Redis agrees without trusting
wall clocks). An entry remembers the clock value read *before* its page was
rendered; it is current only while every one of its tags is present and no newer
than that. A purge that lands while a page renders therefore invalidates that page
too, and a tag evicted from the cache invalidates every page that carried it.

Two kinds of purge:

- **soft** (an update): the entry is *purged*; one request (the holder of a short
  lock taken with ``cache.add``) rebuilds it while the others get the stale copy.
  An entry past its fresh time (*expired*) is treated the same way.
- **hard** (unpublish, takedown, delete): the tag's removal mark
  (``pagecache:gone:<tag>``) also moves to the new clock value. An entry older than
  a removal mark of one of its tags is *gone*: never served again, not even while
  rebuilding nor when the rebuild fails; every request renders until a fresh entry
  is stored. A missing mark means the tag was never hard-purged.

Redis is a cache, never the truth: every entry also records the cache's identity
(Redis's ``run_id``, which changes on every restart, so a Redis reloaded from an
old snapshot invalidates everything it held) and the generation kept in the
database (``models.CacheGeneration``, bumped when a purge cannot be done). An entry
whose stamp differs from the current one is *invalid*: treated as absent. The
current stamp is memoised per process for ``WARTA_PAGE_CACHE_CHECK_SECONDS``, so a
hit still costs two cache round trips (the entry, then its tags' versions and marks).

Tag versions, marks and the clock are stored without expiry; pages and locks with
one: with Redis's ``maxmemory-policy volatile-lru`` only pages are ever evicted.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches

from warta.pagecache.keys import gone_key, tag_key

logger = logging.getLogger(__name__)

CLOCK_KEY = "pagecache:clock"
LOCAL_IDENTITY = "local"  # caches other than Redis: their identity never changes

FRESH, EXPIRED, PURGED, GONE, INVALID = "fresh", "expired", "purged", "gone", "invalid"


def page_cache():
    return caches[settings.WARTA_PAGE_CACHE_ALIAS]


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    tags: list[str]
    clock: int
    stored_at: float
    fresh_until: float
    etag: str = field(default="")
    generation: int | None = field(default=None)
    identity: str = field(default="")


class Stamp(NamedTuple):
    """What an entry must have been stored under to be served."""

    generation: int | None  # None: the database could not be read yet
    identity: str


_stamps: dict[str, tuple[float, Stamp]] = {}
_stamps_lock = threading.Lock()


def current_stamp() -> Stamp:
    """The database generation and the cache's identity, memoised for a short while.

    Raises when the cache cannot tell its identity (it is down). A database that
    cannot be read keeps the generation last read: nothing can be purged or bumped
    while it is down.
    """
    alias = settings.WARTA_PAGE_CACHE_ALIAS
    now = time.monotonic()
    known = _stamps.get(alias)
    if known is not None and now < known[0]:
        return known[1]
    # One thread looks; the others keep the last stamp meanwhile (a slow database
    # must not queue every request of the process behind it).
    if not _stamps_lock.acquire(blocking=known is None):
        return known[1]
    try:
        known = _stamps.get(alias)
        if known is not None and now < known[0]:
            return known[1]
        identity = cache_identity(page_cache())
        generation = _read_generation(known[1].generation if known else None)
        stamp = Stamp(generation, identity)
        _stamps[alias] = (time.monotonic() + settings.WARTA_PAGE_CACHE_CHECK_SECONDS, stamp)
        return stamp
    finally:
        _stamps_lock.release()


def forget_stamp() -> None:
    """Read the generation and identity afresh on the next request (tests, a bump)."""
    _stamps.clear()


def _read_generation(last_known: int | None) -> int | None:
    from warta.pagecache.models import CacheGeneration

    try:
        return CacheGeneration.current()
    except Exception:
        logger.warning("Page cache: generation unreadable, keeping %s", last_known, exc_info=True)
        return last_known


def cache_identity(cache) -> str:
    """Redis's ``run_id`` (new on every start); a constant for other backends."""
    from django.core.cache.backends.redis import RedisCache

    if not isinstance(cache, RedisCache):
        return LOCAL_IDENTITY
    return str(cache._cache.get_client(write=True).info("server")["run_id"])


def stamp_matches(entry: Entry, stamp: Stamp) -> bool:
    if getattr(entry, "identity", "") != stamp.identity:
        return False
    return stamp.generation is None or getattr(entry, "generation", None) == stamp.generation


def read_clock() -> int:
    """The shared clock now; seeded from the wall clock so a lost counter jumps ahead."""
    cache = page_cache()
    value = cache.get(CLOCK_KEY)
    if value is None:
        cache.add(CLOCK_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(CLOCK_KEY)
    return int(value)


def tick_clock() -> int:
    cache = page_cache()
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:  # no clock yet (new cache, or evicted)
        cache.add(CLOCK_KEY, time.time_ns() // 1000, timeout=None)
        return cache.incr(CLOCK_KEY)


def bump_tags(tags: list[str], *, hard: bool = False) -> int:
    """Invalidate every entry carrying any of ``tags``; one clock tick, one write.

    ``hard`` also sets the tags' removal marks: their entries are never served again.
    """
    version = tick_clock()
    values = {tag_key(tag): version for tag in tags}
    if hard:
        values |= {gone_key(tag): version for tag in tags}
    failed = page_cache().set_many(values, timeout=None)
    if failed:
        raise ConnectionError(f"page cache refused {len(failed)} tag versions")
    return version


def state(entry: Entry) -> str:
    """fresh, expired, purged, gone or invalid: one round trip, plus the memoised stamp."""
    if not stamp_matches(entry, current_stamp()):
        return INVALID
    keys = [tag_key(tag) for tag in entry.tags]
    marks = [gone_key(tag) for tag in entry.tags]
    found = page_cache().get_many(keys + marks)
    if any(found.get(mark, -1) > entry.clock for mark in marks):
        return GONE
    if not all(key in found and found[key] <= entry.clock for key in keys):
        return PURGED
    return FRESH if time.time() < entry.fresh_until else EXPIRED


def is_current(entry: Entry) -> bool:
    return state(entry) in (FRESH, EXPIRED)


def load(key: str) -> Entry | None:
    entry = page_cache().get(key)
    return entry if isinstance(entry, Entry) else None


def save(key: str, entry: Entry, fresh_seconds: int) -> bool:
    """Store ``entry`` for its fresh time plus the stale window; False if a purge won."""
    cache = page_cache()
    keys = [tag_key(tag) for tag in entry.tags]
    versions = cache.get_many(keys)
    missing = [k for k in keys if k not in versions]
    for k in missing:
        # A tag never purged (or evicted) starts at the clock read before the render:
        # entries older than that are invalid, this one is not.
        cache.add(k, entry.clock, timeout=None)
    if missing:
        versions = cache.get_many(keys)
    if not all(k in versions and versions[k] <= entry.clock for k in keys):
        return False
    entry.etag = '"' + hashlib.sha256(entry.content).hexdigest()[:32] + '"'
    if (
        cache.set(key, entry, timeout=fresh_seconds + settings.WARTA_PAGE_CACHE_STALE_SECONDS)
        is False
    ):
        raise ConnectionError("page cache refused the entry")
    return True


def acquire_rebuild(key: str) -> bool:
    """True for the one request (on any node) that rebuilds ``key`` now."""
    return page_cache().add(f"{key}:lock", 1, timeout=settings.WARTA_PAGE_CACHE_LOCK_SECONDS)


def release_rebuild(key: str) -> None:
    page_cache().delete(f"{key}:lock")
