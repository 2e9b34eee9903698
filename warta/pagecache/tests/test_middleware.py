"""The page cache's request side, on small views: hits, bypasses, keys, stale copies."""

from __future__ import annotations

import threading

import pytest
from django.test import Client

from warta.pagecache import keys, store
from warta.pagecache.tests import urls

pytestmark = pytest.mark.urls("warta.pagecache.tests.urls")


@pytest.fixture(autouse=True)
def _fresh_views():
    urls.renders.clear()
    urls.rebuild_started.clear()
    urls.rebuild_release.clear()


def test_second_request_is_a_hit_with_cdn_headers(client):
    first = client.get("/hitung/")
    second = client.get("/hitung/")
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert len(urls.renders) == 1
    assert second["Cache-Control"] == (
        "public, max-age=0, s-maxage=300, stale-while-revalidate=3600"
    )
    assert {"all", "test:counted"} <= set(second["Surrogate-Key"].split())
    assert second["ETag"] == first["ETag"]


def test_etag_answers_not_modified(client):
    etag = client.get("/hitung/")["ETag"]
    response = client.get("/hitung/", headers={"If-None-Match": etag})
    assert response.status_code == 304


def test_query_parameters_outside_the_whitelist_share_the_page(client):
    client.get("/hitung/?utm_source=x")
    again = client.get("/hitung/?acak=123&utm_source=y")
    other_page = client.get("/hitung/?page=2&zzz=1")
    same_order = client.get("/hitung/?zzz=2&page=2")
    assert again["X-Cache"] == "HIT"
    # The view never saw the ignored parameters: the copy is what the key says.
    assert again.content == b"render 1 query="
    assert other_page["X-Cache"] == "MISS"
    assert other_page.content == b"render 2 query=page=2"
    assert same_order["X-Cache"] == "HIT"
    assert len(urls.renders) == 2


def test_the_key_is_the_exact_path_and_the_normal_host(rf):
    """A doubled slash is another address (the middleware redirects it, see
    test_canonical_urls.py); host spellings of one address share one key."""
    assert keys.page_key(rf.get("/a//b/"), []) != keys.page_key(rf.get("/a/b/"), [])
    assert keys.page_key(rf.get("/a/b/"), []) != keys.page_key(rf.get("/a/b"), [])
    assert keys.page_key(rf.get("/a/"), [("page", "2")]) != keys.page_key(rf.get("/a/"), [])
    canonical = keys.page_key(rf.get("/a/", HTTP_HOST="127.0.0.1:8100"), [])
    for host in ("127.0.0.1:08100", "127.0.0.1.:8100", "127.0.0.1:0008100"):
        assert keys.page_key(rf.get("/a/", HTTP_HOST=host), []) == canonical, host


@pytest.mark.parametrize(
    ("host", "scheme", "normal"),
    [
        ("Warta.Example", "http", "warta.example"),
        ("warta.example.", "https", "warta.example"),
        ("warta.example:80", "http", "warta.example"),
        ("warta.example:0443", "https", "warta.example"),
        ("warta.example:443", "http", "warta.example:443"),
        ("127.0.0.1:08100", "http", "127.0.0.1:8100"),
        ("[::1]:080", "http", "[::1]"),
        ("[::1]:8000", "http", "[::1]:8000"),
        ("warta.example:", "http", "warta.example"),
    ],
)
def test_normal_host(host, scheme, normal):
    assert keys.normal_host(host, scheme) == normal


