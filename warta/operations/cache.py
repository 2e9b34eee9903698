"""The shared cache as every part but the page cache sees it: Redis down is a miss.

Wagtail (site root paths), the Terpopuler rankings and the read counters all use
Django's ``default`` cache. With plain ``RedisCache`` a stopped Redis turns each of
those calls into an exception and every page into a 500, though the database could
answer. ``FailSoftRedisCache`` answers as an empty cache instead (``get`` gives the
default, writes report failure), logs a warning at most every ``LOG_EVERY`` seconds
per process, and leaves Redis alone for ``RETRY_AFTER`` seconds after a failure so a
page does not wait on a dead server once per cache call.

The page cache keeps its own alias on the plain backend (``WARTA_PAGE_CACHE_ALIAS``):
it must see Redis errors, to serve from the database and to retry and log purges.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 1.0
LOG_EVERY = 10.0


class FailSoftRedisCache(RedisCache):
    _down_until = 0.0
    _logged_at = 0.0

    def _guarded(self, fallback, method, *args, **kwargs):
        now = time.monotonic()
        if now < self._down_until:
            return fallback
        try:
            return method(*args, **kwargs)
        except (RedisError, OSError) as error:
            FailSoftRedisCache._down_until = now + RETRY_AFTER
            if now - FailSoftRedisCache._logged_at >= LOG_EVERY:
                FailSoftRedisCache._logged_at = now
                logger.warning("Redis unreachable, cache calls answer as misses: %s", error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def add(self, key, value, timeout=None, version=None, **kwargs):
        return self._guarded(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None, **kwargs):
        return self._guarded(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None, **kwargs):
        return self._guarded(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=None, version=None, **kwargs):
        return self._guarded(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guarded(None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        # As if the key were new: a counter that cannot be read starts again.
        return self._guarded(delta, super().incr, key, delta, version)

    def clear(self):
        return self._guarded(False, super().clear)
