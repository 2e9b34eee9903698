"""The rollups Terpopuler reads: tag hours and running totals kept by the flush."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from warta.analytics import services
from warta.analytics.buffers import hour_of
from warta.analytics.models import (
    ArticleReads,
    ArticleReadTotals,
    ReadTotalsClock,
    TagReads,
    TagReadTotals,
)
from warta.analytics.queries import most_read_now, popular_tags
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db

NOW = hour_of(timezone.now())


def _totals(model, key: str) -> dict[int, tuple[int, int]]:
    return {getattr(row, f"{key}_id"): (row.last_day, row.last_week) for row in model.objects.all()}


def _expected(hourly, key: str, clock) -> dict[int, tuple[int, int]]:
    """What the totals must hold at ``clock``: sums of the hourly rows of each window."""
    found = {}
    for days, n in ((1, 0), (7, 1)):
        rows = (
            hourly.objects.filter(hour__gte=clock - timedelta(days=days))
            .values(f"{key}_id")
            .annotate(total=Sum("reads"))
        )
        for row in rows:
            found.setdefault(row[f"{key}_id"], [0, 0])[n] = row["total"]
    return {k: tuple(v) for k, v in found.items() if any(v)}


@pytest.fixture
def read_site():
    section = make_section()
    a = make_article(title="A", section=section, tags=["banjir", "jakarta"])
    b = make_article(title="B", section=section, tags=["banjir"])
    services.store_counts(
        {
            (a.pk, NOW): 5,
            (a.pk, NOW - timedelta(hours=20)): 7,
            (a.pk, NOW - timedelta(days=3)): 100,
            (b.pk, NOW - timedelta(hours=2)): 30,
            (b.pk, NOW - timedelta(days=10)): 999,  # outside both windows
        }
    )
    return a, b


def test_the_flush_rolls_reads_up_to_tags_and_totals(read_site):
    a, b = read_site
    banjir, jakarta = (t.pk for t in sorted(a.tags.all(), key=lambda t: t.name))
    assert TagReads.objects.get(tag_id=banjir, hour=NOW).reads == 5
    assert TagReads.objects.filter(tag_id=banjir).aggregate(n=Sum("reads"))["n"] == 1141
    assert _totals(ArticleReadTotals, "article") == {a.pk: (12, 112), b.pk: (30, 30)}
    assert _totals(TagReadTotals, "tag") == {banjir: (42, 142), jakarta: (12, 112)}


def test_totals_follow_the_hour_as_it_moves_on(read_site):
    a, b = read_site
    for hours in (3, 21, 30, 24 * 4, 24 * 8):
        later = NOW + timedelta(hours=hours)
        services.advance_read_totals(later)
        assert ReadTotalsClock.objects.get().hour == later
        assert _totals(ArticleReadTotals, "article") == _expected(ArticleReads, "article", later)
        assert _totals(TagReadTotals, "tag") == _expected(TagReads, "tag", later)
    assert not ArticleReadTotals.objects.exists()  # rows fallen to zero are removed


def test_reads_arriving_late_only_count_in_windows_they_fall_in(read_site):
    a, _ = read_site
    services.store_counts({(a.pk, NOW - timedelta(days=2)): 1000})
    assert _totals(ArticleReadTotals, "article")[a.pk] == (12, 1112)


def test_rebuilding_gives_what_the_flushes_kept(read_site):
    before = (_totals(ArticleReadTotals, "article"), _totals(TagReadTotals, "tag"))
    hours = list(TagReads.objects.order_by("tag_id", "hour").values_list("tag_id", "hour", "reads"))
    services.rebuild_read_rollups()
    assert (_totals(ArticleReadTotals, "article"), _totals(TagReadTotals, "tag")) == before
    assert (
        list(TagReads.objects.order_by("tag_id", "hour").values_list("tag_id", "hour", "reads"))
        == hours
    )


def test_reader_windows_use_the_totals(read_site, django_assert_num_queries, settings):
    settings.WARTA_POPULAR_CACHE_SECONDS = 0
    # the ranking (top rows of the totals' index), the articles; the totals' clock
    # was seen at this hour by the flush (store_counts) already
    with django_assert_num_queries(2):
        most_read_now(days=7)
    assert [x.title for x in most_read_now(days=1)] == ["B", "A"]
    assert [x.title for x in most_read_now(days=7)] == ["A", "B"]
    assert [(t.name, t.score) for t in popular_tags(days=1)] == [("banjir", 42), ("jakarta", 12)]


def test_an_unpublished_article_leaves_the_running_ranking(read_site):
    a, _ = read_site
    a.unpublish()
    assert [x.title for x in most_read_now(days=7)] == ["B"]
