"""The "Backups" section of docs/operations.md works as written.

Its ``sh`` blocks and its crontab line are taken from the page and run by a shell,
unchanged except for the paths, which move into a temporary folder: an "old machine"
with the site, a "new machine" with an empty database and media directory, and the
backup folder they share. The user ``warta`` becomes the user running the tests, and
``systemctl`` a small stand-in that starts a unit's ExecStart the way systemd would
(User, WorkingDirectory, EnvironmentFile) from the unit file the block installed.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from warta.operations import backup
from warta.operations.tests.restoring import database_at, media_bytes, suite_database_url

REPO = Path(__file__).resolve().parents[3]
DOCS = REPO / "docs" / "operations.md"

FAKE_SYSTEMCTL = r"""
import json, os, shlex, subprocess, sys
from pathlib import Path

paths = json.loads(os.environ["DOCS_TEST_PATHS"])
unit_dir = Path(paths["/etc/systemd/system/"])


def moved(text):
    for old, new in paths.items():
        text = text.replace(old, new)
    return text


def service(name):
    fields = {}
    for line in moved((unit_dir / name).read_text()).splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            fields[key.strip()] = value.strip()
    return fields


def start(name):
    unit = service(name)
    env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "HOME": unit["WorkingDirectory"]}
    for line in Path(unit["EnvironmentFile"]).read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            env[key.strip()] = value.strip()
    command = shlex.split(unit["ExecStart"])
    if os.geteuid() == 0:
        command = ["runuser", "-u", os.environ["DOCS_TEST_USER"], "--", *command]
    old_umask = os.umask(int(unit.get("UMask", "0022"), 8))
    try:
        return subprocess.run(command, env=env, cwd=unit["WorkingDirectory"]).returncode
    finally:
        os.umask(old_umask)


args = [arg for arg in sys.argv[1:] if arg != "--now"]
if args == ["daemon-reload"]:
    sys.exit(0)
if args[0] == "enable":
    timer = unit_dir / args[1]
    assert timer.is_file(), f"{timer} not installed"
    assert (unit_dir / args[1].replace(".timer", ".service")).is_file()
    assert "WantedBy=timers.target" in timer.read_text()
    sys.exit(0)
if args[0] == "start":
    sys.exit(start(args[1]))
sys.exit(f"systemctl stand-in: {sys.argv[1:]} not understood")
"""


def backups_section() -> str:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("\n## Backups\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def fenced(section: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)


class Machine:
    """A root folder standing in for /, with Warta laid out as the set-up steps do."""

    def __init__(self, root: Path, shared: Path, database_url: str):
        self.root = root
        self.srv = root / "srv" / "warta"
        self.media = self.srv / "media"
        self.env_file = root / "etc" / "warta" / "warta.env"
        self.unit_dir = root / "etc" / "systemd" / "system"
        self.backups = shared / "var" / "backups" / "warta"
        for folder in (self.media, self.unit_dir, self.env_file.parent, self.backups.parent):
            folder.mkdir(parents=True, exist_ok=True)
        (self.srv / "venv").symlink_to(sys.prefix)
        (self.srv / "app").symlink_to(REPO)
        self.env_file.write_text(
            "DEBUG=false\n"
            "SECRET_KEY=docs-test-" + "k" * 50 + "\n"
            "ALLOWED_HOSTS=warta.example.id\n"
            f"DATABASE_URL={database_url}\n"
            f"WARTA_MEDIA_ROOT={self.media}\n"
            f"WARTA_STATIC_ROOT={self.srv / 'static'}\n"
        )
        self.env_file.chmod(0o640)

    def paths(self) -> dict[str, str]:
        """Documented path -> this machine's, longest first so none is cut short."""
        return {
            "/etc/systemd/system/": f"{self.unit_dir}/",
            "/etc/warta/warta.env": str(self.env_file),
            "/var/backups/warta": str(self.backups),
            "/srv/warta": str(self.srv),
        }

    def localise(self, commands: str) -> str:
        for old, new in self.paths().items():
            commands = commands.replace(old, new)
        user = pwd.getpwuid(os.geteuid()).pw_name
        group = grp.getgrgid(os.getegid()).gr_name
        if os.geteuid() == 0:
            commands = commands.replace("runuser -u warta", f"runuser -u {user}")
            return commands.replace("-o warta -g warta", f"-o {user} -g {group}")
        # runuser is for root only; an ordinary user already is "warta" here.
        commands = commands.replace("runuser -u warta -- ", "")
        return commands.replace(" -o warta -g warta", "")

    def run(self, commands: str, tmp_path: Path) -> subprocess.CompletedProcess:
        bin_dir = tmp_path / "bin"
        systemctl = bin_dir / "systemctl"
        if not systemctl.exists():
            bin_dir.mkdir(exist_ok=True)
            systemctl.write_text(f"#!{sys.executable}\n{FAKE_SYSTEMCTL}")
            systemctl.chmod(0o755)
        env = {
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(self.root),
            "LANG": "C.UTF-8",
            "DOCS_TEST_PATHS": json.dumps(self.paths()),
            "DOCS_TEST_USER": pwd.getpwuid(os.geteuid()).pw_name,
        }
        return subprocess.run(  # noqa: S603 - the documented commands, on purpose
            ["/bin/sh", "-e", "-c", self.localise(commands)],
            env=env,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def source_database_url(tmp_path: Path) -> str:
    """A DATABASE_URL other processes can open with the test site's rows in it."""
    if connection.vendor == "postgresql":
        return suite_database_url()
    copy = tmp_path / "old-site.sqlite3"
    backup.current_database().dump(copy)
    return f"sqlite:///{copy}"


def test_the_section_has_the_blocks_this_test_runs():
    section = backups_section()
    assert len(fenced(section, "sh")) == 3
    assert len(fenced(section, "crontab")) == 1
    commands = "\n".join(fenced(section, "sh") + fenced(section, "crontab"))
    assert "sudo" not in commands  # a minimal Debian has none


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_documented_backup_and_restore_commands_work(demo_site, tmp_path, empty_database_url):
    section = backups_section()
    shell_blocks = fenced(section, "sh")
    (cron_line,) = [line for line in fenced(section, "crontab")[0].splitlines() if line]
    shared = tmp_path / "shared"
    source_url = source_database_url(tmp_path)
    old = Machine(tmp_path / "old", shared, source_url)
    shutil.copytree(settings.MEDIA_ROOT, old.media, dirs_exist_ok=True)
    new = Machine(tmp_path / "new", shared, empty_database_url)
    source_counts = database_at(source_url).counts()

    backing_up = [block for block in shell_blocks if "warta restore" not in block]
    restoring = [block for block in shell_blocks if "warta restore" in block]
    # cron runs the command after the five time fields with /bin/sh.
    cron_command = cron_line.split(None, 5)[5]
    for commands in [*backing_up, cron_command]:
        result = old.run(commands, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Cadangan dibuat" in result.stdout
    archives = backup.backup_archives(old.backups)
    assert len(archives) == 3  # systemd, by hand, cron; --keep 14 keeps them all
    assert stat.S_IMODE(old.backups.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(archive.stat().st_mode) == 0o600 for archive in archives)

    (commands,) = restoring
    result = new.run(commands, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Dipulihkan dari {archives[-1]}" in result.stdout
    assert "semuanya sesuai manifest" in result.stdout
    assert database_at(empty_database_url).counts() == source_counts
    assert media_bytes(new.media) == media_bytes(old.media)
