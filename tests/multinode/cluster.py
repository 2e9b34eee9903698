"""A whole Warta installation on loopback, in a temporary directory, for tests and benchmarks.

Its own PostgreSQL (initdb + postgres from /usr/lib/postgresql/*/bin) and Redis on
free ports, Warta web nodes run by gunicorn with ``deploy/gunicorn.conf.py``, the
scheduler as the systemd unit runs it (``warta publish-due --loop``), and nginx with
the site from ``deploy/nginx/`` rendered for these ports. Nothing here touches the
machine's own services or the system nginx.

Every process runs in its own session (process group), so a node can be killed whole,
master and workers at once, the way a machine dies. Logs go to files in the directory;
:meth:`Cluster.logs` prints their tails when something fails.
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
NEWSROOM = Path(__file__).resolve().parent / "newsroom.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(
            f"{name} not found under /usr/lib/postgresql (run scripts/ensure-services)"
        )
    return found[-1]


def missing_tools() -> list[str]:
    """What this machine lacks to run a cluster (scripts/ensure-services installs it)."""
    missing = [tool for tool in ("nginx", "redis-server") if not _which(tool)]
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        missing.append("initdb (postgresql)")
    return missing


def _which(tool: str) -> str | None:
    return shutil.which(tool) or next(
        (path for path in (f"/usr/sbin/{tool}", f"/usr/bin/{tool}") if os.access(path, os.X_OK)),
        None,
    )


def render_nginx_site(upstreams: list[str], **values: str) -> str:
    spec = importlib.util.spec_from_file_location(
        "warta_nginx_render", ROOT / "deploy/nginx/render.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render(upstreams, **values)


@dataclass
class Response:
    status: int
    body: str
    headers: dict[str, str]


def get(url: str, timeout: float = 10.0, headers: dict[str, str] | None = None) -> Response:
    """One GET; HTTP errors are answers too (a 404 or 502 is returned, not raised)."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - http only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return Response(
                response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
            )
    except urllib.error.HTTPError as error:
        return Response(error.code, error.read().decode("utf-8", "replace"), dict(error.headers))


