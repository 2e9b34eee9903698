"""Counts are shared by every worker: parallel failures on separate database
connections (as gunicorn workers on several nodes have) lose none."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import RequestFactory

from warta.security import throttle
from warta.security.models import SignInCounter

# serialized_rollback: the flush at the end must leave the rows later transactional
# tests expect (roles, root page, site), as every transactional test here does.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKERS = 8
FAILURES_EACH = 5


def test_parallel_failures_from_many_workers_all_count():
    start = threading.Barrier(WORKERS)
    errors = []

    def worker(n):
        request = RequestFactory().post("/admin/login/", REMOTE_ADDR=f"198.51.100.{n + 1}")
        try:
            start.wait()
            for _ in range(FAILURES_EACH):
                throttle.record_failure(request, "editor")
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    account = SignInCounter.objects.get(
        scope=SignInCounter.ACCOUNT, key=throttle.account_key("editor")
    )
    assert account.failures == WORKERS * FAILURES_EACH
    assert account.locked_until is not None
    addresses = SignInCounter.objects.filter(scope=SignInCounter.ADDRESS)
    assert sorted(addresses.values_list("failures", flat=True)) == [FAILURES_EACH] * WORKERS
    assert throttle.refusal_for(RequestFactory().get("/"), "editor") is not None
