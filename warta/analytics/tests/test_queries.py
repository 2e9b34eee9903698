"""Terpopuler and Tag Terpopuler: windows, ranking, cost, and where readers see them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.analytics.buffers import hour_of
from warta.analytics.queries import (
    most_read_articles,
    most_read_now,
    popular_tags,
    reading_report,
)
from warta.analytics.tests.conftest import add_reads
from warta.testing.factories import home_page, make_article, make_person, make_section

pytestmark = pytest.mark.django_db

NOW = hour_of(timezone.now())
DAY = timedelta(days=1)
WEEK = timedelta(days=7)


def _titles(articles) -> list[str]:
    return [a.title for a in articles]


@pytest.fixture
def newsroom():
    """Four live articles and a draft whose reads rank differently by day and by week."""
    section = make_section()
    a, b, c, d = (make_article(title=t, section=section) for t in "ABCD")
    draft = make_article(title="Draf", section=section, publish=False, live=False)
    add_reads(a, NOW - timedelta(days=2), 100)
    add_reads(a, NOW, 5)
    add_reads(b, NOW - timedelta(hours=1), 30)
    add_reads(c, NOW - timedelta(hours=3), 20)
    add_reads(c, NOW - timedelta(hours=30), 15)
    add_reads(d, NOW - timedelta(days=9), 500)  # outside both windows
    add_reads(draft, NOW, 1000)  # never listed
    return {"A": a, "B": b, "C": c, "D": d}


def test_most_read_in_the_last_24_hours_and_7_days(newsroom):
    now = timezone.now()
    assert _titles(most_read_articles(since=now - DAY)) == ["B", "C", "A"]
    assert _titles(most_read_articles(since=now - WEEK)) == ["A", "C", "B"]
    assert [a.reads for a in most_read_articles(since=now - WEEK)] == [105, 35, 30]
    assert _titles(most_read_articles(since=now - WEEK, limit=2)) == ["A", "C"]


def test_the_window_starts_at_the_hour_since_falls_in(newsroom):
    since = NOW - timedelta(hours=3) + timedelta(minutes=59)
    assert _titles(most_read_articles(since=since)) == ["B", "C", "A"]
    assert _titles(most_read_articles(since=since + timedelta(minutes=1))) == ["B", "A"]


def test_most_read_costs_two_queries(newsroom, django_assert_num_queries):
    with django_assert_num_queries(2):  # the ranking, then the articles
        most_read_articles(since=timezone.now() - WEEK)


def test_a_cached_ranking_still_drops_an_unpublished_article(newsroom, settings):
    settings.WARTA_POPULAR_CACHE_SECONDS = 60
    assert _titles(most_read_now(days=7)) == ["A", "C", "B"]
    with CaptureQueriesContext(connection) as queries:
        assert _titles(most_read_now(days=7)) == ["A", "C", "B"]
    assert len(queries) == 1  # the articles only: the ranking came from the cache
    newsroom["A"].unpublish()
    assert _titles(most_read_now(days=7)) == ["C", "B"]


def test_popular_tags_rank_by_reads_not_by_article_count(django_assert_num_queries):
    section = make_section()
    for _ in range(3):
        add_reads(make_article(section=section, tags=["banyak"]), NOW, 1)
    add_reads(make_article(section=section, tags=["dibaca", "banyak"]), NOW, 50)
    add_reads(make_article(section=section, tags=["lama"]), NOW - timedelta(days=8), 900)
    with django_assert_num_queries(1):  # the running totals ranked, with their tags
        tags = popular_tags(days=7)
    assert [(t.name, t.score) for t in tags] == [("banyak", 53), ("dibaca", 50)]


def test_popular_tags_fall_back_to_article_count_without_reads():
    section = make_section()
    make_article(section=section, tags=["satu", "dua"])
    make_article(section=section, tags=["dua"])
    assert [t.name for t in popular_tags()] == ["dua", "satu"]


def test_reading_report_for_the_dashboard(django_assert_num_queries):
    nasional, ekonomi = make_section("Nasional"), make_section("Ekonomi")
    sari, budi = make_person("Sari Wulandari"), make_person("Budi Santoso")
    a = make_article(title="A", section=nasional, authors=[sari], tags=["banjir"])
    b = make_article(title="B", section=ekonomi, authors=[budi], tags=["pajak"])
    today = timezone.localtime(timezone.now()).replace(hour=0, minute=0, second=0, microsecond=0)
    add_reads(a, today, 40)
    add_reads(a, today - timedelta(days=2), 10)
    add_reads(b, today - timedelta(days=1), 30)
    add_reads(b, today - timedelta(days=8), 999)  # before the 7 days
    reading_report(7)  # warm Wagtail's cached site root paths, used for the links
    # per day, top articles (ranking + pages), tags, kanal (ranking + pages), writers
    with django_assert_num_queries(7):
        report = reading_report(7)
    assert [reads for _, reads in report.per_day] == [0, 0, 0, 0, 10, 30, 40]
    assert report.per_day[-1][0] == timezone.localdate()
    assert report.total == 80
    assert [(x["title"], x["reads"]) for x in report.articles] == [("A", 50), ("B", 30)]
    assert [(x["name"], x["reads"]) for x in report.tags] == [("banjir", 50), ("pajak", 30)]
    assert [(x["title"], x["reads"]) for x in report.sections] == [
        ("Nasional", 50),
        ("Ekonomi", 30),
    ]
    assert [(x["name"], x["reads"]) for x in report.authors] == [
        ("Sari Wulandari", 50),
        ("Budi Santoso", 30),
    ]


def test_terpopuler_on_the_article_and_home_pages(client, newsroom):
    """One window on every page, the admin's default period: 7 hari terakhir."""
    article = newsroom["B"]
    html = client.get(article.url).content.decode()
    assert f'data-article-id="{article.pk}"' in html
    sidebar = html[html.index('<aside class="sidebar">') :]
    assert "Terpopuler <small>7 hari terakhir</small>" in sidebar
    listed = sidebar[sidebar.index('<ol class="most-read-list">') :]
    assert listed.index(">A<") < listed.index(">C<") < listed.index(">B<")

    home = client.get(home_page().url).content.decode()
    assert home.count('class="most-read"') == 1 and "24 jam terakhir" not in home
    week = home[home.index('id="terpopuler-7"') :]
    assert week.index(">A<") < week.index(">C<") < week.index(">B<")
    assert "Draf" not in home


def test_no_terpopuler_without_reads(client):
    article = make_article()
    assert "most-read" not in client.get(article.url).content.decode()
