"""Wagtail announces publication only by signal; hand it to the service at once."""

from wagtail.signals import page_published

from warta.articles.models import ArticlePage
from warta.articles.services import record_publication


def on_article_published(sender, instance, **kwargs):
    record_publication(instance)


def connect():
    page_published.connect(on_article_published, sender=ArticlePage)
