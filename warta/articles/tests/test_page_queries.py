"""Query counts of the busiest reader pages, pinned so an N+1 cannot creep in."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from warta.advertising.models import AdSlot
from warta.analytics.models import DailyReads
from warta.notices.models import Notice
from warta.testing.factories import home_page, make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_QUERIES = 19
HOME_PAGE_QUERIES = 15  # with three kanal: one query per kanal block


def _newsroom(articles_per_section: int):
    """A site with ads, a notice, reads, and articles with images, tags and two authors."""
    Notice.objects.create(text="Pemberitahuan uji")
    AdSlot.objects.create(name="a", position="header_top", size="970x90", creative=make_image())
    AdSlot.objects.create(name="b", position="below_masthead", size="728x90")
    people = [make_person(), make_person()]
    made = []
    for title in ("Nasional", "Ekonomi", "Olahraga"):
        section = make_section(title)
        for n in range(articles_per_section):
            article = make_article(
                section=section,
                authors=people,
                lead_image=make_image(),
                tags=[f"tag{n}", "umum"],
                headings=("Satu", "Dua"),
            )
            DailyReads.objects.create(article=article, day=article.published_at.date(), reads=n)
            made.append(article)
    return made


def _count(client, url) -> int:
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("per_section", [2, 6])
def test_article_page_queries_do_not_grow_with_content(client, per_section):
    article = _newsroom(per_section)[0]
    assert _count(client, article.url) == ARTICLE_PAGE_QUERIES


@pytest.mark.parametrize("per_section", [2, 6])
def test_home_page_queries_do_not_grow_with_content(client, per_section):
    _newsroom(per_section)
    assert _count(client, home_page().url) == HOME_PAGE_QUERIES


def test_counts_are_the_same_for_small_and_large_sites(client):
    articles = _newsroom(2)
    small = (_count(client, articles[0].url), _count(client, home_page().url))
    for section_article in articles[:3]:
        for _ in range(4):
            make_article(section=section_article.get_parent(), lead_image=make_image(), tags=["x"])
    large = (_count(client, articles[0].url), _count(client, home_page().url))
    assert small == large
