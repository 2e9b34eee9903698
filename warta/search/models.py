"""The search index: one row per published article, written by ``services.py``.

The row holds what matching needs and nothing a listing shows: the article's
time, kanal and liveness are read from the article itself at query time, so
moving an article or correcting its time never leaves the index stale.

- ``headline_terms`` / ``body_terms``: stems and compound tokens computed in Python
  (``indonesian.py``), space-delimited; SQLite matches on them.
- ``headline_vector`` / ``document_vector``: ``tsvector`` columns made by
  PostgreSQL's ``indonesian`` configuration (plus the compound tokens); PostgreSQL
  matches on them, ``document_vector`` through a GIN index. On SQLite they stay
  empty (SQLite accepts any column type name).
- ``text``: the summary and body as plain text, for the snippet under a result.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    article = models.OneToOneField(
        "articles.ArticlePage",
        verbose_name="berita",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    headline_terms = models.TextField("istilah judul", blank=True)
    body_terms = models.TextField("istilah isi", blank=True)
    text = models.TextField("teks", blank=True)
    headline_vector = SearchVectorField(null=True, editable=False)
    document_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField("diindeks", auto_now=True)

    class Meta:
        verbose_name = "dokumen pencarian"
        verbose_name_plural = "dokumen pencarian"

    def __str__(self):
        return f"SearchDocument({self.article_id})"
