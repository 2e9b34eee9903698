"""A large Warta site, generated in bulk: 100,000 articles and millions of recorded reads.

Adding pages through Wagtail (``add_child``, ``save_revision``) costs tens of
milliseconds a page, so only a small base is built the normal way: ``warta demo``
with one article per story template (masthead, kanal, contributors, ads, notices and
images with their renditions), plus three sub-kanal. Everything else is written with
bulk SQL: treebeard paths, ``numchild`` and ``url_path`` are computed here, rows go
in with ``executemany`` on SQLite and ``COPY`` on PostgreSQL, in one transaction.
The search index is then made by the search app's own code, in worker processes.

Articles are filled from the demo's story templates (headline, summary and body
with their own city, people and numbers), spread over two years with one busy day,
over 10 kanal, 500 tags and 200 contributors. Reads are generated per (article,
hour) for the last 30 days with Zipf-like popularity; ``write_reads`` is the one
place that knows how the analytics app stores them.

``bench/listing_pages.py`` calls ``generate()``. To build a site on its own (in
a temporary directory on SQLite, or in ``DATABASE_URL``)::

    .venv/bin/python bench/large_site.py --generate [--articles 100000]
"""

from __future__ import annotations

import argparse
import functools
import gc
import html
import itertools
import json
import logging
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

DEFAULT_ARTICLES = 100_000
DEFAULT_READ_ROWS = 5_000_000  # (article, hour) buckets with at least one read
DEFAULT_SEED = 2026
YEARS_DAYS = 730
READS_DAYS = 30
BUSY_DAY_AGO = 9  # local days before today; that day has BUSY_FACTOR times the articles
BUSY_FACTOR = 4
TAGS = 500
PEOPLE = 200

# (title, slug, parent slug, nav order, intro): with the demo's 7 kanal, 10 in all.
EXTRA_SECTIONS = (
    ("Politik", "politik", "nasional", 11, "Partai, parlemen, dan pemilihan."),
    ("Hukum", "hukum", "nasional", 12, "Pengadilan, kepolisian, dan hak warga."),
    ("Bisnis", "bisnis", "ekonomi", 31, "Perusahaan, industri, dan dunia usaha."),
)
# Where a story template's articles go: the template's kanal and its sub-kanal.
SECTION_SPREAD = {
    "nasional": (("nasional", 2), ("politik", 1), ("hukum", 1)),
    "ekonomi": (("ekonomi", 2), ("bisnis", 1)),
}
TOPICS = (
    "Pilkada",
    "UMKM",
    "Infrastruktur",
    "Pendidikan",
    "Kesehatan",
    "Transportasi",
    "Pariwisata",
    "Kuliner",
    "Harga Pangan",
    "Banjir",
    "Kebakaran",
    "Kriminalitas",
    "Lalu Lintas",
    "Air Bersih",
    "Sampah",
    "Olahraga",
    "Budaya",
    "Pertanian",
    "Perikanan",
    "Investasi",
    "Pelabuhan",
    "Bandara",
    "Festival",
    "Pasar",
    "Sekolah",
    "Rumah Sakit",
    "Jalan Rusak",
    "Listrik",
)
FIRST_NAMES = (
    "Adi",
    "Agus",
    "Ayu",
    "Bagus",
    "Bima",
    "Citra",
    "Dewi",
    "Dian",
    "Eka",
    "Fajar",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Putu",
    "Rizky",
    "Sari",
    "Tri",
    "Utami",
    "Wahyu",
    "Yudi",
    "Zahra",
    "Anisa",
    "Bayu",
    "Fikri",
    "Rani",
)
LAST_NAMES = (
    "Saputra",
    "Wijaya",
    "Hidayat",
    "Siregar",
    "Nasution",
    "Lubis",
    "Harahap",
    "Pratama",
    "Kusuma",
    "Santoso",
    "Wibowo",
    "Setiawan",
    "Halim",
    "Tanjung",
    "Sinaga",
    "Manurung",
    "Rahman",
    "Permana",
    "Gultom",
    "Mahendra",
)
PERSON_ROLES = (("penulis", 45), ("reporter", 35), ("editor", 12), ("fotografer", 8))
WRITER_ROLES = ("penulis", "reporter")
# Share of reads in each local (WIB) hour of the day: quiet at night, peaks at
# breakfast and in the evening.
DIURNAL = (3, 2, 2, 2, 3, 5, 9, 12, 12, 10, 9, 9, 10, 9, 8, 8, 9, 10, 11, 13, 13, 11, 8, 5)

