"""The breaking-news spike: Warta against nginx serving static files, measured with wrk.

    .venv/bin/python bench/spike.py [--duration 8] [--connections 32] [--workers 5]

Starts, in a temporary directory on loopback, the production set-up of
tests/multinode/cluster.py: PostgreSQL, Redis, a web node with the page cache
(gunicorn with deploy/gunicorn.conf.py), a second node with the page cache off, and
nginx with deploy/nginx/warta.conf in front of the first. The site is `warta demo`
plus the reference article (../shared/reference/populer24-article.txt, imported with
`warta import-text --publish`; the newest demo article when that file is missing).

For the article page and the home page, one wrk run each (same machine, same run):

- reference: the same nginx serving the very same HTML bytes as a static file;
- Warta behind nginx, page cached (nginx's micro-cache in front of Warta's page cache);
- Warta alone (gunicorn), page cached;
- Warta alone, page cache off: requests/s, and the median and p99 with as many
  connections as workers, i.e. the render time.

Then publish-to-visible latency under load (articles published while wrk loads the
home page through nginx, each polled through nginx until it shows) and the memory
of each web worker. Every figure is printed with its ratio to the reference.
Targets: behind nginx at least 0.8x the reference's requests/s, p99 under 2x.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.multinode.cluster import Cluster, get, wait_until  # noqa: E402

REFERENCE_TEXT = ROOT.parent / "shared" / "reference" / "populer24-article.txt"
WRK = "/usr/bin/wrk"


def wrk(url: str, duration: int, connections: int, threads: int = 2) -> dict:
    """requests/s, median and p99 (ms) and non-2xx count of one wrk run."""
    output = subprocess.run(  # noqa: S603 - our own arguments
        [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s",
         "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        percent: _ms(value)
        for percent, value in re.findall(r"^\s+(\d+)%\s+([\d.]+\w+)", output, re.M)
    }
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return {
        "rps": rps,
        "p50": latency["50"],
        "p99": latency["99"],
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def sequential_renders(url: str, count: int) -> list[float]:
    """Milliseconds of ``count`` requests one after another: render time, no queueing."""
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        assert get(url, timeout=60).status == 200, url
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def worker_memory(master_pid: int) -> list[tuple[int, int, int]]:
    """(pid, RSS KiB, PSS KiB) of each worker of a gunicorn master."""
    children = subprocess.run(  # noqa: S603
        ["/usr/bin/ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in map(int, children):
        rss = pss = 0
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        sizes.append((pid, rss, pss))
    return sizes


def nginx_worker_rss(cluster: Cluster) -> int:
    master = cluster.processes["nginx"].pid
    sizes = worker_memory(master)
    return max(rss for _, rss, _ in sizes) if sizes else 0


def setup_site(cluster: Cluster) -> dict:
    """Demo content plus the reference article; the paths of the pages measured."""
    cluster.prepare(seed=False)
    cluster.warta("demo", "--if-empty", "-v", "0")
    if REFERENCE_TEXT.is_file():
        cluster.warta("shell", "-c", CREATE_EDITOR)
        cluster.warta("import-text", str(REFERENCE_TEXT), "--publish", "--user", "bench")
        which = "the reference article (populer24-article.txt)"
    else:
        which = "the newest demo article (../shared/reference is missing)"
    article = cluster.warta("shell", "-c", NEWEST_ARTICLE).strip().splitlines()[-1]
    return {"article": article, "home": "/", "which": which}


CREATE_EDITOR = """
from warta.users.models import User
User.objects.filter(username="bench").exists() or User.objects.create_superuser(
    "bench", "bench@example.com", None)
