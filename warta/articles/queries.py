"""Reads of articles for listings. Every listing goes through here so that the
related rows a card shows (lead image, section) come in the same query, and so
that each listing costs a fixed number of queries whatever the size of the site."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from warta.articles.models import ArticleAuthor, ArticlePage, ArticleTag, Correction, Takedown
from warta.masthead.zones import IndonesianZone


def live_articles() -> QuerySet[ArticlePage]:
    """Every live article, newest first, with its lead image; the body included, for
    the feeds and the search index. Listings use :func:`listed_articles`."""
    return (
        ArticlePage.objects.live()
        .filter(published_at__isnull=False)
        .select_related("lead_image")
        .order_by("-published_at", "-pk")
    )


def listed_articles() -> QuerySet[ArticlePage]:
    """``live_articles`` without the body, which no card shows: about 2 KB a row
    that a listing would otherwise carry through its sort (a third of a tag page's
    sort time on a 100,000-article site)."""
    return live_articles().defer("body")


def with_bylines(queryset: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    return queryset.prefetch_related(
        Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person"))
    )


def _pk_in_any(id_querysets: Sequence[QuerySet]) -> Q:
    """``pk`` in any of these id subqueries (each may be ordered and sliced), in the
    form the database answers from its indexes.

    PostgreSQL plans an OR of ``IN (subquery)`` as a scan of the whole table (200 ms
    on 300,000 articles) but one ``IN`` over a ``UNION ALL`` as a few index probes
    (0.3 ms). SQLite cannot slice the members of a UNION, and turns the OR of INs into
    a multi-index OR, which is the same probes.
    """
    first, *rest = id_querysets
    if not rest:
        return Q(pk__in=first)
    if connection.features.supports_slicing_ordering_in_compound:
        return Q(pk__in=first.union(*rest, all=True))
    return reduce(or_, (Q(pk__in=ids) for ids in id_querysets))


def latest_articles(limit: int = 20, exclude_ids: Iterable[int] = ()) -> list[ArticlePage]:
    return list(listed_articles().exclude(pk__in=list(exclude_ids))[:limit])


def live_articles_among(ids: Iterable[int]) -> dict[int, ArticlePage]:
    """The live articles among ``ids``, by id: what editors picked, minus anything
    since unpublished, in one query."""
    ids = [pk for pk in ids if pk]
    if not ids:
        return {}
    return {article.pk: article for article in listed_articles().filter(pk__in=ids)}


def articles_in_section(section) -> QuerySet[ArticlePage]:
    return live_articles().descendant_of(section)


def newest_in_each_section(
    sections: Sequence, per_section: int, exclude_ids: Iterable[int] = ()
) -> dict[int, list[ArticlePage]]:
    """The ``per_section`` newest articles of each kanal (its sub-kanal included), by
    kanal id, in one query for all kanal.

    Each kanal gets its own small ``ORDER BY published_at DESC LIMIT n`` subquery, so the
    database stops after ``n`` rows of the index; a window function ranking every
    article of every kanal would sort the whole archive on each render instead.
    """
    if not sections:
        return {}
    exclude_ids = list(exclude_ids)
    branches = [
        live_articles()
        .filter(path__startswith=section.path)
        .exclude(pk__in=exclude_ids)
        .values("pk")[:per_section]
        for section in sections
    ]
    by_path = {section.path: [] for section in sections}
    for article in listed_articles().filter(_pk_in_any(branches)):
        for path, items in by_path.items():
            if article.path.startswith(path):
                items.append(article)
                break
    return {section.pk: by_path[section.path] for section in sections}


def articles_by_person(person) -> QuerySet[ArticlePage]:
    # A subquery rather than a join: someone credited twice on one article (writer
    # and photographer) must not list it twice, and DISTINCT over whole rows is slow.
    return live_articles().filter(
        pk__in=ArticleAuthor.objects.filter(person=person).values("article_id")
    )


def articles_with_tag(tag) -> QuerySet[ArticlePage]:
    return live_articles().filter(tagged_items__tag=tag)


def day_bounds(day: date, zone: IndonesianZone) -> tuple[datetime, datetime]:
    """Start and end of ``day`` in the site's zone (Indonesian zones have no DST)."""
    start = datetime.combine(day, time.min, tzinfo=zone.tzinfo)
    return start, start + timedelta(days=1)


