"""One cache entry per canonical address: no trick URL changes what readers of the
right one get (issue 10: one ``GET /tag//banjir/`` used to store a 404 under
``/tag/banjir/``)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches

from warta.testing.factories import make_article, make_person, make_section

pytestmark = pytest.mark.django_db

SITE_ROOT = "http://localhost"  # the test site's public address (Wagtail's default Site)


@pytest.fixture
def newsroom():
    writer = make_person()
    section = make_section("Nasional")
    article = make_article(
        title="Banjir melanda ibu kota", section=section, authors=[writer], tags=["banjir"]
    )
    return article, section


def _right_urls(article, section) -> dict[str, str]:
    return {
        "home": "/",
        "kanal": section.url,
        "article": article.url,
        "tag": "/tag/banjir/",
        "indeks": "/indeks/",
        "cari": "/cari/?q=banjir",
        "rss": "/feed/rss/",
        "sitemap": "/sitemap.xml",
    }


def _doubled(url: str) -> list[str]:
    """``//`` in every place of the path, and as ``%2F`` (decoded into the path).

    The test client reads a URL starting with ``//`` as a host name, so a doubled
    leading slash is sent as ``/%2F``: the view sees ``//`` either way."""
    path, _, query = url.partition("?")
    suffix = f"?{query}" if query else ""
    variants = {"/%2F" + path[1:] + suffix, "/%2F" + path[1:].replace("/", "//") + suffix}
    if path.count("/") > 1:
        variants.add("/" + path[1:].replace("/", "%2F", 1) + suffix)
        variants.add("/" + path[1:].replace("/", "//", 1) + suffix)
    return sorted(variants)


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _snapshot(client, url, **extra):
    response = client.get(url, **extra)
    return response.status_code, _body(response)


def _warm(client, url):
    first = _snapshot(client, url)
    assert first[0] == 200, url
    again = client.get(url)
    assert again["X-Cache"] == "HIT", url
    return first


def test_doubled_slashes_redirect_and_change_nothing(client, newsroom):
    """Each trick is sent first, on an empty cache (where it used to store its answer
    under the right address); readers of the right address then get the same page."""
    urls = _right_urls(*newsroom)
    for name, url in urls.items():
        reference = _snapshot(client, url)
        assert reference[0] == 200, url
        for trick in _doubled(url):
            caches["pagecache"].clear()
            for _ in range(2):
                response = client.get(trick)
                if response.status_code == 301:
                    location = response["Location"]
                    assert not location.startswith("//") and "//" not in location, trick
                else:
                    # %2F alone decodes to the right path: the same view, the same page.
                    assert trick.replace("%2F", "/").replace("//", "/") == url, trick
                    assert (response.status_code, _body(response)) == reference, trick
            after = client.get(url)
            assert (after.status_code, _body(after)) == reference, (name, trick)
            assert client.get(url)["X-Cache"] == "HIT", (name, trick)


def test_tag_with_doubled_slash_goes_to_the_tag(client, newsroom):
    response = client.get("/tag//banjir/?page=1&utm_source=x")
    assert response.status_code == 301
    assert response["Location"] == "/tag/banjir/?page=1&utm_source=x"
    assert client.get("/%2F")["Location"] == "/"
    assert client.get("/tag%2F%2Fbanjir/")["Location"] == "/tag/banjir/"


@pytest.mark.parametrize(
    ("trick", "location"),
    [
        ("/%2Fpenyerang.example/", "/penyerang.example/"),
        ("/%2F/penyerang.example", "/penyerang.example"),
        ("/%2F%5Cpenyerang.example/", "/%5Cpenyerang.example/"),
        ("/%2F%2F%2Fpenyerang.example", "/penyerang.example"),
    ],
)
def test_redirect_never_leaves_the_site(client, trick, location):
    response = client.get(trick)
    assert response.status_code == 301
    assert response["Location"] == location


def test_case_variants_change_nothing(client, newsroom):
    article, section = newsroom
    urls = _right_urls(article, section)
    tricks = {
        "tag": ["/TAG/banjir/", "/tag/BANJIR/", "/Tag/Banjir/"],
        "article": [article.url.upper(), article.url.title()],
        "kanal": [section.url.upper()],
        "indeks": ["/INDEKS/"],
        "rss": ["/feed/RSS/"],
        "sitemap": ["/SITEMAP.XML"],
    }
    for name, variants in tricks.items():
        before = _warm(client, urls[name])
        for trick in variants:
            _body(client.get(trick))
            _body(client.get(trick))
            after = client.get(urls[name])
            assert (after.status_code, _body(after)) == before, (name, trick)
            assert after["X-Cache"] == "HIT"


@pytest.mark.parametrize(
    "host", ["127.0.0.1:08100", "127.0.0.1.:8100", "TESTSERVER", "testserver.", "testserver:0080"]
)
def test_host_variants_are_served_uncached_and_change_nothing(client, newsroom, host):
    canonical_host = "127.0.0.1:8100" if host.startswith("127") else "testserver"
    for url in _right_urls(*newsroom).values():
        before = _snapshot(client, url, HTTP_HOST=canonical_host)
        assert client.get(url, HTTP_HOST=canonical_host)["X-Cache"] == "HIT"
        for _ in range(2):
            variant = client.get(url, HTTP_HOST=host)
            _body(variant)  # a sitemap streams from a database cursor: read it to the end
            assert variant["X-Cache"] == "BYPASS", (url, host)
            assert variant["Cache-Control"] == "private, no-store"
        after = client.get(url, HTTP_HOST=canonical_host)
        assert (after.status_code, _body(after)) == before
        assert after["X-Cache"] == "HIT"


def test_canonical_links_name_the_site_address_not_the_host_header(client, newsroom):
    article, section = newsroom
    for url in ("/", section.url, article.url, "/tag/banjir/", "/indeks/", "/cari/?q=banjir"):
        for host in ("127.0.0.1:8100", "127.0.0.1:08100"):
            html = client.get(url, HTTP_HOST=host).content.decode()
            links = re.findall(
                r'<link rel="(?:canonical|prev|next)" href="([^"]+)"'
                r'|<meta property="og:url" content="([^"]+)"',
                html,
            )
            found = [a or b for a, b in links]
            assert found, url
            for link in found:
                assert "127.0.0.1" not in link, (url, host, link)
                assert link.startswith((SITE_ROOT, "/", "?")), (url, link)
