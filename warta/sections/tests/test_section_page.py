from datetime import timedelta

import pytest
from django.utils import timezone

from warta.sections.models import SectionPage
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_section_page_lists_its_articles_and_subsections(client):
    sport = make_section("Olahraga", slug="olahraga")
    football = make_section("Sepak Bola", parent=sport, slug="sepak-bola")
    make_article(title="Tim muda juara turnamen", section=football)
    make_article(title="Harga beras stabil", section=make_section("Ekonomi"))
    html = client.get("/olahraga/").content.decode()
    assert "Tim muda juara turnamen" in html  # articles of sub-sections count too
    assert "Sepak Bola" in html and "Harga beras stabil" not in html


def test_subsection_has_its_own_page(client):
    sport = make_section("Olahraga", slug="olahraga")
    football = make_section("Sepak Bola", parent=sport, slug="sepak-bola")
    make_article(title="Tim muda juara turnamen", section=football)
    make_article(title="Atlet renang berlatih", section=sport)
    html = client.get("/olahraga/sepak-bola/").content.decode()
    assert "Tim muda juara turnamen" in html and "Atlet renang berlatih" not in html


def test_unknown_section_is_a_404(client):
    make_section("Olahraga", slug="olahraga")
    assert client.get("/tidak-ada/").status_code == 404
    assert client.get("/olahraga/tidak-ada/").status_code == 404


@pytest.fixture
def five_articles(monkeypatch):
    """Kanal Olahraga with five articles, two a page: three pages."""
    monkeypatch.setattr(SectionPage, "per_page", 2)
    sport = make_section("Olahraga", slug="olahraga")
    now = timezone.now()
    return [
        make_article(
            title=f"Berita olahraga {n}", section=sport, published_at=now - timedelta(hours=n)
        )
        for n in range(5)
    ]


def test_pages_follow_each_other_newest_first(client, five_articles):
    first = client.get("/olahraga/").content.decode()
    second = client.get("/olahraga/?page=2").content.decode()
    last = client.get("/olahraga/?page=3").content.decode()
    assert "Berita olahraga 0" in first and "Berita olahraga 2" not in first
    assert "Berita olahraga 2" in second and "Berita olahraga 3" in second
    assert "Berita olahraga 4" in last and "Halaman 3 dari 3" in last


def test_pager_links_point_at_canonical_addresses(client, five_articles):
    # The canonical link is on the site's address (Wagtail's default Site in tests),
    # never the Host the client sent.
    second = client.get("/olahraga/?page=2").content.decode()
    assert '<link rel="canonical" href="http://localhost/olahraga/?page=2">' in second
    assert '<link rel="prev" href="/olahraga/">' in second  # page 1 has no ?page=
    assert '<link rel="next" href="/olahraga/?page=3">' in second
    assert '<a rel="prev" href="/olahraga/">' in second
    assert '<a rel="next" href="/olahraga/?page=3">' in second
    assert "<title>Olahraga - Halaman 2 - " in second
    first = client.get("/olahraga/").content.decode()
    assert '<link rel="canonical" href="http://localhost/olahraga/">' in first
    assert 'rel="prev"' not in first and '<link rel="next" href="/olahraga/?page=2">' in first
    last = client.get("/olahraga/?page=3").content.decode()
    assert 'rel="next"' not in last


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("page=1", "/olahraga/"),
        ("page=01", "/olahraga/"),
        ("page=002", "/olahraga/?page=2"),
        ("page=3&page=1", "/olahraga/"),
        ("page=1&utm_source=wa", "/olahraga/?utm_source=wa"),
    ],
)
def test_other_spellings_of_a_page_redirect_for_good(client, five_articles, query, location):
    response = client.get(f"/olahraga/?{query}")
    assert response.status_code == 301
    assert response["Location"] == location


@pytest.mark.parametrize(
    "page", ["0", "-1", "4", "99", "99999999999", "9" * 5000, "dua", "1e9", "", " 2", "2.0", "２"]
)
def test_bad_page_numbers_are_404(client, five_articles, page):
    assert client.get("/olahraga/", {"page": page}).status_code == 404


def test_empty_section_shows_its_first_page(client):
    make_section("Olahraga", slug="olahraga")
    response = client.get("/olahraga/")
    assert response.status_code == 200 and "Belum ada berita" in response.content.decode()
    assert client.get("/olahraga/?page=2").status_code == 404


def test_home_shows_sections_in_navigation(client):
    make_section("Olahraga", slug="olahraga")
    html = client.get("/").content.decode()
    assert 'href="/olahraga/"' in html and "Indeks Berita" in html


def test_navigation_marks_the_kanal_the_reader_is_in(client):
    sport = make_section("Olahraga", slug="olahraga")
    make_section("Ekonomi", slug="ekonomi")
    football = make_section("Sepak Bola", parent=sport, slug="sepak-bola")
    article = make_article(section=football)
    assert '<a href="/olahraga/" aria-current="page">' in client.get("/olahraga/").content.decode()
    for url in ("/olahraga/sepak-bola/", article.url):
        html = client.get(url).content.decode()
        assert '<a href="/olahraga/" aria-current="true">' in html
        assert '<a href="/ekonomi/">' in html
    assert '<a href="/" aria-current="page">' in client.get("/").content.decode()
