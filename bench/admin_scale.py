"""Queries and time of the admin's article views on a large site, as ratios to a reference.

A site of 100,000 articles and 20,000 tags (``large_site.py``, without reads and
without the reader-facing search documents, which the admin does not use) is
generated into the configured database; then, logged in as a Redaktur, each admin
view is requested in-process with Django's test client: the Berita listing
(unfiltered, each filter, headline search, a deep page; also as an Editor of one
kanal), Wagtail's explorer of the largest kanal, the page chooser (browsing that
kanal, searching) and the tag autocomplete the tag field calls. The reference is
a trivial admin view (the account page) measured in the same run.

    .venv/bin/python bench/admin_scale.py [--articles 100000] [--tags 20000]
        [--rounds 15] [--reuse] [--data-dir /tmp]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/warta_bench_admin \\
        .venv/bin/python bench/admin_scale.py

SQLite by default, in ``<data-dir>/warta-admin-scale-sqlite-<articles>/`` (kept,
so that ``--reuse`` measures it again without generating); PostgreSQL when
``DATABASE_URL`` is set: that database is dropped and created again unless
``--reuse`` (only if its name contains "bench", or with ``--drop-database``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
DEFAULT_ARTICLES = 100_000
DEFAULT_TAGS = 20_000
DRAFT_EVERY = 100  # one article in this many is made a draft after generation
ROUNDS_BUDGET_MS = 20_000
SLOW_MS = 100  # a view slower than this (median) gets its slowest query's plan printed
SEARCH = "banjir"
TAG_PREFIX = "Ban"  # Banjir..., Bandung..., Bandara..., Banten...


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--tags", type=int, default=DEFAULT_TAGS)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--reuse", action="store_true", help="measure a kept site again")
    parser.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument(
        "--drop-database",
        action="store_true",
        help="PostgreSQL: allow dropping a DATABASE_URL database whose name lacks 'bench'",
    )
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    vendor = "postgres" if database_url.startswith(("postgres://", "postgresql://")) else "sqlite"
    data_dir = args.data_dir / f"warta-admin-scale-{vendor}-{args.articles}"
    if vendor == "sqlite" and not args.reuse and (data_dir / "warta.sqlite3").exists():
        for name in ("warta.sqlite3", "warta.sqlite3-wal", "warta.sqlite3-shm"):
            (data_dir / name).unlink(missing_ok=True)
    if vendor == "postgres" and not args.reuse:
        _recreate_postgres(database_url, args.drop_database)
    data_dir.mkdir(parents=True, exist_ok=True)
    _configure(data_dir)

    from django.core.management import call_command
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    if not args.reuse:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"  {'migrate':<48} {time.perf_counter() - started:7.1f} s")
        _generate(args)
    else:
        call_command("migrate", verbosity=0)
    targets = _targets()
    print(_describe(targets), flush=True)
    results = _measure_all(targets, args.rounds)
    _print_table(results, connection.vendor)
    return 0


# Set-up ---------------------------------------------------------------------------


def _recreate_postgres(url: str, allowed: bool) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in ("postgres", "template0", "template1"):
        raise SystemExit(f"refusing to drop the database {name!r}: name a benchmark database")
    if "bench" not in name and not allowed:
        raise SystemExit(
            f"DATABASE_URL names {name!r}: it would be dropped and made again. Use a "
            "database named *bench*, or pass --drop-database (or --reuse a generated one)."
        )
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _configure(data_dir: Path) -> None:
    sys.path.insert(0, str(PROJECT_DIR))
    sys.path.insert(0, str(BENCH_DIR))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="warta.config.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="testserver,localhost",
        WARTA_HTTPS="false",
        WARTA_DATA_DIR=str(data_dir),
        WARTA_PAGE_CACHE="false",
    )
    os.environ.pop("REDIS_URL", None)  # a local-memory cache, as in listing_pages.py
    import django

    django.setup()
    # The admin's pages name their static files; collected files are not needed
    # in-process, so plain names instead of the manifest (no collectstatic).
    from django.conf import settings
    from django.test.utils import override_settings

    storages = dict(settings.STORAGES)
    storages["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES=storages).enable()


def _generate(args) -> None:
    import large_site

    started = time.perf_counter()
    site = large_site.generate(
        articles=args.articles, read_rows=0, tags=args.tags, search_index=False
    )
    print(f"  {'generated':<48} {time.perf_counter() - started:7.1f} s")
    print(f"{site.articles:,} articles, {site.tags:,} tags, {site.people} people")
    _as_in_a_newsroom(args.articles)


def _as_in_a_newsroom(articles: int) -> None:
    """What the generator leaves out and the admin shows: revisions' times, drafts,
    Wagtail's own search index (the page chooser and explorer search it)."""
    from django.db import connection, transaction
    from django.db.models import F
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from warta.articles.models import ArticlePage

    started = time.perf_counter()
    with transaction.atomic():
        # Every real article has a revision: its time is the "latest change" column.
        ArticlePage.objects.filter(latest_revision_created_at=None).update(
            latest_revision_created_at=F("last_published_at")
        )
        # One in DRAFT_EVERY is a draft: never published, changed recently.
        drafts = Page.objects.filter(
            pk__in=ArticlePage.objects.order_by("-pk").values("pk")[: articles // DRAFT_EVERY]
        )
        drafts.update(
            live=False,
            has_unpublished_changes=True,
            first_published_at=None,
            last_published_at=None,
        )
    print(f"  {'revision times, drafts':<48} {time.perf_counter() - started:7.1f} s")

    started = time.perf_counter()
    backend = get_search_backend()
    ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        for n in range(0, len(ids), 1000):
            backend.add_bulk(
                ArticlePage, list(ArticlePage.objects.filter(pk__in=ids[n : n + 1000]))
            )
    print(f"  {'Wagtail search index (page chooser)':<48} {time.perf_counter() - started:7.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _targets() -> dict:
    """The user, the largest kanal, the most credited person, and the URLs."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.utils import timezone

    from warta.articles.models import ArticleAuthor
    from warta.people.models import Person
    from warta.sections.models import SectionPage
    from warta.users.roles import REDAKTUR
    from warta.users.services import assign_role, set_editor_sections

    users = get_user_model()
    redaktur = users.objects.filter(username="bench-redaktur").first()
    if redaktur is None:
        redaktur = users.objects.create_user("bench-redaktur", "r@example.com", "x")
        assign_role(redaktur, REDAKTUR)
    kanal = SectionPage.objects.order_by("-numchild").first()
    editor = users.objects.filter(username="bench-editor").first()
    if editor is None:
        editor = users.objects.create_user("bench-editor", "e@example.com", "x")
        set_editor_sections(editor, [kanal])
    person_id = (
        ArticleAuthor.objects.values("person")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("person", flat=True)
        .first()
    )
    person = Person.objects.get(pk=person_id)
    today = timezone.localdate()
    week = {"first_published_at_from": str(today - timedelta(days=7))}
    month = {
        "latest_revision_created_at_from": str(today - timedelta(days=60)),
        "latest_revision_created_at_to": str(today - timedelta(days=30)),
    }

    def berita(**params):
        return "/admin/berita/" + ("?" + urlencode(params) if params else "")

    chooser = {"page_type": "articles.articlepage"}
    views = [
        ("reference: account page", "/admin/account/", redaktur),
        ("dashboard", "/admin/", redaktur),
        ("Berita", berita(), redaktur),
        ("Berita, kanal", berita(kanal=kanal.pk), redaktur),
        ("Berita, penulis", berita(penulis=person.pk), redaktur),
        ("Berita, status draf", berita(status="draf"), redaktur),
        ("Berita, status tayang", berita(status="tayang"), redaktur),
        ("Berita, terbit 7 hari", berita(**week), redaktur),
        ("Berita, diubah 30-60 hari lalu", berita(**month), redaktur),
        (f"Berita, cari '{SEARCH}'", berita(q=SEARCH), redaktur),
        (
            "Berita, kanal + penulis + cari",
            berita(kanal=kanal.pk, penulis=person.pk, q=SEARCH),
            redaktur,
        ),
        ("Berita, page 1000", berita(p=1000), redaktur),
        ("Berita, ordered by title", berita(ordering="title"), redaktur),
        ("Berita, as Editor of the kanal", berita(), editor),
        ("explorer of the kanal", f"/admin/pages/{kanal.pk}/", redaktur),
        ("explorer of the kanal, page 100", f"/admin/pages/{kanal.pk}/?p=100", redaktur),
        (
            "page chooser, browse the kanal",
            f"/admin/choose-page/{kanal.pk}/?{urlencode(chooser)}",
            redaktur,
        ),
        (
            f"page chooser, search '{SEARCH}'",
            f"/admin/choose-page/search/?{urlencode({**chooser, 'q': SEARCH})}",
            redaktur,
        ),
        (
            f"tag autocomplete '{TAG_PREFIX}'",
            f"/admin/tag-autocomplete/?term={TAG_PREFIX}",
            redaktur,
        ),
        (
            "tag autocomplete 'Pilkada Medan 20'",
            "/admin/tag-autocomplete/?term=Pilkada+Medan+20",
            redaktur,
        ),
    ]
    return {"kanal": kanal, "person": person, "views": views}


def _describe(targets) -> str:
    from taggit.models import Tag

    from warta.articles.models import ArticleAuthor, ArticlePage

    kanal, person = targets["kanal"], targets["person"]
    drafts = ArticlePage.objects.filter(live=False).count()
    return (
        f"{ArticlePage.objects.count():,} articles ({drafts:,} drafts), "
        f"{Tag.objects.count():,} tags; largest kanal {kanal.title} "
        f"({kanal.numchild:,} children); most credited {person.name} "
        f"({ArticleAuthor.objects.filter(person=person).count():,} articles)"
    )


# Measuring ------------------------------------------------------------------------


def _measure_all(targets, rounds: int) -> list[dict]:
    from django.test import Client

    clients = {}
    results = []
    for label, url, user in targets["views"]:
        client = clients.get(user.pk)
        if client is None:
            client = clients[user.pk] = Client()
            client.force_login(user)
        result = _measure(client, label, url, rounds)
        results.append(result)
        print(f"  {label:<48} {result['median']:8.1f} ms  {result['queries']} queries", flush=True)
    return results


def _measure(client, label: str, url: str, rounds: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = captured.captured_queries
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if len(times) >= 3 and sum(times) > ROUNDS_BUDGET_MS:
            break  # a view of several seconds: three rounds tell enough
    slowest = max(queries, key=lambda q: float(q["time"]), default=None)
    return {
        "label": label,
        "url": url,
        "bytes": len(response.content),
        "queries": len(queries),
        "db_ms": sum(float(q["time"]) for q in queries) * 1000,
        "slowest_ms": float(slowest["time"]) * 1000 if slowest else 0.0,
        "slowest_sql": slowest["sql"] if slowest else "",
        "median": statistics.median(times),
        "p95": sorted(times)[max(0, int(len(times) * 0.95) - 1)],
        "rounds": len(times),
    }


def _explain(sql: str) -> str:
    from django.db import connection

    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        rows = cursor.fetchall()
    if connection.vendor == "sqlite":
        return "\n".join(f"      {row[-1]}" for row in rows)
    return "\n".join(f"      {row[0]}" for row in rows)


def _print_table(results: list[dict], vendor: str) -> None:
    reference = results[0]["median"]
    print(f"\nload average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}; {vendor}")
    header = "| view | bytes | queries | db ms | slowest | median ms | p95 ms | ratio |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['label']} | {r['bytes']:,} | {r['queries']} | {r['db_ms']:.0f} | "
            f"{r['slowest_ms']:.0f} | {r['median']:.1f} | {r['p95']:.1f} | "
            f"{r['median'] / reference:.1f} |"
        )
    for r in results:
        if r["median"] > SLOW_MS and r["slowest_sql"]:
            print(f"\n{r['label']} ({r['median']:.0f} ms): slowest query {r['slowest_ms']:.0f} ms")
            print(f"    {r['slowest_sql'][:600]}")
            try:
                print(_explain(r["slowest_sql"]))
            except Exception as exc:  # noqa: BLE001 - a plan is a bonus, not the result
                print(f"      (no plan: {exc})")


if __name__ == "__main__":
    raise SystemExit(main())
