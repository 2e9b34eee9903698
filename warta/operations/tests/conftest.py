"""Fixtures for the backup tests: a filled site, an empty database to restore into,
and the ``warta`` command run in its own process with another database."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from warta.operations.tests.restoring import postgres_url

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def demo_site(settings):
    """A small site with everything a backup must carry: articles with several
    revisions, images with their renditions, hourly reads. Needs committed rows:
    mark the test ``django_db(transaction=True, serialized_rollback=True)``."""
    from warta.articles.models import ArticlePage
    from warta.demo.services import load_demo_content

    summary = load_demo_content(articles=3, days=2)
    article = ArticlePage.objects.live().first()
    article.title = f"{article.title} (draf)"
    article.save_revision()  # a draft on top of the published revision
    return summary


@pytest.fixture
def empty_database_url(tmp_path):
    """A database with no tables, of the kind the suite runs on: a new SQLite file
    (not created yet), or a new PostgreSQL database dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored' / 'warta.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    name = f"warta_restore_{uuid.uuid4().hex[:10]}"
    params = {
        "dbname": "postgres",
        "user": connection.settings_dict.get("USER") or None,
        "password": connection.settings_dict.get("PASSWORD") or None,
        "host": connection.settings_dict.get("HOST") or None,
        "port": connection.settings_dict.get("PORT") or None,
    }
    params = {key: value for key, value in params.items() if value}
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield postgres_url(connection.settings_dict, name)
    finally:
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def warta_environment(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a ``warta`` process on another database and data dir."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "WARTA_MEDIA_ROOT", "WARTA_DATA_DIR"}
    }
    env.update(
        DATABASE_URL=database_url,
        WARTA_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="warta.config.settings_test",
        WARTA_ENV_FILE=os.devnull,
        PYTHONPATH=str(REPO),
        **extra,
    )
    return env


@pytest.fixture
def warta_cli() -> Callable[..., subprocess.CompletedProcess]:
    """Run ``warta ARGS`` in a new process with the given DATABASE_URL and data dir."""

    def run(*args, database_url: str, data_dir: Path, **extra) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "warta.cli.main", *map(str, args)],
            env=warta_environment(database_url, data_dir, **extra),
            cwd=data_dir.parent,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run
