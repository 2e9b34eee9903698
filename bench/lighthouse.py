"""Lighthouse scores of the reader pages, as a production visitor on a phone would get them.

Starts Warta on a throwaway SQLite site filled by `warta demo` (DEBUG off, static files
collected, gunicorn) behind nginx with deploy/nginx/warta.conf and Debian's `gzip on`, as
in production (static and media with long cache lifetimes, HTML compressed), runs the npm
package `lighthouse` 12.x with Debian's Chromium (mobile profile) on the home, article,
kanal and indeks pages and prints the four category scores of each. Lighthouse is
installed on first use into var/lighthouse (npm). Performance moves a few points with the
machine's load (Lighthouse slows the CPU down fourfold on top). One command:

    .venv/bin/python bench/lighthouse.py [--details] [--keep]
"""

# ruff: noqa: S603, S607, S310 - it runs our own programs on our own local URLs
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LIGHTHOUSE_DIR = ROOT / "var" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# Printed by `warta shell`: one reader page of each kind from the demo content.
URLS_SCRIPT = """
from warta.articles.models import ArticlePage
article = ArticlePage.objects.live().filter(lead_image__isnull=False).order_by("-published_at")[0]
print("PAGE", "home", "/")
print("PAGE", "article", article.url)
print("PAGE", "kanal", article.get_parent().url)
print("PAGE", "indeks", "/indeks/")
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _warta(env: dict, cwd: Path, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [str(BIN / "warta"), *args],
        env=env,
        cwd=cwd,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout or ""


def _install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(LIGHTHOUSE_DIR),
            "--no-audit",
            "--no-fund",
            "lighthouse@12",
        ],
        check=True,
    )


def _start_nginx(data_dir: Path, upstream: str, port: int) -> subprocess.Popen:
    """nginx with the site file production uses, inside Debian's default http block."""
    prefix = data_dir / "nginx"
    prefix.mkdir()
    site = subprocess.run(
        [
            sys.executable,
            str(ROOT / "deploy/nginx/render.py"),
            f"--upstream={upstream}",
            f"--listen=127.0.0.1:{port}",
            f"--static-root={data_dir / 'static'}",
            f"--media-root={data_dir / 'media'}",
            f"--cache-dir={prefix / 'cache'}",
            "--access-log=off",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (prefix / "warta.conf").write_text(site)
    temp_paths = "".join(
        f"    {kind}_temp_path {prefix / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        "events { worker_connections 256; }\n"
        "http {\n    include /etc/nginx/mime.types;\n    gzip on;\n"
        f"{temp_paths}    include {prefix / 'warta.conf'};\n}}\n"
    )
    data_dir.chmod(0o755)  # nginx's workers read static and media below it
    argv = [
        "nginx",
        "-p",
        str(prefix),
        "-c",
        str(prefix / "nginx.conf"),
        "-e",
        str(prefix / "error.log"),
    ]
    subprocess.run([*argv, "-t", "-q"], check=True)
    return subprocess.Popen(argv)


def _wait_until_up(base_url: str, *servers: subprocess.Popen) -> None:
    for _ in range(100):
        if any(server.poll() is not None for server in servers):
            raise SystemExit("gunicorn or nginx stopped before serving")
        try:
            with urllib.request.urlopen(base_url + "/", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the site did not answer")


def _lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        check=True,
    )
    return json.loads(report.read_text())


def _failed_audits(result: dict) -> list[str]:
    """The weighted audits that cost points (unweighted ones are only advice)."""
    lines = []
    for name, category in result["categories"].items():
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            score = audit.get("score")
            if score is not None and score < 1 and ref.get("weight"):
                value = audit.get("displayValue", "")
                lines.append(f"    {name}: {ref['id']} ({score}) {audit['title']} {value}".rstrip())
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list the audits that cost points")
    parser.add_argument("--keep", action="store_true", help="keep the site and the JSON reports")
    args = parser.parse_args()

    _install_lighthouse()
    data_dir = Path(tempfile.mkdtemp(prefix="warta-lighthouse-"))
    port, gunicorn_port = _free_port(), _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "warta.config.settings",
        "WARTA_ENV_FILE": str(data_dir / "no.env"),  # not the checkout's DEBUG=true .env
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WARTA_HTTPS": "false",
        "WARTA_DATA_DIR": str(data_dir),
        "WARTA_BASE_URL": base_url,
        # nginx passes Host without the port; the read beacon's Origin has it.
        "CSRF_TRUSTED_ORIGINS": base_url,
        "PYTHONPATH": str(ROOT),
    }
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    servers: list[subprocess.Popen] = []
    try:
        _warta(env, data_dir, "migrate", "--no-input")
        _warta(env, data_dir, "set-site-address")
        _warta(env, data_dir, "demo")
        _warta(env, data_dir, "collectstatic", "--no-input")
        printed = _warta(env, data_dir, "shell", "-c", URLS_SCRIPT, capture=True)
        pages = [line.split()[1:] for line in printed.splitlines() if line.startswith("PAGE ")]
        gunicorn = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "warta.config.wsgi",
                f"--bind=127.0.0.1:{gunicorn_port}",
                "--workers=2",
                "--log-level=warning",
            ],
            env=env,
            cwd=data_dir,
        )
        servers.append(gunicorn)
        servers.append(_start_nginx(data_dir, f"127.0.0.1:{gunicorn_port}", port))
        _wait_until_up(base_url, *servers)
        print(f"{'page':10} " + " ".join(f"{c:>15}" for c in CATEGORIES))
        for name, path in pages:
            result = _lighthouse(base_url + path, data_dir / f"{name}.json")
            scores = [result["categories"][c]["score"] for c in CATEGORIES]
            print(
                f"{name:10} "
                + " ".join(f"{'-' if s is None else round(s * 100):>15}" for s in scores),
                flush=True,
            )
            if args.details:
                print("\n".join(_failed_audits(result)) or "    (nothing lost)", flush=True)
    finally:
        for server in reversed(servers):
            server.terminate()
            server.wait(timeout=30)
        if args.keep:
            print(f"site and reports kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
