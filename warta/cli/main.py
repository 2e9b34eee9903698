"""The ``warta`` command.

``warta run`` starts the embedded site; every other word is one of Warta's (or
Django's) management commands with dashes for underscores, so ``warta import-text
FILE`` is ``manage.py import_text FILE`` and ``warta migrate`` is ``manage.py migrate``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.config.settings")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__.strip())
        print("\nPerintah utama: run, demo, import-text, createsuperuser, migrate, check")
        return 0
    command = argv[0].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["warta", command, *argv[1:]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
