"""RSS and Atom feeds, read back with feedparser (what feed readers use) and lxml."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from lxml import etree
from wagtail.models import Site

from warta.articles.models import ArticleAuthor, ArticlePage
from warta.articles.services import publish_article
from warta.images.models import WartaRendition
from warta.masthead.models import SiteSettings
from warta.syndication import feed_queries
from warta.testing.factories import make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

# site, settings, fingerprint, items, bylines, tags, lead renditions, kanal of each item
FEED_QUERIES = 8
# + body images, their renditions, 'Baca Juga' articles, and rich-text page links (their
# ids, then the pages of each type linked: here only articles)
FULL_FEED_QUERIES = FEED_QUERIES + 5
# The page, tag or person a feed is about (a kanal's site is already counted above).
SCOPE_LOOKUP_QUERIES = {"site": 0, "kanal": 1, "tag": 1, "penulis": 1}
# A 304 costs the fingerprint and the lookup (a kanal needs the site for its path).
NOT_MODIFIED_QUERIES = {"site": 1, "kanal": 3, "tag": 2, "penulis": 2}

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
}


@dataclass
class Newsroom:
    politik: ArticlePage  # in the sub-kanal Politik of Nasional, the richest item
    ekonomi: ArticlePage  # in Ekonomi, updated after publication, no lead image
    banjir: ArticlePage  # in Nasional itself, the newest
    budi: object
    sari: object
    dewi: object


PUBLISHED = {
    "ekonomi": datetime(2024, 5, 2, 1, 0, 0, tzinfo=UTC),
    "politik": datetime(2024, 5, 3, 3, 15, 30, tzinfo=UTC),
    "banjir": datetime(2024, 5, 4, 22, 45, 5, tzinfo=UTC),
}
EKONOMI_UPDATED = datetime(2024, 5, 5, 6, 0, 0, tzinfo=UTC)  # the newest time of all


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail remembers renditions in the cache by image id and file hash; ids come
    back after each test's rollback, so a rendition cached by an earlier test would
    keep ``prepare_renditions`` from making this test's rows."""
    cache.clear()


def _settings(**fields) -> SiteSettings:
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in {"site_name": "Warta Uji", "tagline": "Kabar tepercaya", **fields}.items():
        setattr(settings, name, value)
    settings.save()
    return settings


@pytest.fixture
def newsroom(django_capture_on_commit_callbacks) -> Newsroom:
    _settings()
    with django_capture_on_commit_callbacks(execute=True):
        nasional = make_section("Nasional")
        politik = make_section("Politik", parent=nasional)
        ekonomi = make_section("Ekonomi")
        budi, sari = make_person("Budi Santoso"), make_person("Sari Dewanti", role="reporter")
        dewi = make_person("Dewi Lensa", role="fotografer")
        ekonomi_article = make_article(
            title="Rupiah menguat",
            section=ekonomi,
            authors=[budi],
            tags=["ekonomi", "pemilu"],
            summary="",
            paragraphs=("Rupiah ditutup menguat <b>0,5 persen</b> & stabil.", "Paragraf kedua."),
            published_at=PUBLISHED["ekonomi"],
        )
        ArticlePage.objects.filter(pk=ekonomi_article.pk).update(updated_at=EKONOMI_UPDATED)
        body_image = make_image(
            title="Gedung DPR", caption="Gedung DPR di Senayan", credit="Antara"
        )
        politik_article = make_article(
            title="DPR & pemerintah sepakati <RUU> baru",
            section=politik,
            authors=[budi, sari],
            tags=["pemilu", "DPR"],
            summary="Ringkasan: DPR & pemerintah sepakat.",
            lead_image=make_image(caption="Rapat paripurna", credit="Warta/Dewi"),
            published_at=PUBLISHED["politik"],
        )
        ArticleAuthor.objects.create(
            article=politik_article, person=dewi, role="fotografer", sort_order=5
        )
        politik_article.body = [
            (
                "paragraph",
                f'<p>Pembuka dengan <a linktype="page" id="{ekonomi_article.pk}">tautan</a>.</p>',
            ),
            ("heading", {"text": "Isi kesepakatan"}),
            ("image", {"image": body_image, "caption": "", "credit": ""}),
            ("quote", {"quote": "Kami sepakat.", "attribution": "Ketua DPR"}),
            ("read_also", {"article": ekonomi_article, "label": "Baca Juga"}),
            ("paragraph", '<p>Penutup <a href="https://contoh.id/x">luar</a>.</p>'),
        ]
        publish_article(politik_article)
        banjir = make_article(
            title="Banjir di hilir",
            section=nasional,
            authors=[sari],
            tags=["banjir"],
            lead_image=make_image(),
            summary="Air naik.",
            published_at=PUBLISHED["banjir"],
        )
    return Newsroom(politik_article, ekonomi_article, banjir, budi, sari, dewi)


