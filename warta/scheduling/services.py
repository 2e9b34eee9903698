"""Writes of the scheduler: publish what is due, expire what has expired, say so.

A scheduled publish is Wagtail's own: the Publish button with a future "go live"
time stores the revision with ``approved_go_live_at``; we publish that revision with
``revision.publish()`` exactly as Wagtail's ``publish_scheduled`` command does, so
``page_published`` fires and ``articles.services.record_publication`` stamps the
article like any other publication. An expiry is Wagtail's unpublish with
``set_expired``, unless the object's app ends it its own way through the
``expire_scheduled_object`` hook: an article's planned end is a takedown with the
reason stored beside its expiry time (``articles.services.expire_article``), so
its old address explains the removal. What we add to both is the locking that
lets several schedulers run at once (see docs/decisions/0002-scheduler.md):

- each item is published in its own transaction, after locking its revision row
  and its object row with ``SELECT ... FOR UPDATE OF <that table> SKIP LOCKED``
  (PostgreSQL): a row another scheduler holds is skipped, not waited for. ``OF``
  matters: without it the joined content-type row, shared by every page, would be
  locked too, and the other scheduler would skip everything;
- inside that transaction the item is read again, so an item another scheduler
  finished in the meantime is no longer due and is left alone;
- SQLite has no row locks (Django ignores ``select_for_update`` there), but every
  transaction starts ``BEGIN IMMEDIATE`` (``transaction_mode`` in settings), which
  takes SQLite's single write lock, so the re-read above is already serialised.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, connections, transaction
from django.db.models import Model
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, Revision

from warta.scheduling import queries
from warta.scheduling.models import SchedulerHeartbeat

logger = logging.getLogger(__name__)

# The log actions Wagtail's own scheduler writes, so the page history reads
# "Published scheduled draft" / "Unpublished scheduled draft".
PUBLISH_LOG_ACTION = "wagtail.publish.scheduled"
UNPUBLISH_LOG_ACTION = "wagtail.unpublish.scheduled"
# The Wagtail hook through which an app ends its own objects at their expiry time.
EXPIRY_HOOK = "expire_scheduled_object"

MAX_INTERVAL = 30.0  # the newsroom is promised a check at least every 30 seconds


@dataclass
class PassResult:
    """What one scheduler pass did, in order: object ids published, expired, failed."""

    published: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def publish_due() -> PassResult:
    """One scheduler pass: publish every due revision, then expire, then beat.

    Publishing comes first so that an article that came due and expired while no
    scheduler ran ends the pass unpublished, and one re-scheduled with a later
    expiry is never taken down first.
    """
    result = PassResult()
    for revision_id in queries.due_revision_ids(timezone.now()):
        try:
            object_id = publish_scheduled_revision(revision_id)
        except Exception:
            logger.exception("Scheduled publish of revision %s failed", revision_id)
            result.failed.append(f"revision:{revision_id}")
            continue
        if object_id is not None:
            result.published.append(object_id)
    for model, pk in queries.expired_objects(timezone.now()):
        try:
            done = expire_object(model, pk)
        except Exception:
            logger.exception("Scheduled expiry of %s %s failed", model.__name__, pk)
            result.failed.append(f"{model._meta.label_lower}:{pk}")
            continue
        if done:
            result.expired.append(str(pk))
    purge_when_a_notice_turned()
    record_heartbeat(result)
    return result


def purge_when_a_notice_turned() -> bool:
    """Purge the page cache when a notice's display window opened or closed since
    the last pass: saving a notice purges (``notices.signal_handlers``), but a notice
    set to start at 18.00 would otherwise reach cached pages only when they expire."""
    from warta.notices.queries import notice_turned_between
    from warta.pagecache.services import purge_all

    now = timezone.now()
    last = SchedulerHeartbeat.objects.filter(pk=SchedulerHeartbeat.SINGLETON_PK).first()
    since = last.last_run_at if last else now - timedelta(seconds=settings.WARTA_PAGE_CACHE_SECONDS)
    if not notice_turned_between(since, now):
        return False
    purge_all()
    return True


def publish_scheduled_revision(revision_id: int) -> str | None:
    """Publish one due revision through Wagtail; the object's id, or None if skipped.

    Skipped when another scheduler holds the revision or its object, or when it is
    no longer due (published, re-scheduled or withdrawn since it was listed).
    """
    with transaction.atomic():
        revision = (
            Revision.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=revision_id, approved_go_live_at__lte=timezone.now())
            .select_related("base_content_type")
            .first()
        )
        if revision is None:
            return None
        base_model = revision.base_content_type.model_class()
        if not _lock_row(base_model, revision.object_id):
            return None
        revision.publish(log_action=PUBLISH_LOG_ACTION)
        logger.info("Scheduled publish: %s (revision %s)", revision.object_str, revision_id)
        return str(revision.object_id)


def expire_object(model: type[Model], pk) -> bool:
    """Unpublish one expired object as the Unpublish action does; False if skipped."""
    with transaction.atomic():
        obj = (
            model._default_manager.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=pk, live=True, expire_at__lte=timezone.now())
            .first()
        )
        if obj is None:
            return False
        if isinstance(obj, Page):
            obj = obj.specific
        if not _expired_by_hook(obj):
            obj.unpublish(set_expired=True, log_action=UNPUBLISH_LOG_ACTION)
        logger.info("Scheduled expiry: %s (%s %s)", obj, model.__name__, pk)
        return True


def _expired_by_hook(obj) -> bool:
    """Let the app that owns ``obj`` end it its own way (``EXPIRY_HOOK``).

    A hook is called as ``fn(obj, log_action=...)`` inside the transaction that
    holds the object's row lock, and returns True when it has unpublished the
    object (with ``set_expired``); the first that does wins. Articles use it so
    that their planned end is a takedown with a reason and a notice at the old
    address (``articles.wagtail_hooks.expire_article_with_notice``).
    """
    return any(fn(obj, log_action=UNPUBLISH_LOG_ACTION) for fn in hooks.get_hooks(EXPIRY_HOOK))


def _lock_row(model: type[Model], pk) -> bool:
    return (
        model._default_manager.select_for_update(skip_locked=True, of=("self",))
        .filter(pk=pk)
        .values_list("pk", flat=True)
        .first()
        is not None
    )


def record_heartbeat(result: PassResult) -> SchedulerHeartbeat:
    """Write down that a pass ran just now, for the admin's "is it alive?" check."""
    heartbeat, _ = SchedulerHeartbeat.objects.update_or_create(
        pk=SchedulerHeartbeat.SINGLETON_PK,
        defaults={
            "last_run_at": timezone.now(),
            "runner": f"{socket.gethostname()}:{os.getpid()}"[:120],
            "published": len(result.published),
            "expired": len(result.expired),
            "failed": len(result.failed),
        },
    )
    return heartbeat