Log = Callable[[str], None]


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - made-up content, no secrets


@dataclass
class LargeSite:
    """What ``generate`` made, and how long each step took."""

    articles: int = 0
    sections: int = 0
    people: int = 0
    tags: int = 0
    images: int = 0
    article_tags: int = 0
    bylines: int = 0
    read_rows: int = 0
    reads: int = 0
    search_documents: int = 0
    busy_day: date | None = None
    timings: dict[str, float] = field(default_factory=dict)


def generate(
    articles: int = DEFAULT_ARTICLES,
    read_rows: int = DEFAULT_READ_ROWS,
    seed: int = DEFAULT_SEED,
    now: datetime | None = None,
    log: Log = print,
    tags: int = TAGS,
    search_index: bool = True,
) -> LargeSite:
    """Fill the configured, migrated and empty database with a large site.

    ``read_rows=0`` leaves out the reads and ``search_index=False`` the search
    app's documents (what the admin benchmark does not look at); ``tags`` above
    500 adds tags named after topics, cities, places and years.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    site = LargeSite()
    rng = _rng(seed)
    now = now or timezone.now()
    clock = _Clock(site, log)
    gc.disable()  # millions of small tuples; the collector only slows them down
    try:
        with clock("base site (warta demo, sub-kanal)"), _quiet("wagtail"):
            base = _build_base(rng, now, seed)
        transaction.set_autocommit(False)
        try:
            _tune_connection(connection)
            with clock(f"plan {articles:,} articles"):
                plan = _plan_articles(rng, now, articles, base)
            with clock("people and tags"):
                _insert_people(rng, base)
                _insert_tags(base, plan, tags)
            with clock("pages (wagtailcore_page, articles_articlepage)"):
                _insert_pages(plan, base)
            with clock("tags and bylines"):
                site.article_tags, site.bylines = _insert_relations(plan, base)
            if read_rows:
                with clock(f"reads ({read_rows:,} hourly buckets)"):
                    buckets = _read_buckets(rng, now, base, plan, read_rows)
                    site.read_rows, site.reads = write_reads(buckets)
            with clock("commit"):
                transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
        finally:
            transaction.set_autocommit(True)
        if search_index:
            with clock("search index"):
                site.search_documents = index_for_search()
        with clock("analyze / checkpoint"):
            _finish(connection)
    finally:
        gc.enable()
    site.articles = base.existing_articles + len(plan)
    site.sections = len(base.sections)
    site.people = len(base.people)
    site.tags = len(base.tag_ids)
    site.images = len(base.image_ids)
    site.busy_day = base.busy_day
    return site


def write_reads(buckets: Iterable[tuple[int, datetime, int]]) -> tuple[int, int]:
    """Store (article id, UTC hour, reads) buckets; returns (rows, reads).

    The one step that knows how the analytics app keeps reads: ``ArticleReads``,
    one row per article and hour, then the app's own rollups of them (reads per tag
    and hour, running 24-hour and 7-day totals) rebuilt from those rows, as the
    flush would have kept them.
    """
    from warta.analytics.models import ArticleReads
    from warta.analytics.services import rebuild_read_rollups

    ArticleReads.objects.all().delete()  # the demo's, replaced by the generated ones
    counted = Counter()

    def rows():
        for bucket in buckets:
            counted["rows"] += 1
            counted["reads"] += bucket[2]
            yield bucket

    _insert(ArticleReads, ("article", "hour", "reads"), rows())
    rebuild_read_rollups()
    return counted["rows"], counted["reads"]


def index_for_search(batch_size: int = 1000) -> int:
    """Fill the search index with the rows the search app itself would write.

    ``reindex_articles`` writes one article at a time (about 7 ms each); here the
    search app's own ``_document_fields`` makes the same rows in worker processes,
    one per core, and they are inserted a batch at a time. Returns the number of
    documents. The articles must be committed: the workers read them.
    """
    import multiprocessing

    from django.db import connections, transaction

    from warta.articles.models import ArticlePage
    from warta.search.models import SearchDocument

    ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    batches = [ids[n : n + batch_size] for n in range(0, len(ids), batch_size)]
    connections.close_all()  # each worker opens its own connection after the fork
    count = 0
    workers = min(2, os.cpu_count() or 1)
    with multiprocessing.get_context("fork").Pool(workers) as pool, transaction.atomic():
        SearchDocument.objects.all().delete()
        for documents in pool.imap(_search_documents, batches):
            SearchDocument.objects.bulk_create(SearchDocument(**d) for d in documents)
            count += len(documents)
    return count


def _search_documents(ids: list[int]) -> list[dict]:
    """In a worker: the search app's document fields for these articles, if live."""
    from warta.search.services import _document_fields, _indexable

    articles = _indexable().filter(pk__in=ids).order_by("pk")
    return [{"article_id": a.pk, **_document_fields(a)} for a in articles]


