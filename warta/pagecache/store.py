"""The cache entries, the per-tag versions and the rebuild locks.

Purging a tag is O(1): the tag's version becomes the next value of a shared clock
(a counter in the cache, so every node with the same Redis agrees without trusting
wall clocks). An entry remembers the clock value read *before* its page was
rendered; it is valid only while every one of its tags is present and no newer
than that. A purge that lands while a page renders therefore invalidates that page
too, and a tag evicted from the cache invalidates every page that carried it.

An entry outlives its fresh time by a stale window: one request (the holder of a
short lock taken with ``cache.add``) rebuilds it while the others get the stale copy.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches

from warta.pagecache.keys import tag_key

CLOCK_KEY = "pagecache:clock"


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


def bump_tags(tags: list[str]) -> int:
    """Invalidate every entry carrying any of ``tags``; one clock tick, one write."""
    version = tick_clock()
    page_cache().set_many({tag_key(tag): version for tag in tags}, timeout=None)
    return version


def is_current(entry: Entry) -> bool:
    keys = [tag_key(tag) for tag in entry.tags]
    versions = page_cache().get_many(keys)
    return all(key in versions and versions[key] <= entry.clock for key in keys)


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
    cache.set(key, entry, timeout=fresh_seconds + settings.WARTA_PAGE_CACHE_STALE_SECONDS)
    return True


def acquire_rebuild(key: str) -> bool:
    """True for the one request (on any node) that rebuilds ``key`` now."""
    return page_cache().add(f"{key}:lock", 1, timeout=settings.WARTA_PAGE_CACHE_LOCK_SECONDS)


def release_rebuild(key: str) -> None:
    page_cache().delete(f"{key}:lock")
