"""One scheduler pass: due articles published once through Wagtail, expiry, catch-up."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from warta.articles.models import ArticlePage
from warta.scheduling import services
from warta.scheduling.models import SchedulerHeartbeat
from warta.scheduling.services import (
    PUBLISH_LOG_ACTION,
    UNPUBLISH_LOG_ACTION,
    expire_object,
    publish_due,
    publish_scheduled_revision,
)
from warta.scheduling.tests.conftest import scheduled_article, scheduled_revision
from warta.testing.factories import make_article

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)


def _log_actions(page) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page_id=page.pk).order_by("pk").values_list("action", flat=True)
    )


def test_the_publish_button_with_a_future_time_only_schedules(signals):
    go_live = timezone.now() + HOUR
    article = scheduled_article(go_live)

    assert not article.live
    assert article.published_at is None
    assert scheduled_revision(article).approved_go_live_at == go_live
    assert article.pk not in signals.published
    assert signals.scheduled == [article.pk]
    assert _log_actions(article) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.publish.schedule",
    ]


def test_a_due_article_is_published_once_and_stamped(clock, signals):
    go_live = timezone.now() + HOUR
    article = scheduled_article(go_live, title="Sidang kabinet pagi ini")

    clock.advance(HOUR + timedelta(seconds=5))
    first = publish_due()
    second = publish_due()

    article.refresh_from_db()
    assert article.live
    assert first.published == [str(article.pk)]
    assert second.published == []
    assert signals.published == [article.pk]
    # record_publication (the page_published receiver) stamped the publication time.
    assert article.published_at == article.first_published_at
    assert article.published_at >= go_live
    assert _log_actions(article).count(PUBLISH_LOG_ACTION) == 1
    assert "wagtail.publish" not in _log_actions(article)
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_an_article_not_yet_due_is_left_alone(clock, signals):
    due = scheduled_article(timezone.now() + HOUR)
    later = scheduled_article(timezone.now() + 3 * HOUR)

    clock.advance(2 * HOUR)
    result = publish_due()

    due.refresh_from_db()
    later.refresh_from_db()
    assert result.published == [str(due.pk)]
    assert due.live and not later.live
    assert later.published_at is None and later.first_published_at is None
    assert scheduled_revision(later).approved_go_live_at == later.go_live_at
    assert signals.published == [due.pk]


def test_after_downtime_everything_due_is_published_oldest_first(clock, signals):
    now = timezone.now()
    third = scheduled_article(now + 3 * HOUR, title="Ketiga")
    first = scheduled_article(now + 1 * HOUR, title="Pertama")
    second = scheduled_article(now + 2 * HOUR, title="Kedua")

    clock.advance(5 * HOUR)  # the scheduler was down for all three go-live times
    result = publish_due()

    expected = [first.pk, second.pk, third.pk]
    assert result.published == [str(pk) for pk in expected]
    assert signals.published == expected
    logged = list(
        PageLogEntry.objects.filter(action=PUBLISH_LOG_ACTION)
        .order_by("pk")
        .values_list("page_id", flat=True)
    )
    assert logged == expected
    stamped = list(
        ArticlePage.objects.filter(pk__in=expected)
        .order_by("published_at")
        .values_list("pk", flat=True)
    )
    assert stamped == expected


def test_an_expired_article_is_unpublished_as_the_unpublish_button_does(clock, signals):
    article = make_article(title="Promo Harbolnas", expire_at=timezone.now() + HOUR)
    assert article.live

    assert publish_due().expired == []
    clock.advance(2 * HOUR)
    result = publish_due()

    article.refresh_from_db()
    assert result.expired == [str(article.pk)]
    assert not article.live and article.expired
    assert signals.unpublished == [article.pk]
    assert _log_actions(article).count(UNPUBLISH_LOG_ACTION) == 1
    assert publish_due().expired == []


def test_an_article_that_came_due_and_expired_while_down_ends_unpublished(clock, signals):
    now = timezone.now()
    article = scheduled_article(now + HOUR, expire_at=now + 2 * HOUR)

    clock.advance(3 * HOUR)
    result = publish_due()

    article.refresh_from_db()
    assert result.published == [str(article.pk)] and result.expired == [str(article.pk)]
    assert not article.live and article.expired
    assert article.published_at is not None
    assert signals.published == [article.pk] and signals.unpublished == [article.pk]


def test_what_another_scheduler_finished_is_skipped(clock):
    article = scheduled_article(timezone.now() + HOUR, expire_at=timezone.now() + 2 * HOUR)
    revision = scheduled_revision(article)
    clock.advance(90 * timedelta(minutes=1))

    assert publish_scheduled_revision(revision.pk) == str(article.pk)
    assert publish_scheduled_revision(revision.pk) is None

    clock.advance(HOUR)
    assert expire_object(ArticlePage, article.pk) is True
    assert expire_object(ArticlePage, article.pk) is False
    assert _log_actions(article).count(PUBLISH_LOG_ACTION) == 1
    assert _log_actions(article).count(UNPUBLISH_LOG_ACTION) == 1


def test_one_failing_article_does_not_hold_back_the_others(clock, monkeypatch, caplog):
    broken = scheduled_article(timezone.now() + HOUR, title="Rusak")
    fine = scheduled_article(timezone.now() + 2 * HOUR, title="Baik")
    broken_revision = scheduled_revision(broken)
    real_publish = Revision.publish

    def publish(self, *args, **kwargs):
        if self.pk == broken_revision.pk:
            raise RuntimeError("disk penuh")
        return real_publish(self, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish)
    clock.advance(3 * HOUR)
    result = publish_due()

    assert result.published == [str(fine.pk)]
    assert result.failed == [f"revision:{broken_revision.pk}"]
    assert "disk penuh" in caplog.text
    broken.refresh_from_db()
    assert not broken.live
    assert scheduled_revision(broken).pk == broken_revision.pk  # still due: retried next pass
    assert SchedulerHeartbeat.objects.get().failed == 1


def test_each_pass_records_the_heartbeat(clock):
    scheduled_article(timezone.now() + HOUR)
    assert not SchedulerHeartbeat.objects.exists()

    clock.advance(2 * HOUR)
    publish_due()
    beat = SchedulerHeartbeat.objects.get()
    assert beat.published == 1 and beat.expired == 0 and beat.failed == 0
    assert abs(beat.last_run_at - timezone.now()) < timedelta(seconds=5)
    assert ":" in beat.runner

    clock.advance(timedelta(minutes=1))
    publish_due()
    assert SchedulerHeartbeat.objects.count() == 1
    assert SchedulerHeartbeat.objects.get().last_run_at > beat.last_run_at


def test_the_command_publishes_and_reports(clock, capsys):
    article = scheduled_article(timezone.now() + HOUR)
    clock.advance(2 * HOUR)

    call_command("publish_due")

    assert "Diterbitkan: 1, diturunkan: 0, gagal: 0" in capsys.readouterr().out
    article.refresh_from_db()
    assert article.live


def test_the_command_loops_at_the_configured_interval(monkeypatch, settings):
    settings.WARTA_SCHEDULER_INTERVAL = 7
    seen = {}

    def fake_loop(stop, interval):
        seen["interval"] = interval
        seen["stop"] = stop

    monkeypatch.setattr(services, "run_scheduler", fake_loop)
    call_command("publish_due", loop=True)
    assert seen["interval"] == 7
    call_command("publish_due", loop=True, interval=2.5)
    assert seen["interval"] == 2.5

    with pytest.raises(CommandError, match="30"):
        call_command("publish_due", loop=True, interval=45)