def articles_on_day(day: date, zone: IndonesianZone, section=None) -> QuerySet[ArticlePage]:
    start, end = day_bounds(day, zone)
    articles = listed_articles().filter(published_at__gte=start, published_at__lt=end)
    return articles.descendant_of(section) if section is not None else articles


def first_publication() -> datetime | None:
    """When the oldest live article came out: where the Indeks Berita begins.

    ``ORDER BY published_at LIMIT 1`` walks the ``published_at`` index from its low
    end; ``MIN()`` over the live filter is planned as a scan of every article on
    PostgreSQL (80 ms at 100,000 articles, against 0.3 ms).
    """
    return (
        live_articles()
        .order_by("published_at", "pk")
        .values_list("published_at", flat=True)
        .first()
    )


def related_articles(article: ArticlePage, tags=None, limit: int = 4) -> list[ArticlePage]:
    """Baca Juga: the live articles that share the most tags with this one, those of
    its kanal first among equals, then the newest; never the article itself.

    One query. The candidates are every article sharing a tag plus the newest few of
    the kanal: an article sharing no tag can only rank by kanal and recency, so no
    older one of the kanal could ever beat those.
    """
    tag_ids = [tag.pk for tag in (article.tags.all() if tags is None else tags)]
    section_path = article.path[: -ArticlePage.steplen]
    others = listed_articles().exclude(pk=article.pk)
    candidates = [others.filter(path__startswith=section_path).values("pk")[:limit]]
    shared = Value(0)
    if tag_ids:
        tagged = ArticleTag.objects.filter(tag_id__in=tag_ids)
        candidates.append(tagged.values("content_object_id"))
        shared = Coalesce(
            Subquery(
                tagged.filter(content_object_id=OuterRef("pk"))
                .order_by()
                .values("content_object_id")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        )
    return list(
        others.filter(_pk_in_any(candidates))
        .annotate(
            shared_tags=shared,
            same_section=Case(
                When(path__startswith=section_path, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("-shared_tags", "-same_section", "-published_at", "-pk")[:limit]
    )


def attach_sections(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Give each article its kanal as ``.section`` with one query for the whole list."""
    from warta.sections.models import SectionPage

    steps = ArticlePage.steplen
    parent_paths = {a.path[:-steps] for a in articles}
    if not parent_paths:
        return articles
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.section = sections.get(article.path[:-steps])
    return articles


def published_corrections() -> QuerySet[Correction]:
    """Every correction on a live article, newest first, with its article (no body)."""
    return (
        Correction.objects.filter(article__live=True)
        .select_related("article")
        .defer("article__body")
        .order_by("-created_at", "-pk")
    )


def takedown_at(path: str) -> Takedown | None:
    """The latest takedown of the article that was at ``path``, if it is still down
    (unpublished, or deleted since: the takedown then has no article).

    A path no article can have (a NUL byte, which PostgreSQL refuses in text, or
    more than a URL path column holds) is answered without a query.
    """
    if "\x00" in path or len(path) > Takedown._meta.get_field("path").max_length:
        return None
    return (
        Takedown.objects.filter(path=path)
        .filter(Q(article__isnull=True) | Q(article__live=False))
        .order_by("-created_at", "-pk")
        .first()
    )


def live_articles_within(pages: Sequence) -> list[ArticlePage]:
    """The live articles among ``pages`` and under them (a kanal's articles): what
    deleting those pages would take off the site. One query, by tree path."""
    if not pages:
        return []
    within = reduce(or_, (Q(path__startswith=page.path) for page in pages))
    return list(ArticlePage.objects.live().filter(within).only("title").order_by("path"))


def with_takedown(pages: QuerySet) -> QuerySet:
    """Pages annotated with the takedown that keeps each off the site, for the admin's
    status ("dicabut", ``ArticlePage.current_takedown``) without a query per row.

    A takedown counts when it came after the page's last publication (an article
    published again after a takedown is no longer "dicabut")."""
    latest = Takedown.objects.filter(
        article_id=OuterRef("pk"), created_at__gte=OuterRef("last_published_at")
    ).order_by("-created_at", "-pk")
    return pages.annotate(
        takedown_reason_now=Subquery(latest.values("reason")[:1]),
        takedown_text_now=Subquery(latest.values("text")[:1]),
    )
