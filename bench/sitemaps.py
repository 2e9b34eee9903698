"""Time and peak memory of the whole sitemap set of a large site, as ratios to a
reference measured in the same run.

A site of ``--articles`` articles is generated into a SQLite file in a temporary
directory: bulk rows with real treebeard paths, 2-4 tags and 1-2 bylines each, lead
images (with their renditions) on nine in ten, spread over three years up to now.
(``large_site.py`` builds richer content, bodies and search index included, but that
takes over an hour at a million articles; sitemaps read none of it.) Then, each in
a fresh child process so that peak memory is its own:

- ``sitemaps``: every document a crawler would fetch, through Django's test client
  and the whole middleware stack: /sitemap.xml, every page it lists, and
  /sitemap-news.xml, each read chunk by chunk as a crawler would and thrown away.
- ``one page``: only the first articles page; with memory flat, the whole set peaks
  no higher than one page.
- ``reference``: the floor for the same work: stream ``SELECT id`` of every live
  article with the same ``.iterator()`` chunking and write out as many bytes as the
  sitemaps came to. It reads each row once and writes the same output, without XML.
- ``materialized``: what a sitemap that is not streamed must at least hold: one
  ``list()`` of the article sitemap's columns for all articles.

Time is wall clock without tracemalloc; memory is the child's peak RSS
(``ru_maxrss``) and, in a second run of the same child, tracemalloc's peak of
Python allocations after Django is set up.

    .venv/bin/python bench/sitemaps.py [--articles 1000000] [--keep | --reuse]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
MODES = ("sitemaps", "one page", "reference", "materialized")


# The parent: the database, the child processes, the summary -------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="leave the database in place")
    parser.add_argument("--reuse", action="store_true", help="measure a kept database again")
    parser.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--child", choices=["generate", *MODES], help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bytes", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args)

    directory = args.data_dir / f"warta-bench-sitemaps-{args.articles}"
    database = directory / "warta.sqlite3"
    started = time.perf_counter()
    try:
        if not (args.reuse and database.exists()):
            shutil.rmtree(directory, ignore_errors=True)
            directory.mkdir(parents=True)
            print(f"Generating {args.articles:,} articles into {database} ...", flush=True)
            _run_child("generate", directory, args, echo=True)
        print(f"database: {database.stat().st_size / 2**20:,.0f} MB", flush=True)

        results = {}
        for mode in MODES:
            measured = _run_child(mode, directory, args, output_bytes=_bytes(results))
            traced = _run_child(mode, directory, args, trace=True, output_bytes=_bytes(results))
            measured["traced_peak"] = traced["traced_peak"]
            results[mode] = measured
            print(f"  measured {mode:<13} {measured['seconds']:8.1f} s", flush=True)
        _print_summary(args.articles, results)
    finally:
        if not (args.keep or args.reuse):
            shutil.rmtree(directory, ignore_errors=True)
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")
    return 0


def _bytes(results: dict) -> int:
    return results.get("sitemaps", {}).get("bytes", 0)


def _run_child(mode, directory, args, trace=False, output_bytes=0, echo=False) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="warta.config.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="testserver,localhost",
        WARTA_HTTPS="false",
        WARTA_DATA_DIR=str(directory),
        WARTA_LOG_LEVEL="WARNING",
    )
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        mode,
        "--articles",
        str(args.articles),
        "--bytes",
        str(output_bytes),
    ]
    if trace:
        command.append("--trace")
    result = directory / "result.json"
    result.unlink(missing_ok=True)
    process = subprocess.run(  # noqa: S603 - this very script
        command, env=env, cwd=PROJECT_DIR, capture_output=not echo, text=True, check=False
    )
    if process.returncode != 0:
        if not echo:
            print(process.stdout, process.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"child {mode!r} failed")
    return json.loads(result.read_text())


def _print_summary(articles: int, results: dict) -> None:
    sitemaps, reference = results["sitemaps"], results["reference"]
    print(
        f"\nSitemap set of {articles:,} articles: {sitemaps['documents']} documents, "
        f"{sitemaps['urls']:,} URLs, {sitemaps['bytes'] / 2**20:,.1f} MB of XML"
    )
    print(
        f"{'run':<14} {'seconds':>8} {'x ref':>6} {'peak RSS MB':>12} {'x ref':>6} "
        f"{'RSS over setup MB':>18} {'Python peak MB':>15} {'x ref':>6}"
    )
    for mode in MODES:
        r = results[mode]
        print(
            f"{mode:<14} {r['seconds']:8.1f} {r['seconds'] / reference['seconds']:6.2f} "
            f"{r['peak_rss'] / 2**20:12.1f} {r['peak_rss'] / reference['peak_rss']:6.2f} "
            f"{(r['peak_rss'] - r['setup_rss']) / 2**20:18.1f} "
            f"{r['traced_peak'] / 2**20:15.1f} "
            f"{r['traced_peak'] / max(reference['traced_peak'], 1):6.2f}"
        )
    print("\nSlowest documents (sitemaps run):")
    for url, seconds in sorted(sitemaps["per_document"].items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {url:<40} {seconds:7.2f} s")
    flat = sitemaps["peak_rss"] / results["one page"]["peak_rss"]
    print(f"\nflatness: peak RSS of the whole set / of one articles page = {flat:.2f}")


# The children -------------------------------------------------------------------------


def _child(args) -> int:
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    directory = Path(os.environ["WARTA_DATA_DIR"])
    if args.child == "generate":
        return _generate(args.articles)

    import tracemalloc

    from django.db import connection

    connection.ensure_connection()
    setup_rss = _rss_now()
    if args.trace:
        tracemalloc.start()
    started = time.perf_counter()
    outcome = MEASURES[args.child](args)
    seconds = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] if args.trace else 0
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KB on Linux
    (directory / "result.json").write_text(
        json.dumps(
            {
                "seconds": seconds,
                "setup_rss": setup_rss,
                "peak_rss": peak_rss,
                "traced_peak": traced_peak,
                **outcome,
            }
        )
    )
    return 0


def _rss_now() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _generate(articles: int) -> int:
    """A migrated SQLite file with ``articles`` articles, written in bulk.

    The kanal, images (with their renditions), people and tags are made the normal
    way or with ``bulk_create``; articles, their tags and bylines go in as raw rows
    with executemany in one transaction (Wagtail's ``add_child`` costs tens of ms a
    page). Only what sitemaps read is filled in: bodies are empty.
    """
    import logging
    import random
    import uuid
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag
    from wagtail.models import Page

    from warta.articles.models import ArticleAuthor, ArticlePage, ArticleTag
    from warta.images.services import prepare_renditions
    from warta.people.models import Person
    from warta.testing.factories import home_page, make_image, make_section

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    rng = random.Random(2026)  # noqa: S311 - made-up content
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    sections = []
    for title, parent in SECTIONS:
        parent_page = next((s for s in sections if s.title == parent), None)
        sections.append(make_section(title, parent=parent_page, slug=slugify(title)))
    images = []
    for n in range(IMAGES):
        image = make_image(title=f"Foto {n}", color=(20 * n % 255, 90, 160))
        prepare_renditions(image.pk)
        images.append(image.pk)
    Person.objects.bulk_create(
        Person(name=f"Kontributor {n}", slug=f"kontributor-{n}") for n in range(PEOPLE)
    )
    people = list(Person.objects.values_list("pk", flat=True))
    Tag.objects.bulk_create(Tag(name=f"Topik {n}", slug=f"topik-{n}") for n in range(TAGS))
    tags = list(Tag.objects.values_list("pk", flat=True))
    tag_weights = list(itertools.accumulate(1 / rank for rank in range(1, len(tags) + 1)))
    print(f"  base site                {time.perf_counter() - started:7.1f} s", flush=True)

    now = timezone.now()
    first_id = Page.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
    span = timedelta(days=3 * 365).total_seconds()
    article_type = ContentType.objects.get_for_model(ArticlePage).pk
    locale = home_page().locale_id
    # Steps already taken by sub-kanal; new articles come after them.
    slugs = {name: slugify(name) for name in WORDS + CITIES}
    children = dict(
        Page.objects.filter(pk__in=[s.pk for s in sections]).values_list("pk", "numchild")
    )

    def pages():
        for n in range(articles):
            section = rng.choice(sections)
            children[section.pk] += 1
            pk = first_id + n
            published = now - timedelta(seconds=span * (1 - n / articles) + 300)
            word, city = rng.choice(WORDS), rng.choice(CITIES)
            title = f"Berita nomor {pk} tentang {word} di {city}"
            slug = f"berita-nomor-{pk}-tentang-{slugs[word]}-di-{slugs[city]}"
            yield (
                pk,
                section.path + _step(children[section.pk]),
                section.depth + 1,
                uuid.UUID(int=pk),
                locale,
                article_type,
                title,
                title,
                slug,
                f"{section.url_path}{slug}/",
                published,
                published,
            )

    def article_rows():
        for n in range(articles):
            published = now - timedelta(seconds=span * (1 - n / articles) + 300)
            updated = published + timedelta(hours=rng.uniform(1, 8))
            yield (
                first_id + n,
                rng.choice(images) if rng.random() < 0.9 else None,
                BODY.replace("{pk}", str(first_id + n)),
                published,
                updated if rng.random() < 0.1 and updated < now else None,
            )

    def tag_rows():
        for n in range(articles):
            for tag in set(rng.choices(tags, cum_weights=tag_weights, k=rng.randint(2, 4))):
                yield first_id + n, tag

    def author_rows():
        for n in range(articles):
            for order, person in enumerate(rng.sample(people, rng.choice((1, 1, 2)))):
                yield first_id + n, person, "penulis", order

    with connection.cursor() as cursor:
        # A throwaway file: no journal, no syncs, a big page cache for the indexes.
        cursor.execute("PRAGMA journal_mode = OFF")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -1000000")
    with transaction.atomic(), connection.cursor() as cursor:
        page_fields = (
            "id", "path", "depth", "translation_key", "locale", "content_type", "title",
            "draft_title", "slug", "url_path", "first_published_at", "last_published_at",
        )  # fmt: skip
        _insert(Page, page_fields, pages())
        print(f"  pages                    {time.perf_counter() - started:7.1f} s", flush=True)
        article_fields = ("page_ptr", "lead_image", "body", "published_at", "updated_at")
        _insert(ArticlePage, article_fields, article_rows())
        print(f"  articles                 {time.perf_counter() - started:7.1f} s", flush=True)
        _insert(ArticleTag, ("content_object", "tag"), tag_rows())
        _insert(ArticleAuthor, ("article", "person", "role", "sort_order"), author_rows())
        for pk, count in children.items():
            Page.objects.filter(pk=pk).update(numchild=count)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode = WAL")
    live = ArticlePage.objects.live().count()
    print(f"  all rows                 {time.perf_counter() - started:7.1f} s", flush=True)
    print(f"{live:,} live articles", flush=True)
    (Path(os.environ["WARTA_DATA_DIR"]) / "result.json").write_text("{}")
    return 0 if live == articles else 1


SECTIONS = (
    ("Nasional", None),
    ("Politik", "Nasional"),
    ("Hukum", "Nasional"),
    ("Ekonomi", None),
    ("Bisnis", "Ekonomi"),
    ("Internasional", None),
    ("Olahraga", None),
    ("Teknologi", None),
    ("Gaya Hidup", None),
    ("Daerah", None),
)
CITIES = ("Jakarta", "Surabaya", "Makassar", "Medan", "Jayapura", "Denpasar", "Kupang")
WORDS = ("banjir", "harga beras", "pilkada", "jalan tol", "festival", "listrik", "sekolah")
IMAGES, PEOPLE, TAGS = 10, 300, 2000
# A body of the usual size (six paragraphs, about 2.5 KB of StreamField JSON): it
# shares the table row with the columns sitemaps read, so it decides how many rows
# fit in a disk page.
_PARAGRAPH = (
    "Pemerintah daerah menyampaikan bahwa perbaikan jalan dan saluran air di kawasan "
    "itu akan dimulai pekan depan, setelah warga berulang kali mengeluhkan genangan "
    "yang muncul setiap kali hujan deras turun pada sore hari. Anggaran telah disetujui "
    "dewan dan pekerjaan ditargetkan selesai dalam tiga bulan."
)
BODY = json.dumps(
    [{"type": "paragraph", "value": f"<p>{_PARAGRAPH}</p>", "id": f"{{pk}}-{n}"} for n in range(6)]
)


def _step(number: int) -> str:
    """One treebeard path step: ``number`` in base 36, ``Page.steplen`` digits."""
    from wagtail.models import Page

    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def _insert(model, names, rows) -> None:
    """executemany of ``rows`` into ``model``'s table; other columns get their
    field's default, as ``save()`` would give them."""
    from django.db import connection

    given = [model._meta.get_field(name) for name in names]
    rest = [f for f in model._meta.local_concrete_fields if f not in given and not f.primary_key]
    constant = tuple(f.get_db_prep_save(f.get_default(), connection) for f in rest)
    fields = given + rest
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    prepared = (
        tuple(f.get_db_prep_save(v, connection) for f, v in zip(given, row, strict=True)) + constant
        for row in rows
    )
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)  # noqa: S608


