"""Reader pages show images as <picture> (WebP, JPEG fallback) made only from renditions
prepared on upload, with the sizes the browser needs to lay the page out before they load."""

import lxml.html
import pytest

from warta.images.models import WartaRendition
from warta.testing.factories import home_page, make_article, make_image, make_person

pytestmark = pytest.mark.django_db


def _article_with_every_image(django_capture_on_commit_callbacks):
    """An article with a lead image and a body image, a related article with a card,
    on a site whose home page shows both, and an author with a photo."""
    with django_capture_on_commit_callbacks(execute=True):
        author = make_person()
        author.photo = make_image(title="Wajah penulis")
        author.save()
        other = make_article(lead_image=make_image(), tags=["uji"])
        article = make_article(
            section=other.get_parent(), lead_image=make_image(), tags=["uji"], authors=[author]
        )
        article.body.append(("image", {"image": make_image(title="Foto isi"), "caption": "Isi"}))
        article.save_revision().publish()
    article.refresh_from_db()
    return article, author


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


def test_reader_pages_make_no_rendition_and_size_every_image(
    client, django_capture_on_commit_callbacks
):
    article, author = _article_with_every_image(django_capture_on_commit_callbacks)
    urls = [article.url, home_page().url, article.get_parent().url, author.get_absolute_url()]
    urls += ["/tag/uji/", "/indeks/"]
    before = WartaRendition.objects.count()
    images = []
    for url in urls:
        images += _page(client, url).xpath("//main//img")
    assert WartaRendition.objects.count() == before, "a reader's request made a rendition"
    assert len(images) >= 6
    for img in images:
        missing = {"width", "height", "alt"} - set(img.attrib)
        assert not missing, f"{lxml.html.tostring(img)} lacks {missing}"


def test_lead_image_is_eager_webp_with_jpeg_fallback(client, django_capture_on_commit_callbacks):
    article, _ = _article_with_every_image(django_capture_on_commit_callbacks)
    page = _page(client, article.url)
    (lead,) = page.xpath("//figure[@class='lead-image']/picture")
    (source,) = lead.xpath(".//source")  # libxml2 nests <img> in the void <source>
    assert source.get("type") == "image/webp"
    assert [c.split()[1] for c in source.get("srcset").split(", ")] == ["480w", "800w", "1200w"]
    assert source.get("sizes")
    (img,) = lead.xpath(".//img")
    assert img.get("src").endswith(".jpg")
    assert img.get("srcset").count(".jpg") == 3
    assert img.get("fetchpriority") == "high"
    assert img.get("loading") is None
    assert img.get("alt") == "Foto uji"


def test_cards_and_body_images_load_lazily(client, django_capture_on_commit_callbacks):
    article, _ = _article_with_every_image(django_capture_on_commit_callbacks)
    page = _page(client, article.url)
    lazy = page.xpath("//figure[@class='body-image']/picture//img")
    lazy += page.xpath("//section[@class='related']//picture//img")
    assert len(lazy) == 2
    for img in lazy:
        assert img.get("loading") == "lazy"
        assert img.xpath("ancestor::picture/source[@type='image/webp']")
        assert img.get("src").endswith(".jpg")


def test_home_lead_card_is_eager(client, django_capture_on_commit_callbacks):
    _article_with_every_image(django_capture_on_commit_callbacks)
    page = _page(client, home_page().url)
    imgs = page.xpath("//main//picture//img")
    assert imgs[0].get("fetchpriority") == "high" and imgs[0].get("loading") is None
    assert all(img.get("loading") == "lazy" for img in imgs[1:])
