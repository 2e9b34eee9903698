"""Reads behind the listings: Baca Juga (related articles) and the kanal blocks."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.articles.queries import newest_in_each_section, related_articles
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def _at(hours_ago: int):
    return timezone.now() - timedelta(hours=hours_ago)


@pytest.fixture
def kanal():
    return make_section("Ekonomi", slug="ekonomi"), make_section("Nasional", slug="nasional")


def test_related_ranks_by_shared_tags_then_kanal_then_recency(kanal):
    economy, national = kanal
    article = make_article(section=economy, tags=["pajak", "apbn", "dpr"], published_at=_at(1))
    two_tags_old = make_article(section=national, tags=["pajak", "apbn"], published_at=_at(90))
    one_tag_same_kanal = make_article(section=economy, tags=["dpr"], published_at=_at(50))
    one_tag_other_kanal = make_article(section=national, tags=["pajak"], published_at=_at(2))
    no_tag_same_kanal = make_article(section=economy, published_at=_at(3))
    make_article(section=national, published_at=_at(0))  # unrelated, newest of all

    related = related_articles(article, limit=10)
    assert related == [two_tags_old, one_tag_same_kanal, one_tag_other_kanal, no_tag_same_kanal]


def test_related_among_equals_takes_the_newest(kanal):
    economy, national = kanal
    article = make_article(section=economy, tags=["pajak"], published_at=_at(1))
    older = make_article(section=national, tags=["pajak"], published_at=_at(30))
    newer = make_article(section=national, tags=["pajak"], published_at=_at(20))
    assert related_articles(article) == [newer, older]


def test_related_is_never_the_article_itself_nor_twice_nor_a_draft(kanal):
    economy, _ = kanal
    article = make_article(section=economy, tags=["pajak", "apbn", "dpr"], published_at=_at(1))
    sibling = make_article(section=economy, tags=["pajak", "apbn", "dpr"], published_at=_at(5))
    draft = make_article(section=economy, tags=["pajak", "apbn", "dpr"], published_at=_at(2))
    draft.unpublish()
    related = related_articles(article)
    assert related == [sibling]


def test_related_fills_with_the_newest_of_the_kanal_when_tags_run_out(kanal):
    economy, national = kanal
    article = make_article(section=economy, published_at=_at(10))  # no tags at all
    same = [make_article(section=economy, published_at=_at(h)) for h in (1, 20, 3, 40, 5)]
    make_article(section=national, published_at=_at(0))
    related = related_articles(article, limit=4)
    assert related == [same[0], same[2], same[4], same[1]]


def test_related_counts_a_subkanal_as_its_own_kanal():
    sport = make_section("Olahraga", slug="olahraga")
    football = make_section("Sepak Bola", parent=sport, slug="sepak-bola")
    article = make_article(section=football, published_at=_at(10))
    in_football = make_article(section=football, published_at=_at(20))
    make_article(section=sport, published_at=_at(1))
    assert related_articles(article) == [in_football]


def test_related_is_one_query(kanal, django_assert_num_queries):
    economy, national = kanal
    article = make_article(section=economy, tags=["pajak", "apbn"])
    for n in range(6):
        make_article(section=national if n % 2 else economy, tags=["pajak"])
    tags = list(article.tags.all())
    with django_assert_num_queries(1):
        assert len(related_articles(article, tags=tags)) == 4


def test_related_shows_under_the_article(client, kanal):
    economy, _ = kanal
    article = make_article(section=economy, tags=["pajak"])
    make_article(title="Tarif pajak baru diumumkan", section=economy, tags=["pajak"])
    assert "Tarif pajak baru diumumkan" in client.get(article.url).content.decode()


def test_kanal_blocks_are_one_query_whatever_the_number_of_kanal(kanal):
    economy, national = kanal
    sections = [economy, national, make_section("Olahraga", slug="olahraga")]
    for section in sections[:2]:
        for h in range(5):
            make_article(section=section, published_at=_at(h))
    skipped = make_article(section=economy, published_at=_at(0))
    with CaptureQueriesContext(connection) as queries:
        blocks = newest_in_each_section(sections, 3, exclude_ids=[skipped.pk])
    assert len(queries) == 1
    assert [len(blocks[s.pk]) for s in sections] == [3, 3, 0]
    assert skipped not in blocks[economy.pk]
    assert blocks[economy.pk] == sorted(
        blocks[economy.pk], key=lambda a: a.published_at, reverse=True
    )
