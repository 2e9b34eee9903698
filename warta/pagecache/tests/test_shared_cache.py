"""On the embedded default (no REDIS_URL) every process of a site shares one page
cache on disk, so a purge by a command reaches the pages the web process serves
(issue 10: after ``warta take-down`` the article stayed readable for minutes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from warta.articles.models import TakedownReason
from warta.pagecache import store
from warta.testing.factories import make_article, make_section

ROOT = Path(__file__).resolve().parents[3]
BODY = "Banjir melanda ibu kota"


def _env(data_dir: Path, **values: str) -> dict[str, str]:
    """The environment of a command run by hand next to ``make run``: no test overlay."""
    dropped = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WARTA_", "DJANGO_")) and key not in dropped
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "warta.config.settings",
        "WARTA_ENV_FILE": str(data_dir / "no-such.env"),
        "WARTA_DATA_DIR": str(data_dir),
        "DEBUG": "true",
        **values,
    }
    return env


def _warta(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``warta <args>`` in its own OS process."""
    code = "import sys; from warta.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", code, *args],
        cwd=data_dir,
        env=_env(data_dir, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _python(data_dir: Path, code: str) -> subprocess.CompletedProcess:
    setup = "import django; django.setup()\n"
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", setup + code],
        cwd=ROOT,
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def shared_disk_cache(tmp_path, settings):
    """This process uses the cache the embedded settings give every process."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    printed = _python(
        data_dir,
        "import json; from django.conf import settings; print(json.dumps(settings.CACHES))",
    )
    assert printed.returncode == 0, printed.stderr
    embedded = json.loads(printed.stdout.strip().splitlines()[-1])
    assert embedded["pagecache"]["BACKEND"] == "diskcache.DjangoCache"
    assert embedded["pagecache"]["LOCATION"] == str(data_dir.resolve() / "cache")
    assert embedded["default"]["LOCATION"] == embedded["pagecache"]["LOCATION"]
    settings.CACHES = embedded
    store.forget_stamp()
    yield data_dir
    store.page_cache().clear()


@pytest.mark.django_db
@pytest.mark.urls("warta.pagecache.tests.urls")
def test_a_purge_by_another_process_reaches_this_one(client, shared_disk_cache):
    assert client.get("/hitung/")["X-Cache"] == "MISS"
    assert client.get("/hitung/")["X-Cache"] == "HIT"

    purged = _python(
        shared_disk_cache,
        "from warta.pagecache.services import purge_tags\nprint(purge_tags(['test:counted']))",
    )
    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.strip().splitlines()[-1] == "True"

    assert client.get("/hitung/")["X-Cache"] == "MISS"  # the very next request
    assert client.get("/hitung/")["X-Cache"] == "HIT"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_warta_take_down_in_another_process_is_seen_at_once(client, shared_disk_cache):
    """The real command, on the same database: the next request of the web process
    gets the notice, none the article."""
    article = make_article(title=BODY, section=make_section("Nasional"))
    url = article.url
    client.get(url)
    cached = client.get(url)
    assert (cached.status_code, cached["X-Cache"]) == (200, "HIT")

    params = connection.settings_dict
    database_url = (
        f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
        f"/{params['NAME']}"
    )
    result = _warta(
        shared_disk_cache,
        "take-down",
        str(article.pk),
        "--reason",
        TakedownReason.SARA,
        DATABASE_URL=database_url,
    )
    assert result.returncode == 0, result.stderr

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 410
        assert BODY.encode() not in response.content
