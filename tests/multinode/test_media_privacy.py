"""nginx, with the site from deploy/nginx/ as production runs it, never serves a stored
original (/media/original_images/) however the address is spelled, and still serves
renditions and documents. Needs only nginx (no cluster): its own, on a free port."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _render(upstreams, **values) -> str:
    spec = importlib.util.spec_from_file_location(
        "warta_nginx_render", ROOT / "deploy/nginx/render.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render(upstreams, **values)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback http
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def nginx():
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run scripts/ensure-services")
    # Not below pytest's tmp_path (mode 0700): nginx's workers may run as another user.
    with tempfile.TemporaryDirectory(prefix="warta-nginx-media-") as directory:
        tmp_path = Path(directory)
        tmp_path.chmod(0o755)
        yield from _serve(tmp_path)


def _serve(tmp_path: Path):
    media = tmp_path / "media"
    for name in (
        "original_images/abcdefghijklmnop-foto.jpg",
        "images/qrstuvwxyz234567-abcdefghijklmnop-foto.fill-480x270.jpg",
        "documents/laporan.pdf",
    ):
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(b"\xff\xd8\xff isi")
    media.chmod(0o755)
    for path in media.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    port = _free_port()
    site = _render(
        [f"127.0.0.1:{_free_port()}"],  # no web node: /media/ never reaches one
        listen=f"127.0.0.1:{port}",
        server_name="_",
        static_root=str(tmp_path / "static"),
        media_root=str(media),
        cache_dir=str(prefix / "cache"),
        access_log="off",
    )
    (prefix / "warta.conf").write_text(site)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n{temp_paths}\n"
        f"    include {prefix / 'warta.conf'};\n}}\n"
    )
    argv = [
        NGINX,
        "-p",
        str(prefix),
        "-c",
        str(prefix / "nginx.conf"),
        "-e",
        str(prefix / "error.log"),
    ]
    subprocess.run([*argv, "-t", "-q"], check=True, capture_output=True)
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_originals_are_404_and_renditions_and_documents_are_served(nginx):
    assert (
        _status(f"{nginx}/media/images/qrstuvwxyz234567-abcdefghijklmnop-foto.fill-480x270.jpg")
        == 200
    )
    assert _status(f"{nginx}/media/documents/laporan.pdf") == 200
    for path in (
        "/media/original_images/abcdefghijklmnop-foto.jpg",
        "/media//original_images/abcdefghijklmnop-foto.jpg",
        "/media/images/../original_images/abcdefghijklmnop-foto.jpg",
        "/media/./original_images/abcdefghijklmnop-foto.jpg",
        "/media/%6Friginal_images/abcdefghijklmnop-foto.jpg",
        "/media/ORIGINAL_IMAGES/abcdefghijklmnop-foto.jpg",
        "/media/original_images/",
    ):
        assert _status(nginx + path) == 404, path
