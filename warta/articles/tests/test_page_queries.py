"""Query counts of the busiest reader pages, pinned so an N+1 cannot creep in."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from warta.advertising.models import AdSlot
from warta.analytics.buffers import hour_of
from warta.analytics.services import store_counts
from warta.frontpage.models import HomeTopStory
from warta.notices.models import Notice
from warta.testing.factories import home_page, make_article, make_image, make_person, make_section

# The ORM asks the same queries of either database: counted once, in the SQLite pass.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_pass]

# Terpopuler: its ranking and its articles, two queries; hak jawab links both ways: one;
# the ralat (corrections) shown under the article: one.
# The head's link-preview and NewsArticle renditions: one, because these test images
# never had theirs prepared; prepared ones come from the rendition cache, no query
# (syndication/tests/test_structured_data.py checks that).
ARTICLE_PAGE_QUERIES = 24
HOME_PAGE_QUERIES = 15  # kanal blocks: one query for all kanal; Terpopuler: two
# Listings (measured with the chrome of every page: notice, ads, menu, Tag Terpopuler).
HOME_PAGE_PINNED_QUERIES = HOME_PAGE_QUERIES + 1  # the pinned articles, one query
SECTION_PAGE_QUERIES = 15  # any page of a kanal
TAG_PAGE_QUERIES = 10
PERSON_PAGE_QUERIES = 10  # with a photo
INDEX_PAGE_QUERIES = 9  # any day, with or without ?kanal=


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
            # through the flush, which keeps the rollups Terpopuler reads
            store_counts({(article.pk, hour_of(article.published_at)): n + 1})
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


@pytest.fixture
def one_per_page(monkeypatch):
    """One article a page, so that every listing has a page 2 to count as well."""
    from warta.people import views as people_views
    from warta.sections.models import SectionPage
    from warta.topics import views as topic_views

    monkeypatch.setattr(SectionPage, "per_page", 1)
    monkeypatch.setattr(topic_views, "PER_PAGE", 1)
    monkeypatch.setattr(people_views, "PER_PAGE", 1)


def _listing_urls(articles) -> dict[str, tuple[list[str], int]]:
    person = articles[0].authors.first().person
    person.photo = make_image()
    person.save()
    kanal, author = articles[0].get_parent().url, person.get_absolute_url()
    return {
        "kanal": ([kanal, f"{kanal}?page=2"], SECTION_PAGE_QUERIES),
        "tag": (["/tag/umum/", "/tag/umum/?page=2"], TAG_PAGE_QUERIES),
        "person": ([author, f"{author}?page=2"], PERSON_PAGE_QUERIES),
        "indeks": (["/indeks/", "/indeks/?kanal=nasional"], INDEX_PAGE_QUERIES),
    }


@pytest.mark.parametrize("per_section", [2, 6])
def test_listing_queries_do_not_grow_with_content(client, one_per_page, per_section):
    listings = _listing_urls(_newsroom(per_section))
    counts = {name: [_count(client, url) for url in urls] for name, (urls, _) in listings.items()}
    assert counts == {name: [expected] * len(urls) for name, (urls, expected) in listings.items()}


@pytest.mark.parametrize("per_section", [2, 6])
def test_home_page_with_pins_queries_do_not_grow_with_content(client, per_section):
    articles = _newsroom(per_section)
    home = home_page()
    home.lead_article = articles[-1]
    home.top_stories.set([HomeTopStory(article=a) for a in articles[1:3]])
    home.save_revision().publish()
    assert _count(client, home_page().url) == HOME_PAGE_PINNED_QUERIES


def test_home_page_queries_do_not_grow_with_the_number_of_kanal(client):
    _newsroom(2)
    assert _count(client, home_page().url) == HOME_PAGE_QUERIES
    for title in ("Hukum", "Teknologi", "Humaniora", "Otomotif"):
        make_article(section=make_section(title), lead_image=make_image())
    assert _count(client, home_page().url) == HOME_PAGE_QUERIES
