"""gunicorn settings for a Warta web node (``gunicorn -c deploy/gunicorn.conf.py``).

Every value can be changed from the environment, so one file serves the systemd unit,
the multi-node test and the benchmark:

- ``WARTA_BIND``: address to listen on (default ``127.0.0.1:8001``);
- ``WEB_CONCURRENCY``: worker processes (default: 2 per core plus 1, at most 9);
- ``WARTA_WORKER_TIMEOUT``: seconds a request may take before its worker is replaced (30);
- ``WARTA_ACCESS_LOG``: ``-`` for stdout (default, the journal), a file path, or ``off``;
- ``WARTA_MAX_REQUESTS``: requests before a worker is recycled (1000; 0 never);
- ``RUNTIME_DIRECTORY`` (set by systemd's ``RuntimeDirectory=``): where the control
  socket goes; without it the control socket is off.

The access log records the path without its query string, and no cookies or
headers: query strings can carry search terms and tokens that do not belong in logs.
"""

from __future__ import annotations

import multiprocessing
import os

from warta.operations.gunicorn_responses import install as send_whole_responses


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# A response's header goes out with its body, so a node that dies mid-request never
# hands nginx a header it cannot retry elsewhere (see the module's docstring).
send_whole_responses()

wsgi_app = "warta.config.wsgi:application"
bind = [address.strip() for address in os.environ.get("WARTA_BIND", "127.0.0.1:8001").split(",")]
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9))
worker_class = "sync"  # nginx buffers slow clients; each worker renders one page at a time
timeout = _int("WARTA_WORKER_TIMEOUT", 30)
graceful_timeout = 20
keepalive = 5  # nginx keeps upstream connections open (keepalive in the upstream block)
max_requests = _int("WARTA_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
# Load Django once in the master, so workers share its memory and a broken
# configuration stops start-up instead of every worker failing on its own.
preload_app = True
# Heartbeat files in memory: a busy disk must not make workers look dead.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Only nginx on this machine may say which scheme the reader used.
forwarded_allow_ips = os.environ.get("WARTA_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = os.environ.get("WARTA_PROC_NAME", "warta-web")

_access_log = os.environ.get("WARTA_ACCESS_LOG", "-")
accesslog = None if _access_log == "off" else _access_log
# %(U)s is the path without the query string; %(M)s the request time in milliseconds.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("WARTA_GUNICORN_LOG_LEVEL", "info")
# Refuse oversized request lines and headers with a 4xx, as nginx does in front.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# gunicorn's control socket (gunicornc) defaults to ~/.gunicorn/gunicorn.ctl: one path
# for every gunicorn the user runs, so a second node would take over the first's. Under
# systemd it goes into the node's own RuntimeDirectory= (systemd sets RUNTIME_DIRECTORY);
# anywhere else it is off.
_runtime_dir = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0].strip()
if _runtime_dir:
    control_socket = os.path.join(_runtime_dir, "gunicorn.ctl")
    control_socket_mode = 0o600
else:
    control_socket_disable = True
