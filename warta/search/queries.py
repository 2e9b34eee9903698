"""Reads of the search index: which live articles match a query, in what order.

Each database matches in its own way (see ``indonesian.py`` for the query's
shape): PostgreSQL with a ``tsquery`` against the ``tsvector`` columns, SQLite
with word-delimited ``LIKE`` against the term columns. The result is the same
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

from warta.articles.models import ArticlePage
from warta.articles.queries import live_articles
from warta.search.indonesian import QueryWord, SearchTerms
from warta.sections.models import SectionPage

# Columns a result list never shows; large, so not read.
_UNSHOWN = (
    "body",
    "search_document__headline_terms",
    "search_document__body_terms",
    "search_document__headline_vector",
    "search_document__document_vector",
)


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


def _term_match(words: tuple[QueryWord, ...], headline_only: bool) -> Q:
    columns = ["headline_terms"] if headline_only else ["headline_terms", "body_terms"]

    def has(token: str) -> Q:
        # Terms are stored space-delimited on both ends, so " token " is a whole term.
        return reduce(
            or_, (Q(**{f"search_document__{c}__contains": f" {token} "}) for c in columns)
        )

    return reduce(
        and_, (reduce(or_, (has(t) for t in (*word.forms, *word.joined))) for word in words)
    )


def _match(terms: SearchTerms, headline_only: bool = False) -> Q:
    if connection.vendor == "postgresql":
        return _postgres_match(terms.words, headline_only)
    return _term_match(terms.words, headline_only)


def search_articles(
    terms: SearchTerms,
    section=None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[ArticlePage]:
    """Live articles matching every word of ``terms``, headline matches first, then
    newest; within ``section`` (its sub-kanal included) and ``[since, until)``.

    Each row carries ``search_document`` (for the snippet) and ``headline_match``.
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
        articles.select_related("search_document")
        .defer(*_UNSHOWN)
        .annotate(
            headline_match=Case(
                When(_match(terms, headline_only=True), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-headline_match", "-published_at", "-pk")
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
