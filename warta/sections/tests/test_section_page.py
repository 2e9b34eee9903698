import pytest

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


@pytest.mark.parametrize("page", ["0", "99", "dua", "1e9"])
def test_bad_page_numbers_are_404(client, page):
    make_article(section=make_section("Olahraga", slug="olahraga"))
    assert client.get("/olahraga/", {"page": page}).status_code == 404


def test_home_shows_sections_in_navigation(client):
    make_section("Olahraga", slug="olahraga")
    html = client.get("/").content.decode()
    assert 'href="/olahraga/"' in html and "Indeks Berita" in html
