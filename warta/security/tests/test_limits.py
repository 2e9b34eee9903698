"""The shared limiter: keyed on the network our proxy saw, shared through the cache,
still holding when the cache fails."""

from __future__ import annotations

import socket
import uuid

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from warta.operations.cache import FailSoftRedisCache
from warta.security import limits
from warta.security.limits import Limit

THREE = Limit("uji", count=3, seconds=3600)


@pytest.fixture(autouse=True)
def _fresh_limits():
    for cache in caches.all():
        cache.clear()
    limits._fallback.clear()
    limits._down_until = 0.0
    FailSoftRedisCache._down_until = 0.0
    yield
    limits._fallback.clear()
    limits._down_until = 0.0
    FailSoftRedisCache._down_until = 0.0


def _request(address: str = "203.0.113.5", user_agent: str = "Firefox", **meta):
    return RequestFactory().post("/x/", REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent, **meta)


def _allowed(limit: Limit, requests, **kwargs) -> int:
    return sum(limits.allow(limit, request, **kwargs) for request in requests)


@pytest.mark.parametrize(
    "address, network",
    [
        ("203.0.113.5", "203.0.113.5"),
        ("203.0.113.5:51234", "203.0.113.5"),
        ("2001:DB8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::9]:443", "2001:db8:1:2::/64"),
        ("fe80::1%eth0", "fe80::/64"),
        ("::ffff:198.51.100.4", "198.51.100.4"),
        ("bukan-alamat", "bukan-alamat"),
    ],
)
def test_the_network_a_limit_counts(address, network):
    assert limits.network_of(address) == network


def test_rotating_the_user_agent_does_not_escape_a_limit():
    requests = [_request(user_agent=f"Firefox/{n}") for n in range(30)]
    assert _allowed(THREE, requests) == 3
    assert limits.allow(THREE, _request("203.0.113.6"))  # another address


def test_ipv6_addresses_in_one_64_share_a_limit():
    same = [_request(f"2001:db8:5:6::{n:x}") for n in range(10)]
    assert _allowed(THREE, same) == 3
    assert limits.allow(THREE, _request("2001:db8:5:7::1"))


def test_scopes_and_limits_count_apart():
    request = _request()
    assert _allowed(THREE, [request] * 5, scope="berita-1") == 3
    assert _allowed(THREE, [request] * 5, scope="berita-2") == 3
    assert _allowed(Limit("lain", 1, 60), [request] * 5) == 1


def test_behind_a_proxy_only_the_address_it_recorded_counts(settings):
    settings.WARTA_PROXY_HOPS = 1
    forged = [
        _request("10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 198.51.100.9") for n in range(9)
    ]
    assert _allowed(THREE, forged) == 3
    # Without the header our proxy always writes, the peer address counts.
    assert limits.client_address(_request("10.0.0.1")) == "10.0.0.1"


def test_a_new_window_starts_from_zero(monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(limits.time, "time", lambda: clock[0])
    request = _request()
    assert _allowed(THREE, [request] * 5) == 3
    assert limits.retry_after(THREE) == 3600 - 1_000_000 % 3600
    clock[0] += limits.retry_after(THREE)
    assert _allowed(THREE, [request] * 5) == 3


def test_counts_keys_and_reset():
    assert [limits.hits(THREE, "akun:budi") for _ in range(4)] == [1, 2, 3, 4]
    assert not limits.allow_key(THREE, "akun:budi")
    limits.reset_key(THREE, "akun:budi")
    assert limits.allow_key(THREE, "akun:budi")


def test_no_address_is_stored():
    limits.allow(THREE, _request("203.0.113.77"))
    stored = " ".join(caches["default"]._cache)  # locmem: every key in this process
    assert "limit:uji:" in stored
    assert "203.0.113.77" not in stored


def test_claim_is_true_once():
    assert limits.claim("baca:x", 60) is True
    assert limits.claim("baca:x", 60) is False


# Redis --------------------------------------------------------------------------------


def _redis_cache(settings, location: str) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "warta.operations.cache.FailSoftRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"warta-test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.redis
def test_processes_share_one_count_through_redis(settings, redis_url):
    _redis_cache(settings, redis_url)
    request = _request()
    assert _allowed(THREE, [request] * 2) == 2
    # Another process: its own connection, the same Redis.
    caches["default"].close()
    limits._fallback.clear()
    assert _allowed(THREE, [request] * 3) == 1
    caches["default"].clear()


def test_with_the_cache_down_limits_still_hold_in_this_process(settings):
    """FailSoftRedisCache answers incr with 1 when Redis is down: a limit built on it
    would let everything through. The limiter counts in memory instead."""
    _redis_cache(settings, f"redis://127.0.0.1:{_closed_port()}/0")
    requests = [_request(user_agent=f"UA {n}") for n in range(20)]
    assert _allowed(THREE, requests) == 3
    assert limits.claim("baca:y", 60) is True
    assert limits.claim("baca:y", 60) is False
