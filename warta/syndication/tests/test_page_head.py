"""The head of every reader page: canonical address, description, Open Graph, Twitter
card and feed links, read back with lxml and extruct as link previews read them."""

from __future__ import annotations

from datetime import UTC, datetime

import extruct
import pytest
from django.core.cache import cache
from lxml import html as lxml_html
from PIL import Image as PILImage
from wagtail.models import Site

from warta.images.services import OPEN_GRAPH_SPEC, prepare_renditions
from warta.masthead.models import SiteSettings
from warta.testing.factories import home_page, make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"  # the test site's public address (Wagtail's default Site)
PUBLISHED = datetime(2026, 3, 5, 1, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _empty_rendition_cache():
    """Image ids come round again after a rollback: no rendition cached by another
    test may stand in for this test's, nor this test's for a later one's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def newsroom():
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Warta Uji"
    settings.tagline = "Kabar dari seluruh Nusantara"
    settings.save()
    image = make_image(width=2000, height=1500)
    prepare_renditions(image.pk)
    kanal = make_section("Nasional")
    writer = make_person("Ani Wulandari")
    article = make_article(
        title="Pemerintah umumkan kebijakan baru",
        section=kanal,
        authors=[writer],
        tags=["ekonomi"],
        lead_image=image,
        published_at=PUBLISHED,
        summary="Ringkasan kebijakan baru pemerintah.",
    )
    return {"article": article, "image": image, "kanal": kanal, "writer": writer}


def _head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html, lxml_html.fromstring(html)


def _meta(tree, key) -> list[str]:
    return tree.xpath(f"//head/meta[@property='{key}' or @name='{key}']/@content")


def _one(tree, key) -> str:
    values = _meta(tree, key)
    assert len(values) == 1, (key, values)
    return values[0]


def _pages(newsroom) -> dict[str, tuple[str, str]]:
    """Each reader page: (URL, og:type)."""
    return {
        "home": (home_page().url, "website"),
        "kanal": (newsroom["kanal"].url, "website"),
        "tag": ("/tag/ekonomi/", "website"),
        "author": (newsroom["writer"].get_absolute_url(), "website"),
        "indeks": ("/indeks/?tanggal=2026-03-05", "website"),
        "search": ("/cari/?q=kebijakan", "website"),
        "article": (newsroom["article"].url, "article"),
    }


@pytest.mark.parametrize("name", ["home", "kanal", "tag", "author", "indeks", "search", "article"])
def test_every_reader_page_has_canonical_description_open_graph_and_card(client, newsroom, name):
    url, og_type = _pages(newsroom)[name]
    html, tree = _head(client, url)
    assert tree.xpath("/html/@lang") == ["id"]
    assert "max-image-preview:large" in tree.xpath("//head/meta[@name='robots']/@content")[0]
    canonical = tree.xpath("//head/link[@rel='canonical']/@href")
    assert len(canonical) == 1 and canonical[0].startswith("http"), canonical
    # Listings build theirs on the request's host (articles/listing.py), the others
    # on the site's public address; the path is the page's own either way.
    assert canonical[0].split("?")[0].endswith(url.split("?")[0])
    assert _one(tree, "description").strip()
    assert _one(tree, "og:url") == canonical[0]
    assert _one(tree, "og:type") == og_type
    assert _one(tree, "og:locale") == "id_ID"
    assert _one(tree, "og:site_name") == "Warta Uji"
    assert _one(tree, "og:title").strip() and _one(tree, "og:description").strip()
    assert _one(tree, "twitter:card") in {"summary", "summary_large_image"}
    # extruct, as link-preview crawlers do, finds the same Open Graph data.
    og = extruct.extract(html, base_url=ROOT + url, syntaxes=["opengraph"], uniform=True)
    assert og["opengraph"][0]["og:url"] == canonical[0]
    assert og["opengraph"][0]["@type"] == og_type


def test_article_head_has_the_lead_image_and_article_properties(client, newsroom):
    article, image = newsroom["article"], newsroom["image"]
    html, tree = _head(client, article.url)
    assert _one(tree, "og:title") == article.title
    assert _one(tree, "og:description") == "Ringkasan kebijakan baru pemerintah."
    assert _one(tree, "description") == "Ringkasan kebijakan baru pemerintah."
    assert _one(tree, "og:url") == f"{ROOT}{article.url}"
    assert _one(tree, "twitter:card") == "summary_large_image"
    rendition = image.renditions.get(filter_spec=OPEN_GRAPH_SPEC)
    assert _one(tree, "og:image") == f"{ROOT}{rendition.url}" == _one(tree, "twitter:image")
    with rendition.file.open("rb") as handle, PILImage.open(handle) as picture:
        assert picture.size == (1200, 630) and picture.format == "JPEG"
    assert (_one(tree, "og:image:width"), _one(tree, "og:image:height")) == ("1200", "630")
    visible = tree.xpath("//time[@class='published']/@datetime")
    assert _one(tree, "article:published_time") == visible[0] == "2026-03-05T08:30:00+07:00"
    assert _one(tree, "article:modified_time") == visible[0]
    assert _one(tree, "article:section") == "Nasional"
    assert _meta(tree, "article:tag") == ["ekonomi"]
    found = extruct.extract(html, base_url=ROOT + article.url, syntaxes=["opengraph"])
    properties = found["opengraph"][0]["properties"]
    assert ("article:published_time", visible[0]) in properties
    assert ("og:image", f"{ROOT}{rendition.url}") in properties


def test_home_page_canonical_is_the_site_root(client, newsroom):
    _html, tree = _head(client, "/?utm_source=wa")
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{ROOT}/"]
    assert _one(tree, "og:title") == "Warta Uji"
    assert _one(tree, "og:description") == "Kabar dari seluruh Nusantara"


def test_canonical_keeps_only_the_parameters_that_name_the_page(client, newsroom):
    _html, tree = _head(client, "/indeks/?tanggal=2026-03-05&kanal=nasional&utm_source=x")
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [
        f"{ROOT}/indeks/?tanggal=2026-03-05&kanal=nasional"
    ]
    _html, tree = _head(client, "/cari/?q=kebijakan&fbclid=abc")
    assert tree.xpath("//head/link[@rel='canonical']/@href") == [f"{ROOT}/cari/?q=kebijakan"]


def _feeds(tree) -> list[str]:
    return tree.xpath("//head/link[@rel='alternate'][@type='application/rss+xml']/@href")


@pytest.mark.parametrize("name", ["home", "kanal", "tag", "author", "article"])
def test_pages_link_the_site_feed_and_their_own(client, newsroom, name):
    url, _ = _pages(newsroom)[name]
    _html, tree = _head(client, url)
    feeds = _feeds(tree)
    own = {"kanal": "nasional", "tag": "ekonomi", "author": newsroom["writer"].slug}
    assert len(feeds) == (2 if name in own else 1), feeds
    if name in own:
        assert own[name] in feeds[1]
    for href in feeds:
        response = client.get(href)
        assert response.status_code == 200, href
        assert b"<rss" in response.content


def test_not_found_page_still_has_its_head(client, newsroom):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    tree = lxml_html.fromstring(response.content.decode())
    assert len(_feeds(tree)) == 1
    assert not tree.xpath("//head/link[@rel='canonical']")