# Running it ---------------------------------------------------------------------


def scheduler_interval(seconds: float | None = None) -> float:
    """The loop's interval: WARTA_SCHEDULER_INTERVAL unless given; above 30 s is refused."""
    value = float(settings.WARTA_SCHEDULER_INTERVAL if seconds is None else seconds)
    if not 0 < value <= MAX_INTERVAL:
        raise ImproperlyConfigured(
            f"WARTA_SCHEDULER_INTERVAL must be between 0 and {MAX_INTERVAL:g} seconds "
            f"(got {value:g}): scheduled articles are promised within 30 seconds."
        )
    return value


def run_scheduler(
    stop: threading.Event,
    interval: float | None = None,
    first_delay: float = 0.0,
    run_pass: Callable[[], object] | None = None,
) -> None:
    """Run passes every ``interval`` seconds until ``stop`` is set.

    A failing pass (the database restarting, say) is logged and the loop goes on:
    the next pass catches up on everything that came due meanwhile. Connections
    are recycled between passes as Django does between requests.
    """
    interval = scheduler_interval(interval)
    run_pass = run_pass or publish_due
    if stop.wait(first_delay):
        return
    try:
        while True:
            started = time.monotonic()
            close_old_connections()
            try:
                run_pass()
            except Exception:
                logger.exception("Scheduler pass failed; retrying in %.0f s", interval)
            close_old_connections()
            if stop.wait(max(0.0, interval - (time.monotonic() - started))):
                return
    finally:
        connections.close_all()


@dataclass
class BackgroundScheduler:
    """A scheduler loop on a daemon thread of the serving process, and its off switch."""

    thread: threading.Thread
    stop_event: threading.Event

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.thread.join(timeout)


def start_scheduler_thread(
    interval: float | None = None,
    first_delay: float = 0.0,
    run_pass: Callable[[], object] | None = None,
) -> BackgroundScheduler:
    """Start the loop on a daemon thread, so it ends with the process that serves."""
    interval = scheduler_interval(interval)
    stop = threading.Event()
    thread = threading.Thread(
        target=run_scheduler,
        args=(stop, interval, first_delay, run_pass),
        name="warta-scheduler",
        daemon=True,
    )
    thread.start()
    return BackgroundScheduler(thread=thread, stop_event=stop)
