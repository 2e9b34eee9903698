"""Render time of the listing pages of a large site, as ratios to a reference.

A site of 100,000 articles and 5 million hourly read counts (``large_site.py``)
is generated on SQLite and on PostgreSQL; then each page (home, a kanal's first
and 200th page, the busiest tag and author, the Indeks of the busiest day,
search, an article) is requested in-process with Django's test client. The
reference is Django returning the same bytes from memory through the same
middleware, measured in the same run, as in ``reader_pages.py``.

    .venv/bin/python bench/listing_pages.py [--db sqlite|postgres|both]
        [--articles 100000] [--rounds 30] [--keep | --reuse]

Both databases are generated side by side, then measured one after the other.
``--keep`` leaves them in place and ``--reuse`` measures the kept ones again
without generating.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
SEARCH_QUERIES = {"search": "banjir", "search 2 words": "harga beras"}
DEEP_PAGE = 200
SLOW_MS = 100  # a page slower than this (median) gets its slowest query printed
DATABASE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


# The parent: databases, child processes, the summary ---------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="leave the databases in place")
    parser.add_argument("--reuse", action="store_true", help="measure kept databases again")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("WARTA_BENCH_POSTGRES", DEFAULT_POSTGRES),
        help="a PostgreSQL server to create the benchmark database on",
    )
    parser.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--child", choices=["prepare", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args)

    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    started = time.perf_counter()
    runs = {db: _Run(db, args) for db in databases}
    try:
        print(f"Generating or reusing {args.articles:,} articles on {', '.join(databases)}...")
        prepared = {db: run.start("prepare") for db, run in runs.items()}
        failed = [db for db, process in prepared.items() if process.wait() != 0]
        for run in runs.values():
            print(run.output("prepare"), end="")
        if failed:
            print(f"generation failed on {', '.join(failed)}", file=sys.stderr)
            return 1
        for db, run in runs.items():
            if run.start("measure").wait() != 0:
                print(run.output("measure"), end="")
                print(f"measuring failed on {db}", file=sys.stderr)
                return 1
            print(run.output("measure"), end="")
        _print_summary({db: run.result() for db, run in runs.items()})
    finally:
        for run in runs.values():
            run.clean_up()
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")
    return 0


class _Run:
    """One database's child processes, files and clean-up."""

    def __init__(self, db: str, args: argparse.Namespace):
        self.db, self.args = db, args
        self.process: subprocess.Popen | None = None
        self.dir = args.data_dir / f"warta-large-site-{db}-{args.articles}"
        self.pg_name = f"warta_bench_large_{args.articles}"
        self.keep = args.keep or args.reuse
        if not args.reuse:
            self._drop()
        self.dir.mkdir(parents=True, exist_ok=True)
        if db == "postgres":
            self._create_database()

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.update(
            DJANGO_SETTINGS_MODULE="warta.config.settings",
            DEBUG="false",
            SECRET_KEY="bench-only-" + "x" * 50,
            ALLOWED_HOSTS="testserver,localhost",
            WARTA_HTTPS="false",
            WARTA_DATA_DIR=str(self.dir),
            # Render every request: the whole-page cache (warta/pagecache) would
            # answer the warm rounds from memory and hide what the listing costs.
            WARTA_PAGE_CACHE="false",
        )
        if self.db == "postgres":
            env["DATABASE_URL"] = self._server_url(self.pg_name)
        return env

    def start(self, step: str) -> subprocess.Popen:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            step,
            "--db",
            self.db,
            "--articles",
            str(self.args.articles),
            "--rounds",
            str(self.args.rounds),
            "--result",
            str(self.dir / "result.json"),
        ]
        with (self.dir / f"{step}.log").open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
                command, env=self.env(), stdout=log, stderr=subprocess.STDOUT, cwd=PROJECT_DIR
            )
        return self.process

    def output(self, step: str) -> str:
        return (self.dir / f"{step}.log").read_text()

    def result(self) -> dict:
        return json.loads((self.dir / "result.json").read_text())

    def clean_up(self) -> None:
        if self.process is not None and self.process.poll() is None:  # interrupted
            self.process.terminate()
            self.process.wait()
        if self.keep:
            where = self.dir if self.db == "sqlite" else f"{self.dir} and database {self.pg_name}"
            print(f"kept {DATABASE_NAMES[self.db]} site: {where}")
            return
        self._drop()

    def _drop(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.db == "postgres":
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_name}"')

    def _create_database(self) -> None:
        import psycopg

        with psycopg.connect(self.args.postgres, autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.pg_name]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{self.pg_name}"')

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.args.postgres, autocommit=True) as conn:
            conn.execute(sql)

    def _server_url(self, name: str) -> str:
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(self.args.postgres)
        return urlunsplit(parts._replace(path=f"/{name}"))


