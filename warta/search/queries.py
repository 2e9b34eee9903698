"""Reads of the search index: which live articles match a query, in what order.

Each database matches in its own way (see ``indonesian.py`` for the query's
shape): PostgreSQL with a ``tsquery`` against the ``tsvector`` columns, SQLite
with an FTS5 query against the term columns. The result is the same
``QuerySet`` of live articles either way, ordered headline matches first, then
newest first.
"""

from __future__ import annotations

from datetime import datetime
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from warta.articles.models import ArticlePage
from warta.articles.queries import live_articles
from warta.search.indonesian import QueryWord, SearchTerms
from warta.search.models import SearchDocument
from warta.sections.models import SectionPage

# SQLite's FTS5 index of the term columns (migration 0002_sqlite_fts).
FTS_TABLE = "search_fts"

# Columns a result list never shows; large, so not read.
_UNSHOWN = ("body",)


def _postgres_match(words: tuple[QueryWord, ...], headline_only: bool) -> Q:
    def alternatives(word: QueryWord) -> SearchQuery:
        # PostgreSQL stems the word itself; the forms and compound tokens made in
        # Python are final already and must match as they are.
        stemmed = SearchQuery(word.text, config="indonesian")
        final = dict.fromkeys([*word.forms, *word.joined])
        return reduce(or_, [stemmed, *(SearchQuery(t, config="simple") for t in final)])

    query = reduce(and_, (alternatives(word) for word in words))
    column = "headline_vector" if headline_only else "document_vector"
    return Q(**{f"search_document__{column}": query})


def _fts_match(words: tuple[QueryWord, ...], headline_only: bool) -> Q:
    """SQLite: the articles whose stored terms have, for every word, one of its
    tokens, looked up in the FTS5 index (migration ``0002_sqlite_fts``).

    Each token is quoted as an FTS5 string, so nothing a reader types is read as
    FTS5 syntax; the query is ``(t1 OR t2) AND (t3 OR ...)``, on the headline column
    alone for ``headline_only``.
    """

    def quoted(token: str) -> str:
        return '"' + token.replace('"', '""') + '"'

    expression = " AND ".join(
        "(" + " OR ".join(quoted(t) for t in dict.fromkeys((*word.forms, *word.joined))) + ")"
        for word in words
    )
    if headline_only:
        expression = f"headline_terms : ({expression})"
    # The table name is our constant and the expression a parameter.
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
    return Q(pk__in=RawSQL(sql, [expression]))  # noqa: S611


def _match(terms: SearchTerms, headline_only: bool = False) -> Q:
    if connection.vendor == "postgresql":
        return _postgres_match(terms.words, headline_only)
    return _fts_match(terms.words, headline_only)


def search_articles(
    terms: SearchTerms,
    section=None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[ArticlePage]:
    """Live articles matching every word of ``terms``, headline matches first, then
    newest; within ``section`` (its sub-kanal included) and ``[since, until)``.

    Each row carries ``headline_match``. The rows stay narrow (no body, no search
    document): every match goes through the sort, so a snippet's text carried along
    would be sorted thousands of times over for a common word; the page's texts
    come from :func:`snippet_texts`.
    """
    if not terms:
        return live_articles().none()
    articles = live_articles().filter(_match(terms))
    if section is not None:
        articles = articles.descendant_of(section)
    if since is not None:
        articles = articles.filter(published_at__gte=since)
    if until is not None:
        articles = articles.filter(published_at__lt=until)
    return (
        articles.defer(*_UNSHOWN)
        .annotate(
            headline_match=Case(
                When(_match(terms, headline_only=True), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-headline_match", "-published_at", "-pk")
    )


def snippet_texts(article_ids: list[int]) -> dict[int, str]:
    """The indexed plain text of these articles, by id, for the snippets; one query."""
    if not article_ids:
        return {}
    return dict(
        SearchDocument.objects.filter(article_id__in=article_ids).values_list("article_id", "text")
    )


def site_sections(site) -> list[SectionPage]:
    """Every live kanal of ``site`` in menu order, each sub-kanal under its parent
    with ``indent`` set for the form's list; one query."""
    if site is None:
        return []
    root = site.root_page
    sections = list(SectionPage.objects.live().descendant_of(root))
    by_path = {section.path: section for section in sections}
    steps = SectionPage.steplen

    def tree_key(section):
        ends = range(len(root.path) + steps, len(section.path) + 1, steps)
        chain = [by_path.get(section.path[:end]) for end in ends]
        return [(s.nav_order, s.path) if s else (0, "") for s in chain]

    sections.sort(key=tree_key)
    for section in sections:
        section.indent = "— " * (section.depth - root.depth - 1)
    return sections
