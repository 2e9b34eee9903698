"""The "Statistik baca" panel on the admin dashboard."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from warta.analytics.buffers import hour_of
from warta.analytics.panels import bar_chart, format_number
from warta.analytics.tests.conftest import add_reads
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
