"""Publishing, unpublishing, deleting and the scheduler purge exactly the right pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from warta.articles.services import publish_article
from warta.pagecache import keys
from warta.pagecache.services import article_tags, purge_article
from warta.scheduling.services import publish_due
from warta.testing.factories import make_article, make_person, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    writer, other_writer = make_person(), make_person()
    nasional, olahraga = make_section("Nasional"), make_section("Olahraga")
    article = make_article(
        title="Banjir melanda ibu kota", section=nasional, authors=[writer], tags=["banjir"]
    )
    unrelated = make_article(
        title="Tim nasional menang", section=olahraga, authors=[other_writer], tags=["bola"]
    )
    return article, unrelated, writer


def _pages(article, unrelated, writer) -> dict[str, str]:
    day = timezone.localdate(article.published_at, timezone.get_default_timezone())
    return {
        "article": article.url,
        "section": article.get_parent().url,
        "tag": "/tag/banjir/",
        "author": f"/penulis/{writer.slug}/",
        "indeks": f"/indeks/?tanggal={day.isoformat()}",
        "home": "/",
        "feed": "/feed/rss/",
        "sitemap": "/sitemap-news.xml",
        "unrelated": unrelated.url,
        "unrelated_section": unrelated.get_parent().url,
        "unrelated_tag": "/tag/bola/",
    }


def _warm(client, pages) -> None:
    for name, url in pages.items():
        assert client.get(url)["X-Cache"] == "MISS", name
        response = client.get(url)
        assert response["X-Cache"] == "HIT", name


def _states(client, pages) -> dict[str, str]:
    return {name: client.get(url)["X-Cache"] for name, url in pages.items()}


UNTOUCHED = {"unrelated": "HIT", "unrelated_section": "HIT", "unrelated_tag": "HIT"}
SHOWING = ("article", "section", "tag", "author", "indeks", "home", "feed", "sitemap")


def test_article_page_carries_what_it_shows(client, newsroom):
    article, _, writer = newsroom
    response = client.get(article.url)
    surrogate = set(response["Surrogate-Key"].split())
    assert {
        f"article:{article.pk}",
        f"page:{article.pk}",
        "tag:banjir",
        f"author:{writer.slug}",
        "all",
    } <= surrogate
    assert "public" in response["Cache-Control"] and "s-maxage=300" in response["Cache-Control"]


def test_publishing_an_update_purges_exactly_the_pages_that_show_it(
    client, newsroom, django_capture_on_commit_callbacks
):
    article, unrelated, writer = newsroom
    pages = _pages(article, unrelated, writer)
    _warm(client, pages)

    article.title = "Banjir surut di ibu kota"
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)

    states = _states(client, pages)
    assert states == {**{name: "MISS" for name in SHOWING}, **UNTOUCHED}
    assert "Banjir surut di ibu kota" in client.get(article.url).content.decode()
    assert "Banjir surut di ibu kota" in client.get("/").content.decode()


def test_purge_waits_for_the_commit(client, newsroom, django_capture_on_commit_callbacks):
    article, unrelated, writer = newsroom
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purge_article(article)
    assert client.get(article.url)["X-Cache"] == "HIT"  # not committed yet
    for callback in callbacks:
        callback()
    assert client.get(article.url)["X-Cache"] == "MISS"


def test_unpublishing_purges_and_the_page_becomes_a_short_404(
    client, newsroom, django_capture_on_commit_callbacks
):
    article, unrelated, writer = newsroom
    url = article.url
    pages = _pages(article, unrelated, writer)
    _warm(client, pages)

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    gone = client.get(url)
    assert gone.status_code == 404 and gone["X-Cache"] == "MISS"
    assert "s-maxage=30," in gone["Cache-Control"]
    assert client.get(url)["X-Cache"] == "HIT"
    assert "Banjir melanda" not in client.get("/").content.decode()
    assert _states(client, {k: pages[k] for k in UNTOUCHED}) == UNTOUCHED


def test_deleting_purges_its_tags_and_authors(client, newsroom, django_capture_on_commit_callbacks):
    article, unrelated, writer = newsroom
    pages = _pages(article, unrelated, writer)
    del pages["tag"], pages["author"]  # their rows go with the article; checked below
    tag_url, author_url = "/tag/banjir/", f"/penulis/{writer.slug}/"
    _warm(client, {**pages, "tag": tag_url, "author": author_url})

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert client.get(tag_url)["X-Cache"] == "MISS"  # now a 404: no live article has it
    assert client.get(author_url)["X-Cache"] == "MISS"
    states = _states(client, pages)
    assert states["home"] == states["section"] == states["article"] == "MISS"
    assert states["unrelated"] == "HIT"


def test_removed_tag_loses_the_article_too(client, newsroom, django_capture_on_commit_callbacks):
    article, _, _ = newsroom
    with django_capture_on_commit_callbacks(execute=True):
        purge_article(article)  # remembers the tags the article had
    client.get("/tag/banjir/")
    article.tags.clear()
    article.tags.add("cuaca")
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)
    assert client.get("/tag/banjir/")["X-Cache"] == "MISS"


def test_scheduled_article_going_live_purges(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    section = make_section("Nasional")
    article = make_article(title="Berita terjadwal tayang", section=section, publish=False)
    article.go_live_at = timezone.now() + timedelta(hours=1)
    article.save_revision().publish()  # Publish pressed with a future go-live time
    assert client.get("/")["X-Cache"] == "MISS"
    assert client.get(section.url)["X-Cache"] == "MISS"
    assert client.get("/")["X-Cache"] == "HIT"

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        result = publish_due()
    assert result.published == [str(article.pk)]

    home = client.get("/")
    assert home["X-Cache"] == "MISS"
    assert "Berita terjadwal tayang" in home.content.decode()
    assert client.get(section.url)["X-Cache"] == "MISS"


def test_publishing_purges_a_404_cached_at_the_articles_address_on_every_host(
    client, django_capture_on_commit_callbacks
):
    """Readers who asked for the address before the article went live (a shared link,
    a scheduled story) must not keep getting the cached 404 after it did."""
    article = make_article(title="Berita yang ditunggu", publish=False, live=False)
    url = article.url
    hosts = ("testserver", "127.0.0.1")
    for host in hosts:
        assert client.get(url, HTTP_HOST=host).status_code == 404
        cached = client.get(url, HTTP_HOST=host)
        assert (cached.status_code, cached["X-Cache"]) == (404, "HIT")
        assert keys.path_tag(url) in cached["Surrogate-Key"].split()

    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)

    for host in hosts:
        live = client.get(url, HTTP_HOST=host)
        assert (live.status_code, live["X-Cache"]) == (200, "MISS"), host
        assert "Berita yang ditunggu" in live.content.decode()


def test_article_tags_name_every_page_that_shows_it(newsroom):
    article, _, writer = newsroom
    day = timezone.localdate(article.published_at, timezone.get_default_timezone())
    assert set(article_tags(article)) == {
        keys.article_tag(article.pk),
        keys.page_tag(article.pk),
        keys.path_tag(article.url),
        keys.section_tag(article.get_parent().pk),
        keys.topic_tag("banjir"),
        keys.author_tag(writer.slug),
        keys.indeks_tag(day),
        keys.HOME,
        keys.FEED,
        keys.SITEMAP,
        keys.SEARCH,
    }


def test_query_pins_measure_uncached_renders(client, newsroom, settings):
    """With the cache on, a hit runs no query at all (the generation is read at most
    once per WARTA_PAGE_CACHE_CHECK_SECONDS: here the miss read it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.WARTA_PAGE_CACHE_CHECK_SECONDS = 3600
    article = newsroom[0]
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url)["X-Cache"] == "HIT"
    assert len(queries) == 0


def test_search_and_indeks_keep_their_parameters_only(client, newsroom):
    assert client.get("/cari/?q=banjir")["X-Cache"] == "MISS"
    hit = client.get("/cari/?utm_source=x&q=banjir")
    assert hit["X-Cache"] == "HIT" and 'value="banjir"' in hit.content.decode()
    assert client.get("/cari/?q=bola")["X-Cache"] == "MISS"
    assert "search" in hit["Surrogate-Key"].split()
    section = newsroom[0].get_parent()
    assert client.get(f"/indeks/?kanal={section.slug}")["X-Cache"] == "MISS"
    assert client.get(f"/indeks/?fbclid=1&kanal={section.slug}")["X-Cache"] == "HIT"
    assert client.get("/indeks/")["X-Cache"] == "MISS"


def test_robots_and_ads_txt_are_cached(client, newsroom):
    for url in ("/robots.txt", "/ads.txt"):
        first = client.get(url)
        assert first["X-Cache"] == "MISS", url
        assert client.get(url)["X-Cache"] == ("HIT" if first.status_code in (200, 404) else "MISS")
