"""Wagtail announces unpublishing only by signal, and Django deletion by
``post_delete``: hand both straight to the index service."""

from django.db.models.signals import post_delete
from wagtail.signals import page_unpublished

from warta.articles.models import ArticlePage
from warta.search.services import remove_article


def on_article_withdrawn(sender, instance, **kwargs):
    # Inside the unpublish's or delete's own transaction: gone from results with it.
    remove_article(instance.pk)


def connect():
    page_unpublished.connect(on_article_withdrawn, sender=ArticlePage)
    post_delete.connect(on_article_withdrawn, sender=ArticlePage)
