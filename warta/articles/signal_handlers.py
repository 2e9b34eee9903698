"""Wagtail announces publication only by signal; hand it to the service at once."""

from wagtail.signals import page_published

from warta.articles.models import ArticlePage
from warta.articles.services import record_publication


def on_article_published(sender, instance, revision=None, **kwargs):
    record_publication(instance, revision)


def connect():
    page_published.connect(on_article_published, sender=ArticlePage)
