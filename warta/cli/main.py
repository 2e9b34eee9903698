"""The ``warta`` command.

It reads ``.env`` in the current directory first (variables already set win), so
the commands of a local checkout share the settings ``make run`` wrote there
(``manage.py`` reads the same file the same way).

``warta run`` starts the embedded site; every other word is one of Warta's (or
Django's) management commands with dashes for underscores, so ``warta import-text
FILE`` is ``manage.py import_text FILE`` and ``warta migrate`` is ``manage.py migrate``.
"""

from __future__ import annotations

import argparse
import os
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from warta.config.env import load_local_env

    load_local_env()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.config.settings")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__.strip())
        print(
            "\nPerintah utama: run, demo, import-text, publish-due, backup, restore, "
            "createsuperuser, changepassword, migrate, check"
        )
        return 0
    if argv[0] == "run":
        return run(argv[1:])
    command = argv[0].replace("-", "_")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["warta", command, *argv[1:]])
    except ImproperlyConfigured as error:
        # A setting missing or wrong (say SECRET_KEY): the message says which; a
        # traceback would only hide it.
        print(f"warta: {error}", file=sys.stderr)
        return 2
    return 0


def _parse_run_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="warta run",
        description=(
            "Start Warta on this machine: apply migrations, make sure the admin account "
            "exists, add the demo content to an empty site, then serve."
        ),
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"default {DEFAULT_HOST}")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument("--no-demo", action="store_true", help="do not add the demo content")
    parser.add_argument(
        "--reload", action="store_true", help="restart the server when the code changes"
    )
    parser.add_argument(
        "--no-scheduler",
        action="store_true",
        help="do not publish scheduled articles from this process (run warta publish-due --loop)",
    )
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    args = _parse_run_args(argv)
    # Absolute URLs (feeds, sitemaps, canonical links) use the address being served,
    # unless the environment names the public one.
    os.environ.setdefault("WARTA_BASE_URL", _base_url(args.host, args.port))
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        print(f"warta: {error}", file=sys.stderr)
        return 2

    from django.core.management import call_command, get_commands

    # With --reload Django re-runs this command in a child process (RUN_MAIN=true);
    # the set-up has already been done by the parent by then.
    if os.environ.get("RUN_MAIN") != "true":
        call_command("migrate", interactive=False)
        call_command("set_site_address")
        _announce_admin_account(args.host, args.port)
        if not args.no_demo:
            if "demo" in get_commands():
                call_command("demo", if_empty=True)
            else:
                print("warta: no demo command in this build; starting with an empty site.")

    scheduler = None if args.no_scheduler else _start_scheduler(args.reload)
    try:
        call_command("runserver", _addrport(args.host, args.port), use_reloader=args.reload)
    finally:
        if scheduler is not None:
            scheduler.stop()
    return 0


# The first scheduler pass waits this long, so runserver binds and prints its banner first.
SCHEDULER_FIRST_DELAY = 2.0


def _start_scheduler(reload: bool):
    """Publish scheduled articles from a daemon thread of the process that serves.

    The thread dies with the server. With ``--reload`` only the autoreloader's child
    (``RUN_MAIN=true``) serves, so only it schedules; each restart starts afresh.
    """
    if reload and os.environ.get("RUN_MAIN") != "true":
        return None
    from warta.scheduling.services import start_scheduler_thread

    return start_scheduler_thread(first_delay=SCHEDULER_FIRST_DELAY)


def _addrport(host: str, port: int) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


def _base_url(host: str, port: int) -> str:
    """The address a browser on this machine uses for ``warta run --host H --port P``."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "[::]": "[::1]"}.get(host, host)  # noqa: S104
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def _login_url(host: str, port: int) -> str:
    from django.urls import reverse

    return _base_url(host, port) + reverse("wagtailadmin_home")


def _announce_admin_account(host: str, port: int) -> None:
    """Tell the person at the terminal how to log in. Printed, never logged."""
    from warta.users.services import ensure_admin_account

    account = ensure_admin_account()
    url = _login_url(host, port)
    if account.created and account.generated:
        lines = [
            "Akun admin Warta dibuat / Warta admin account created",
            "",
            f"  Masuk di / Log in at : {url}",
            f"  Pengguna / Username  : {account.username}",
            f"  Sandi / Password     : {account.password}",
            "",
            "Simpan sandi ini: hanya ditampilkan sekali.",
            "Save this password: it is shown only this once.",
        ]
    elif account.created:
        lines = [
            "Akun admin Warta dibuat / Warta admin account created",
            "",
            f"  Masuk di / Log in at : {url}",
            f"  Pengguna / Username  : {account.username}",
            "  Sandi / Password     : the one set in WARTA_ADMIN_PASSWORD",
        ]
    else:
        lines = [
            f"  Masuk di / Log in at : {url}",
            f"  Pengguna / Username  : {account.username}",
            "",
            "The password was printed when this account was first created.",
            f"Forgot it? Set a new one with: warta changepassword {account.username}",
        ]
    print(_box(lines), flush=True)


def _box(lines: list[str]) -> str:
    width = max(len(line) for line in lines)
    border = "+" + "-" * (width + 2) + "+"
    body = [f"| {line.ljust(width)} |" for line in lines]
    return "\n".join([border, *body, border])


if __name__ == "__main__":
    raise SystemExit(main())
