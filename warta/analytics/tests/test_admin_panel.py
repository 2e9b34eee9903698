"""The "Statistik baca" panel on the admin dashboard."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from warta.analytics import services
from warta.analytics.buffers import hour_of
from warta.analytics.panels import bar_chart, format_number
from warta.analytics.queries import POPULAR_DAYS, window_start
from warta.analytics.tests.conftest import FIREFOX, add_reads, beacon
from warta.testing.factories import make_article, make_person, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("redaktur", "r@example.com", "rahasia-123")
    client.force_login(user)
    return client


def test_the_dashboard_shows_reads_per_day_and_the_top_lists(admin_client):
    writer = make_person("Sari Wulandari")
    article = make_article(
        title="Harga cabai naik jelang Lebaran",
        section=make_section("Ekonomi"),
        authors=[writer],
        tags=["harga pangan"],
    )
    now = hour_of(timezone.now())
    add_reads(article, now, 1234)
    add_reads(article, now - timedelta(days=12), 10)

    html = admin_client.get("/admin/").content.decode()
    assert "Statistik baca" in html
    assert "<svg" in html and 'role="img"' in html
    assert html.count("<rect") == 7
    # Coordinates with a decimal point: the Indonesian locale would write "12,5".
    bars = re.findall(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"', html)
    assert len(bars) == 7
    assert all(re.fullmatch(r"\d+(\.\d+)?", value) for bar in bars for value in bar)
    assert "1.234 kali dibaca" in html
    for shown in ("Harga cabai naik jelang Lebaran", "#harga pangan", "Ekonomi", "Sari Wulandari"):
        assert shown in html
    assert '<strong aria-current="true">7 hari terakhir</strong>' in html

    month = admin_client.get("/admin/?baca=30").content.decode()
    assert month.count("<rect") == 30
    assert '<strong aria-current="true">30 hari terakhir</strong>' in month
    assert "1.244" in month  # the reads of 12 days ago are in the 30 days

    assert admin_client.get("/admin/?baca=jelek").status_code == 200


def test_an_empty_site_gets_an_empty_chart(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Statistik baca" in html
    assert "Belum ada berita yang dibaca" in html


def test_chart_geometry_and_number_format():
    today = timezone.localdate()
    days = [(today - timedelta(days=n), reads) for n, reads in ((2, 0), (1, 50), (0, 100))]
    chart = bar_chart(days)
    assert [bar.height for bar in chart.bars][0] == 0
    assert chart.bars[2].height == 2 * chart.bars[1].height
    assert chart.bars[2].y + chart.bars[2].height == chart.baseline
    assert format_number(1234567) == "1.234.567"


def _listed(html: str, start: str, item: str) -> list[str]:
    """The texts matching ``item`` in the first <ol> after ``start``."""
    after = html[html.index(start) :]
    return re.findall(item, after[: after.index("</ol>")])


def test_the_dashboard_ranks_as_terpopuler_and_tag_terpopuler_do(admin_client, buffer):
    """The admin's top lists and the reader site's lists: same reads, same window,
    same order. Reads at the window's first hour count on both sides (they are
    before the first day of the dashboard's chart); an hour earlier on neither."""
    section = make_section("Nasional")
    start = window_start(POPULAR_DAYS)
    now = hour_of(timezone.now())
    spec = {
        "Terlalu lama": (start - timedelta(hours=1), 5000, ["gempa"]),
        "Lama": (start, 300, ["banjir"]),
        "Sedang": (now - timedelta(days=2), 120, ["pajak", "banjir"]),
        "Kemarin": (now - timedelta(days=1), 40, ["pemilu"]),
    }
    made = {}
    for title, (hour, reads, tags) in spec.items():
        made[title] = make_article(title=title, section=section, tags=tags)
        add_reads(made[title], hour, reads)
    # Six fresh reads through the beacon and its buffer, as readers make them.
    fresh = make_article(title="Segar", section=section, tags=["pemilu"])
    reader = Client()
    for n in range(6):
        assert beacon(reader, fresh.pk, user_agent=f"{FIREFOX} pembaca/{n}").status_code == 204
    services.flush_reads()

    articles = ["Lama", "Sedang", "Kemarin", "Segar"]
    tags = ["banjir", "pajak", "pemilu"]  # 420, 120, 46; gempa read only before the window
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Daftar terpopuler: <strong>7 hari terakhir</strong>" in dashboard
    assert "sama dengan daftar Terpopuler dan Tag Terpopuler di situs" in dashboard
    assert _listed(dashboard, "<h3>Berita terpopuler</h3>", r'/edit/">([^<]+)</a>') == articles
    assert _listed(dashboard, "<h3>Tag terpopuler</h3>", r">#([^<]+)</a>") == tags

    page = reader.get(fresh.url).content.decode()
    assert "Terpopuler <small>7 hari terakhir</small>" in page
    assert "Tag Terpopuler <small>7 hari terakhir</small>" in page
    assert _listed(page, '<ol class="most-read-list">', r'">([^<]+)</a></li>') == articles
    public_tags = page[page.index('class="popular-tags') :]
    assert re.findall(r">#([^<]+)</a>", public_tags[: public_tags.index("</ul>")]) == tags
