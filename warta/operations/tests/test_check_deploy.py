"""``warta check-deploy``: each broken part is named in plain words and fails the run."""

from __future__ import annotations

import secrets
import socket
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.utils import ConnectionHandler
from django.test import override_settings

from warta.operations import checks

STRONG = secrets.token_urlsafe(50)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _connection(settings_dict: dict):
    handler = ConnectionHandler({"default": settings_dict})
    return handler["default"]


@pytest.fixture
def own_connections(django_db_blocker):
    """Let the checks open the connections these tests build (not the test database)."""
    with django_db_blocker.unblock():
        yield


def test_a_strong_random_secret_passes():
    assert checks.secret_key(STRONG).status == checks.OK


@pytest.mark.parametrize(
    ("secret", "says"),
    [
        ("", "SECRET_KEY kosong"),
        ("rahasia", "terlalu lemah (7 karakter"),
        ("a" * 60, "terlalu lemah (60 karakter, 1 berbeda)"),
        ("warta-local-development-only-not-for-production", "dikenal umum"),
        ("django-insecure-" + STRONG, "dikenal umum"),
    ],
)
def test_a_missing_short_or_public_secret_is_a_problem(secret, says):
    finding = checks.secret_key(secret)
    assert finding.failed
    assert says in finding.message


def test_debug_and_hosts():
    assert checks.debug(True).failed
    assert "DEBUG menyala" in checks.debug(True).message
    assert not checks.debug(False).failed
    assert "ALLOWED_HOSTS kosong" in checks.allowed_hosts([]).message
    assert "memuat '*'" in checks.allowed_hosts(["*"]).message
    assert not checks.allowed_hosts(["warta.example.id"]).failed


def test_an_unreachable_postgresql_is_named_without_its_password(own_connections):
    port = _closed_port()
    connection = _connection(
        {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "warta_tidak_ada",
            "USER": "warta",
            "PASSWORD": "sandi-rahasia-sekali",
            "HOST": "127.0.0.1",
            "PORT": str(port),
        }
    )
    finding = checks.database(connection)
    assert finding.failed
    assert f"warta_tidak_ada di 127.0.0.1:{port} tidak bisa dihubungi" in finding.message
    assert "Periksa DATABASE_URL" in finding.message
    assert "refused" in finding.message.lower() or "menolak" in finding.message.lower()
    assert "sandi-rahasia-sekali" not in finding.message


def test_an_unmigrated_database_lists_what_is_missing(tmp_path, own_connections):
    connection = _connection(
        {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "kosong.sqlite3")}
    )
    try:
        reachable = checks.database(connection)
        assert reachable.status == checks.WARNING  # SQLite: fine for one machine only
        assert "PostgreSQL" in reachable.message
        finding = checks.migrations(connection)
    finally:
        connection.close()
    assert finding.failed
    assert "migrasi belum dijalankan (contenttypes.0001_initial" in finding.message
    assert "Jalankan `warta migrate`" in finding.message


@pytest.mark.django_db
def test_a_migrated_database_passes():
    from django.db import connection

    assert checks.migrations(connection).status == checks.OK


def test_an_unreachable_redis_is_a_problem_and_no_redis_a_warning():
    finding = checks.redis(f"redis://127.0.0.1:{_closed_port()}/3")
    assert finding.failed
    assert "tidak bisa dihubungi" in finding.message and "REDIS_URL" in finding.message
    assert checks.redis(None).status == checks.WARNING


@pytest.fixture
def redis_config(redis_url):
    """The test Redis with its memory settings restored afterwards: CONFIG SET is
    server-wide, so every value changed here is put back in a finally. The tests using
    it run in the SQLite pass only (``sqlite_pass``): the PostgreSQL pass runs at the
    same time against the same server, and two save-and-restore pairs interleaving
    would leave it with a test's settings."""
    import redis as redis_client

    client = redis_client.Redis.from_url(redis_url)
    saved = {name: client.config_get(name)[name] for name in ("maxmemory", "maxmemory-policy")}
    try:
        yield client
    finally:
        for name, value in saved.items():
            client.config_set(name, value)
        client.close()


@pytest.mark.redis
@pytest.mark.sqlite_pass
def test_a_running_redis_that_evicts_only_pages_passes(redis_url, redis_config):
    redis_config.config_set("maxmemory", str(4 * 1024**3))
    redis_config.config_set("maxmemory-policy", "volatile-lru")
    finding = checks.redis(redis_url)
    assert finding.status == checks.OK, finding.message
    assert "volatile-lru" in finding.message


@pytest.mark.redis
@pytest.mark.sqlite_pass
@pytest.mark.parametrize("policy", ["noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random"])
def test_a_redis_that_freezes_the_site_or_loses_reads_fails(redis_url, redis_config, policy):
    redis_config.config_set("maxmemory", str(4 * 1024**3))
    redis_config.config_set("maxmemory-policy", policy)
    finding = checks.redis(redis_url)
    assert finding.failed, policy
    assert "volatile-lru" in finding.message and policy in finding.message


@pytest.mark.redis
@pytest.mark.sqlite_pass
def test_a_redis_without_a_memory_limit_is_a_warning(redis_url, redis_config):
    redis_config.config_set("maxmemory", "0")
    redis_config.config_set("maxmemory-policy", "volatile-lru")
    finding = checks.redis(redis_url)
    assert finding.status == checks.WARNING and "maxmemory" in finding.message


@pytest.mark.redis
@pytest.mark.sqlite_pass
def test_a_redis_refusing_config_get_is_a_warning(redis_url, redis_config):
    """A managed Redis often forbids CONFIG: here an ACL user without it."""
    from urllib.parse import urlsplit, urlunsplit

    user = f"warta-tanpa-config-{uuid.uuid4().hex[:8]}"
    redis_config.acl_setuser(
        user, enabled=True, passwords=["+rahasia"], keys=["*"], commands=["+@all", "-config"]
    )
    try:
        parts = urlsplit(redis_url)
        limited = urlunsplit(parts._replace(netloc=f"{user}:rahasia@{parts.hostname}:{parts.port}"))
        finding = checks.redis(limited)
    finally:
        redis_config.acl_deluser(user)
    assert finding.status == checks.WARNING, finding.message
    assert "CONFIG GET ditolak" in finding.message and "volatile-lru" in finding.message


def test_static_files_must_be_collected_with_their_manifest(tmp_path):
    from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

    storage = ManifestStaticFilesStorage(location=tmp_path)
    finding = checks.static_files(storage, tmp_path)
    assert finding.failed
    assert "belum dikumpulkan" in finding.message and "staticfiles.json" in finding.message
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    assert checks.static_files(storage, tmp_path).status == checks.OK


@pytest.mark.django_db
def test_the_command_lists_every_problem_and_exits_non_zero(capsys):
    with (
        override_settings(SECRET_KEY="rahasia", DEBUG=False),
        pytest.raises(CommandError) as raised,
    ):
        call_command("check_deploy")
    out = capsys.readouterr().out
    assert "MASALAH    SECRET_KEY terlalu lemah" in out
    assert "ok         DEBUG mati." in out
    assert "ok         Semua migrasi sudah dijalankan." in out
    # The test settings store static files without a manifest and run on plain HTTP.
    assert "MASALAH    Berkas statis" in out
    assert "security.W012" in out
    assert "masalah harus diperbaiki" in str(raised.value)
