"""Writes on articles: publishing and the bookkeeping a publication needs."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone

from warta.articles.models import UPDATE_GRACE, ArticlePage
from warta.images.services import prepare_renditions
from warta.search.services import index_article


def publish_article(article: ArticlePage, user=None) -> ArticlePage:
    """Publish the article's current state, exactly as the admin's Publish button does."""
    revision = article.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    article.refresh_from_db()
    return article


def record_publication(article: ArticlePage) -> None:
    """Stamp the public publication and update times after Wagtail has published.

    The first publication fixes ``published_at`` (unless the editor or an import
    set it); a later re-publication marks the article as updated. After the
    commit the article's search document is rewritten (a failure there is logged
    and never undoes the publication; ``warta reindex-articles`` repairs it).
    """
    if not article.live:
        # Wagtail also sends page_published when Publish with a future go-live time
        # only schedules a new page; it is stamped when the scheduler publishes it.
        return
    changes = {}
    if article.published_at is None:
        changes["published_at"] = article.first_published_at or timezone.now()
    elif (
        article.first_published_at
        and article.last_published_at
        and article.last_published_at - article.first_published_at > UPDATE_GRACE
    ):
        changes["updated_at"] = article.last_published_at
    if changes:
        ArticlePage.objects.filter(pk=article.pk).update(**changes)
        for field, value in changes.items():
            setattr(article, field, value)
    if article.lead_image_id:
        image_id = article.lead_image_id
        transaction.on_commit(lambda: prepare_renditions(image_id))
    transaction.on_commit(partial(index_article, article.pk), robust=True)
