"""gunicorn's control socket is the node's own, or off (issue 11, finding 6).

gunicorn 25+ opens a control socket by default at ~/.gunicorn/gunicorn.ctl: the same
path for every gunicorn of the user, so two web nodes on one machine fight over it.
deploy/gunicorn.conf.py puts it in systemd's RuntimeDirectory= or turns it off.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DEPLOY_CONF = REPO / "deploy" / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")
WEB_UNIT = REPO / "deploy" / "systemd" / "warta-web@.service"


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"XDG_RUNTIME_DIR", "RUNTIME_DIRECTORY"}
    }
    env.update(
        HOME=str(tmp_path / "home"),
        DJANGO_SETTINGS_MODULE="warta.config.settings_test",
        WARTA_DATA_DIR=str(tmp_path / "data"),
        WARTA_BIND=f"unix:{tmp_path / 'web.sock'}",
        WEB_CONCURRENCY="1",
        **extra,
    )
    return env


def _rendered(env: dict[str, str]) -> dict[str, str]:
    """The configuration gunicorn resolves from our file, as it prints it."""
    output = subprocess.run(  # noqa: S603 - our own gunicorn and arguments
        [GUNICORN, "--config", DEPLOY_CONF, "--print-config"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    settings = {}
    for line in output.splitlines():
        name, sep, value = line.partition("=")
        if sep:
            settings[name.strip()] = value.strip()
    return settings


def test_rendered_config_turns_the_control_socket_off_outside_systemd(tmp_path):
    settings = _rendered(_environment(tmp_path))
    assert settings["control_socket_disable"] == "True"


def test_rendered_config_puts_the_control_socket_in_the_runtime_directory(tmp_path):
    runtime = tmp_path / "run" / "warta-web-8001"
    settings = _rendered(_environment(tmp_path, RUNTIME_DIRECTORY=str(runtime)))
    assert settings["control_socket_disable"] == "False"
    assert settings["control_socket"] == str(runtime / "gunicorn.ctl")
    assert settings["control_socket_mode"] == str(0o600)


def test_the_web_unit_gives_each_node_its_runtime_directory():
    lines = WEB_UNIT.read_text().splitlines()
    assert "RuntimeDirectory=warta-web-%i" in lines


def _serve_until_booted(env: dict[str, str], tmp_path: Path) -> str:
    """Start a real node, wait until it serves, stop it; returns its log."""
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 - our own gunicorn and arguments
            [GUNICORN, "--config", DEPLOY_CONF],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while "Booting worker" not in log_path.read_text():
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.1)
            # The control server starts right after the workers are spawned.
            time.sleep(0.5)
            runtime = env.get("RUNTIME_DIRECTORY")
            if runtime:
                socket_path = Path(runtime, "gunicorn.ctl")
                while not socket_path.exists():
                    assert time.monotonic() < deadline, log_path.read_text()
                    time.sleep(0.1)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return log_path.read_text()


@pytest.mark.parametrize("under_systemd", [False, True], ids=["plain", "systemd"])
def test_a_running_node_leaves_the_home_directory_alone(tmp_path, under_systemd):
    runtime = tmp_path / "run"
    extra = {}
    if under_systemd:
        runtime.mkdir(mode=0o700)
        extra["RUNTIME_DIRECTORY"] = str(runtime)
    log = _serve_until_booted(_environment(tmp_path, **extra), tmp_path)
    assert not (tmp_path / "home" / ".gunicorn").exists(), log
    assert "Failed to start control socket" not in log
