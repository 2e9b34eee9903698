"""The typed readers in warta.config.env."""

import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from warta.config.env import env_bool, env_int, env_list, env_str, load_env_file, require


@pytest.mark.parametrize("value", ["1", "true", "True", " yes ", "ON"])
def test_env_bool_true(monkeypatch, value):
    monkeypatch.setenv("WARTA_X", value)
    assert env_bool("WARTA_X") is True


@pytest.mark.parametrize("value", ["0", "false", "No", "off", ""])
def test_env_bool_false(monkeypatch, value):
    monkeypatch.setenv("WARTA_X", value)
    assert env_bool("WARTA_X", True) is False


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("WARTA_X", raising=False)
    assert env_bool("WARTA_X", True) is True


def test_env_bool_rejects_maybe(monkeypatch):
    monkeypatch.setenv("WARTA_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="WARTA_X must be true or false"):
        env_bool("WARTA_X")


def test_env_int(monkeypatch):
    monkeypatch.setenv("WARTA_X", "42")
    assert env_int("WARTA_X", 7) == 42
    monkeypatch.setenv("WARTA_X", " ")
    assert env_int("WARTA_X", 7) == 7
    monkeypatch.setenv("WARTA_X", "empat")
    with pytest.raises(ImproperlyConfigured, match="WARTA_X must be a whole number"):
        env_int("WARTA_X", 7)


def test_env_list_and_str(monkeypatch):
    monkeypatch.setenv("WARTA_X", " a.example, ,b.example ")
    assert env_list("WARTA_X") == ["a.example", "b.example"]
    assert env_str("WARTA_X") == "a.example, ,b.example"
    monkeypatch.delenv("WARTA_X")
    assert env_list("WARTA_X", ["x"]) == ["x"]
    assert env_str("WARTA_X", "d") == "d"


def test_require_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set: why"):
        require("SECRET_KEY", "", "why")
    assert require("SECRET_KEY", "s", "why") == "s"


def test_env_file_fills_only_unset_variables(tmp_path, monkeypatch):

    monkeypatch.setenv("WARTA_KEEP", "shell")
    monkeypatch.delenv("WARTA_NEW", raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text("# comment\nWARTA_KEEP=file\nexport WARTA_NEW='dari berkas'\n\n")
    assert load_env_file(env_file) == ["WARTA_NEW"]
    assert os.environ["WARTA_KEEP"] == "shell"
    assert os.environ["WARTA_NEW"] == "dari berkas"
    monkeypatch.delenv("WARTA_NEW")


def test_env_file_with_a_broken_line_names_it(tmp_path):

    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=true\nthis is not a setting\n")
    with pytest.raises(ImproperlyConfigured, match=r"\.env:2"):
        load_env_file(env_file)
