"""Proof that the PostgreSQL pass of `make test` really runs on PostgreSQL."""

import pytest
from django.db import connection


@pytest.mark.postgres
@pytest.mark.django_db
def test_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()
    assert version.startswith("PostgreSQL")
    assert connection.settings_dict["NAME"].startswith("test_")