def test_logged_in_editor_is_never_served_nor_stored(client, django_user_model):
    client.get("/hitung/")  # an anonymous copy exists
    editor = django_user_model.objects.create_user("redaktur", password="x")
    client.force_login(editor)
    response = client.get("/hitung/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response.content == b"render 2 query="


def test_head_is_served_from_the_copy_of_get(client):
    client.head("/hitung/")
    assert client.head("/hitung/")["X-Cache"] == "MISS"  # a HEAD alone stores nothing
    client.get("/hitung/")
    assert client.head("/hitung/")["X-Cache"] == "HIT"


def test_post_is_never_cached(client):
    client.post("/hitung/")
    response = client.post("/hitung/")
    assert "X-Cache" not in response
    assert len(urls.renders) == 2


def test_form_with_csrf_token_is_not_stored(client):
    first = client.get("/formulir/")
    second = client.get("/formulir/")
    assert first["X-Cache"] == second["X-Cache"] == "MISS"
    assert "no-store" in second["Cache-Control"]
    assert len(urls.renders) == 2


def test_response_setting_a_cookie_is_not_stored(client):
    client.get("/kue/")
    assert client.get("/kue/")["X-Cache"] == "MISS"
    assert len(urls.renders) == 2


def test_server_error_is_not_stored(client):
    client.get("/rusak/")
    client.get("/rusak/")
    assert len(urls.renders) == 2


def test_page_cache_off_by_setting(client, settings):
    settings.WARTA_PAGE_CACHE = False
    client.get("/hitung/")
    response = client.get("/hitung/")
    assert "X-Cache" not in response
    assert len(urls.renders) == 2


def test_unknown_host_is_refused(client):
    assert client.get("/hitung/", HTTP_HOST="penyerang.example").status_code == 400


def test_oversized_query_is_served_but_not_stored(client):
    long_query = "q=" + "x" * 2000
    client.get(f"/hitung/?{long_query}")
    client.get(f"/hitung/?{long_query}")
    assert len(urls.renders) == 2


def _expire(path: str, rf) -> None:
    key = keys.page_key(rf.get(path), [])
    entry = store.load(key)
    entry.fresh_until = 0
    store.page_cache().set(key, entry, None)


def test_expired_page_is_rebuilt_once_while_readers_get_the_stale_copy(client, rf):
    urls.rebuild_release.set()
    assert client.get("/lambat/")["X-Cache"] == "MISS"
    urls.rebuild_release.clear()
    urls.rebuild_started.clear()
    _expire("/lambat/", rf)
    results: dict[str, list] = {"rebuild": [], "readers": []}

    def fetch(bucket):
        response = Client().get("/lambat/")
        results[bucket].append((response["X-Cache"], response.content))

    rebuilder = threading.Thread(target=fetch, args=("rebuild",))
    rebuilder.start()
    assert urls.rebuild_started.wait(10), "nobody rebuilt the expired page"
    readers = [threading.Thread(target=fetch, args=("readers",)) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(10)
    urls.rebuild_release.set()
    rebuilder.join(10)

    assert results["readers"] == [("STALE", b"render 1")] * 6
    assert results["rebuild"] == [("MISS", b"render 2")]
    assert len(urls.renders) == 2  # the first render and one rebuild
    assert client.get("/lambat/")["X-Cache"] == "HIT"


def test_failed_rebuild_keeps_serving_the_stale_copy(client, rf, settings):
    urls.rebuild_release.set()
    client.get("/lambat/")
    _expire("/lambat/", rf)
    key = keys.page_key(rf.get("/lambat/"), [])
    assert store.acquire_rebuild(key)  # another node is rebuilding
    response = client.get("/lambat/")
    assert response["X-Cache"] == "STALE"
    assert response.content == b"render 1"
    store.release_rebuild(key)
    assert client.get("/lambat/")["X-Cache"] == "MISS"


def test_purged_tag_invalidates_only_its_pages(client):
    from warta.pagecache.services import purge_tags

    client.get("/hitung/")
    assert purge_tags(["lain:tag"])
    assert client.get("/hitung/")["X-Cache"] == "HIT"
    assert purge_tags(["test:counted"])
    assert client.get("/hitung/")["X-Cache"] == "MISS"
    assert client.get("/hitung/")["X-Cache"] == "HIT"


def test_purge_while_rendering_wins():
    """A purge that lands after the render began must not leave that render cached."""
    from warta.pagecache.services import purge_tags

    clock = store.read_clock()
    purge_tags(["all"])
    entry = store.Entry(200, [], b"lama", ["all"], clock, 0, 10**12)
    assert not store.save("pagecache:page:test", entry, 300)
