from datetime import UTC, datetime

import pytest

from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_index_lists_the_days_articles_with_time_and_section(client):
    section = make_section("Olahraga", slug="olahraga")
    make_article(
        title="Berita pagi", section=section, published_at=datetime(2024, 3, 5, 1, 0, tzinfo=UTC)
    )  # 08:00 WIB
    make_article(
        title="Berita malam kemarin", published_at=datetime(2024, 3, 4, 16, 30, tzinfo=UTC)
    )  # 23:30 WIB, 4 March
    html = client.get("/indeks/?tanggal=2024-03-05").content.decode()
    assert "Berita pagi" in html and "08:00 WIB" in html and "Olahraga" in html
    assert "Berita malam kemarin" not in html
    assert "Berita malam kemarin" in client.get("/indeks/?tanggal=2024-03-04").content.decode()


def test_index_links_to_previous_and_next_day(client):
    html = client.get("/indeks/?tanggal=2024-03-05").content.decode()
    assert "?tanggal=2024-03-04" in html and "?tanggal=2024-03-06" in html


@pytest.mark.parametrize("bad", ["kemarin", "2024-13-01", "2024-02-30", "9" * 300])
def test_malformed_date_is_a_404_not_a_500(client, bad):
    assert client.get("/indeks/", {"tanggal": bad}).status_code == 404
