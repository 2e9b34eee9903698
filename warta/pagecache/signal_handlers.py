"""Wagtail announces publishing, unpublishing and deletion only by signal.

Each receiver hands the page straight to a purge service. An article purges the
pages that show it; any other page (home, a kanal) purges every cached page, since
its title or place in the menu shows everywhere. Publishing is a soft purge;
unpublishing (a takedown too) and deleting are hard: a removed page is never served
from the cache again, not even for a moment while it is rebuilt.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from warta.pagecache import services


def _purge(instance, *, hard: bool) -> None:
    from warta.articles.models import ArticlePage

    page = instance.specific if type(instance) is Page else instance
    if isinstance(page, ArticlePage):
        services.purge_article(page, hard=hard)
    else:
        services.purge_all(hard=hard)


def on_page_published(sender, instance, **kwargs):
    _purge(instance, hard=False)


def on_page_unpublished(sender, instance, **kwargs):
    _purge(instance, hard=True)


def on_page_deleted(sender, instance, **kwargs):
    # pre_delete: the article's tags and bylines are still there to be read.
    if isinstance(instance, Page) and type(instance) is not Page:
        _purge(instance, hard=True)


def connect():
    page_published.connect(on_page_published, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache-unpublished")
    pre_delete.connect(on_page_deleted, dispatch_uid="pagecache-deleted")