def wait_until(what: str, check, timeout: float, interval: float = 0.05):
    """Poll ``check`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception as error:  # not up yet
            last_error = error
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout:g} s (last error: {last_error!r})")
        time.sleep(interval)


@dataclass
class Cluster:
    directory: Path
    nodes: tuple[str, ...] = ("a", "b")
    workers: int = 2
    microcache: str = "1s"
    page_cache: bool = True
    node_env: dict[str, dict[str, str]] = field(default_factory=dict)  # per node overrides
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self):
        self.directory = Path(self.directory)
        self.directory.chmod(0o755)  # nginx's workers and postgres read below it
        for name in ("postgres", "redis", "nginx", *(f"node_{node}" for node in self.nodes)):
            self.ports[name] = free_port()
        self.secret = secrets.token_urlsafe(50)
        self.static_root = self.directory / "static"
        self.media_root = self.directory / "media"
        self.media_root.mkdir(parents=True, exist_ok=True)
        self.log_dir = self.directory / "logs"
        self.log_dir.mkdir(exist_ok=True)

    # --- addresses ---------------------------------------------------------------
    @property
    def nginx_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['nginx']}"

    def node_url(self, node: str) -> str:
        return f"http://127.0.0.1:{self.ports[f'node_{node}']}"

    @property
    def canonical_host(self) -> str:
        """The ``Host`` nginx passes to the nodes, and the site's address (seed)."""
        return "127.0.0.1"

    @property
    def database_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/warta"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.ports['redis']}/0"

    def env(self, **extra: str) -> dict[str, str]:
        """Production settings, as /etc/warta/warta.env would hold them (plain HTTP)."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.directory),
            "LANG": "C.UTF-8",
            "DJANGO_SETTINGS_MODULE": "warta.config.settings",
            "WARTA_ENV_FILE": str(self.directory / "no.env"),
            "DEBUG": "false",
            "SECRET_KEY": self.secret,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WARTA_HTTPS": "false",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "WARTA_DATA_DIR": str(self.directory / "var"),
            "WARTA_STATIC_ROOT": str(self.static_root),
            "WARTA_MEDIA_ROOT": str(self.media_root),
            "WARTA_SERVE_MEDIA": "false",
            "WARTA_PROXY_HOPS": "1",
            "WARTA_SCHEDULER_INTERVAL": "1",
            "WARTA_PAGE_CACHE": "true" if self.page_cache else "false",
            # The address readers use: nginx passes on the host without its port.
            "WARTA_BASE_URL": f"http://{self.canonical_host}",
            "WEB_CONCURRENCY": str(self.workers),
            "WARTA_ACCESS_LOG": "off",
            "PYTHONPATH": str(ROOT),
        }
        env.update(extra)
        return env

    # --- processes ---------------------------------------------------------------
    def _spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None, **kwargs):
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - kept by the process
        process = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=kwargs.pop("cwd", self.directory),
            start_new_session=True,
            **kwargs,
        )
        log.close()
        self.processes[name] = process
        return process

    def stop(self, name: str, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
        """Signal the whole process group of ``name`` and wait for its leader to go."""
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
        if sig != signal.SIGKILL:
            # Workers outliving their master would keep serving on the port.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    def _as_postgres(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start_postgres(self) -> None:
        data = self.directory / "pgdata"
        if not data.exists():
            data.mkdir()
            if os.geteuid() == 0:
                shutil.chown(data, "postgres", "postgres")
            subprocess.run(
                [*self._as_postgres(), postgres_bin("initdb"), "-D", str(data), "-U", "postgres",
                 "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"],
                check=True, capture_output=True,
            )  # fmt: skip
        self._spawn(
            "postgres",
            [*self._as_postgres(), postgres_bin("postgres"), "-D", str(data),
             "-p", str(self.ports["postgres"]), "-c", "listen_addresses=127.0.0.1",
             "-c", "unix_socket_directories=", "-c", "fsync=off",
             "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             "-c", "max_connections=100"],
        )  # fmt: skip
        wait_until("PostgreSQL", self._postgres_ready, 30)

    def _postgres_ready(self) -> bool:
        import psycopg

        url = f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/postgres"
        with psycopg.connect(url, connect_timeout=2) as connection:
            connection.execute("SELECT 1")
        return True

    def create_database(self) -> None:
        import psycopg

        url = f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/postgres"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE DATABASE warta")

    def stop_postgres(self) -> None:
        self.stop("postgres", signal.SIGINT)  # a fast shutdown: sessions are cut

    def start_redis(self) -> None:
        """Redis as docs/operations.md configures it: pages (with a TTL) may be evicted.

        No automatic snapshots; a test takes one with SAVE (``redis_snapshot``), and a
        start loads it from the directory if there is one.
        """
        self._spawn(
            "redis",
            [_which("redis-server"), "--port", str(self.ports["redis"]), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.directory),
             "--dbfilename", "redis-dump.rdb", "--maxmemory-policy", "volatile-lru"],
        )  # fmt: skip
        wait_until("Redis", self._redis_ready, 15)

    def _redis_ready(self) -> bool:
        return self.redis().ping()

    def redis(self):
        import redis

        return redis.Redis(port=self.ports["redis"], socket_connect_timeout=1, socket_timeout=5)

    @property
    def redis_snapshot(self) -> Path:
        return self.directory / "redis-dump.rdb"

    def stop_redis(self) -> None:
        self.stop("redis")

    def kill_redis(self) -> None:
        """Redis dies at once (SIGKILL): nothing is saved on the way down."""
        self.stop("redis", signal.SIGKILL)

    def running(self, name: str) -> bool:
        process = self.processes.get(name)
        return process is not None and process.poll() is None

    def heal(self) -> list[str]:
        """Start whatever a failed test left stopped, so the next test meets a whole cluster.

        Returns the names it had to start.
        """
        restarted = []
        for name, start in (
            ("postgres", self.start_postgres),
            ("redis", self.start_redis),
            *((f"node_{node}", lambda node=node: self.start_node(node)) for node in self.nodes),
            ("nginx", self.start_nginx),
        ):
            if not self.running(name):
                start()
                restarted.append(name)
        return restarted

    def start_node(self, node: str, wait: bool = True) -> None:
        if self.running(f"node_{node}"):
            return
        port = self.ports[f"node_{node}"]
        self._spawn(
            f"node_{node}",
            [str(VENV_BIN / "gunicorn"), "--config", str(ROOT / "deploy/gunicorn.conf.py")],
            env=self.env(
                WARTA_BIND=f"127.0.0.1:{port}",
                WARTA_PROC_NAME=f"warta-test-{node}",
                WARTA_ACCESS_LOG=str(self.access_log(node)),
                **self.node_env.get(node, {}),
            ),
        )
        if wait:
            wait_until(
                f"node {node}", lambda: get(self.node_url(node) + "/robots.txt").status == 200, 60
            )

    def access_log(self, node: str) -> Path:
        return self.log_dir / f"access-{node}.txt"

    def requests_served(self, node: str) -> int:
        path = self.access_log(node)
        return len(path.read_bytes().splitlines()) if path.exists() else 0

    def kill_node(self, node: str) -> None:
        """The node dies at once, master and workers, in-flight requests cut."""
        self.stop(f"node_{node}", signal.SIGKILL)

    def start_scheduler(self, name: str = "scheduler") -> None:
        self._spawn(name, [str(VENV_BIN / "warta"), "publish-due", "--loop"], env=self.env())

    def start_nginx(self, upstream_nodes: tuple[str, ...] | None = None) -> None:
        upstreams = [
            f"127.0.0.1:{self.ports[f'node_{node}']}" for node in (upstream_nodes or self.nodes)
        ]
        prefix = self.directory / "nginx"
        prefix.mkdir(exist_ok=True)
        site = render_nginx_site(
            upstreams,
            listen=f"127.0.0.1:{self.ports['nginx']}",
            server_name="_",
            static_root=str(self.static_root),
            media_root=str(self.media_root),
            cache_dir=str(prefix / "cache"),
            access_log="off",
            microcache=self.microcache,
        )
        (prefix / "warta.conf").write_text(site)
        temp_paths = "\n".join(
            f"    {kind}_temp_path {prefix / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (prefix / "nginx.conf").write_text(
            f"daemon off;\nworker_processes 2;\npid {prefix / 'nginx.pid'};\n"
            f"error_log {self.log_dir / 'nginx-error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            f"http {{\n    include /etc/nginx/mime.types;\n{temp_paths}\n"
            f"    include {prefix / 'warta.conf'};\n}}\n"
        )
        nginx = _which("nginx")
        subprocess.run(
            [nginx, "-t", "-q", "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
             "-e", str(self.log_dir / "nginx-error.log")],
            check=True, capture_output=True,
        )  # fmt: skip
        self._spawn(
            "nginx",
            [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
             "-e", str(self.log_dir / "nginx-error.log")],
        )  # fmt: skip
        wait_until("nginx", lambda: get(self.nginx_url + "/robots.txt").status == 200, 30)

    # --- Warta commands ----------------------------------------------------------
    def warta(self, *args: str) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "warta"), *args],
            env=self.env(), cwd=self.directory, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"warta {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def newsroom(self, *args: str) -> dict:
        """One action of tests/multinode/newsroom.py, run with the nodes' settings.

        A single long-lived process does them all (Django starts once).
        """
        process = self._newsroom_process()
        process.stdin.write(json.dumps(list(args)) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"newsroom {args[0]}: the process died\n{self.logs()}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"newsroom {' '.join(args)}: {answer['error']}")
        return answer["ok"]

    def _newsroom_process(self) -> subprocess.Popen:
        process = self.processes.get("newsroom")
        if process is None or process.poll() is not None:
            log = open(self.log_dir / "newsroom.log", "ab")  # noqa: SIM115
            process = subprocess.Popen(
                [sys.executable, str(NEWSROOM), "serve"],
                env=self.env(), cwd=self.directory, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True,
            )  # fmt: skip
            log.close()
            self.processes["newsroom"] = process
        return process

    def prepare(self, seed: bool = True) -> dict:
        """Database and Redis up, migrated, static files collected, a first article."""
        self.start_postgres()
        self.create_database()
        self.start_redis()
        collect = subprocess.Popen(
            [str(VENV_BIN / "warta"), "collectstatic", "--no-input", "-v", "0"],
            env=self.env(), cwd=self.directory, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.warta("migrate", "--no-input", "-v", "0")
        output, _ = collect.communicate()
        if collect.returncode:
            raise RuntimeError(f"collectstatic failed:\n{output.decode()}")
        # Only now: its pages (warmed after each publish) need the static files' manifest.
        self._newsroom_process()
        return self.newsroom("seed") if seed else {}

    def start_all(self, schedulers: int = 1) -> dict:
        seeded = self.prepare()
        for node in self.nodes:
            self.start_node(node, wait=False)
        for node in self.nodes:
            wait_until(
                f"node {node}",
                lambda node=node: get(self.node_url(node) + "/robots.txt").status == 200,
                60,
            )
        for number in range(schedulers):
            self.start_scheduler(f"scheduler_{number + 1}")
        self.start_nginx()
        return seeded

    def logs(self, lines: int = 40) -> str:
        parts = []
        for path in sorted(self.log_dir.glob("*.log")):
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {path.name} (last {len(tail)} lines)\n" + "\n".join(tail))
        return "\n".join(parts)

    def close(self) -> None:
        for name in ["nginx", *[n for n in self.processes if n.startswith("scheduler")]]:
            self.stop(name)
        for name in [n for n in list(self.processes) if n.startswith("node_")]:
            self.stop(name)
        self.stop("redis")
        self.stop_postgres()
        for name in list(self.processes):
            self.stop(name, signal.SIGKILL)
