from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from warta.masthead.models import SiteSettings
from warta.masthead.zones import IndonesianZone
from warta.testing.factories import home_page, make_article, make_section

pytestmark = pytest.mark.django_db


def _today():
    return timezone.now().astimezone(IndonesianZone.WIB.tzinfo).date()


@pytest.fixture
def two_days():
    """The first article ever on 4 March 2024 (WIB), another on 5 March."""
    sport = make_section("Olahraga", slug="olahraga")
    football = make_section("Sepak Bola", parent=sport, slug="sepak-bola")
    make_article(
        title="Berita malam kemarin", published_at=datetime(2024, 3, 4, 16, 30, tzinfo=UTC)
    )  # 23:30 WIB, 4 March
    make_article(
        title="Berita pagi", section=sport, published_at=datetime(2024, 3, 5, 1, 0, tzinfo=UTC)
    )  # 08:00 WIB
    make_article(
        title="Gol di menit akhir",
        section=football,
        published_at=datetime(2024, 3, 5, 2, 0, tzinfo=UTC),
    )  # 09:00 WIB
    make_article(title="Berita hari ini")


def test_index_lists_the_days_articles_with_time_and_section(client, two_days):
    html = client.get("/indeks/?tanggal=2024-03-05").content.decode()
    assert "Berita pagi" in html and "08:00 WIB" in html and "Olahraga" in html
    assert html.index("Gol di menit akhir") < html.index("Berita pagi")  # newest first
    assert "Berita malam kemarin" not in html
    assert "Berita malam kemarin" in client.get("/indeks/?tanggal=2024-03-04").content.decode()


def test_day_follows_the_site_zone(client, two_days):
    settings = SiteSettings.for_site(home_page().get_site())
    settings.time_zone = IndonesianZone.WIT.value
    settings.save()
    html = client.get("/indeks/?tanggal=2024-03-05").content.decode()
    assert "Berita malam kemarin" in html and "01:30 WIT" in html  # 16:30 UTC is 5 March


def test_without_a_date_the_index_shows_today(client, two_days):
    html = client.get("/indeks/").content.decode()
    assert "Berita hari ini" in html and "Berita pagi" not in html


def test_index_links_to_previous_and_next_day(client, two_days):
    html = client.get("/indeks/?tanggal=2024-03-05").content.decode()
    assert '<a rel="prev" href="?tanggal=2024-03-04">' in html
    assert '<a rel="next" href="?tanggal=2024-03-06">' in html
    assert '<link rel="prev" href="?tanggal=2024-03-04">' in html


def test_previous_stops_at_the_first_article_and_next_at_today(client, two_days):
    first = client.get("/indeks/?tanggal=2024-03-04").content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    today = client.get("/indeks/").content.decode()
    assert 'rel="next"' not in today
    assert f'rel="prev" href="?tanggal={_today() - timedelta(days=1)}"' in today
    assert 'min="2024-03-04"' in today and f'max="{_today()}"' in today


def test_a_quiet_day_between_is_an_empty_page(client, two_days):
    response = client.get("/indeks/?tanggal=2024-03-20")
    assert response.status_code == 200
    assert "Tidak ada berita pada tanggal ini" in response.content.decode()


def test_days_before_the_first_article_or_after_today_are_404(client, two_days):
    assert client.get("/indeks/?tanggal=2024-03-03").status_code == 404
    tomorrow = _today() + timedelta(days=1)
    assert client.get(f"/indeks/?tanggal={tomorrow}").status_code == 404


def test_a_site_without_articles_has_only_today(client):
    response = client.get("/indeks/")
    assert response.status_code == 200 and "Tidak ada berita" in response.content.decode()
    yesterday = _today() - timedelta(days=1)
    assert client.get(f"/indeks/?tanggal={yesterday}").status_code == 404


def test_filter_by_kanal_includes_its_subkanal(client, two_days):
    html = client.get("/indeks/?tanggal=2024-03-05&kanal=olahraga").content.decode()
    assert "Berita pagi" in html and "Gol di menit akhir" in html
    assert '<option value="olahraga" selected>Olahraga</option>' in html
    assert 'value="sepak-bola"' not in html  # the select offers top-level kanal only
    assert '<a rel="prev" href="?tanggal=2024-03-04&amp;kanal=olahraga">' in html
    nasional = client.get("/indeks/?tanggal=2024-03-04&kanal=nasional").content.decode()
    assert "Berita malam kemarin" in nasional
    assert (
        "Berita malam kemarin"
        not in client.get("/indeks/?tanggal=2024-03-04&kanal=olahraga").content.decode()
    )


def test_empty_kanal_means_every_kanal(client, two_days):
    html = client.get("/indeks/?tanggal=2024-03-05&kanal=").content.decode()
    assert "Berita pagi" in html and '<option value="">Semua kanal</option>' in html


@pytest.mark.parametrize("kanal", ["tidak-ada", "sepak-bola", "OLAHRAGA"])
def test_unknown_kanal_is_a_404(client, two_days, kanal):
    assert client.get("/indeks/", {"tanggal": "2024-03-05", "kanal": kanal}).status_code == 404


@pytest.mark.parametrize(
    "bad",
    [
        "kemarin",
        "2024-13-01",
        "2024-02-30",
        "9" * 300,
        "20240305",
        "2024-3-5",
        "2024-W10-2",
        "2024-03-05T00:00",
        " 2024-03-05",
        "0000-01-01",
        "0001-01-01",
        "9999-12-31",
    ],
)
def test_malformed_or_impossible_date_is_a_404_not_a_500(client, two_days, bad):
    assert client.get("/indeks/", {"tanggal": bad}).status_code == 404