def _print_summary(results: dict[str, dict]) -> None:
    dbs = list(results)
    names = [row["page"] for row in next(iter(results.values()))["pages"]]
    print("\nSummary: median ms (ratio to the reference)")
    print(f"{'page':<16}" + "".join(f"{DATABASE_NAMES[db]:>22}" for db in dbs))
    for name in names:
        cells = []
        for db in dbs:
            row = next((r for r in results[db]["pages"] if r["page"] == name), None)
            if row is None or row.get("skipped"):
                cells.append(f"{'skipped':>22}")
            else:
                cells.append(f"{row['median_ms']:>12.1f} ({row['ratio']:>5.1f}x)")
        print(f"{name:<16}" + "".join(cells))
    cold = "".join(f"{results[db]['cold']['median_ms']:>22.1f}" for db in dbs)
    print(f"{'home, cold cache':<16}{cold}")
    for db in dbs:
        gen = results[db]["generation"]
        print(
            f"{DATABASE_NAMES[db]}: {gen['articles']:,} articles, {gen['read_rows']:,} read rows, "
            f"{gen['size_mb']:,.0f} MB, generated in {gen['seconds']:.0f} s"
            + (" (reused)" if gen.get("reused") else "")
        )


# The children: generate, then measure ---------------------------------------------------


def _child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    if args.child == "prepare":
        return _prepare(args)
    return _measure(args)


def _prepare(args: argparse.Namespace) -> int:
    """Migrate, and generate the site unless an earlier one of this size is there."""
    import large_site
    from django.core.management import call_command
    from django.db import connection

    from warta.articles.models import ArticlePage

    name = DATABASE_NAMES[args.db]
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    previous = json.loads(args.result.read_text()) if args.result.exists() else None
    if previous and ArticlePage.objects.count() >= args.articles:
        previous["generation"]["reused"] = True
        args.result.write_text(json.dumps(previous))
        print(f"{name}: reusing the site generated earlier in {args.result.parent}")
        return 0
    if ArticlePage.objects.exists():
        print(f"{name}: the database has articles but no finished site; run without --reuse")
        return 1
    print(f"{name}: generating {args.articles:,} articles")
    read_rows = large_site.DEFAULT_READ_ROWS * args.articles // large_site.DEFAULT_ARTICLES
    site = large_site.generate(articles=args.articles, read_rows=read_rows)
    seconds = time.perf_counter() - started
    connection.close()
    problems = large_site.verify(site.articles)
    size_mb = large_site.database_size() / 2**20
    print(
        f"  {'total, with migrate and collectstatic':<48} {seconds:7.1f} s\n"
        f"  {site.articles:,} articles, {site.sections} kanal, {site.people} people, "
        f"{site.tags} tags, {site.read_rows:,} hourly read rows ({site.reads:,} reads), "
        f"{site.search_documents:,} search documents; {size_mb:,.0f} MB\n"
        f"  checks: {'; '.join(problems) if problems else 'tree and sample page fine'}"
    )
    generation = {
        "articles": site.articles,
        "read_rows": site.read_rows,
        "reads": site.reads,
        "size_mb": size_mb,
        "seconds": seconds,
        "timings": site.timings,
    }
    args.result.write_text(json.dumps({"generation": generation, "pages": []}))
    return 1 if problems else 0