def database_size() -> int:
    """Bytes the database takes on disk (SQLite file with its WAL, or PostgreSQL)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        return sum(p.stat().st_size for p in (name, Path(f"{name}-wal")) if p.exists())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def verify(expected_articles: int) -> list[str]:
    """Cheap checks of the tree and a sample page; returns what is wrong."""
    from django.db import connection
    from django.db.models import Q
    from wagtail.models import Page

    from warta.articles.models import ArticlePage
    from warta.sections.models import SectionPage

    problems = []
    live = ArticlePage.objects.live().count()
    if live != expected_articles:
        problems.append(f"{live} live articles, expected {expected_articles}")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM wagtailcore_page c WHERE c.depth > 1 AND NOT EXISTS "
            "(SELECT 1 FROM wagtailcore_page p "
            "WHERE p.path = SUBSTR(c.path, 1, LENGTH(c.path) - %s))",
            [Page.steplen],
        )
        if orphans := cursor.fetchone()[0]:
            problems.append(f"{orphans} pages without a parent")
        cursor.execute(
            "SELECT COUNT(*) FROM wagtailcore_page WHERE LENGTH(path) <> depth * %s",
            [Page.steplen],
        )
        if wrong_depth := cursor.fetchone()[0]:
            problems.append(f"{wrong_depth} pages whose depth does not match the path")
    for parent in Page.objects.filter(Q(numchild__gt=0) | Q(sectionpage__isnull=False)):
        real = parent.get_children().count()
        if real != parent.numchild:
            problems.append(f"{parent.url_path}: numchild {parent.numchild}, has {real}")
    article = ArticlePage.objects.live().order_by("-published_at").first()
    section = SectionPage.objects.get(pk=article.get_parent().pk)
    if not article.url or not article.url.startswith(section.url):
        problems.append(f"article url {article.url!r} is not under {section.url!r}")
    if not ArticlePage.objects.live().descendant_of(section).exists():
        problems.append(f"kanal {section.url} lists no article")
    return problems


# Internals ------------------------------------------------------------------------


@dataclass
class _Clock:
    """Times each step into the summary and logs it."""

    site: LargeSite
    log: Log

    @contextmanager
    def __call__(self, label: str):
        started = time.perf_counter()
        yield
        self.site.timings[label] = elapsed = time.perf_counter() - started
        self.log(f"  {label:<48} {elapsed:7.1f} s")


@dataclass
class _Base:
    """The normally built part of the site, and the ids the bulk part refers to."""

    home: object
    sections: dict[str, object]
    next_step: dict[str, int]
    image_ids: list[int]
    people: list[tuple[int, str]] = field(default_factory=list)  # (id, role)
    tag_ids: dict[str, int] = field(default_factory=dict)  # lower-cased name -> id
    tail_tags: list[str] = field(default_factory=list)
    existing_articles: int = 0
    busy_day: date | None = None


@dataclass
class _Article:
    id: int
    section: str
    published_at: datetime
    title: str
    slug: str
    summary: str
    body: str
    lead_image_id: int | None
    updated_at: datetime | None
    source: tuple[str, str]
    tags: list[str]


@contextmanager
def _quiet(logger_name: str):
    """Wagtail logs every page it creates; the base site's are not news."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _build_base(rng: random.Random, now: datetime, seed: int) -> _Base:
    from wagtail.models import Page

    from warta.articles.models import ArticlePage
    from warta.demo import content
    from warta.demo.services import load_demo_content
    from warta.sections.models import SectionPage

    load_demo_content(articles=len(content.STORIES), days=READS_DAYS, seed=seed, now=now)
    home = Page.objects.get(depth=2).specific
    sections = {s.slug: s for s in SectionPage.objects.all()}
    for title, slug, parent, nav_order, intro in EXTRA_SECTIONS:
        section = SectionPage(title=title, slug=slug, nav_order=nav_order, intro=intro)
        SectionPage.objects.get(slug=parent).add_child(instance=section)
        section.save_revision().publish()
    sections = {s.slug: s for s in SectionPage.objects.all()}
    next_step = {}
    for slug, section in sections.items():
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        next_step[slug] = int(last[-Page.steplen :], 36) + 1 if last else 1
    image_ids = sorted(
        set(ArticlePage.objects.exclude(lead_image=None).values_list("lead_image_id", flat=True))
    )
    return _Base(
        home=home,
        sections=sections,
        next_step=next_step,
        image_ids=image_ids,
        existing_articles=ArticlePage.objects.count(),
    )