"""
NEWEST_ARTICLE = """
from urllib.parse import urlsplit
from warta.articles.models import ArticlePage
article = ArticlePage.objects.live().order_by("-pk").first()  # the last one added
print(urlsplit(article.get_url(None)).path)
"""


def publish_latency(
    cluster: Cluster, duration: int, connections: int, count: int, base: str
) -> list[float]:
    """Seconds from each commit to the article showing on the home page at ``base``,
    while wrk loads the home page through nginx."""
    load = threading.Thread(
        target=wrk, args=(cluster.nginx_url + "/", duration + 6, connections), daemon=True
    )
    load.start()
    time.sleep(1.5)
    latencies = []
    for _ in range(count):
        title = f"Kabar terkini {time.time_ns()} dari meja redaksi saat lonjakan pembaca"
        published = cluster.newsroom("publish", title, "Isi kabar terkini.")

        def shows(title=title):
            return title in get(base + "/").body

        wait_until("published article on the home page", shows, 30, interval=0.01)
        latencies.append(time.time() - published["committed_at"])
        time.sleep(0.5)
    load.join()
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run (8)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (32)")
    parser.add_argument(
        "--workers", type=int, default=min(2 * (os.cpu_count() or 1) + 1, 9),
        help="gunicorn workers per node (gunicorn.conf.py's default: 2 per core + 1)",
    )  # fmt: skip
    parser.add_argument("--publishes", type=int, default=5)
    args = parser.parse_args()
    if not os.access(WRK, os.X_OK):
        print("bench/spike.py needs wrk: run scripts/ensure-services", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="warta-spike-") as directory:
        cluster = Cluster(
            Path(directory),
            nodes=("cached", "uncached"),
            workers=args.workers,
            node_env={"uncached": {"WARTA_PAGE_CACHE": "false"}},
        )
        try:
            return run(cluster, args)
        except BaseException:
            print(cluster.logs(), file=sys.stderr)
            raise
        finally:
            cluster.close()


def run(cluster: Cluster, args) -> int:
    started = time.monotonic()
    print("==> Starting PostgreSQL, Redis, migrating, demo content ...", flush=True)
    pages = setup_site(cluster)
    for node in cluster.nodes:
        cluster.start_node(node, wait=False)
    for node in cluster.nodes:
        wait_until(
            node, lambda node=node: get(cluster.node_url(node) + "/robots.txt").status == 200, 90
        )
    cluster.start_nginx(upstream_nodes=("cached",))
    print(f"    ready in {time.monotonic() - started:.0f} s; article: {pages['which']}")

    reference_dir = cluster.static_root / "bench"
    reference_dir.mkdir(exist_ok=True)
    for name in ("article", "home"):
        body = get(cluster.node_url("uncached") + pages[name]).body.encode()
        (reference_dir / f"{name}.html").write_bytes(body)
        pages[f"{name}_bytes"] = len(body)
        for base in (cluster.nginx_url, cluster.node_url("cached")):  # warm both caches
            for _ in range(3):
                assert get(base + pages[name]).status == 200

    d, c, workers = args.duration, args.connections, args.workers
    results: dict[str, dict[str, dict]] = {}
    for name in ("article", "home"):
        path = pages[name]
        print(
            f"==> {name} page {path} ({pages[name + '_bytes']:,} bytes): wrk -c{c} -d{d}s",
            flush=True,
        )
        uncached = cluster.node_url("uncached") + path
        results[name] = {
            "reference": wrk(f"{cluster.nginx_url}/static/bench/{name}.html", d, c),
            "nginx + page cache": wrk(cluster.nginx_url + path, d, c),
            "gunicorn, page cached": wrk(cluster.node_url("cached") + path, d, c),
            # Render time before the 32-connection run: sync workers go on rendering
            # what wrk left queued after it stops, which would slow whatever follows.
            f"gunicorn, cache off, -c{workers}": wrk(uncached, d, workers, threads=min(2, workers)),
        }
        renders = sequential_renders(uncached, 10)
        results[name]["gunicorn, cache off"] = wrk(uncached, d, c)
        # Let the node finish what wrk left queued before the next measurement.
        get(cluster.node_url("uncached") + "/robots.txt", timeout=300)
        print_table(results[name])
        median, reference = statistics.median(renders), results[name]["reference"]
        print(
            f"    render alone (cache off, 10 requests one after another): median "
            f"{median:.1f} ms (x{median / reference['p50']:,.0f} the reference's median), "
            f"slowest {max(renders):.1f} ms (x{max(renders) / reference['p99']:,.0f} its p99)"
        )

    reference_p99 = results["home"]["reference"]["p99"] / 1000
    for where, base in (
        ("through nginx", cluster.nginx_url),
        ("on the node", cluster.node_url("cached")),
    ):
        print(
            f"==> publish-to-visible on the home page {where}, under wrk -c{c} load on nginx",
            flush=True,
        )
        latencies = publish_latency(cluster, d, c, args.publishes, base)
        print(
            f"    {len(latencies)} articles: median {statistics.median(latencies):.3f} s, "
            f"max {max(latencies):.3f} s  (x{statistics.median(latencies) / reference_p99:,.0f} / "
            f"x{max(latencies) / reference_p99:,.0f} the reference's home p99)"
        )

    print("==> memory per web worker (RSS; PSS counts shared pages once)")
    nginx_rss = nginx_worker_rss(cluster)
    for node in cluster.nodes:
        sizes = worker_memory(cluster.processes[f"node_{node}"].pid)
        rss = statistics.mean(size[1] for size in sizes) / 1024
        pss = statistics.mean(size[2] for size in sizes) / 1024
        print(
            f"    {node}: {len(sizes)} workers, RSS {rss:.0f} MiB each, PSS {pss:.0f} MiB "
            f"(x{rss * 1024 / nginx_rss:,.0f} an nginx worker's {nginx_rss / 1024:.1f} MiB)"
        )

    verdict = True
    for name in ("article", "home"):
        reference, warta = results[name]["reference"], results[name]["nginx + page cache"]
        rps_ok = warta["rps"] >= 0.8 * reference["rps"]
        p99_ok = warta["p99"] < 2 * reference["p99"]
        verdict &= rps_ok and p99_ok
        print(
            f"==> {name}: behind nginx {warta['rps'] / reference['rps']:.2f}x the reference's "
            f"requests/s (target >= 0.8: {'met' if rps_ok else 'MISSED'}), p99 "
            f"{warta['p99'] / reference['p99']:.2f}x (target < 2: {'met' if p99_ok else 'MISSED'})"
        )
    load = os.getloadavg()
    print(f"    load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {os.cpu_count()} cores; "
          f"{time.monotonic() - started:.0f} s in all")  # fmt: skip
    return 0 if verdict else 1


def print_table(rows: dict[str, dict]) -> None:
    reference = rows["reference"]
    columns = ("req/s", "ratio", "p50 ms", "ratio", "p99 ms", "ratio")
    print(
        f"    {'':28} "
        + " ".join(
            f"{column:>{9 if i == 0 else 7 if i % 2 else 8}}" for i, column in enumerate(columns)
        )
    )
    for label, row in rows.items():
        print(
            f"    {label:28} {row['rps']:9.0f} {row['rps'] / reference['rps']:7.3f} "
            f"{row['p50']:8.2f} {row['p50'] / reference['p50']:7.1f} "
            f"{row['p99']:8.2f} {row['p99'] / reference['p99']:7.1f}"
            + (f"  non-2xx {row['non2xx']}" if row["non2xx"] else "")
            + (f"  {row['socket_errors']}" if row["socket_errors"] else "")
        )


if __name__ == "__main__":
    raise SystemExit(main())
