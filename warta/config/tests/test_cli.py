"""The `warta` command (warta/cli/main.py): `warta run`'s steps, and the word mapping."""

import os

import pytest
from django.contrib.auth import get_user_model

from warta.cli import main as cli


@pytest.fixture
def calls(monkeypatch, settings):
    """Record management commands instead of running them (no migrate, no server)."""
    settings.WARTA_ADMIN_USERNAME = "admin"
    settings.WARTA_ADMIN_PASSWORD = None
    recorded = []

    def fake_call_command(name, *args, **options):
        recorded.append((name, args, options))

    monkeypatch.setattr("django.core.management.call_command", fake_call_command)
    monkeypatch.setattr("django.core.management.get_commands", lambda: {"demo": "warta.demo"})
    monkeypatch.delenv("RUN_MAIN", raising=False)
    monkeypatch.delenv("WARTA_BASE_URL", raising=False)  # restored after the test
    return recorded


@pytest.mark.django_db
def test_run_migrates_creates_admin_adds_demo_then_serves(calls, capsys):
    assert cli.main(["run", "--port", "8011"]) == 0

    assert [name for name, _, _ in calls] == ["migrate", "set_site_address", "demo", "runserver"]
    assert calls[0][2] == {"interactive": False}
    assert calls[2][2] == {"if_empty": True}
    assert calls[3][1:] == (("127.0.0.1:8011",), {"use_reloader": False})
    # Feeds, sitemaps and canonical links will name the address being served.
    assert os.environ["WARTA_BASE_URL"] == "http://127.0.0.1:8011"
    out = capsys.readouterr().out
    user = get_user_model().objects.get(username="admin")
    password = next(line for line in out.splitlines() if "Password" in line).split()[-2]
    assert user.is_superuser and user.check_password(password)
    assert "http://127.0.0.1:8011/admin/" in out


@pytest.mark.django_db
def test_run_with_existing_admin_says_how_to_reset(calls, capsys):
    get_user_model().objects.create_superuser("admin", "a@example.com", "sandi-lama-yang-kuat")

    cli.main(["run"])

    out = capsys.readouterr().out
    assert "warta changepassword admin" in out
    assert "sandi-lama-yang-kuat" not in out
    assert calls[-1][1] == ("127.0.0.1:8000",)


@pytest.mark.django_db
def test_run_options(calls, monkeypatch):
    cli.main(["run", "--host", "::1", "--port", "8001", "--no-demo", "--reload"])

    assert [name for name, _, _ in calls] == ["migrate", "set_site_address", "runserver"]
    assert calls[-1][1:] == (("[::1]:8001",), {"use_reloader": True})


def test_reloaded_child_only_serves(calls, monkeypatch):
    monkeypatch.setenv("RUN_MAIN", "true")

    cli.main(["run"])

    assert [name for name, _, _ in calls] == ["runserver"]


@pytest.mark.django_db
def test_run_without_demo_command_still_serves(calls, monkeypatch, capsys):
    monkeypatch.setattr("django.core.management.get_commands", lambda: {})

    cli.main(["run"])

    assert [name for name, _, _ in calls] == ["migrate", "set_site_address", "runserver"]
    assert "no demo command" in capsys.readouterr().out


def test_other_words_are_management_commands(monkeypatch):
    seen = []
    monkeypatch.setattr("django.core.management.execute_from_command_line", seen.append)

    cli.main(["import-text", "berita.txt", "--dry-run"])

    assert seen == [["warta", "import_text", "berita.txt", "--dry-run"]]


def test_help(capsys):
    assert cli.main([]) == 0
    assert "warta run" in capsys.readouterr().out
