"""Fixtures of the scheduling tests: a clock that moves, scheduled articles, signals."""

from __future__ import annotations

import itertools
import threading
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from warta.articles.models import ArticleAuthor, ArticlePage
from warta.testing.factories import make_person, make_section

_seq = itertools.count(1)


class Clock:
    """How far the test has moved time forward."""

    def __init__(self):
        self.offset = timedelta(0)

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


@pytest.fixture
def clock(monkeypatch):
    """Move time forward instead of waiting: Django and Wagtail read ``timezone.now()``."""
    moved = Clock()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + moved.offset)
    return moved


class SignalLog:
    """The articles each signal was sent for, in order (thread-safe).

    Wagtail also sends ``page_published`` when Publish with a future go-live time
    only schedules a new page (the page is not live then): those go to ``scheduled``.
    """

    def __init__(self):
        self.published: list[int] = []
        self.scheduled: list[int] = []
        self.unpublished: list[int] = []
        self._lock = threading.Lock()

    def on_published(self, sender, instance, **kwargs):
        with self._lock:
            (self.published if instance.live else self.scheduled).append(instance.pk)

    def on_unpublished(self, sender, instance, **kwargs):
        with self._lock:
            self.unpublished.append(instance.pk)


@pytest.fixture
def signals():
    log = SignalLog()
    page_published.connect(
        log.on_published, sender=ArticlePage, dispatch_uid="scheduling-test-published"
    )
    page_unpublished.connect(
        log.on_unpublished, sender=ArticlePage, dispatch_uid="scheduling-test-unpublished"
    )
    yield log
    page_published.disconnect(sender=ArticlePage, dispatch_uid="scheduling-test-published")
    page_unpublished.disconnect(sender=ArticlePage, dispatch_uid="scheduling-test-unpublished")


def scheduled_article(
    go_live_at: datetime,
    title: str | None = None,
    expire_at: datetime | None = None,
    section=None,
) -> ArticlePage:
    """A new article the editor scheduled: Publish pressed with a future go-live time.

    ``published_at`` is left empty, as an editor leaves it, for the publication
    to stamp.
    """
    section = section or make_section()
    n = next(_seq)
    article = ArticlePage(
        title=title or f"Berita terjadwal {n}",
        slug=f"berita-terjadwal-{n}",
        live=False,
        body=[("paragraph", "<p>Isi berita terjadwal.</p>")],
        go_live_at=go_live_at,
        expire_at=expire_at,
    )
    section.add_child(instance=article)
    ArticleAuthor.objects.create(article=article, person=make_person(), sort_order=0)
    article.save_revision(log_action=True).publish()
    article.refresh_from_db()
    return article


def scheduled_revision(article: ArticlePage) -> Revision:
    return Revision.page_revisions.get(object_id=str(article.pk), approved_go_live_at__isnull=False)