def _measure(args: argparse.Namespace) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import path

    from warta.config import urls as site_urls

    result = json.loads(args.result.read_text())
    client = Client(raise_request_exception=False)
    pages, notes = _pages(client)
    order = list(pages)
    bodies = {}
    for name, url in list(pages.items()):
        response = client.get(url)
        if response.status_code != 200:
            notes.append(f"{name}: {url} answered {response.status_code}; skipped")
            del pages[name]
            continue
        bodies[name] = response.content

    class ReferenceUrls:
        urlpatterns = [
            path(f"reference/{n}/", lambda request, body=body: HttpResponse(body))
            for n, body in enumerate(bodies.values())
        ] + site_urls.urlpatterns

    gen = result["generation"]
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"\n{DATABASE_NAMES[args.db]}, {gen['articles']:,} articles, "
        f"{gen['read_rows']:,} read rows, {gen['size_mb']:,.0f} MB; {args.rounds} rounds; "
        f"load average {load}"
    )
    print(
        f"{'page':<16} {'bytes':>7} {'queries':>7} {'db ms':>6} {'slowest':>7} "
        f"{'median ms':>9} {'p95 ms':>7} {'ref ms':>6} {'ratio':>6}"
    )
    rows, slow = [], []
    with override_settings(ROOT_URLCONF=ReferenceUrls):
        for n, (name, url) in enumerate(pages.items()):
            _timings(client, url, 3)  # templates, renditions, widget caches
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = captured.captured_queries
            slowest = max(queries, key=lambda q: float(q["time"]), default=None)
            page = _timings(client, url, args.rounds)
            reference = _timings(client, f"/reference/{n}/", args.rounds)
            row = {
                "page": name,
                "url": url,
                "bytes": len(bodies[name]),
                "queries": len(queries),
                "db_ms": sum(float(q["time"]) for q in queries) * 1e3,
                "slowest_query_ms": float(slowest["time"]) * 1e3 if slowest else 0.0,
                "median_ms": statistics.median(page) * 1e3,
                "p95_ms": _p95(page) * 1e3,
                "reference_ms": statistics.median(reference) * 1e3,
            }
            row["ratio"] = row["median_ms"] / row["reference_ms"]
            rows.append(row)
            print(
                f"{name:<16} {row['bytes']:>7} {row['queries']:>7} {row['db_ms']:>6.1f} "
                f"{row['slowest_query_ms']:>7.1f} {row['median_ms']:>9.1f} {row['p95_ms']:>7.1f} "
                f"{row['reference_ms']:>6.2f} {row['ratio']:>6.1f}"
            )
            if row["median_ms"] > SLOW_MS and slowest:
                slow.append((name, float(slowest["time"]) * 1e3, slowest["sql"]))
    measured = {row["page"]: row for row in rows}
    rows = [measured.get(name, {"page": name, "skipped": True}) for name in order]
    for name, url in pages.items():
        print(f"  {name}: {url}")
    for note in notes:
        print(f"  note: {note}")
    for name, ms, sql in slow:
        print(f"\n  {name} is over {SLOW_MS} ms; its slowest query ({ms:.1f} ms):")
        print(f"    {_short_sql(sql)}")
        for line in _explain(connection, sql):
            print(f"    | {line}")
    result["cold"] = _cold(client, cache, connection)
    result["pages"] = rows
    args.result.write_text(json.dumps(result))
    return 0


