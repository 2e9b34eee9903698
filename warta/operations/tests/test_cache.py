"""The shared cache answers as an empty cache while Redis is down, and works when up."""

from __future__ import annotations

import os
import socket

import pytest

from warta.operations import cache as fail_soft
from warta.operations.cache import FailSoftRedisCache


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    monkeypatch.setattr(FailSoftRedisCache, "_down_until", 0.0)
    monkeypatch.setattr(FailSoftRedisCache, "_logged_at", 0.0)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_stopped_redis_reads_as_a_miss_and_is_logged_once(caplog):
    cache = FailSoftRedisCache(f"redis://127.0.0.1:{_closed_port()}/0", {})
    assert cache.get("kanal", "bawaan") == "bawaan"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("a", 1) is False
    assert cache.set("a", 1) is None
    assert cache.get_or_set("salt", "garam") == "garam"
    assert cache.incr("hitungan") == 1
    warnings = [r for r in caplog.records if r.name == fail_soft.__name__]
    assert len(warnings) == 1
    assert "Redis unreachable" in warnings[0].getMessage()


@pytest.mark.redis
def test_a_running_redis_is_used():
    cache = FailSoftRedisCache(os.environ["WARTA_TEST_REDIS_URL"], {"KEY_PREFIX": "uji-failsoft"})
    cache.set("kanal", "Nasional", 30)
    assert cache.get("kanal") == "Nasional"
    cache.add("kanal-hitung", 1, 30)
    assert cache.incr("kanal-hitung") == 2
    cache.delete_many(["kanal", "kanal-hitung"])
