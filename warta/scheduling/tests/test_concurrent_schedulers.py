"""Two schedulers at once on PostgreSQL: every due article is published exactly once.

The schedulers are two threads, each with its own database connection, so they
must really commit, and the locks must really be taken. A ``transaction=True``
test would do that, but its flush at the end empties the migrated site rows, and
the browser test that pytest-django runs after it needs them (docs/architecture.md,
"Browser tests"). So this test asks for no ``db`` at all: it unblocks the test
database itself (``django_db_blocker``), which places it after every database test,
builds the site rows if an earlier flush removed them, and removes what it made.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connections
from django.db.models import Count
from django.test.utils import setup_databases, teardown_databases
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, PageLogEntry, Site

from warta.articles.models import ArticlePage, Takedown
from warta.frontpage.models import HomePage
from warta.people.models import Person
from warta.scheduling.models import SchedulerHeartbeat
from warta.scheduling.services import PUBLISH_LOG_ACTION, UNPUBLISH_LOG_ACTION, publish_due
from warta.scheduling.tests.conftest import scheduled_article
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.postgres

ARTICLES = 40


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """The test database in autocommit, for work other connections must see.

    pytest-django creates the test database only when a collected test asks for
    ``db``; when this test runs alone it creates it here, so it never writes to
    the database DATABASE_URL names.
    """
    made = None
    with django_db_blocker.unblock():
        connection = connections["default"]
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            made = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        try:
            yield
        finally:
            connections.close_all()
            if made is not None:
                teardown_databases(made, verbosity=0)


def _ensure_site() -> None:
    """The rows migrations make (root page, locale, collection, home, site), if missing."""
    if Site.objects.filter(is_default_site=True).exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale, live=True)
    )
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Beranda", slug="beranda", locale=locale))
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Warta"
    )


def _run_two_schedulers(what: str = "published") -> dict[str, list[str]]:
    """Two scheduler passes at once; each one's ``published`` (or ``expired``) ids."""
    start = threading.Barrier(2, timeout=30)
    published: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def scheduler(name: str) -> None:
        try:
            start.wait()
            published[name] = getattr(publish_due(), what)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scheduler, args=(name,)) for name in ("satu", "dua")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    return published


def test_two_schedulers_at_once_publish_each_article_exactly_once(committed_db, clock, signals):
    _ensure_site()
    section = make_section("Uji Penjadwal", slug="uji-penjadwal")
    try:
        now = timezone.now()
        articles = [
            scheduled_article(now + timedelta(minutes=1, seconds=n), section=section)
            for n in range(ARTICLES)
        ]
        ids = sorted(article.pk for article in articles)
        signals.published.clear()

        clock.advance(timedelta(minutes=5))
        published = _run_two_schedulers()

        # Each scheduler's own list, together: every article once, none twice.
        together = published["satu"] + published["dua"]
        assert sorted(int(pk) for pk in together) == ids
        # Both really worked at the same time (the skipped rows went to the other).
        assert published["satu"] and published["dua"]
        # One page_published signal per article (record_publication ran once each)...
        assert Counter(signals.published) == Counter({pk: 1 for pk in ids})
        # ...and one publish log entry each, the one Wagtail's scheduler writes.
        logged = dict(
            PageLogEntry.objects.filter(page_id__in=ids, action__startswith="wagtail.publish")
            .exclude(action="wagtail.publish.schedule")
            .values_list("page_id")
            .annotate(n=Count("pk"))
            .values_list("page_id", "n")
        )
        assert logged == {pk: 1 for pk in ids}
        assert set(
            PageLogEntry.objects.filter(page_id__in=ids, action__startswith="wagtail.publish")
            .exclude(action="wagtail.publish.schedule")
            .values_list("action", flat=True)
        ) == {PUBLISH_LOG_ACTION}
        live = ArticlePage.objects.filter(pk__in=ids, live=True, published_at__isnull=False)
        assert live.count() == ARTICLES
    finally:
        page_ids = list(section.get_descendants(inclusive=True).values_list("pk", flat=True))
        person_ids = list(
            Person.objects.filter(credits__article_id__in=page_ids).values_list("pk", flat=True)
        )
        Page.objects.get(pk=section.pk).delete()
        PageLogEntry.objects.filter(page_id__in=page_ids).delete()
        Person.objects.filter(pk__in=person_ids).delete()
        SchedulerHeartbeat.objects.all().delete()


def test_two_schedulers_at_once_take_down_each_expired_article_exactly_once(
    committed_db, clock, signals
):
    """An article's expiry is a takedown (a notice row and an unpublish): done once."""
    _ensure_site()
    section = make_section("Uji Berakhir Tayang", slug="uji-berakhir-tayang")
    try:
        now = timezone.now()
        articles = [
            make_article(
                section=section,
                expire_at=now + timedelta(minutes=1, seconds=n),
                expiry_reason="dewan_pers",
                expiry_reason_text=f"Putusan {n}/2026",
            )
            for n in range(ARTICLES)
        ]
        ids = sorted(article.pk for article in articles)
        signals.unpublished.clear()

        clock.advance(timedelta(minutes=5))
        expired = _run_two_schedulers("expired")

        together = expired["satu"] + expired["dua"]
        assert sorted(int(pk) for pk in together) == ids
        assert expired["satu"] and expired["dua"]
        assert Counter(signals.unpublished) == Counter({pk: 1 for pk in ids})
        takedowns = dict(
            Takedown.objects.filter(article_id__in=ids)
            .values_list("article_id")
            .annotate(n=Count("pk"))
            .values_list("article_id", "n")
        )
        assert takedowns == {pk: 1 for pk in ids}
        texts = set(Takedown.objects.filter(article_id__in=ids).values_list("reason", "text"))
        assert texts == {("dewan_pers", f"Putusan {n}/2026") for n in range(ARTICLES)}
        logged = Counter(
            PageLogEntry.objects.filter(page_id__in=ids, action=UNPUBLISH_LOG_ACTION).values_list(
                "page_id", flat=True
            )
        )
        assert logged == Counter({pk: 1 for pk in ids})
        assert not ArticlePage.objects.filter(pk__in=ids, live=True).exists()
    finally:
        page_ids = list(section.get_descendants(inclusive=True).values_list("pk", flat=True))
        person_ids = list(
            Person.objects.filter(credits__article_id__in=page_ids).values_list("pk", flat=True)
        )
        Takedown.objects.filter(article_id__in=page_ids).delete()
        Page.objects.get(pk=section.pk).delete()
        PageLogEntry.objects.filter(page_id__in=page_ids).delete()
        Person.objects.filter(pk__in=person_ids).delete()
        SchedulerHeartbeat.objects.all().delete()
