"""Sitemap index, its pages and the Google News sitemap, each checked against the
published XML Schemas with lxml."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from warta.images.services import prepare_renditions
from warta.masthead.models import GuidelinePage, SiteSettings
from warta.syndication import sitemaps
from warta.testing.factories import home_page, make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

NS = {"s": sitemaps.SITEMAP_NS, "image": sitemaps.IMAGE_NS, "news": sitemaps.NEWS_NS}
BASE = "http://testserver"


# Schemas -------------------------------------------------------------------------


def _schema_dir() -> Path:
    """../shared/schemas next to the repository (the folder holding pyproject.toml)."""
    repo = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists())
    schemas = repo.parent / "shared" / "schemas"
    if not (schemas / "sitemap.xsd").exists():
        pytest.skip(f"the sitemap XML Schemas are not at {schemas} (CI always has them)")
    return schemas


@pytest.fixture(scope="module")
def urlset_schema() -> etree.XMLSchema:
    """sitemaps.org's urlset with the Google image and news extensions.

    The extension schemas declare only their own elements, and sitemap.xsd lets
    ``<url>`` hold elements of other namespaces with ``processContents="strict"``:
    those must be declared in the same schema set. So one schema without a target
    namespace imports all three, and lxml validates extensions strictly too.
    """
    schemas = _schema_dir()
    imports = "".join(
        f'<xsd:import namespace="{ns}" schemaLocation="{(schemas / name).as_uri()}"/>'
        for ns, name in (
            (sitemaps.SITEMAP_NS, "sitemap.xsd"),
            (sitemaps.IMAGE_NS, "sitemap-image.xsd"),
            (sitemaps.NEWS_NS, "sitemap-news.xsd"),
        )
    )
    combined = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(combined.encode()))


@pytest.fixture(scope="module")
def index_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(_schema_dir() / "siteindex.xsd")))


def _valid(schema: etree.XMLSchema, body: bytes) -> etree._Element:
    document = etree.fromstring(body)
    assert schema.validate(document), schema.error_log
    return document


def _get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    if status != 200:
        return response, b""
    assert response.streaming, "sitemaps are streamed"
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return response, b"".join(response.streaming_content)


def _urlset(client, schema, url: str) -> dict[str, etree._Element]:
    """The ``<url>`` elements of a valid urlset, by their ``<loc>``."""
    document = _valid(schema, _get(client, url)[1])
    return {u.findtext("s:loc", namespaces=NS): u for u in document.findall("s:url", NS)}


def _index(client, schema) -> dict[str, str]:
    """Sitemap URL -> lastmod of a valid sitemap index."""
    document = _valid(schema, _get(client, "/sitemap.xml")[1])
    return {
        s.findtext("s:loc", namespaces=NS): s.findtext("s:lastmod", namespaces=NS)
        for s in document.findall("s:sitemap", NS)
    }


def test_the_combined_schema_checks_extensions_strictly(urlset_schema):
    """Guard for every test below: an invalid extension element must fail."""
    bad = (
        f'<urlset xmlns="{sitemaps.SITEMAP_NS}" xmlns:image="{sitemaps.IMAGE_NS}">'
        "<url><loc>http://testserver/a/</loc>"
        "<image:image><image:caption>no loc</image:caption></image:image></url></urlset>"
    )
    assert not urlset_schema.validate(etree.fromstring(bad.encode()))
    unknown = bad.replace("<image:caption>no loc</image:caption>", "<image:loc>x</image:loc>")
    unknown = unknown.replace(sitemaps.IMAGE_NS, "urn:not-declared")
    assert not urlset_schema.validate(etree.fromstring(unknown.encode()))


# Index and pages ----------------------------------------------------------------


def test_index_lists_a_page_of_each_kind_with_its_lastmod(client, index_schema, urlset_schema):
    writer = make_person("Rina Wulandari")
    moment = timezone.now() - timedelta(days=2)
    make_article(authors=[writer], tags=["banjir"], published_at=moment - timedelta(hours=5))
    make_article(authors=[writer], tags=["banjir"], published_at=moment)
    index = _index(client, index_schema)
    assert set(index) == {f"{BASE}/sitemap-{kind}-1.xml" for kind in sitemaps.KINDS}
    for loc, lastmod in index.items():
        urls = _urlset(client, urlset_schema, loc.removeprefix(BASE))
        newest = max(u.findtext("s:lastmod", namespaces=NS) for u in urls.values())
        assert lastmod == newest, loc
    assert index[f"{BASE}/sitemap-tags-1.xml"] == sitemaps.isoformat(moment.replace(microsecond=0))


def test_article_page_lists_live_public_articles_with_lead_image(client, urlset_schema):
    image = make_image()
    prepare_renditions(image.pk)
    with_rendition = make_article(lead_image=image)
    plain = make_article()
    draft = make_article(publish=False, live=False)
    unpublished = make_article()
    unpublished.unpublish()
    private_section = make_section("Premium")
    private = make_article(section=private_section)
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")

    urls = _urlset(client, urlset_schema, "/sitemap-articles-1.xml")
    assert set(urls) == {BASE + with_rendition.url, BASE + plain.url}
    assert not {draft.url, unpublished.url, private.url} & {u[len(BASE) :] for u in urls}

    image_loc = urls[BASE + with_rendition.url].findtext("image:image/image:loc", namespaces=NS)
    rendition = image.renditions.get(filter_spec=sitemaps.IMAGE_SPEC)
    assert image_loc == BASE + rendition.url and "fill-1200x675" in image_loc
    assert urls[BASE + plain.url].find("image:image", NS) is None


def test_lead_image_without_rendition_never_lists_the_original(client, urlset_schema):
    image = make_image()
    article = make_article(lead_image=image)
    urls = _urlset(client, urlset_schema, "/sitemap-articles-1.xml")
    assert urls[BASE + article.url].find("image:image", NS) is None  # originals are private


@pytest.mark.parametrize(
    ("published_days_ago", "republished_days_ago", "expected"),
    [
        (3, 1, "republished"),  # an update (or a fix-up) is a change to crawl again
        (3, None, "published"),  # never republished through Wagtail (an import)
        (1, 3, "published"),  # publication time set after the last publish
    ],
)
def test_article_lastmod_is_its_last_publication_in_the_site_zone(
    client, urlset_schema, published_days_ago, republished_days_ago, expected
):
    now = timezone.now().replace(microsecond=0)
    times = {
        "published": now - timedelta(days=published_days_ago),
        "republished": republished_days_ago and now - timedelta(days=republished_days_ago),
    }
    article = make_article(published_at=times["published"])
    Page.objects.filter(pk=article.pk).update(last_published_at=times["republished"])
    urls = _urlset(client, urlset_schema, "/sitemap-articles-1.xml")
    lastmod = urls[BASE + article.url].findtext("s:lastmod", namespaces=NS)
    assert lastmod.endswith("+07:00")
    assert lastmod == times[expected].astimezone(timezone.get_fixed_timezone(420)).isoformat()


def test_sections_page_lists_home_and_kanal_with_newest_article(client, urlset_schema):
    nasional = make_section("Nasional")
    daerah = make_section("Daerah", parent=nasional)
    empty = make_section("Olahraga")
    moment = timezone.now().replace(microsecond=0) - timedelta(days=1)
    make_article(section=daerah, published_at=moment)
    make_article(section=nasional, published_at=moment - timedelta(days=5))
    long_ago = moment - timedelta(days=30)
    Page.objects.filter(pk__in=[p.pk for p in (home_page(), nasional, daerah)]).update(
        last_published_at=long_ago
    )

    urls = _urlset(client, urlset_schema, "/sitemap-sections-1.xml")
    # The other non-article pages are listed too, e.g. the Pedoman Media Siber page.
    guideline = GuidelinePage.objects.get()
    assert set(urls) == {BASE + p.url for p in (home_page(), nasional, daerah, empty, guideline)}
    expected = sitemaps.isoformat(moment)
    for page in (home_page(), nasional, daerah):
        assert urls[BASE + page.url].findtext("s:lastmod", namespaces=NS) == expected
    empty.refresh_from_db()
    empty_lastmod = urls[BASE + empty.url].findtext("s:lastmod", namespaces=NS)
    assert empty_lastmod == sitemaps.isoformat(empty.last_published_at.replace(microsecond=0))


def test_tags_and_authors_pages_list_only_those_with_live_articles(client, urlset_schema):
    active, idle = make_person("Rina Wulandari"), make_person("Budi Santoso")
    make_article(authors=[active], tags=["banjir", "Harga Pangan"])
    make_article(authors=[idle], tags=["kebakaran"]).unpublish()

    tags = _urlset(client, urlset_schema, "/sitemap-tags-1.xml")
    assert set(tags) == {f"{BASE}/tag/banjir/", f"{BASE}/tag/harga-pangan/"}
    authors = _urlset(client, urlset_schema, "/sitemap-authors-1.xml")
    assert set(authors) == {BASE + active.get_absolute_url()}
    for loc in list(tags) + list(authors):
        assert client.get(loc.removeprefix(BASE)).status_code == 200, loc


def test_unicode_slugs_are_percent_encoded(client, urlset_schema):
    section = make_section("Kabar", slug="kabar")
    article = make_article(section=section, tags=["Jalan Rusak"])
    type(article).objects.filter(pk=article.pk).update(
        slug="jalan-ü", url_path=f"{section.url_path}jalan-ü/"
    )
    urls = _urlset(client, urlset_schema, "/sitemap-articles-1.xml")
    assert f"{BASE}/kabar/jalan-%C3%BC/" in urls


# Paging --------------------------------------------------------------------------


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 3)
    return 3


def test_article_pages_are_id_ranges_at_the_limit(client, index_schema, urlset_schema, small_pages):
    make_section("Nasional")
    articles = [make_article() for _ in range(7)]
    by_page: dict[int, set[str]] = {}
    for article in articles:
        by_page.setdefault((article.pk - 1) // small_pages + 1, set()).add(BASE + article.url)
    assert any(len(locs) == small_pages for locs in by_page.values()), "a full page is tested"

    index = _index(client, index_schema)
    listed = {int(loc.rsplit("-", 1)[1][:-4]) for loc in index if "-articles-" in loc}
    assert listed == set(by_page)
    for page, locs in by_page.items():
        assert set(_urlset(client, urlset_schema, f"/sitemap-articles-{page}.xml")) == locs
    _get(client, f"/sitemap-articles-{max(by_page) + 1}.xml", status=404)


def test_every_page_of_every_kind_is_in_the_index_with_its_lastmod(
    client, index_schema, urlset_schema, small_pages
):
    """With pages of three, tags and authors span several pages too; one range holds
    only a tag whose article was unpublished, and must be left out."""
    now = timezone.now()
    people = [make_person() for _ in range(7)]
    for n in range(8):
        make_article(
            authors=[people[n % 7]],
            tags=[f"topik {n}", f"topik {n + 1}"],
            published_at=now - timedelta(hours=30 - n),
        )
    for tag in (f"gone {n}" for n in range(small_pages + 1)):
        make_article(tags=[tag]).unpublish()
    make_article(tags=["topik 0"])  # reaches past the unpublished tags' range again

    index = _index(client, index_schema)
    listed = {}
    for loc, lastmod in index.items():
        urls = _urlset(client, urlset_schema, loc.removeprefix(BASE))
        assert 0 < len(urls) <= small_pages, loc
        assert lastmod == max(u.findtext("s:lastmod", namespaces=NS) for u in urls.values())
        listed.update(urls)
    assert {f"{BASE}/tag/topik-{n}/" for n in range(9)} <= set(listed)
    assert not any("/tag/gone-" in loc for loc in listed)
    assert {BASE + p.get_absolute_url() for p in people} <= set(listed)
    assert sum("-tags-" in loc for loc in index) >= 3
    assert sum("-authors-" in loc for loc in index) >= 3


def test_earlier_pages_do_not_shift_when_articles_arrive(client, urlset_schema, small_pages):
    make_section("Nasional")
    first = make_article()
    page = (first.pk - 1) // small_pages + 1
    while make_article().pk <= page * small_pages:  # fill the page's id range
        pass
    before = _get(client, f"/sitemap-articles-{page}.xml")[1]
    for _ in range(small_pages * 2):
        make_article(published_at=timezone.now())
    assert _get(client, f"/sitemap-articles-{page}.xml")[1] == before


def test_an_empty_range_inside_the_archive_is_a_404(client, small_pages):
    make_section("Nasional")
    articles = [make_article() for _ in range(small_pages * 3)]
    page = (articles[small_pages].pk - 1) // small_pages + 1
    for article in articles:
        if (article.pk - 1) // small_pages + 1 == page:
            article.unpublish()
    _get(client, f"/sitemap-articles-{page}.xml", status=404)


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-kolom-1.xml",  # unknown kind
        "/sitemap-articles-0.xml",
        "/sitemap-articles-01.xml",  # one address per page
        "/sitemap-articles-2.xml",  # past the end
        "/sitemap-articles-" + "9" * 10 + ".xml",
        "/sitemap-articles-x.xml",
        "/sitemap-articles.xml",
    ],
)
def test_unknown_kind_or_page_is_a_404(client, url):
    make_article()
    assert client.get(url).status_code == 404


def test_query_strings_are_ignored(client):
    make_article(tags=["banjir"])
    for url in ("/sitemap.xml", "/sitemap-articles-1.xml", "/sitemap-news.xml"):
        plain = _get(client, url)[1]
        assert _get(client, f"{url}?p=2&page=3&kind=tags")[1] == plain


def test_head_sends_headers_only(client):
    make_article()
    response = client.head("/sitemap-articles-1.xml")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b""


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        _get(client, url)
    return len(queries)


def test_query_count_does_not_grow_with_the_site(client):
    """Each document is a fixed number of queries, however many rows it lists."""
    urls = [
        "/sitemap.xml",
        "/sitemap-news.xml",
        *(f"/sitemap-{kind}-1.xml" for kind in sitemaps.KINDS),
    ]

    def add_articles(n):
        section = make_section(f"Kanal {n}", slug=f"kanal-{n}")
        image = make_image()
        prepare_renditions(image.pk)
        for i in range(n):
            make_article(
                section=section,
                authors=[make_person(), make_person()],
                tags=[f"tag {n} {i}", "bersama"],
                lead_image=image if i % 2 else None,
            )

    add_articles(1)
    for url in urls:  # settings rows and caches made on first use are not counted
        _get(client, url)
    small = {url: _queries(client, url) for url in urls}
    add_articles(6)
    assert {url: _queries(client, url) for url in urls} == small


# Google News sitemap -----------------------------------------------------------


def test_news_sitemap_lists_the_last_48_hours(client, urlset_schema):
    now = timezone.now()
    fresh = make_article(
        title="Banjir & longsor <Garut>\x0b", published_at=now - timedelta(hours=1)
    )
    edge = make_article(published_at=now - timedelta(hours=47, minutes=50))
    old = make_article(published_at=now - timedelta(hours=48, minutes=10))
    SiteSettings.objects.update_or_create(
        site=home_page().get_site(), defaults={"site_name": "Kabar Timur", "time_zone": "WIT"}
    )

    urls = _urlset(client, urlset_schema, "/sitemap-news.xml")
    assert list(urls) == [BASE + fresh.url, BASE + edge.url]  # newest first
    assert BASE + old.url not in urls
    news = urls[BASE + fresh.url].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Kabar Timur"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "id"
    assert news.findtext("news:title", namespaces=NS) == "Banjir & longsor <Garut>"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published.endswith("+09:00")  # the site's zone, WIT
    expected = fresh.published_at.replace(microsecond=0)
    assert published == expected.astimezone(timezone.get_fixed_timezone(540)).isoformat()


def test_news_sitemap_is_capped(client, urlset_schema, monkeypatch):
    assert sitemaps.NEWS_LIMIT == 1000
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
    now = timezone.now()
    articles = [make_article(published_at=now - timedelta(minutes=n)) for n in range(5)]
    urls = _urlset(client, urlset_schema, "/sitemap-news.xml")
    assert list(urls) == [BASE + a.url for a in articles[:3]]


def test_news_sitemap_without_recent_news_is_an_empty_urlset(client):
    make_article(published_at=timezone.now() - timedelta(days=3))
    document = etree.fromstring(_get(client, "/sitemap-news.xml")[1])
    assert document.tag == f"{{{sitemaps.SITEMAP_NS}}}urlset" and len(document) == 0


# Limits of one file --------------------------------------------------------------


def test_a_file_stays_within_the_byte_limit(urlset_schema, monkeypatch, caplog):
    entry = "<url><loc>http://testserver/berita/{}/</loc></url>\n"
    monkeypatch.setattr(sitemaps, "MAX_BYTES", 400)
    body = b"".join(
        sitemaps.encode(
            sitemaps.urlset_head(), (entry.format(n) for n in range(100)), "</urlset>\n", "uji"
        )
    )
    assert len(body) <= 400
    assert 0 < len(_valid(urlset_schema, body)) < 100
    assert "left out" in caplog.text


def test_an_overlong_loc_is_left_out(urlset_schema, caplog):
    long_loc = "http://testserver/" + "a" * sitemaps.MAX_LOC
    entries = [
        f"<url><loc>{long_loc}</loc></url>\n",
        "<url><loc>http://testserver/b/</loc></url>\n",
    ]
    body = b"".join(sitemaps.encode(sitemaps.urlset_head(), iter(entries), "</urlset>\n", "uji"))
    assert len(_valid(urlset_schema, body)) == 1
    assert "left out" in caplog.text
