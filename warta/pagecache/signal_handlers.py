"""Wagtail announces publishing, unpublishing and deletion only by signal.

Each receiver hands the page straight to a purge service. An article purges the
pages that show it; any other page (home, a kanal) purges every cached page, since
its title or place in the menu shows everywhere.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from warta.pagecache import services


def on_page_changed(sender, instance, **kwargs):
    from warta.articles.models import ArticlePage

    page = instance.specific if type(instance) is Page else instance
    if isinstance(page, ArticlePage):
        services.purge_article(page)
    else:
        services.purge_all()


def on_page_deleted(sender, instance, **kwargs):
    # pre_delete: the article's tags and bylines are still there to be read.
    if isinstance(instance, Page) and type(instance) is not Page:
        on_page_changed(sender, instance)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache-unpublished")
    pre_delete.connect(on_page_deleted, dispatch_uid="pagecache-deleted")
