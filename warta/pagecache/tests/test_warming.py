"""A publish renders the pages that show the article again before any reader asks."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from warta.articles.services import publish_article
from warta.pagecache import warming
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def warming_on(settings):
    settings.WARTA_PAGE_CACHE_WARM = True
    yield
    assert warming.wait_idle(30), "the warming thread did not finish"


def _reader() -> Client:
    scheme, host = warming.canonical_address()
    return Client(HTTP_HOST=host, **({"wsgi.url_scheme": scheme} if scheme == "https" else {}))


def test_after_a_publish_the_home_page_is_cached_before_any_reader_asks():
    section = make_section("Nasional")
    reader = _reader()
    assert "Banjir rob" not in reader.get("/").content.decode()  # cached: the old home

    article = make_article(
        title="Banjir rob merendam pesisir utara", section=section, publish=False
    )
    publish_article(article)
    assert warming.wait_idle(30)

    home = reader.get("/")
    assert home["X-Cache"] == "HIT", "the publish did not warm the home page"
    assert "Banjir rob merendam pesisir utara" in home.content.decode()
    page = reader.get(article.url)
    assert page["X-Cache"] == "HIT"
    assert reader.get(section.url)["X-Cache"] == "HIT"


def test_the_pages_of_an_article_are_few_and_on_the_site():
    section = make_section("Daerah")
    article = make_article(title="Gempa kecil di selatan", section=section, tags=("gempa",))
    urls = warming.pages_showing(article)
    assert urls[:3] == [article.url, "/", section.url]
    assert "/tag/gempa/" in urls
    assert any(url.startswith("/indeks/") for url in urls)
    assert len(urls) <= warming.MAX_URLS_PER_ARTICLE
    assert all(url.startswith("/") for url in urls)


def test_a_failing_warm_is_logged_and_publishing_goes_on(monkeypatch, caplog):
    def broken(url):
        raise RuntimeError("render gagal")

    monkeypatch.setattr(warming, "warm", broken)
    article = make_article(title="Harga cabai naik", publish=False)
    with caplog.at_level(logging.ERROR, logger="warta.pagecache.warming"):
        publish_article(article)
        assert warming.wait_idle(30)
    article.refresh_from_db()
    assert article.live
    assert any("warming" in record.getMessage() for record in caplog.records)


def test_nothing_is_warmed_with_the_page_cache_off(settings, monkeypatch):
    settings.WARTA_PAGE_CACHE = False
    warmed = []
    monkeypatch.setattr(warming, "warm", warmed.append)
    publish_article(make_article(title="Sidang kabinet", publish=False))
    assert warming.wait_idle(30)
    assert warmed == []


@pytest.mark.urls("warta.pagecache.tests.urls")
def test_a_failed_warm_render_leaves_the_page_to_the_next_reader():
    from warta.pagecache.services import purge_tags
    from warta.pagecache.tests import urls

    reader = _reader()
    urls.flaky_status[:] = [200]
    assert reader.get("/kadang/")["X-Cache"] == "MISS"
    purge_tags(["test:flaky"])  # an update: the next request rebuilds, others get the copy

    urls.flaky_status[:] = [500]  # only this process fails, for the warm render
    try:
        assert warming.warm("/kadang/") == 500
    finally:
        urls.flaky_status[:] = [200]
    # Not the previous copy until the failed render's lock expires: a fresh render.
    again = reader.get("/kadang/")
    assert again["X-Cache"] == "MISS"
    assert "status=200" in again.content.decode()