def _tune_connection(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA cache_size = -400000")  # 400 MB for index building
            cursor.execute("PRAGMA synchronous = OFF")
        elif connection.vendor == "postgresql":
            # Foreign keys checked as rows come, so each step's time includes its own.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL synchronous_commit = off")


def _publication_times(rng: random.Random, now: datetime, count: int, base: _Base):
    """``count`` times over two years, by day (one busy day) and hour of day, sorted."""
    from django.utils import timezone

    zone = timezone.get_current_timezone()
    today = now.astimezone(zone).date()
    base.busy_day = today - timedelta(days=BUSY_DAY_AGO)
    days = [today - timedelta(days=n) for n in range(YEARS_DAYS)]
    # Slightly more output now than two years ago, and one day of breaking news.
    day_weights = [
        (BUSY_FACTOR if day == base.busy_day else 1.0) * (1.3 - 0.3 * n / YEARS_DAYS)
        for n, day in enumerate(days)
    ]
    hour_weights = [0, 0, 0, 0, 0, 1, 4, 7, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7, 6, 6, 6, 5, 3, 1]
    times = []
    while len(times) < count:
        for day in rng.choices(days, weights=day_weights, k=count - len(times)):
            hour = rng.choices(range(24), weights=hour_weights)[0]
            moment = datetime(
                day.year,
                day.month,
                day.day,
                hour,
                rng.randrange(60),
                rng.randrange(60),
                tzinfo=zone,
            )
            if moment < now - timedelta(minutes=20):
                times.append(moment)
    return sorted(times)


def _plan_articles(rng: random.Random, now: datetime, count: int, base: _Base) -> list[_Article]:
    """Every article's row values, oldest first, ids and paths still to be given."""
    from django.db.models import Max
    from django.utils.text import slugify
    from wagtail.models import Page

    from warta.demo import content
    from warta.demo.services import story_context
    from warta.masthead.zones import IndonesianZone

    zone = IndonesianZone.WIB
    times = _publication_times(rng, now, count, base)
    next_id = (Page.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    stories = content.STORIES
    plan = []
    for offset, published_at in enumerate(times):
        page_id = next_id + offset
        story = rng.choice(stories)
        spread = SECTION_SPREAD.get(story.section, ((story.section, 1),))
        section = rng.choices([s for s, _ in spread], weights=[w for _, w in spread])[0]
        context = story_context(story, rng, published_at, zone)
        title = rng.choice(story.headlines).format_map(context)
        blocks = []
        for n, line in enumerate(story.body):
            block_id = f"{page_id:08x}-{n:04x}-4000-8000-000000000000"
            text = line[3:] if line.startswith("## ") else line
            text = text.format_map(context)
            if line.startswith("## "):
                blocks.append({"type": "heading", "value": {"text": text}, "id": block_id})
            else:
                value = f"<p>{html.escape(text, quote=False)}</p>"
                blocks.append({"type": "paragraph", "value": value, "id": block_id})
        tags = [t.format_map(context) for t in story.tags[:2]]
        extra = [t.format_map(context) for t in story.tags[2:]]
        if story.city_tag:
            extra.append(context["kota"])
        plan.append(
            _Article(
                id=page_id,
                section=section,
                published_at=published_at,
                title=title[:255],
                slug=f"{slugify(title)[:80].strip('-')}-{page_id}",
                summary=story.summary.format_map(context)[:400],
                body=json.dumps(blocks),
                lead_image_id=rng.choice(base.image_ids) if rng.random() < 0.9 else None,
                updated_at=(
                    published_at + timedelta(hours=rng.uniform(1, 8))
                    if rng.random() < 0.1
                    else None
                ),
                source=(
                    _source(rng, content.OUTLETS, published_at) if rng.random() < 0.08 else ("", "")
                ),
                tags=tags + extra[: rng.randint(0, 2)],
            )
        )
    return plan


def _source(rng: random.Random, outlets, published_at: datetime) -> tuple[str, str]:
    name, url = rng.choice(outlets)
    return name, f"{url}/{published_at:%Y/%m}/{rng.randrange(10**6)}"


def _zipf_weights(n: int, s: float) -> list[float]:
    return [1 / (rank**s) for rank in range(1, n + 1)]


def _insert_people(rng: random.Random, base: _Base) -> None:
    """Contributors up to PEOPLE; writers get articles with Zipf-like weights."""
    from django.utils.text import slugify

    from warta.people.models import Person

    existing = list(Person.objects.values_list("slug", flat=True))
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    names = [n for n in rng.sample(names, len(names)) if slugify(n) not in existing]
    roles = [r for r, _ in PERSON_ROLES]
    weights = [w for _, w in PERSON_ROLES]
    new = [
        Person(name=name, slug=slugify(name), role=rng.choices(roles, weights)[0])
        for name in names[: PEOPLE - len(existing)]
    ]
    Person.objects.bulk_create(new, batch_size=500)
    base.people = list(Person.objects.order_by("pk").values_list("pk", "role"))


def _insert_tags(base: _Base, plan: list[_Article], count: int = TAGS) -> None:
    """The stories' own tags, then city topics up to ``count``; give each article 2-4."""
    from django.utils.text import slugify
    from taggit.models import Tag

    from warta.demo import content

    names: dict[str, str] = {t.name.lower(): t.name for t in Tag.objects.all()}
    for article in plan:
        for name in article.tags:
            names.setdefault(name.lower(), name)
    tail = [f"{topic} {city}" for topic in TOPICS for city, _ in content.CITIES]
    tail = _rng(len(tail)).sample(tail, len(tail))
    if count > len(names) + len(tail):
        tail += _more_tag_names(count)
    for name in tail:
        if len(names) >= count:
            break
        names.setdefault(name.lower(), name)
    existing = set(Tag.objects.values_list("name", flat=True))
    slugs = set(Tag.objects.values_list("slug", flat=True))
    new = []
    for name in names.values():
        if name in existing:
            continue
        slug, n = slugify(name)[:90] or "tag", 2
        while slug in slugs:
            slug, n = f"{slugify(name)[:90]}-{n}", n + 1
        slugs.add(slug)
        new.append(Tag(name=name, slug=slug))
    Tag.objects.bulk_create(new, batch_size=500)
    base.tag_ids = {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}
    base.tail_tags = [name for name in tail if name.lower() in base.tag_ids]
    # Popular topics first: a tail tag's weight falls with its rank.
    rng = _rng(TAGS)
    cum_weights = list(itertools.accumulate(_zipf_weights(len(base.tail_tags), 1.0)))
    for article in plan:
        wanted = rng.randint(2, 4)
        if len(article.tags) < wanted:
            article.tags.extend(
                rng.choices(base.tail_tags, cum_weights=cum_weights, k=wanted - len(article.tags))
            )
        article.tags = list(dict.fromkeys(t.lower() for t in article.tags))[:4]


def _more_tag_names(count: int) -> list[str]:
    """Enough further tag names for ``count`` tags: people, and topics by place and year."""
    from warta.demo import content

    places = [city for city, _ in content.CITIES] + [prov for _, prov in content.CITIES]
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    for year in range(2026, 1990, -1):
        names += [f"{topic} {place} {year}" for topic in TOPICS for place in places]
        if len(names) >= count:
            break
    return names


def _insert_pages(plan: list[_Article], base: _Base) -> None:
    """Rows of wagtailcore_page and articles_articlepage, with treebeard paths."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from wagtail.models import Page

    from warta.articles.models import ArticlePage

    content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
    locale_id = base.home.locale_id
    added: Counter[str] = Counter()

    def pages() -> Iterator[tuple]:
        for article in plan:
            section = base.sections[article.section]
            step = base.next_step[article.section] + added[article.section]
            added[article.section] += 1
            yield (
                article.id,
                section.path + _step(step),
                section.depth + 1,
                0,
                uuid.UUID(int=article.id, version=4),
                locale_id,
                content_type_id,
                True,
                article.title,
                article.title,
                article.slug,
                f"{section.url_path}{article.slug}/",
                article.published_at,
                article.updated_at or article.published_at,
            )

    _insert(
        Page,
        (
            "id",
            "path",
            "depth",
            "numchild",
            "translation_key",
            "locale",
            "content_type",
            "live",
            "title",
            "draft_title",
            "slug",
            "url_path",
            "first_published_at",
            "last_published_at",
        ),
        pages(),
    )
    articles = (
        (
            a.id,
            a.summary,
            a.lead_image_id,
            a.body,
            a.source[0],
            a.source[1],
            a.published_at,
            a.updated_at,
        )
        for a in plan
    )
    _insert(
        ArticlePage,
        (
            "page_ptr",
            "summary",
            "lead_image",
            "body",
            "source_name",
            "source_url",
            "published_at",
            "updated_at",
        ),
        articles,
        raw=("body",),
    )
    for slug, count in added.items():
        Page.objects.filter(pk=base.sections[slug].pk).update(numchild=F("numchild") + count)
    _reset_sequences(Page)


def _step(number: int) -> str:
    """One treebeard path step: ``number`` in base 36, ``Page.steplen`` digits."""
    from wagtail.models import Page

    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    if len(digits) > Page.steplen:
        raise ValueError("too many children for one treebeard path step")
    return digits.rjust(Page.steplen, Page.alphabet[0])


def _insert_relations(plan: list[_Article], base: _Base) -> tuple[int, int]:
    """ArticleTag and ArticleAuthor rows: 2-4 tags, 1-2 contributors each."""
    from warta.articles.models import ArticleAuthor, ArticleTag

    rng = _rng(len(plan))
    writers = [(pk, role) for pk, role in base.people if role in WRITER_ROLES]
    others = [(pk, role) for pk, role in base.people if role not in WRITER_ROLES]
    rng.shuffle(writers)
    weights = _zipf_weights(len(writers), 0.8)
    tag_rows = [(a.id, base.tag_ids[name]) for a in plan for name in a.tags]
    _insert(ArticleTag, ("content_object", "tag"), tag_rows)
    author_rows = []
    for article in plan:
        person, role = rng.choices(writers, weights)[0]
        author_rows.append((article.id, person, role, 0))
        if rng.random() < 0.45:
            person, role = rng.choice(others)
            author_rows.append((article.id, person, role, 1))
    _insert(ArticleAuthor, ("article", "person", "role", "sort_order"), author_rows)
    return len(tag_rows), len(author_rows)


def _read_buckets(
    rng: random.Random, now: datetime, base: _Base, plan: list[_Article], target_rows: int
) -> Iterator[tuple[int, datetime, int]]:
    """(article id, hour, reads) for the last READS_DAYS days, article by article.

    Articles published in the window are read every hour: a burst on release that
    decays over a few days, then a steady trickle; older ones are read now and then, in as
    many hours as their Zipf-ranked popularity gives, so that the buckets add up to
    about ``target_rows``.
    """
    from django.utils import timezone

    from warta.articles.models import ArticlePage

    zone = timezone.get_current_timezone()
    hours_n = READS_DAYS * 24
    last_hour = now.replace(minute=0, second=0, microsecond=0)
    hours = [last_hour - timedelta(hours=hours_n - 1 - n) for n in range(hours_n)]
    diurnal = [DIURNAL[h.astimezone(zone).hour] / 10 for h in hours]
    start = hours[0]
    published = dict(ArticlePage.objects.values_list("pk", "published_at"))
    recent = sorted(pk for pk, at in published.items() if at >= start)
    older = sorted(pk for pk, at in published.items() if at < start)

    recent_rows = sum(hours_n - (published[pk] - start) // timedelta(hours=1) for pk in recent)
    # A little over the target: the tail's hours are drawn at random.
    wanted = max(len(older), int(target_rows * 1.002) - recent_rows)
    ranks = list(range(1, len(older) + 1))
    rng.shuffle(ranks)
    scale = _tail_scale(ranks, wanted, hours_n)

    def buckets() -> Iterator[tuple[int, datetime, int]]:
        for pk in recent:
            first = (published[pk] - start) // timedelta(hours=1)
            attention = rng.lognormvariate(0, 1)
            for n in range(first, hours_n):
                age = n - first
                expected = attention * diurnal[n] * (300 * 0.85**age + 20 * 0.97**age + 2)
                yield pk, hours[n], max(1, int(expected + rng.random()))
        for pk, rank in zip(older, ranks, strict=True):
            active = min(hours_n, int(scale / rank**0.7 + rng.random()))
            picked = range(hours_n)
            if active < hours_n:
                picked = sorted(rng.sample(picked, active))
            for n in picked:
                yield pk, hours[n], 1 + int(rng.expovariate(1.0) * diurnal[n])

    return buckets()


def _tail_scale(ranks: list[int], wanted: int, cap: int) -> float:
    """The factor that gives older articles about ``wanted`` active hours in all."""
    low, high = 0.0, float(cap) * len(ranks)
    for _ in range(30):
        mid = (low + high) / 2
        total = sum(min(cap, mid / r**0.7) for r in ranks)
        low, high = (mid, high) if total < wanted else (low, mid)
    return (low + high) / 2


def _insert(model, names: tuple[str, ...], rows: Iterable[tuple], raw: tuple[str, ...] = ()):
    """Insert ``rows`` (values of the fields ``names``) into ``model``'s own table.

    Every other column gets its field's default, as ``Model.save`` would give it.
    Values are converted by each field for this database, except ``raw`` ones,
    which are already in database form (a StreamField's JSON text). PostgreSQL
    gets the rows by COPY, SQLite by one prepared INSERT.
    """
    from django.db import connection

    given = [model._meta.get_field(name) for name in names]
    defaults = {}
    for model_field in model._meta.local_concrete_fields:
        if model_field in given or model_field.primary_key:
            continue
        value = model_field.get_default()
        if value is None and not model_field.null:
            raise ValueError(f"{model.__name__}.{model_field.name} needs a value")
        defaults[model_field] = model_field.get_db_prep_save(value, connection)
    fields = given + list(defaults)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    converters = [None if f.name in raw else _converter(f, connection) for f in given]
    constant = tuple(defaults.values())
    prepared = (
        tuple(v if c is None or v is None else c(v) for c, v in zip(converters, row, strict=True))
        + constant
        for row in rows
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - model names
            cursor.executemany(sql, prepared)


def _converter(model_field, connection):
    """A function giving the database value of a plain Python value of this field."""
    internal = model_field.get_internal_type()
    if internal in ("DateTimeField", "DateField", "UUIDField"):
        # Hours and days repeat millions of times among reads: convert each once.
        return functools.lru_cache(maxsize=65536)(
            lambda value: model_field.get_db_prep_save(value, connection)
        )
    return None


def _reset_sequences(*models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _finish(connection) -> None:
    """PostgreSQL: VACUUM ANALYZE, as autovacuum soon would; SQLite: fold the WAL in."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET maintenance_work_mem = '256MB'")
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("RESET maintenance_work_mem")
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generate", action="store_true", help="build the site (else: help)")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--read-rows", type=int, default=None, help="0: no reads")
    parser.add_argument("--tags", type=int, default=TAGS)
    parser.add_argument("--no-search-index", action="store_true")
    args = parser.parse_args()
    if not args.generate:
        # `make bench` runs every bench/*.py; this one only builds data on request.
        print("large_site.py builds a large test site; add --generate (see --help).")
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.config.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,testserver")
    os.environ.setdefault("WARTA_DATA_DIR", tempfile.mkdtemp(prefix="warta-large-"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    read_rows = args.read_rows
    if read_rows is None:
        read_rows = DEFAULT_READ_ROWS * args.articles // DEFAULT_ARTICLES
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"  {'migrate':<48} {time.perf_counter() - started:7.1f} s")
    site = generate(
        articles=args.articles,
        read_rows=read_rows,
        tags=args.tags,
        search_index=not args.no_search_index,
    )
    print(f"  {'total':<48} {time.perf_counter() - started:7.1f} s")
    print(
        f"{site.articles:,} articles, {site.sections} kanal, {site.people} people, "
        f"{site.tags} tags, {site.images} lead images; {site.read_rows:,} hourly read rows "
        f"({site.reads:,} reads); "
        f"{database_size() / 2**20:,.0f} MB"
    )
    problems = verify(site.articles)
    print("checks: " + ("; ".join(problems) if problems else "tree and sample page fine"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