def _pages(client) -> tuple[dict[str, str], list[str]]:
    """The listing pages worth timing on this site: the busiest of each kind."""
    from collections import Counter

    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone
    from taggit.models import Tag

    from warta.articles.models import ArticleAuthor, ArticlePage, ArticleTag
    from warta.people.models import Person
    from warta.sections.models import SectionPage

    notes: list[str] = []
    live = ArticlePage.objects.live()
    top_level = SectionPage.objects.live().filter(depth=3)
    sizes = {s: live.descendant_of(s).count() for s in top_level}
    kanal = max(sizes, key=sizes.get)
    per_page = getattr(SectionPage, "per_page", 20)
    deep = min(DEEP_PAGE, max(1, -(-sizes[kanal] // per_page)))
    tag_row = ArticleTag.objects.values("tag").annotate(n=Count("id")).order_by("-n", "tag").first()
    tag = Tag.objects.get(pk=tag_row["tag"])
    author_row = (
        ArticleAuthor.objects.values("person")
        .annotate(n=Count("id"))
        .order_by("-n", "person")
        .first()
    )
    person = Person.objects.get(pk=author_row["person"])
    zone = timezone.get_current_timezone()
    days = Counter(
        timezone.localtime(at, zone).date() for at in live.values_list("published_at", flat=True)
    )
    busy_day, busy_count = days.most_common(1)[0]
    article = live.order_by("-published_at").first()
    pages = {
        "home": "/",
        "kanal": kanal.url,
        f"kanal p{deep}": f"{kanal.url}?page={deep}" if deep > 1 else kanal.url,
        "tag": reverse("topics:tag", kwargs={"slug": tag.slug}),
        "author": person.get_absolute_url(),
        "indeks": f"{reverse('archive:index')}?tanggal={busy_day.isoformat()}",
    }
    for name, query in SEARCH_QUERIES.items():
        pages[name] = f"/cari/?q={quote(query)}"
    pages["article"] = article.url
    notes.append(
        f"kanal {kanal.title}: {sizes[kanal]:,} articles; tag {tag.name}: {tag_row['n']:,}; "
        f"author {person.name}: {author_row['n']:,}; Indeks {busy_day}: {busy_count} articles"
    )
    return pages, notes


def _short_sql(sql: str, limit: int = 1200) -> str:
    """The query with its own column list elided: what it reads and how it filters."""
    depth = 0
    for match in re.finditer(r"[()]| FROM ", sql):
        part = match.group()
        depth += {"(": 1, ")": -1}.get(part, 0)
        if part == " FROM " and depth == 0:
            sql = "SELECT …" + sql[match.start() :]
            break
    return sql if len(sql) <= limit else sql[:limit] + " …"


def _explain(connection, sql: str) -> list[str]:
    """The database's plan for ``sql`` (run, with timings, on PostgreSQL)."""
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    try:
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            rows = cursor.fetchall()
    except Exception as exc:  # a plan is a bonus; the numbers above stand without it
        return [f"(no plan: {exc})"]
    if connection.vendor == "sqlite":
        return [" ".join(str(v) for v in row[1:]) for row in rows]
    return [row[0] for row in rows]


def _timings(client, url: str, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def _cold(client, cache, connection, rounds: int = 3) -> dict:
    """The home page right after the cache is emptied: what the reader pays whose
    request finds the Terpopuler / Tag Terpopuler rankings and Wagtail's site
    lookups expired. Prints the median and the slowest queries with a plan."""
    from django.test.utils import CaptureQueriesContext

    samples = []
    for _ in range(rounds):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.get("/")
            samples.append(time.perf_counter() - started)
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    median = statistics.median(samples) * 1e3
    print(
        f"\n  home with the cache emptied first: median {median:.0f} ms over {rounds} requests, "
        f"{len(queries)} queries; the slowest:"
    )
    for n, query in enumerate(queries[:3]):
        print(f"    {float(query['time']) * 1e3:7.1f} ms  {_short_sql(query['sql'], 600)}")
        if n == 0:
            for line in _explain(connection, query["sql"]):
                print(f"      | {line}")
    return {"median_ms": median, "queries": len(queries)}


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


if __name__ == "__main__":
    raise SystemExit(main())
