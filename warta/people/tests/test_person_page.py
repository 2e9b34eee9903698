from datetime import timedelta

import pytest
from django.utils import timezone

from warta.people import views
from warta.testing.factories import make_article, make_image, make_person

pytestmark = pytest.mark.django_db


def test_author_page_shows_profile_and_articles(client):
    person = make_person("Rina Kusuma", role="reporter")
    person.bio = "Meliput isu lingkungan sejak 2015."
    person.photo = make_image(title="Rina")
    person.save()
    make_article(title="Hutan bakau dipulihkan", authors=[person])
    make_article(title="Berita orang lain")
    html = client.get("/penulis/rina-kusuma/").content.decode()
    assert "<h1>Rina Kusuma</h1>" in html and "Reporter" in html
    assert "Meliput isu lingkungan" in html and 'class="person-photo"' in html
    assert "Hutan bakau dipulihkan" in html and "Berita orang lain" not in html


def test_an_article_credited_twice_to_one_person_is_listed_once(client):
    from warta.articles.models import ArticleAuthor

    person = make_person("Rina Kusuma")
    article = make_article(title="Hutan bakau dipulihkan", authors=[person])
    ArticleAuthor.objects.create(article=article, person=person, role="fotografer", sort_order=1)
    html = client.get("/penulis/rina-kusuma/").content.decode()
    assert html.count(">Hutan bakau dipulihkan</a>") == 1


def test_author_without_articles_still_has_a_page(client):
    make_person("Rina Kusuma")
    response = client.get("/penulis/rina-kusuma/")
    assert response.status_code == 200 and "Belum ada berita" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/penulis/siapa-saja/",
        "/penulis/rina-kusuma/?page=2",
        "/penulis/rina-kusuma/?page=-3",
        "/penulis/rina-kusuma/?page=satu",
        "/penulis/rina-kusuma/?page=12345678901234567890",
    ],
)
def test_unknown_author_or_bad_page_is_a_404(client, url):
    make_article(authors=[make_person("Rina Kusuma")])
    assert client.get(url).status_code == 404


def test_author_pages_are_paginated_with_canonical_addresses(client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    person = make_person("Rina Kusuma")
    now = timezone.now()
    for n in range(3):
        make_article(title=f"Liputan {n}", authors=[person], published_at=now - timedelta(hours=n))
    second = client.get("/penulis/rina-kusuma/?page=2").content.decode()
    assert "Liputan 2" in second and "Liputan 1" not in second
    assert '<link rel="prev" href="/penulis/rina-kusuma/">' in second
    assert "<title>Rina Kusuma - Halaman 2 - " in second
    redirect = client.get("/penulis/rina-kusuma/?page=1")
    assert redirect.status_code == 301 and redirect["Location"] == "/penulis/rina-kusuma/"
