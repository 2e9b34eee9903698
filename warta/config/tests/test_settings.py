"""Settings read from the environment: fail fast in production, pass Django's deploy checks.

Most of these start a fresh Python, because settings are read once per process.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SETTINGS_FILE = ROOT / "warta" / "config" / "settings.py"
SETUP = "import django; django.setup()"


def clean_env(tmp_path: Path, **values: str) -> dict[str, str]:
    """This process's environment minus every setting (the test overlay sets some)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("WARTA_")
        and key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            "DATABASE_URL",
            "REDIS_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # the browser fixtures set it for this process
        }
    }
    env["DJANGO_SETTINGS_MODULE"] = "warta.config.settings"
    env["WARTA_DATA_DIR"] = str(tmp_path / "data")
    env.update(values)
    return env


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(tmp_path: Path, **values: str) -> dict[str, str]:
    production = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.com",
        "WARTA_HTTPS": "true",
    }
    return clean_env(tmp_path, **{**production, **values})


def test_missing_secret_key_stops_start_up(tmp_path):
    env = clean_env(tmp_path, ALLOWED_HOSTS="example.com")

    result = run_python(["-c", SETUP], env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_missing_allowed_hosts_stops_start_up(tmp_path):
    env = clean_env(tmp_path, SECRET_KEY=secrets.token_urlsafe(50))

    result = run_python(["-c", SETUP], env)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_debug_runs_with_nothing_set(tmp_path):
    result = run_python(["-c", SETUP], clean_env(tmp_path, DEBUG="true"))

    assert result.returncode == 0, result.stderr


def test_unclear_boolean_stops_start_up(tmp_path):
    result = run_python(["-c", SETUP], clean_env(tmp_path, DEBUG="maybe"))

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_deploy_checks_pass_with_production_settings(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_catch_plain_http(tmp_path):
    """The check above is meaningful: without HTTPS the same command fails."""
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path, WARTA_HTTPS="false"),
    )

    assert result.returncode != 0
    assert "security.W" in result.stdout + result.stderr


@pytest.mark.redis
def test_redis_url_selects_the_redis_cache(tmp_path):
    redis_url = os.environ["WARTA_TEST_REDIS_URL"]  # the marker skips the test without it
    code = (
        f"{SETUP}\n"
        "from django.core.cache import caches\n"
        "cache = caches['default']\n"
        "print(type(cache).__name__, type(caches['pagecache']).__name__)\n"
        "cache.set('probe', 'ada', 30)\n"
        "print(cache.get('probe'))\n"
        "cache.delete('probe')\n"
    )
    env = clean_env(
        tmp_path, DEBUG="true", REDIS_URL=redis_url, WARTA_CACHE_PREFIX=f"test-{uuid.uuid4()}"
    )

    result = run_python(["-c", code], env)

    assert result.returncode == 0, result.stderr
    # The page cache sees Redis errors; everything else reads a stopped Redis as a miss.
    assert result.stdout.split() == ["FailSoftRedisCache", "RedisCache", "ada"]


def test_env_example_lists_every_variable():
    read = set(
        re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z][A-Z0-9_]*)"', SETTINGS_FILE.read_text())
    )
    listed = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    )

    assert "SECRET_KEY" in read and "DATABASE_URL" in read
    assert sorted(read - listed) == [], ".env.example is missing these variables"
