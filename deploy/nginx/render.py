"""Write the nginx site for Warta from the template next to this file.

    python3 deploy/nginx/render.py --server-name warta.example.id \\
        --upstream 127.0.0.1:8001 [--upstream 10.0.0.12:8001 ...] > /etc/nginx/sites-available/warta

Standard library only, so it runs before Warta is installed. The multi-node test and
bench/spike.py import ``render`` to run nginx with the same file on their own ports.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "warta.conf"

DEFAULTS = {
    "listen": "80",
    "server_name": "_",
    "static_root": "/srv/warta/static",
    "media_root": "/srv/warta/media",
    "cache_dir": "/var/cache/nginx/warta",
    "access_log": "/var/log/nginx/warta.access.log",
    "microcache": "1s",
    "forwarded_proto": "$scheme",
    "session_cookie": "sessionid",
    # The same list as WARTA_PAGE_CACHE_QUERY_PARAMS, separated by "|".
    "query_params": "page|q|tanggal|kanal|dari|sampai",
    # The local socket between the micro-cache and the origin server; by default next
    # to the cache directory ("<cache-dir>.origin.sock").
    "origin_socket": "",
}


def render(upstreams: list[str], **values: str) -> str:
    """The site file with every @PLACEHOLDER@ filled; fails on any value left unfilled."""
    if not upstreams:
        raise ValueError("at least one upstream web node (host:port) is needed")
    filled = {**DEFAULTS, **{key: str(value) for key, value in values.items()}}
    if not filled["origin_socket"]:
        filled["origin_socket"] = filled["cache_dir"].rstrip("/") + ".origin.sock"
    # A node that fails once is left alone for 5 s; nginx retries it after that.
    filled["upstream_servers"] = "\n    ".join(
        f"server {address} max_fails=1 fail_timeout=5s;" for address in upstreams
    )
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in filled.items():
        text = text.replace(f"@{key.upper()}@", value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise ValueError(f"no value for {', '.join(left)}")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--upstream", action="append", required=True, help="a web node, host:port (repeat)"
    )
    for key, default in DEFAULTS.items():
        parser.add_argument(f"--{key.replace('_', '-')}", default=default, help=f"({default})")
    args = vars(parser.parse_args(argv))
    upstreams = args.pop("upstream")
    sys.stdout.write(render(upstreams, **args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
