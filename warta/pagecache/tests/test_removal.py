"""Removal is immediate and total: a taken-down, unpublished or deleted article is
never served from the cache again, not even while its pages are rebuilt (issue 10:
150 of 180 parallel readers still got a taken-down article)."""

from __future__ import annotations

import threading

import pytest
from django.db import connections
from django.test import Client

from warta.articles.models import TakedownReason
from warta.articles.services import publish_article, take_down_article
from warta.pagecache import keys, store
from warta.pagecache.services import purge_tags
from warta.pagecache.tests import urls
from warta.testing.factories import make_article, make_person, make_section

BODY = "Banjir melanda ibu kota"
READERS = 16


@pytest.fixture(autouse=True)
def _fresh_views():
    urls.renders.clear()
    urls.rebuild_started.clear()
    urls.rebuild_release.clear()


@pytest.fixture
def article():
    return make_article(
        title=BODY, section=make_section("Nasional"), authors=[make_person()], tags=["banjir"]
    )


def _parallel(url: str, count: int = READERS) -> list[tuple[int, str, bytes]]:
    results: list[tuple[int, str, bytes]] = []
    barrier = threading.Barrier(count)

    def read():
        try:
            client = Client()
            barrier.wait(10)
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            results.append((response.status_code, response.get("X-Cache", ""), body))
        finally:
            connections.close_all()  # this thread's own database connection

    threads = [threading.Thread(target=read) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(results) == count
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_takedown_no_parallel_reader_gets_the_article(client, article):
    pages = [article.url, "/", article.get_parent().url, "/tag/banjir/", "/feed/rss/"]
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url
    url = article.url

    take_down_article(article, TakedownReason.SARA)  # commits: the purge runs now

    for page in pages:
        results = _parallel(page)
        leaked = [r for r in results if BODY.encode() in r[2] or r[1] == "STALE"]
        assert leaked == [], page
    notice = client.get(url)
    assert (notice.status_code, notice["X-Cache"]) == (410, "HIT")  # the notice is stored
    assert BODY.encode() not in notice.content


@pytest.mark.django_db
def test_the_410_notice_is_stored_and_dropped_when_republished(
    client, article, django_capture_on_commit_callbacks
):
    url = article.url
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        take_down_article(article, TakedownReason.DEWAN_PERS)
    first, second = client.get(url), client.get(url)
    assert (first.status_code, first["X-Cache"]) == (410, "MISS")
    assert (second.status_code, second["X-Cache"]) == (410, "HIT")
    assert "s-maxage=300" in second["Cache-Control"]

    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)
    back = client.get(url)
    assert (back.status_code, back["X-Cache"]) == (200, "MISS")


@pytest.mark.django_db
def test_unpublish_and_delete_are_hard_purges_and_an_update_soft(
    client, article, django_capture_on_commit_callbacks
):
    gone = keys.gone_key(keys.article_tag(article.pk))
    article.title = "Banjir surut"
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)
    assert store.page_cache().get(gone) is None  # an update removes nothing

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    unpublished = store.page_cache().get(gone)
    assert unpublished is not None

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert store.page_cache().get(gone) > unpublished


@pytest.mark.urls("warta.pagecache.tests.urls")
def test_hard_purged_page_is_rendered_by_every_reader_until_stored(client):
    """No reader gets the removed copy while another request rebuilds it."""
    urls.rebuild_release.set()
    assert client.get("/lambat/")["X-Cache"] == "MISS"
    urls.rebuild_release.clear()
    urls.rebuild_started.clear()
    assert purge_tags(["test:slow"], hard=True)

    results: list[tuple[str, bytes]] = []

    def fetch():
        response = Client().get("/lambat/")
        results.append((response["X-Cache"], response.content))

    rebuilder = threading.Thread(target=fetch)
    rebuilder.start()
    assert urls.rebuild_started.wait(10)
    readers = [threading.Thread(target=fetch) for _ in range(6)]
    for reader in readers:
        reader.start()
    urls.rebuild_release.set()
    for thread in [rebuilder, *readers]:
        thread.join(10)

    assert len(results) == 7
    assert all(state == "MISS" for state, _ in results), results
    assert b"render 1" not in [content for _, content in results]
    assert client.get("/lambat/")["X-Cache"] == "HIT"


@pytest.mark.urls("warta.pagecache.tests.urls")
def test_soft_purged_page_is_still_rebuilt_once_while_readers_get_the_copy(client):
    urls.rebuild_release.set()
    client.get("/lambat/")
    urls.rebuild_release.clear()
    urls.rebuild_started.clear()
    assert purge_tags(["test:slow"])

    results: list[tuple[str, bytes]] = []

    def fetch():
        response = Client().get("/lambat/")
        results.append((response["X-Cache"], response.content))

    rebuilder = threading.Thread(target=fetch)
    rebuilder.start()
    assert urls.rebuild_started.wait(10)
    readers = [threading.Thread(target=fetch) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(10)
    urls.rebuild_release.set()
    rebuilder.join(10)

    assert sorted(results) == [("MISS", b"render 2")] + [("STALE", b"render 1")] * 6


@pytest.mark.urls("warta.pagecache.tests.urls")
def test_a_removed_page_is_not_served_even_when_the_render_fails(client):
    urls.flaky_status[:] = [200]
    client.get("/kadang/")
    assert purge_tags(["test:flaky"], hard=True)
    urls.flaky_status[:] = [503]
    try:
        response = client.get("/kadang/")
    finally:
        urls.flaky_status[:] = [200]
    assert response.status_code == 503
    assert b"status=200" not in response.content