def _feed_urls(newsroom: Newsroom) -> dict[str, list[str]]:
    """Every feed of the newsroom, by scope, with the articles it must carry."""
    return {
        "/feed/{}/": ["banjir", "politik", "ekonomi"],
        "/feed/kanal/nasional/{}/": ["banjir", "politik"],
        "/feed/kanal/nasional/politik/{}/": ["politik"],
        "/feed/kanal/ekonomi/{}/": ["ekonomi"],
        "/feed/tag/pemilu/{}/": ["politik", "ekonomi"],
        f"/feed/penulis/{newsroom.budi.slug}/{{}}/": ["politik", "ekonomi"],
        f"/feed/penulis/{newsroom.dewi.slug}/{{}}/": ["politik"],
    }


def _all_feeds(newsroom):
    for pattern, expected in _feed_urls(newsroom).items():
        for format in ("rss", "atom"):
            for full in (False, True):
                url = pattern.format(format)
                yield (url.replace("/feed/", "/feed/full/", 1) if full else url), expected, full


def _parse(response):
    assert response.status_code == 200, response
    etree.fromstring(response.content)  # well-formed XML, or this raises
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _utc(struct) -> int:
    return calendar.timegm(struct)


def test_every_feed_parses_and_carries_each_items_parts(client, newsroom):
    articles = {"politik": newsroom.politik, "ekonomi": newsroom.ekonomi, "banjir": newsroom.banjir}
    authors = {
        "politik": ["Budi Santoso", "Sari Dewanti"],
        "ekonomi": ["Budi Santoso"],
        "banjir": ["Sari Dewanti"],
    }
    categories = {
        "politik": {"Politik", "pemilu", "DPR"},
        "ekonomi": {"Ekonomi", "ekonomi", "pemilu"},
        "banjir": {"Nasional", "banjir"},
    }
    checked = 0
    for url, expected, full in _all_feeds(newsroom):
        parsed = _parse(client.get(url))
        assert parsed.feed.language == "id" or parsed.feed.get("language") == "id", url
        assert "Warta Uji" in parsed.feed.title
        assert [entry.title for entry in parsed.entries] == [articles[k].title for k in expected]
        for entry, key in zip(parsed.entries, expected, strict=True):
            article = articles[key]
            assert entry.link == f"http://localhost{article.url}"
            assert (
                entry.id
                == f"tag:localhost,{article.first_published_at:%Y-%m-%d}:artikel/{article.pk}"
            )
            assert [a["name"] for a in entry.authors] == authors[key], url
            assert _utc(entry.published_parsed) == int(PUBLISHED[key].timestamp()), url
            assert {tag.term for tag in entry.tags} == categories[key], url
            assert entry.summary
            assert ("content" in entry) == full, url
            if article.lead_image_id:
                rendition = article.lead_image.renditions.get(
                    filter_spec=feed_queries.LEAD_IMAGE_SPEC
                )
                image_url = f"http://localhost{rendition.url}"
                (enclosure,) = entry.enclosures
                assert enclosure.href == image_url and enclosure.type == "image/webp"
                assert int(enclosure.length) == rendition.file.size > 0
                (media,) = entry.media_content
                assert media["url"] == image_url and media["medium"] == "image"
                assert (media["width"], media["height"]) == ("1200", "675")
            else:
                assert not entry.enclosures and "media_content" not in entry
            checked += 1
    assert checked == 2 * 2 * 12


