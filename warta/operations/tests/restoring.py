"""Helpers for the backup tests: open a database by its URL, read a media tree."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.db import connection

from warta.operations import backup


def database_at(url: str):
    """The backup module's view of the database at ``url`` (for counting rows)."""
    settings_dict = dj_database_url.parse(url)
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return backup.SQLiteDatabase(settings_dict["NAME"])
    return backup.PostgresDatabase(settings_dict)


def media_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative path, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def postgres_url(settings_dict: dict, name: str) -> str:
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or ""
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{name}"


def suite_database_url() -> str:
    """The DATABASE_URL of the suite's PostgreSQL test database."""
    return postgres_url(connection.settings_dict, connection.settings_dict["NAME"])
