from datetime import timedelta

import pytest
from django.utils import timezone

from warta.testing.factories import make_article
from warta.topics import views

pytestmark = pytest.mark.django_db


def test_tag_page_lists_its_articles(client):
    make_article(title="Banjir di hilir sungai", tags=["banjir"])
    make_article(title="Harga cabai naik", tags=["pangan"])
    html = client.get("/tag/banjir/").content.decode()
    assert "#banjir" in html and "Banjir di hilir sungai" in html
    assert "Harga cabai naik" not in html


def test_tag_page_lists_only_live_articles(client):
    make_article(title="Banjir di hilir sungai", tags=["banjir"])
    draft = make_article(title="Banjir susulan", tags=["banjir"])
    draft.unpublish()
    html = client.get("/tag/banjir/").content.decode()
    assert "Banjir di hilir sungai" in html and "Banjir susulan" not in html


def test_tag_without_live_articles_is_a_404(client):
    make_article(title="Banjir susulan", tags=["banjir"]).unpublish()
    assert client.get("/tag/banjir/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/tag/tidak-ada/",
        "/tag/banjir/?page=99",
        "/tag/banjir/?page=x",
        "/tag/banjir/?page=-1",
        "/tag/banjir/?page=0",
        "/tag/banjir/?page=" + "9" * 400,
    ],
)
def test_unknown_tag_or_bad_page_is_a_404(client, url):
    make_article(tags=["banjir"])
    assert client.get(url).status_code == 404


def test_tag_pages_are_paginated_with_canonical_addresses(client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    now = timezone.now()
    for n in range(3):
        make_article(title=f"Banjir {n}", tags=["banjir"], published_at=now - timedelta(hours=n))
    first = client.get("/tag/banjir/").content.decode()
    assert "Banjir 1" in first and "Banjir 2" not in first
    assert '<link rel="next" href="/tag/banjir/?page=2">' in first
    second = client.get("/tag/banjir/?page=2").content.decode()
    assert "Banjir 2" in second and '<a rel="prev" href="/tag/banjir/">' in second
    redirect = client.get("/tag/banjir/?page=1")
    assert redirect.status_code == 301 and redirect["Location"] == "/tag/banjir/"