def test_summary_and_update_times_of_an_item(client, newsroom):
    for format in ("rss", "atom"):
        parsed = _parse(client.get(f"/feed/{format}/"))
        by_title = {entry.title: entry for entry in parsed.entries}
        # No editor's summary: the first paragraph's text, escaped once as HTML.
        assert unescape(by_title["Rupiah menguat"].summary) == (
            "Rupiah ditutup menguat 0,5 persen & stabil."
        )
        assert unescape(by_title[newsroom.politik.title].summary) == (
            "Ringkasan: DPR & pemerintah sepakat."
        )
        assert by_title[newsroom.politik.title].title == "DPR & pemerintah sepakati <RUU> baru"
    atom = _parse(client.get("/feed/atom/"))
    ekonomi = next(entry for entry in atom.entries if entry.title == "Rupiah menguat")
    assert _utc(ekonomi.updated_parsed) == int(EKONOMI_UPDATED.timestamp())
    assert _utc(atom.feed.updated_parsed) == int(EKONOMI_UPDATED.timestamp())


def test_rss_markup_carries_namespaces_guids_enclosures_and_zone_offsets(client, newsroom):
    response = client.get("/feed/full/rss/")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = etree.fromstring(response.content)
    channel = root.find("channel")
    assert channel.findtext("title") == "Warta Uji"
    assert channel.findtext("link") == "http://localhost/"
    assert channel.findtext("description") == "Kabar tepercaya"
    assert channel.findtext("language") == "id"
    assert channel.find("atom:link", NS).get("href") == "http://localhost/feed/full/rss/"
    item = next(i for i in channel.findall("item") if i.findtext("title").startswith("DPR"))
    assert item.findtext("pubDate") == "Fri, 03 May 2024 10:15:30 +0700"  # WIB
    assert item.find("guid").get("isPermaLink") == "false"
    assert [c.text for c in item.findall("dc:creator", NS)] == ["Budi Santoso", "Sari Dewanti"]
    assert [c.text for c in item.findall("dc:contributor", NS)] == ["Dewi Lensa"]
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/webp" and int(enclosure.get("length")) > 0
    media = item.find("media:content", NS)
    assert media.get("medium") == "image" and media.get("width") == "1200"
    assert media.findtext("media:title", namespaces=NS) == "Rapat paripurna"
    assert media.findtext("media:credit", namespaces=NS) == "Warta/Dewi"
    assert item.find("content:encoded", NS) is not None


def test_atom_markup_has_an_author_per_person_and_offsets(client, newsroom):
    response = client.get("/feed/atom/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    entry = next(
        e
        for e in root.findall("atom:entry", NS)
        if e.findtext("atom:title", namespaces=NS)[:3] == "DPR"
    )
    assert entry.findtext("atom:published", namespaces=NS) == "2024-05-03T10:15:30+07:00"
    names = [a.findtext("atom:name", namespaces=NS) for a in entry.findall("atom:author", NS)]
    assert names == ["Budi Santoso", "Sari Dewanti"]
    uris = [a.findtext("atom:uri", namespaces=NS) for a in entry.findall("atom:author", NS)]
    assert uris[0] == f"http://localhost/penulis/{newsroom.budi.slug}/"
    assert entry.find("atom:contributor", NS).findtext("atom:name", namespaces=NS) == "Dewi Lensa"
    assert entry.find("atom:content", NS) is None  # summary feed


def test_dates_follow_the_sites_zone_and_keep_the_instant(client, newsroom):
    _settings(time_zone="WIT")
    root = etree.fromstring(client.get("/feed/rss/").content)
    item = next(i for i in root.iter("item") if i.findtext("title").startswith("DPR"))
    assert item.findtext("pubDate") == "Fri, 03 May 2024 12:15:30 +0900"


