"""Small typed readers for settings taken from the environment.

Every knob of Warta is read here so that a wrong value fails at start-up with a
message naming the variable, instead of surfacing later as odd behaviour.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def require(name: str, value: str | None, why: str) -> str:
    """Stop start-up with a plain message when a required value is missing."""
    if not value:
        raise ImproperlyConfigured(f"{name} is not set: {why}")
    return value


def load_local_env() -> list[str]:
    """Read the checkout's ``.env`` (the one ``make run`` writes) for a command a
    person types there: ``warta`` and ``manage.py`` both call this first, so they see
    the same settings. ``WARTA_ENV_FILE`` names another file (``/dev/null``: none).
    Variables already set in the environment win. Returns the names it set.

    Servers (gunicorn, ``wsgi.py``) and tests never call it: they see exactly the
    environment they were started with.
    """
    return load_env_file(os.environ.get("WARTA_ENV_FILE", ".env"))


def load_env_file(path) -> list[str]:
    """Read KEY=VALUE lines from ``path`` into the environment, never overriding a
    variable that is already set. Returns the names it set."""
    from pathlib import Path

    file = Path(path)
    if not file.is_file():
        return []
    loaded = []
    for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.removeprefix("export ").partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name.isidentifier():
            raise ImproperlyConfigured(f"{file}:{number}: expected NAME=value, got {raw!r}")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if name not in os.environ:
            os.environ[name] = value
            loaded.append(name)
    return loaded
