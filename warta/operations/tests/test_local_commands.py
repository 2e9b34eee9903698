"""The commands a person types in a checkout (Warta issue 12, item 8).

- ``python manage.py ...`` reads the ``.env`` that ``make run`` writes, as ``warta``
  does (before, ``manage.py shell`` after ``make run`` stopped on "SECRET_KEY is not
  set"); a variable set in the shell wins over the file.
- ``make help`` prints the address ``make run`` serves, not ``$(HOST):$(PORT)``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

PRINT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.SECRET_KEY, settings.WAGTAIL_SITE_NAME, settings.DEBUG, sep='|')"
)


def test_manage_py_reads_the_checkouts_env_file_and_the_shell_wins(tmp_path):
    (tmp_path / ".env").write_text(
        "# as make run writes it, plus what a person adds\n"
        "SECRET_KEY=rahasia-dari-berkas-env-" + "x" * 40 + "\n"
        "ALLOWED_HOSTS=warta.test\n"
        'WARTA_SITE_NAME="Nama dari .env"\n',
        encoding="utf-8",
    )
    skip = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_SETTINGS_MODULE", "WARTA_ENV_FILE"}
    env = {key: value for key, value in os.environ.items() if key not in skip}
    env.update(
        WARTA_SITE_NAME="Nama dari shell",
        WARTA_DATA_DIR=str(tmp_path / "var"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'var' / 'warta.sqlite3'}",
    )
    env.pop("REDIS_URL", None)
    result = subprocess.run(  # noqa: S603 - our interpreter, our manage.py
        [sys.executable, str(REPO / "manage.py"), "shell", "--no-imports", "-c", PRINT_SETTINGS],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    secret, site_name, debug = result.stdout.strip().splitlines()[-1].split("|")
    assert secret.startswith("rahasia-dari-berkas-env-")  # from .env
    assert site_name == "Nama dari shell"  # the shell wins over .env
    assert debug == "False"


@pytest.mark.parametrize(
    ("variables", "address"),
    [([], "http://127.0.0.1:8000/"), (["PORT=8001", "HOST=0.0.0.0"], "http://0.0.0.0:8001/")],
)
def test_make_help_prints_the_address_make_run_serves(variables, address):
    result = subprocess.run(  # noqa: S603 - make, our Makefile
        ["make", "-s", "--no-print-directory", "help", *variables],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "$(" not in result.stdout, result.stdout
    run_line = next(line for line in result.stdout.splitlines() if re.match(r"\s*make run\b", line))
    assert f"Run the site on {address} " in run_line
