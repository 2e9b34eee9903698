"""Writes on the search index: keep one ``SearchDocument`` per readable article.

``index_article`` runs after a publication commits (``articles.services.
record_publication`` schedules it); removal runs inside the unpublish or delete
that causes it, so a withdrawn article leaves the results in the same transaction.
``reindex_articles`` rebuilds everything (``warta reindex-articles``).
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from wagtail.rich_text import get_text_for_indexing

from warta.articles.models import ArticlePage
from warta.articles.queries import live_articles
from warta.search.indonesian import DocumentTerms
from warta.search.models import SearchDocument


def _indexable():
    """Articles a reader can open: the same rule as every listing."""
    return live_articles().select_related(None).prefetch_related("tags")


def body_texts(article: ArticlePage) -> list[str]:
    """The plain text of the body's blocks, read from the stored JSON.

    Raw data rather than the StreamField's values: a 'Baca Juga' block would load
    the article it links to, and its title is not this article's text.
    """
    texts = []
    for block in article.body.raw_data:
        value = block.get("value")
        kind = block.get("type")
        if kind == "paragraph" and isinstance(value, str):
            texts.append(get_text_for_indexing(value))
        elif kind == "heading" and isinstance(value, dict):
            texts.append(value.get("text") or "")
        elif kind == "quote" and isinstance(value, dict):
            texts.append(" ".join(filter(None, [value.get("quote"), value.get("attribution")])))
        elif kind == "image" and isinstance(value, dict):
            texts.append(value.get("caption") or "")
    return [text for text in texts if text.strip()]


def _document_fields(article: ArticlePage) -> dict:
    body = [article.summary, *body_texts(article)]
    tags = [tag.name for tag in article.tags.all()]
    headline = DocumentTerms.of(article.title)
    rest = DocumentTerms.of(*body, *tags)
    fields = {
        "headline_terms": headline.terms,
        "body_terms": rest.terms,
        "text": "\n".join(text for text in body if text),
    }
    if connection.vendor == "postgresql":
        # Words go to PostgreSQL's own Indonesian stemmer; compound tokens are
        # already final, so the 'simple' configuration stores them as they are.
        fields["headline_vector"] = SearchVector(
            Value(headline.words), config="indonesian"
        ) + SearchVector(Value(headline.compounds), config="simple")
        fields["document_vector"] = SearchVector(
            Value(f"{headline.words} {rest.words}"), config="indonesian"
        ) + SearchVector(Value(f"{headline.compounds} {rest.compounds}"), config="simple")
    return fields


def _write(article: ArticlePage) -> None:
    SearchDocument.objects.update_or_create(
        article_id=article.pk, defaults=_document_fields(article)
    )


def index_article(article_id: int) -> bool:
    """Make the index agree with the article as readers see it now.

    Returns whether the article is searchable. Reading the article afresh makes
    a late or repeated call harmless: an article unpublished meanwhile is removed.
    """
    article = _indexable().filter(pk=article_id).first()
    if article is None:
        remove_article(article_id)
        return False
    _write(article)
    return True


def remove_article(article_id: int) -> None:
    SearchDocument.objects.filter(article_id=article_id).delete()


@transaction.atomic
def reindex_articles() -> int:
    """Rebuild every document; readers keep the old index until this commits."""
    SearchDocument.objects.exclude(article_id__in=_indexable().values("pk")).delete()
    count = 0
    for article in _indexable().order_by("pk").iterator(chunk_size=200):
        _write(article)
        count += 1
    return count
