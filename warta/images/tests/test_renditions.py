"""Renditions are made on upload, so a reader's request never resizes an image."""

import pytest

from warta.images.models import WartaRendition
from warta.images.services import ALL_SPECS
from warta.testing.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def test_upload_prepares_every_rendition_the_theme_uses(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(ALL_SPECS)


def test_reading_an_article_makes_no_rendition(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(lead_image=make_image(), tags=["uji"])
        make_article(section=article.get_parent(), lead_image=make_image(), tags=["uji"])
    before = WartaRendition.objects.count()
    assert client.get(article.url).status_code == 200
    assert client.get("/").status_code == 200
    assert WartaRendition.objects.count() == before
