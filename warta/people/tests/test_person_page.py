import pytest

from warta.testing.factories import make_article, make_person

pytestmark = pytest.mark.django_db


def test_author_page_shows_profile_and_articles(client):
    person = make_person("Rina Kusuma", role="reporter")
    person.bio = "Meliput isu lingkungan sejak 2015."
    person.save()
    make_article(title="Hutan bakau dipulihkan", authors=[person])
    make_article(title="Berita orang lain")
    html = client.get("/penulis/rina-kusuma/").content.decode()
    assert "<h1>Rina Kusuma</h1>" in html and "Reporter" in html
    assert "Meliput isu lingkungan" in html
    assert "Hutan bakau dipulihkan" in html and "Berita orang lain" not in html


def test_unknown_author_is_a_404(client):
    assert client.get("/penulis/siapa-saja/").status_code == 404
