"""Popularity computed from recorded reads over a time window."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone
from taggit.models import Tag

from warta.articles.models import ArticleTag


def popular_tags(days: int = 7, limit: int = 10) -> list[Tag]:
    """Tags ranked by reads of their live articles over the last ``days`` days.

    A new site has no reads yet; then the tags used by the most live articles
    stand in, so the widget never lists nothing while tags exist.
    """
    since = timezone.localdate() - timedelta(days=days)
    ranked = list(
        Tag.objects.filter(
            articles_articletag_items__content_object__live=True,
            articles_articletag_items__content_object__daily_reads__day__gte=since,
        )
        .annotate(score=Sum("articles_articletag_items__content_object__daily_reads__reads"))
        .order_by("-score", "name")[:limit]
    )
    if ranked:
        return ranked
    return list(
        Tag.objects.filter(articles_articletag_items__content_object__live=True)
        .annotate(score=Count("articles_articletag_items"))
        .order_by("-score", "name")[:limit]
    )


__all__ = ["popular_tags", "ArticleTag"]
