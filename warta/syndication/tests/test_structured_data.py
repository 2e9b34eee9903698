"""The JSON-LD of article and home pages, read back by extruct as search engines do."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import extruct
import pytest
from django.core.cache import cache
from lxml import html as lxml_html
from PIL import Image as PILImage
from wagtail.models import Site

from warta.articles.services import add_correction
from warta.images.services import (
    AS_UPLOADED_SPEC,
    OPEN_GRAPH_SPEC,
    STRUCTURED_DATA_SPECS,
    prepare_renditions,
)
from warta.masthead.models import SiteSettings
from warta.syndication import structured_data as sd
from warta.testing.factories import (
    home_page,
    make_article,
    make_image,
    make_person,
    make_section,
)

pytestmark = pytest.mark.django_db

# Absolute URLs are built on the site's public address, as canonical links are; the
# test site is Wagtail's default one.
ROOT = "http://localhost"


@pytest.fixture(autouse=True)
def _empty_rendition_cache():
    """Image ids come round again after a rollback; renditions cached by an earlier
    test must not stand in for this test's, nor this test's for a later one's."""
    cache.clear()
    yield
    cache.clear()


PUBLISHED = datetime(2026, 3, 5, 1, 30, tzinfo=UTC)
UPDATED = PUBLISHED + timedelta(hours=3, minutes=7)


def _settings(zone: str = "WIB") -> SiteSettings:
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Warta Uji"
    settings.time_zone = zone
    settings.save()
    return settings


def _story(**fields):
    """A republished story in a sub-kanal, two writers, tags and a big lead image."""
    image = make_image(width=2000, height=1500)
    prepare_renditions(image.pk)
    kanal = make_section("Nasional")
    sub = make_section("Hukum", parent=kanal)
    writers = [make_person("Ani Wulandari"), make_person("Budi Santoso")]
    article = make_article(
        title="Pemerintah umumkan kebijakan baru",
        section=sub,
        authors=writers,
        published_at=PUBLISHED,
        tags=["ekonomi", "kebijakan"],
        lead_image=image,
        summary="Ringkasan kebijakan baru pemerintah.",
        source_name="Kabar Daerah",
        source_url="https://kabar.example/asli",
        **fields,
    )
    article.updated_at = UPDATED
    article.save(update_fields=["updated_at"])
    return article, image, kanal, sub, writers


