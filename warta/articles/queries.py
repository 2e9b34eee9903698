"""Reads of articles for listings. Every listing goes through here so that the
related rows a card shows (lead image, section) come in the same query."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet

from warta.articles.models import ArticleAuthor, ArticlePage
from warta.masthead.zones import IndonesianZone


def live_articles() -> QuerySet[ArticlePage]:
    return (
        ArticlePage.objects.live()
        .filter(published_at__isnull=False)
        .select_related("lead_image")
        .order_by("-published_at", "-pk")
    )


def with_bylines(queryset: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    return queryset.prefetch_related(
        Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person"))
    )


def latest_articles(limit: int = 20, exclude_ids=()) -> list[ArticlePage]:
    return list(live_articles().exclude(pk__in=list(exclude_ids))[:limit])


def articles_in_section(section) -> QuerySet[ArticlePage]:
    return live_articles().descendant_of(section)


def articles_by_person(person) -> QuerySet[ArticlePage]:
    return live_articles().filter(authors__person=person).distinct()


def articles_with_tag(tag) -> QuerySet[ArticlePage]:
    return live_articles().filter(tagged_items__tag=tag)


def articles_on_day(day: date, zone: IndonesianZone) -> QuerySet[ArticlePage]:
    start = datetime.combine(day, time.min, tzinfo=zone.tzinfo)
    return live_articles().filter(
        published_at__gte=start, published_at__lt=start + timedelta(days=1)
    )


def related_articles(article: ArticlePage, tags=None, limit: int = 4) -> list[ArticlePage]:
    """Newest articles sharing a tag with this one, then the newest of its section."""
    tag_ids = [tag.pk for tag in (article.tags.all() if tags is None else tags)]
    found: list[ArticlePage] = []
    if tag_ids:
        found = list(
            live_articles()
            .filter(tagged_items__tag_id__in=tag_ids)
            .exclude(pk=article.pk)
            .distinct()[:limit]
        )
    if len(found) < limit:
        section = article.get_parent()
        more = (
            live_articles()
            .child_of(section)
            .exclude(pk__in=[article.pk, *[a.pk for a in found]])[: limit - len(found)]
        )
        found.extend(more)
    return found


def attach_sections(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Give each article its kanal as ``.section`` with one query for the whole list."""
    from warta.sections.models import SectionPage

    steps = ArticlePage.steplen
    parent_paths = {a.path[:-steps] for a in articles}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.section = sections.get(article.path[:-steps])
    return articles
