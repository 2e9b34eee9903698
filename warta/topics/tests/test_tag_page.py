import pytest

from warta.testing.factories import make_article

pytestmark = pytest.mark.django_db


def test_tag_page_lists_its_articles(client):
    make_article(title="Banjir di hilir sungai", tags=["banjir"])
    make_article(title="Harga cabai naik", tags=["pangan"])
    html = client.get("/tag/banjir/").content.decode()
    assert "#banjir" in html and "Banjir di hilir sungai" in html
    assert "Harga cabai naik" not in html


@pytest.mark.parametrize("url", ["/tag/tidak-ada/", "/tag/banjir/?page=99", "/tag/banjir/?page=x"])
def test_unknown_tag_or_bad_page_is_a_404(client, url):
    make_article(tags=["banjir"])
    assert client.get(url).status_code == 404
