"""The shared limiter for public endpoints: read beacon, hak jawab, any future form.

A limit counts hits per *client network* in a fixed window: the address our own
proxy recorded (``WARTA_PROXY_HOPS``), cut to its /64 for IPv6 (one household or
phone gets a whole /64, so per-address limits would be void). Nothing a client
chooses (User-Agent, cookies, the left part of X-Forwarded-For) goes into the key,
so rotating headers does not buy more hits.

Interface (keep it small; other apps call only these)::

    BEACON = Limit("beacon", count=600, seconds=60)
    if not allow(BEACON, request):            # counts this hit, True while within
        ...
    allow(READS, request, scope=str(article_id))   # a separate counter per scope
    hits(LOGIN, key) / allow_key(LOGIN, key)       # any key, e.g. an account name
    reset_key(LOGIN, key)                          # forget a key's counter
    retry_after(LIMIT)                             # seconds until the window ends
    claim(key, seconds)                            # True the first time in ``seconds``

Counters live in Django's ``default`` cache (Redis in production: one count for
every process and node), made with ``add`` then ``incr``, both atomic. The key is
an HMAC of the network, so no address is stored. When the cache cannot answer
(Redis down or full), counting goes on in this process's memory rather than
letting every hit through: limits then hold per process until Redis is back.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest

logger = logging.getLogger(__name__)

IPV6_PREFIX = 64

# Used only while the shared cache fails; bounded like any LocMemCache.
_fallback = LocMemCache("warta-limits-fallback", {"OPTIONS": {"MAX_ENTRIES": 20_000}})


@dataclass(frozen=True)
class Limit:
    """At most ``count`` hits per ``seconds`` (a fixed window aligned to the epoch)."""

    name: str
    count: int
    seconds: int


def client_address(request: HttpRequest) -> str:
    """The client's address as the nearest trusted proxy saw it.

    With ``WARTA_PROXY_HOPS`` = n, the n-th address from the right of
    X-Forwarded-For is the one our own proxy recorded; anything left of it was
    written by the client and cannot be trusted. Too few entries: the header was
    not written by our proxies, so REMOTE_ADDR (the proxy itself) is used.
    """
    hops = settings.WARTA_PROXY_HOPS
    if hops > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def client_network(request: HttpRequest) -> str:
    """What a limit counts: the IPv4 address, or the IPv6 /64, as text.

    An address that does not parse is kept as it is (lower-cased), so garbage
    from a misconfigured proxy still shares one counter instead of none.
    """
    return network_of(client_address(request))


def network_of(address: str) -> str:
    text = address.strip().lower()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.split(":", 1)[0]
    text = text.split("%", 1)[0]  # fe80::1%eth0
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return text
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False))
    return str(ip)


def allow(limit: Limit, request: HttpRequest, *, scope: str = "") -> bool:
    """Count one hit of this client network (within ``scope``); True while within."""
    return allow_key(limit, f"{scope}\x1f{client_network(request)}")


def allow_key(limit: Limit, key: str) -> bool:
    """Count one hit of ``key``; True while the window's hits are within the limit."""
    return hits(limit, key) <= limit.count


def hits(limit: Limit, key: str) -> int:
    """Count one hit of ``key`` in the current window; return the window's hits."""
    return _incr(_cache_key(limit, key), limit.seconds + 60)


def reset_key(limit: Limit, key: str) -> None:
    """Forget ``key``'s hits in the current window (a successful sign-in, an unlock)."""
    name = _cache_key(limit, key)
    for store in (caches["default"], _fallback):
        try:
            store.delete(name)
        except Exception:  # noqa: BLE001 - best effort, the counter expires anyway
            logger.warning("could not reset limit %s", limit.name)


def retry_after(limit: Limit, now: float | None = None) -> int:
    """Whole seconds until the current window of ``limit`` ends (at least 1)."""
    now = time.time() if now is None else now
    return max(1, int(limit.seconds - now % limit.seconds))


def claim(key: str, seconds: int) -> bool:
    """True the first time ``key`` is claimed within ``seconds`` (``cache.add``), with
    the same fallback as the counters: a failing cache is not "already claimed"."""
    name = f"claim:{key}"
    try:
        add, _ = _unguarded(caches["default"])
        return bool(add(name, 1, seconds))
    except Exception as error:  # noqa: BLE001 - any cache failure means the fallback
        _note_failure(error)
        return bool(_fallback.add(name, 1, seconds))


def _cache_key(limit: Limit, key: str) -> str:
    window = int(time.time() // limit.seconds)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{limit.name}\x1f{key}".encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"limit:{limit.name}:{digest}:{window}"


def _incr(name: str, timeout: int) -> int:
    """add-then-incr on the shared cache; on failure, on this process's memory."""
    try:
        return _strict_incr(caches["default"], name, timeout)
    except Exception as error:  # noqa: BLE001 - any cache failure means the fallback
        _note_failure(error)
        return _strict_incr(_fallback, name, timeout)


# After a failure the shared cache is left alone this long, so a hanging Redis does
# not cost every request a timeout; warnings are logged at most every LOG_EVERY.
RETRY_AFTER = 1.0
LOG_EVERY = 10.0
_down_until = 0.0
_logged_at = 0.0


class _CacheDown(Exception):
    pass


def _note_failure(error: Exception) -> None:
    global _down_until, _logged_at
    now = time.monotonic()
    if not isinstance(error, _CacheDown):
        _down_until = now + RETRY_AFTER
    if now - _logged_at >= LOG_EVERY:
        _logged_at = now
        logger.warning("shared cache failing, limits count in this process: %s", error)


def _strict_incr(store, name: str, timeout: int) -> int:
    add, incr = _unguarded(store)
    for _ in range(2):
        add(name, 0, timeout)
        try:
            return incr(name)
        except ValueError:  # expired between add and incr: add again
            continue
    raise RuntimeError(f"cache would not keep counter {name}")


def _unguarded(store):
    """``add`` and ``incr`` that raise on a Redis failure.

    The default cache in production (``operations.cache.FailSoftRedisCache``)
    answers as an empty cache when Redis fails: its ``incr`` would return 1 forever
    and no limit would hold. Its parent's methods raise instead.
    """
    from warta.operations.cache import FailSoftRedisCache

    if store is not _fallback and time.monotonic() < _down_until:
        raise _CacheDown("shared cache failed less than a second ago")
    if isinstance(store, FailSoftRedisCache):
        parent = super(FailSoftRedisCache, store)
        return parent.add, parent.incr
    return store.add, store.incr
