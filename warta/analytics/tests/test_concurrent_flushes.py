"""Two flushes of the same Redis buckets at once on PostgreSQL count each read once.

Two nodes can flush together (the flush lock in Redis expires, ``warta flush-reads``
runs from a timer). Each flush is a thread with its own connection, so the
transactions really overlap and the lock on the totals' clock must really be taken.
Like ``scheduling/tests/test_concurrent_schedulers.py``, the test asks for no ``db``
(a ``transaction=True`` flush would empty the site rows later tests need): it
unblocks the test database itself and removes what it made.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.test.utils import setup_databases, teardown_databases
from django.utils import timezone
from wagtail.models import Site

from warta.analytics import services
from warta.analytics.buffers import hour_of
from warta.analytics.models import ArticleReads, ReadFlushMark
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.postgres


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
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


def _at_once(work, times: int = 2) -> list:
    start = threading.Barrier(times, timeout=30)
    results, errors = [], []

    def run() -> None:
        try:
            start.wait()
            results.append(work())
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    return results


def test_two_flushes_of_the_same_buckets_at_once_count_once(committed_db):
    if not Site.objects.filter(is_default_site=True).exists():
        pytest.skip("the site rows were removed by an earlier transactional test")
    section = make_section("Uji Flush Serentak", slug="uji-flush-serentak")
    article = make_article(section=section)
    now = hour_of(timezone.now())
    buckets = {
        "run-a:now": (now, {article.pk: 7}),
        "run-a:before": (now - timedelta(hours=1), {article.pk: 3}),
    }
    try:
        for _ in range(3):
            _at_once(lambda: services.store_cumulative(buckets))
        reads = ArticleReads.objects.filter(article=article).values_list("reads", flat=True)
        assert sum(reads) == 10
        # One more read in the current bucket: only the difference is added.
        _at_once(lambda: services.store_cumulative({"run-a:now": (now, {article.pk: 8})}))
        reads = ArticleReads.objects.filter(article=article).values_list("reads", flat=True)
        assert sum(reads) == 11
    finally:
        ReadFlushMark.objects.filter(article_id=article.pk).delete()
        section.get_descendants(inclusive=True).delete()
        services.rebuild_read_rollups()