def _fetch(client, url: str, counts: dict) -> list[str]:
    """Read one document chunk by chunk; return its <loc>s if it is the index."""
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    index = url == "/sitemap.xml"
    body = []
    for chunk in response.streaming_content:
        counts["bytes"] += len(chunk)
        counts["urls"] += chunk.count(b"<url>")
        if index:  # a few KB: the only document kept
            body.append(chunk)
    response.close()
    counts["documents"] += 1
    counts["per_document"][url] = time.perf_counter() - started
    locs = re.findall(rb"<loc>([^<]*)</loc>", b"".join(body))
    return [loc.decode().removeprefix("http://testserver") for loc in locs]


def _measure_sitemaps(args) -> dict:
    from django.test import Client

    client = Client()
    counts = {"bytes": 0, "urls": 0, "documents": 0, "per_document": {}}
    for url in _fetch(client, "/sitemap.xml", counts):
        _fetch(client, url, counts)
    _fetch(client, "/sitemap-news.xml", counts)
    return counts


def _measure_one_page(args) -> dict:
    from django.test import Client

    counts = {"bytes": 0, "urls": 0, "documents": 0, "per_document": {}}
    _fetch(Client(), "/sitemap-articles-1.xml", counts)
    return counts


def _measure_reference(args) -> dict:
    """Every live article id, streamed, and ``--bytes`` bytes written to /dev/null."""
    from warta.articles.models import ArticlePage
    from warta.syndication.sitemaps import CHUNK_ROWS

    ids = (
        ArticlePage.objects.filter(live=True, published_at__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=CHUNK_ROWS)
    )
    rows = 0
    per_row = max(args.bytes // args.articles, 1)
    with open(os.devnull, "wb") as sink:
        block, pending = [], 0
        for _pk in ids:
            rows += 1
            block.append(b"x" * per_row)
            pending += per_row
            if pending >= 65536:
                sink.write(b"".join(block))
                block, pending = [], 0
        sink.write(b"".join(block))
        sink.write(b"x" * max(args.bytes - rows * per_row, 0))
    return {"rows": rows}


def _measure_materialized(args) -> dict:
    """The article sitemap's columns for every article, held at once in a list."""
    from django.db.models.functions import Coalesce

    from warta.articles.models import ArticlePage

    rows = list(
        ArticlePage.objects.filter(live=True, published_at__isnull=False)
        .annotate(lastmod=Coalesce("updated_at", "published_at"))
        .order_by("pk")
        .values_list("url_path", "lastmod", "lead_image__file")
    )
    return {"rows": len(rows)}


MEASURES = {
    "sitemaps": _measure_sitemaps,
    "one page": _measure_one_page,
    "reference": _measure_reference,
    "materialized": _measure_materialized,
}


if __name__ == "__main__":
    raise SystemExit(main())