def _extract(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    data = extruct.extract(
        html, base_url=ROOT + url, syntaxes=["json-ld", "opengraph"], uniform=True
    )
    return html, data


def _of_type(items, kind):
    """The one item of type ``kind``, looking inside ``@graph`` lists too."""
    flat = [part for item in items for part in item.get("@graph", [item])]
    found = [item for item in flat if item.get("@type") == kind]
    assert len(found) == 1, [item.get("@type") for item in items]
    return found[0]


@pytest.mark.parametrize(("zone", "offset"), [("WIB", 7), ("WITA", 8), ("WIT", 9)])
def test_news_article_dates_carry_the_site_zone_and_match_the_page(client, zone, offset):
    _settings(zone)
    article, *_ = _story()
    html, data = _extract(client, article.url)
    news = _of_type(data["json-ld"], "NewsArticle")
    published = datetime.fromisoformat(news["datePublished"])
    modified = datetime.fromisoformat(news["dateModified"])
    assert published == PUBLISHED and modified == UPDATED
    assert published.utcoffset() == modified.utcoffset() == timedelta(hours=offset)
    assert news["datePublished"].endswith(f"+0{offset}:00")
    tree = lxml_html.fromstring(html)
    assert tree.xpath("//time[@class='published']/@datetime") == [news["datePublished"]]
    assert tree.xpath("//span[@class='updated']/time/@datetime") == [news["dateModified"]]


def test_news_article_has_every_property(client):
    _settings("WIB")
    article, image, kanal, sub, writers = _story()
    _html, data = _extract(client, article.url)
    news = _of_type(data["json-ld"], "NewsArticle")
    url = f"{ROOT}{article.url}"
    assert news["headline"] == "Pemerintah umumkan kebijakan baru"
    assert news["description"] == "Ringkasan kebijakan baru pemerintah."
    assert news["inLanguage"] == "id"
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert news["articleSection"] == "Hukum"
    assert news["keywords"] == ["ekonomi", "kebijakan"]
    assert news["author"] == [
        {
            "@type": "Person",
            "name": person.name,
            "url": f"{ROOT}{person.get_absolute_url()}",
        }
        for person in writers
    ]
    publisher = news["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "Warta Uji"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].endswith(".png")
    assert client.get(publisher["logo"]["url"].removeprefix(ROOT)).status_code == 200
    assert news["isBasedOn"] == {
        "@type": "CreativeWork",
        "url": "https://kabar.example/asli",
        "publisher": {"@type": "Organization", "name": "Kabar Daerah"},
    }
    assert "correction" not in news


def test_news_article_images_are_the_three_ratios_at_least_1200_wide(client):
    _settings()
    article, image, *_ = _story()
    _html, data = _extract(client, article.url)
    news = _of_type(data["json-ld"], "NewsArticle")
    renditions = {f"{ROOT}{r.url}": r for r in image.renditions.all()}
    assert len(news["image"]) == 3
    ratios = []
    for url, spec in zip(news["image"], STRUCTURED_DATA_SPECS, strict=True):
        rendition = renditions[url]
        assert rendition.filter_spec == spec
        with rendition.file.open("rb") as handle, PILImage.open(handle) as picture:
            width, height = picture.size
            assert picture.format == "JPEG"
        assert width >= 1200
        ratios.append(round(width / height, 2))
    assert ratios == [round(16 / 9, 2), round(4 / 3, 2), 1.0]


def test_corrections_are_correction_comments(client):
    _settings("WITA")
    article, *_ = _story()
    add_correction(article, "Nama menteri sebelumnya salah ditulis.")
    add_correction(article, "Angka anggaran diperbaiki menjadi Rp 5 triliun.")
    _html, data = _extract(client, article.url)
    news = _of_type(data["json-ld"], "NewsArticle")
    corrections = news["correction"]
    assert [c["text"] for c in corrections] == [
        "Nama menteri sebelumnya salah ditulis.",
        "Angka anggaran diperbaiki menjadi Rp 5 triliun.",
    ]
    for entry, stored in zip(corrections, article.corrections.all(), strict=True):
        assert entry["@type"] == "CorrectionComment"
        moment = datetime.fromisoformat(entry["datePublished"])
        assert moment == stored.created_at.replace(microsecond=0)
        assert moment.utcoffset() == timedelta(hours=8)


def test_breadcrumbs_run_from_home_through_kanal_and_sub_kanal(client):
    _settings()
    article, _image, kanal, sub, _ = _story()
    _html, data = _extract(client, article.url)
    crumbs = _of_type(data["json-ld"], "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Beranda", f"{ROOT}/"),
        (2, "Nasional", f"{ROOT}{kanal.url}"),
        (3, "Hukum", f"{ROOT}{sub.url}"),
        (4, article.title, f"{ROOT}{article.url}"),
    ]


def test_a_story_that_is_not_republished_has_no_is_based_on(client):
    _settings()
    article = make_article(section=make_section("Nasional"))
    _html, data = _extract(client, article.url)
    news = _of_type(data["json-ld"], "NewsArticle")
    assert "isBasedOn" not in news and "image" not in news
    crumbs = _of_type(data["json-ld"], "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Beranda", "Nasional", article.title]


def test_reader_request_makes_no_rendition(client):
    """Renditions are made on upload and publish; a page whose image has none yet
    still renders, and its structured data leaves the images out."""
    _settings()
    image = make_image(width=2000, height=1500)
    article = make_article(section=make_section("Nasional"), lead_image=image)
    image.renditions.all().delete()
    html, data = _extract(client, article.url)
    news = _of_type(data["json-ld"], "NewsArticle")
    assert "image" not in news
    assert 'property="og:image"' not in html
    # 16:9 at 1200 is also the lead image's largest size, which the body asks for.
    only_head = (OPEN_GRAPH_SPEC, *STRUCTURED_DATA_SPECS[1:])
    assert not image.renditions.filter(filter_spec__in=only_head).exists()


def test_json_ld_cannot_break_out_of_its_script(client):
    _settings()
    title = 'Judul </script><script>alert("x")</script> & <!-- komentar'
    article = make_article(title=title, section=make_section("Nasional"))
    html, data = _extract(client, article.url)
    assert _of_type(data["json-ld"], "NewsArticle")["headline"] == title
    tree = lxml_html.fromstring(html)
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 2
    assert "alert" not in "".join(tree.xpath("//script[not(@type='application/ld+json')]/text()"))
    for script in scripts:
        assert "<" not in script.text and "&" not in script.text
        json.loads(script.text)


def test_home_page_has_website_with_search_action_and_organization(client):
    _settings()
    _html, data = _extract(client, home_page().url)
    site = _of_type(data["json-ld"], "WebSite")
    assert site["url"] == f"{ROOT}/" and site["name"] == "Warta Uji"
    assert site["inLanguage"] == "id"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{ROOT}/cari/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    organization = _of_type(data["json-ld"], "Organization")
    assert organization["name"] == "Warta Uji" and organization["url"] == f"{ROOT}/"
    assert organization["logo"]["width"] >= 112
    assert site["publisher"] == {"@id": organization["@id"]}
    # The search box's target really searches.
    assert client.get("/cari/?q=kebijakan").status_code == 200


def test_uploaded_raster_logo_is_the_publisher_logo(client):
    settings = _settings()
    settings.logo = make_image(title="Logo", width=600, height=120)
    settings.save()
    prepare_renditions(settings.logo.pk)  # on upload; the original itself is never public
    _html, data = _extract(client, home_page().url)
    logo = _of_type(data["json-ld"], "Organization")["logo"]
    rendition = settings.logo.get_rendition(AS_UPLOADED_SPEC)
    assert logo["url"] == f"{ROOT}{rendition.url}"
    assert "original_images" not in logo["url"]
    assert (logo["width"], logo["height"]) == (600, 120)


def test_prepared_renditions_cost_no_query_once_cached(rf, django_assert_num_queries):
    """What keeps the article page's query pin: renditions prepared on upload are
    found in the rendition cache, and even the first look-up is a single query."""
    image = make_image(width=2000, height=1500)
    prepare_renditions(image.pk)
    cache.clear()
    request = rf.get("/")
    with django_assert_num_queries(2):  # the site for absolute URLs, the renditions
        first = sd.lead_images(request, image)
    with django_assert_num_queries(0):
        again = sd.lead_images(request, image)
    assert first == again
    assert first.open_graph is not None and len(first.structured_data) == 3