def test_full_text_has_every_block_with_absolute_addresses(client, newsroom):
    parsed = _parse(client.get("/feed/full/atom/"))
    entry = next(e for e in parsed.entries if e.title.startswith("DPR"))
    html = entry.content[0].value
    ekonomi_url = f"http://localhost{newsroom.ekonomi.url}"
    assert "Warta Uji" in html  # the dateline opens the first paragraph
    assert f'href="{ekonomi_url}"' in html  # rich-text page link, made absolute
    assert "<h2>Isi kesepakatan</h2>" in html
    assert 'src="http://localhost/media/images/' in html and "fill-800x450" in html
    assert "Gedung DPR di Senayan | Foto: Antara" in html
    assert "Kami sepakat." in html and "Ketua DPR" in html
    assert "Baca Juga:" in html and html.count(ekonomi_url) == 2
    assert 'href="https://contoh.id/x"' in html
    assert 'href="/' not in html and 'src="/' not in html


def test_feeds_never_make_renditions(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        image = make_image()  # its renditions are never prepared
    article = make_article(lead_image=image)
    before = WartaRendition.objects.count()
    parsed = _parse(client.get("/feed/full/rss/"))
    assert WartaRendition.objects.count() == before
    # No enclosure rather than the stored original, which is never public.
    assert parsed.entries[0].enclosures == []
    assert b"original_images" not in client.get("/feed/full/rss/").content
    assert article.title == parsed.entries[0].title


def test_a_feed_carries_the_newest_items_only(client, newsroom, monkeypatch):
    monkeypatch.setattr(feed_queries, "FEED_LENGTH", 2)
    parsed = _parse(client.get("/feed/rss/"))
    assert [e.title for e in parsed.entries] == [newsroom.banjir.title, newsroom.politik.title]


def test_a_person_credited_twice_is_named_once(client):
    rina = make_person("Rina Kusuma")
    article = make_article(title="Hutan bakau", authors=[rina])
    ArticleAuthor.objects.create(article=article, person=rina, role="fotografer", sort_order=1)
    parsed = _parse(client.get(f"/feed/penulis/{rina.slug}/atom/"))
    (entry,) = parsed.entries
    assert [a["name"] for a in entry.authors] == ["Rina Kusuma"]


def test_an_author_without_articles_has_an_empty_feed(client):
    rina = make_person("Rina Kusuma")
    parsed = _parse(client.get(f"/feed/penulis/{rina.slug}/rss/"))
    assert parsed.entries == [] and parsed.feed.title == "Rina Kusuma - Warta Nusantara"


# Conditional requests ------------------------------------------------------------


def test_last_modified_is_the_newest_item_time_and_304s_follow(client, newsroom):
    response = client.get("/feed/rss/")
    assert response["Last-Modified"] == http_date(EKONOMI_UPDATED.timestamp())
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    by_etag = client.get("/feed/rss/", headers={"if-none-match": etag})
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get("/feed/rss/", headers={"if-modified-since": response["Last-Modified"]})
    assert by_date.status_code == 304
    older = http_date(EKONOMI_UPDATED.timestamp() - 60)
    assert client.get("/feed/rss/", headers={"if-modified-since": older}).status_code == 200
    assert client.get("/feed/rss/", headers={"if-none-match": '"lain"'}).status_code == 200


def test_a_new_publish_changes_the_etag(client, newsroom):
    urls = (
        "/feed/rss/",
        "/feed/full/atom/",
        "/feed/kanal/nasional/politik/rss/",
        "/feed/tag/pemilu/atom/",
    )
    etags = {url: client.get(url)["ETag"] for url in urls}
    make_article(
        title="Berita baru",
        section=newsroom.politik.get_parent(),
        tags=["pemilu"],
        published_at=datetime(2024, 5, 6, tzinfo=UTC),
    )
    for url, etag in etags.items():
        response = client.get(url, headers={"if-none-match": etag})
        assert response.status_code == 200 and response["ETag"] != etag, url
        assert _parse(response).entries[0].title == "Berita baru"


def test_an_edit_or_an_unpublish_changes_the_etag(client, newsroom):
    first = client.get("/feed/rss/")["ETag"]
    newsroom.ekonomi.title = "Rupiah menguat tajam"
    publish_article(newsroom.ekonomi)  # a quick fix-up: no new update time, still new bytes
    second = client.get("/feed/rss/", headers={"if-none-match": first})
    assert second.status_code == 200 and b"Rupiah menguat tajam" in second.content
    newsroom.banjir.unpublish()
    third = client.get("/feed/rss/", headers={"if-none-match": second["ETag"]})
    assert third.status_code == 200 and b"Banjir di hilir" not in third.content


def test_head_is_answered_and_other_methods_are_not(client, newsroom):
    head = client.head("/feed/atom/")
    assert head.status_code == 200 and head["ETag"] == client.get("/feed/atom/")["ETag"]
    assert client.post("/feed/atom/").status_code == 405


# Bad input -------------------------------------------------------------------------


UNKNOWN_FEEDS = [
    "/feed/kanal/tidak-ada/rss/",
    "/feed/kanal/politik/rss/",  # a sub-kanal only under its parent's path
    "/feed/kanal/nasional/politik/lain/atom/",
    "/feed/kanal/nasional//rss/",
    "/feed/kanal/nasional%00/rss/",
    "/feed/kanal/" + "a/" * 300 + "rss/",
    "/feed/tag/tidak-ada/atom/",
    "/feed/tag/%00/rss/",
    "/feed/tag/a%27%22%3Cb/rss/",
    "/feed/tag/" + "a" * 300 + "/rss/",
    "/feed/tag/banjir-lama/rss/",  # only an unpublished article
    "/feed/penulis/tidak-ada/rss/",
    "/feed/full/penulis/tidak-ada/atom/",
    "/feed/json/",
    "/feed/full/",
    "/feed/",
]


def test_unknown_feeds_are_404s(client, newsroom):
    make_article(tags=["banjir-lama"]).unpublish()
    for url in UNKNOWN_FEEDS:
        assert client.get(url).status_code == 404, url


def test_an_unpublished_kanal_has_no_feed(client, newsroom):
    newsroom.ekonomi.get_parent().unpublish()
    assert client.get("/feed/kanal/ekonomi/rss/").status_code == 404


def test_query_strings_give_the_canonical_bytes(client, newsroom):
    queries = ["?full=1", "?page=2&format=atom", "?page=x", "?utm_medium=%00", "?" + "a=1&" * 200]
    for url in (
        "/feed/rss/",
        "/feed/full/atom/",
        "/feed/kanal/nasional/rss/",
        "/feed/tag/pemilu/atom/",
    ):
        canonical = client.get(url)
        for query in queries:
            other = client.get(url + query)
            assert other.status_code == 200, url + query
            assert other.content == canonical.content and other["ETag"] == canonical["ETag"]


# Query counts ---------------------------------------------------------------------------


def _count(client, url, **headers) -> tuple[int, int]:
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response.status_code, len(queries)


def _scoped_urls(newsroom):
    return {
        "site": "/feed/{}/",
        "kanal": "/feed/kanal/nasional/{}/",
        "tag": "/feed/tag/pemilu/{}/",
        "penulis": f"/feed/penulis/{newsroom.budi.slug}/{{}}/",
    }


def _more_articles(newsroom, n: int, django_capture_on_commit_callbacks):
    """``n`` more articles like the richest one in every scope, each with a lead image,
    two authors, tags and a full body."""
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(n):
            article = make_article(
                section=newsroom.politik.get_parent(),
                authors=[newsroom.budi, newsroom.sari],
                tags=["pemilu", "lain"],
                lead_image=make_image(),
                published_at=datetime(2024, 5, 1, tzinfo=UTC),
            )
            article.body = newsroom.politik.body
            publish_article(article)


def test_query_counts_are_pinned_and_do_not_grow_with_items(
    client, newsroom, django_capture_on_commit_callbacks
):
    def counts():
        result = {}
        for scope, pattern in _scoped_urls(newsroom).items():
            for format in ("rss", "atom"):
                url = pattern.format(format)
                full_url = url.replace("/feed/", "/feed/full/", 1)
                lookup = SCOPE_LOOKUP_QUERIES[scope]
                result[url] = (_count(client, url), (200, FEED_QUERIES + lookup))
                result[full_url] = (_count(client, full_url), (200, FULL_FEED_QUERIES + lookup))
        return result

    small = counts()
    for url, (measured, expected) in small.items():
        assert measured == expected, url
    _more_articles(newsroom, 4, django_capture_on_commit_callbacks)
    assert counts() == small


def test_a_304_costs_one_small_query_plus_the_lookup(client, newsroom):
    for scope, pattern in _scoped_urls(newsroom).items():
        url = pattern.format("rss")
        etag = client.get(url)["ETag"]
        status, queries = _count(client, url, **{"if-none-match": etag})
        assert (status, queries) == (304, NOT_MODIFIED_QUERIES[scope]), url


# {% feed_links %} ---------------------------------------------------------------------------


def _links(context: dict, request_context: bool = True) -> str:
    request = RequestFactory().get("/")
    template = Template("{% load syndication_feeds %}{% feed_links %}")
    if request_context:
        return template.render(RequestContext(request, context))
    return template.render(Context({"request": request, **context}))


def test_feed_links_name_the_site_feed_everywhere(newsroom):
    expected = (
        '<link rel="alternate" type="application/rss+xml" title="Warta Uji" href="/feed/rss/">'
    )
    assert _links({}) == expected
    assert _links({"page": newsroom.politik}) == expected  # an article page
    assert _links({}, request_context=False) == expected  # without the masthead processor


def test_feed_links_add_the_kanal_tag_or_author_feed(client, newsroom):
    kanal = newsroom.politik.get_parent().specific
    tag = newsroom.politik.tags.get(slug="pemilu")
    cases = [
        ({"page": kanal}, "Politik - Warta Uji", "/feed/kanal/nasional/politik/rss/"),
        ({"tag": tag}, "#pemilu - Warta Uji", "/feed/tag/pemilu/rss/"),
        (
            {"person": newsroom.budi},
            "Budi Santoso - Warta Uji",
            f"/feed/penulis/{newsroom.budi.slug}/rss/",
        ),
    ]
    for context, title, href in cases:
        html = _links(context)
        lines = html.splitlines()
        assert len(lines) == 2 and 'href="/feed/rss/"' in lines[0]
        assert lines[1] == (
            f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{href}">'
        )
        assert _parse(client.get(href)).feed.title == title


def test_a_tag_with_a_unicode_slug_has_a_feed(client):
    from taggit.models import Tag

    from warta.syndication.feeds import feed_path

    make_article(title="Kedai kopi", tags=["Kopi Café"])
    tag = Tag.objects.get(name="Kopi Café")
    url = feed_path("tag", "atom", slug=tag.slug)
    assert url == "/feed/tag/kopi-caf%C3%A9/atom/"
    parsed = _parse(client.get(url))
    assert [e.title for e in parsed.entries] == ["Kedai kopi"]
    assert parsed.feed.title == "#Kopi Café - Warta Nusantara"


def test_control_characters_emoji_and_mixed_scripts_give_well_formed_feeds(client):
    """Pasted text carries what XML 1.0 forbids (vertical tab, NUL, form feed) beside
    emoji and other scripts: the feeds drop the forbidden characters and keep the rest."""
    make_article(
        title="Banjir \x0bbandang 🌊 di Garut\x08 — 洪水 بنجير",
        summary="Ringkasan\x0c dengan emoji 🙏 dan aksara Jawa ꦧꦚ꧀ꦗꦶꦂ",
        paragraphs=("Isi\x01 berita dengan 👍 dan Ελληνικά.", "Paragraf kedua."),
        tags=["banjir"],
    )
    for url in ("/feed/rss/", "/feed/atom/", "/feed/full/rss/", "/feed/tag/banjir/atom/"):
        response = client.get(url)
        assert response.status_code == 200, url
        etree.fromstring(response.content)  # well-formed, or this raises
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        title = parsed.entries[0].title
        assert title == "Banjir bandang 🌊 di Garut — 洪水 بنجير", url
