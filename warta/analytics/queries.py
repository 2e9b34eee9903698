"""Popularity computed from the read counts over a time window.

A window of ``days`` days is the current hour and the ``days`` x 24 hours before it
(``window_start``), so the reader site and the admin mean the same thing by
"7 hari terakhir". Terpopuler and Tag Terpopuler on the reader site and the top
lists of the admin's "Statistik baca" rank through the same functions
(``article_ranking``, ``tag_ranking``) over the same window (``POPULAR_DAYS`` on
the site, the period chosen on the dashboard), so the two always agree. Windows of
1 and 7 days come from the running totals (``ArticleReadTotals``,
``TagReadTotals``): the top rows of an index, whatever the number of reads. Any
other window sums the hourly rows (``ArticleReads``, ``TagReads``). The
reader-site widgets reuse a ranking for ``WARTA_POPULAR_CACHE_SECONDS``, but always
fetch the articles themselves, so an article taken down leaves Terpopuler at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import BooleanField, Count, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Left, Length
from django.utils import timezone
from taggit.models import Tag

from warta.analytics.buffers import hour_of
from warta.analytics.models import ArticleReads, ArticleReadTotals, TagReads, TagReadTotals
from warta.articles.models import WRITER_ROLES, ArticleAuthor, ArticlePage
from warta.articles.queries import listed_articles

# Days of a window -> its column in the running totals.
TOTALS_COLUMNS = {1: "last_day", 7: "last_week"}

# The window of Terpopuler and Tag Terpopuler on the reader site, and the admin
# dashboard's default period: "7 hari terakhir" on both sides.
POPULAR_DAYS = 7

T = TypeVar("T")

# Extra ids fetched for the cached widget ranking, to fill in for articles
# unpublished while the ranking is cached.
_SPARE = 3


def window_start(days: int, now: datetime | None = None) -> datetime:
    """The first hour of the window of ``days`` days: the current hour and the
    ``days`` x 24 hours before it, as the running totals keep them."""
    return hour_of(now or timezone.now()) - timedelta(days=days)


def article_ranking(days: int, limit: int) -> list[tuple[int, int]]:
    """(article id, reads) of the live articles most read in the window of ``days``."""
    if days in TOTALS_COLUMNS:
        return running_ranking(TOTALS_COLUMNS[days], limit)
    return read_ranking(window_start(days), limit)


def tag_ranking(days: int, limit: int) -> list[Tag]:
    """Tags by the reads of their articles in the window of ``days``, with ``.score``."""
    if days in TOTALS_COLUMNS:
        return tags_by_running_totals(TOTALS_COLUMNS[days], limit)
    return tags_by_reads(window_start(days), limit)


def read_ranking(since: datetime, limit: int) -> list[tuple[int, int]]:
    """(article id, reads) of the live articles most read since ``since``, best first."""
    rows = (
        ArticleReads.objects.filter(hour__gte=hour_of(since), article__live=True)
        .values("article_id")
        .annotate(total=Sum("reads"))
        .order_by("-total", "-article_id")[:limit]
    )
    return [(row["article_id"], row["total"]) for row in rows]


def most_read_articles(since: datetime, limit: int = 5) -> list[ArticlePage]:
    """Terpopuler: live articles by reads since ``since``, each with ``.reads``."""
    return _articles_in_order(read_ranking(since, limit), limit)


def most_read_in_window(days: int, limit: int = 5) -> list[ArticlePage]:
    """The live articles most read in the window of ``days``, each with ``.reads``:
    what Terpopuler shows, computed afresh."""
    return _articles_in_order(article_ranking(days, limit + _SPARE), limit)


def most_read_now(days: int = POPULAR_DAYS, limit: int = 5) -> list[ArticlePage]:
    """Terpopuler for the reader site: ``most_read_in_window``, its ranking cached."""
    key = f"analytics:most-read:{days}:{limit}:{hour_of(timezone.now()):%Y%m%d%H}"
    ranking = _remembered(key, lambda: article_ranking(days, limit + _SPARE))
    return _articles_in_order(ranking, limit)


def running_ranking(column: str, limit: int) -> list[tuple[int, int]]:
    """(article id, reads) from the running totals, best first: one query on the
    index of ``column``. The totals are first moved on to the current hour if no
    flush has done it yet (one small read when they are current)."""
    from warta.analytics.services import advance_read_totals

    advance_read_totals()
    rows = (
        ArticleReadTotals.objects.filter(**{f"{column}__gt": 0}, article__live=True)
        .order_by(f"-{column}", "-article_id")
        .values_list("article_id", column)[:limit]
    )
    return list(rows)


def popular_tags(days: int = POPULAR_DAYS, limit: int = 10) -> list[Tag]:
    """Tag Terpopuler: tags ranked by reads of their articles, each with ``.score``
    and ``.by_reads`` (True).

    Reads count for the tags an article carried when it was read. A site with no
    reads in the window yet gets the tags used by the most live articles instead
    (``.by_reads`` False, so the widget does not claim a window), so the widget never
    lists nothing while tags exist.
    """
    ranked = tag_ranking(days, limit)
    for tag in ranked:
        tag.by_reads = True
    if ranked:
        return ranked
    return list(
        Tag.objects.filter(articles_articletag_items__content_object__live=True)
        .annotate(
            score=Count("articles_articletag_items"),
            by_reads=Value(False, output_field=BooleanField()),
        )
        .order_by("-score", "name")[:limit]
    )


def popular_tags_now(days: int = POPULAR_DAYS, limit: int = 10) -> list[Tag]:
    """``popular_tags`` for the header of every page, reused for a short while."""
    key = f"analytics:popular-tags:{days}:{limit}:{hour_of(timezone.now()):%Y%m%d%H}"
    return _remembered(key, lambda: popular_tags(days, limit))


def tags_by_running_totals(column: str, limit: int) -> list[Tag]:
    """Tags by their running total of ``column``: the top rows of its index."""
    from warta.analytics.services import advance_read_totals

    advance_read_totals()
    totals = TagReadTotals.objects.filter(tag=OuterRef("pk")).values(column)
    return list(
        Tag.objects.filter(pk__in=_top_tag_ids(column, limit))
        .annotate(score=Subquery(totals))
        .order_by("-score", "pk")  # ties as the top rows were cut: any shorter list is a prefix
    )


def _top_tag_ids(column: str, limit: int):
    return (
        TagReadTotals.objects.filter(**{f"{column}__gt": 0})
        .order_by(f"-{column}", "tag_id")
        .values("tag_id")[:limit]
    )


def tags_by_reads(since: datetime, limit: int) -> list[Tag]:
    """Tags by reads since ``since``, summed from the tag hours (tags x hours rows,
    however many reads); one query."""
    window = TagReads.objects.filter(hour__gte=hour_of(since))
    top = (
        window.values("tag_id")
        .annotate(total=Sum("reads"))
        .order_by("-total", "tag_id")
        .values("tag_id")[:limit]
    )
    score = (
        window.filter(tag=OuterRef("pk"))
        .order_by()
        .values("tag_id")
        .annotate(total=Sum("reads"))
        .values("total")
    )
    return list(
        Tag.objects.filter(pk__in=top).annotate(score=Subquery(score)).order_by("-score", "pk")
    )


# The admin's reading report ----------------------------------------------------------


@dataclass
class ReadingReport:
    """What the dashboard panel shows for a period of whole local days."""

    days: int
    first_day: date
    per_day: list[tuple[date, int]]
    # The top lists' window: from this hour to now, the same as Terpopuler's.
    since: datetime | None = None
    articles: list[dict] = field(default_factory=list)
    tags: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    authors: list[dict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(reads for _, reads in self.per_day)


def reading_report(days: int, limit: int = 10) -> ReadingReport:
    """Reads per local day of the last ``days`` days, and the top articles, tags,
    kanal and writers of the window of ``days`` (``window_start``): the articles and
    tags ranked exactly as Terpopuler and Tag Terpopuler rank them.

    Plain values only, so the report can be cached as it is.
    """
    today = timezone.localdate()
    first_day = today - timedelta(days=days - 1)
    since = window_start(days)
    return ReadingReport(
        days=days,
        first_day=first_day,
        per_day=reads_per_day(first_day, today),
        since=since,
        articles=[
            {"id": a.pk, "title": a.title, "url": a.url, "reads": a.reads}
            for a in most_read_in_window(days, limit)
        ],
        tags=[{"name": t.name, "slug": t.slug, "reads": t.score} for t in tag_ranking(days, limit)],
        sections=top_sections(since, limit),
        authors=top_writers(since, limit),
    )


def reading_report_now(days: int) -> ReadingReport:
    key = f"analytics:report:{days}:{hour_of(timezone.now()):%Y%m%d%H}"
    return _remembered(key, lambda: reading_report(days))


def reads_per_day(first_day: date, last_day: date) -> list[tuple[date, int]]:
    """Reads per local day from ``first_day`` to ``last_day``, days without reads as 0.

    Summed per hour in the database (an index-only scan), folded into local days here.
    """
    start = timezone.make_aware(datetime.combine(first_day, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(last_day + timedelta(days=1), datetime.min.time()))
    totals = {first_day + timedelta(days=n): 0 for n in range((last_day - first_day).days + 1)}
    hours = (
        ArticleReads.objects.filter(hour__gte=start, hour__lt=end)
        .values("hour")
        .annotate(total=Sum("reads"))
        .order_by()
    )
    for row in hours:
        day = timezone.localdate(row["hour"])
        if day in totals:
            totals[day] += row["total"]
    return list(totals.items())


def top_sections(since: datetime, limit: int = 10) -> list[dict]:
    """Kanal by reads of the articles directly under them."""
    from warta.sections.models import SectionPage

    steps = ArticlePage.steplen
    rows = list(
        ArticleReads.objects.filter(hour__gte=hour_of(since), article__live=True)
        .annotate(parent=Left("article__path", Length("article__path") - steps))
        .values("parent")
        .annotate(total=Sum("reads"))
        .order_by("-total", "parent")[:limit]
    )
    sections = SectionPage.objects.in_bulk([r["parent"] for r in rows], field_name="path")
    return [
        {"title": section.title, "url": section.url, "reads": r["total"]}
        for r in rows
        if (section := sections.get(r["parent"])) is not None
    ]


def top_writers(since: datetime, limit: int = 10) -> list[dict]:
    """Writers and reporters by reads of the articles that carry their byline."""
    rows = (
        ArticleAuthor.objects.filter(
            role__in=WRITER_ROLES,
            article__live=True,
            article__read_counts__hour__gte=hour_of(since),
        )
        .values("person_id", "person__name", "person__slug")
        .annotate(total=Sum("article__read_counts__reads"))
        .order_by("-total", "person__name")[:limit]
    )
    return [
        {"name": r["person__name"], "slug": r["person__slug"], "reads": r["total"]} for r in rows
    ]


# Helpers -------------------------------------------------------------------------------


def _articles_in_order(ranking: list[tuple[int, int]], limit: int) -> list[ArticlePage]:
    found = listed_articles().in_bulk([article_id for article_id, _ in ranking])
    articles = []
    for article_id, reads in ranking:
        article = found.get(article_id)
        if article is not None:
            article.reads = reads
            articles.append(article)
    return articles[:limit]


def _remembered(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, cached for ``WARTA_POPULAR_CACHE_SECONDS`` (0: not cached)."""
    seconds = settings.WARTA_POPULAR_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
