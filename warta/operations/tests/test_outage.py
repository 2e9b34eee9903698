"""The database down: 503 with Retry-After and an Indonesian page, never a 500 (issue 10).

The database really fails here: the request's connection is swapped for one to a
database that cannot be opened (an SQLite file in a missing folder, or a PostgreSQL
port nobody listens on), or, on PostgreSQL, the test database stops taking
connections and its backends are terminated, as during a restart.
"""

from __future__ import annotations

import contextlib
import logging
import os

import pytest
from django.contrib.auth import get_user_model
from django.db import connections
from django.db.utils import load_backend
from django.test import Client, RequestFactory

from warta.operations import outage

pytestmark = pytest.mark.django_db

MAINTENANCE = "Sedang dalam pemeliharaan"


@contextlib.contextmanager
def database_unreachable():
    """The default database cannot be reached until the block ends (a real driver error)."""
    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-warta-folder/warta.sqlite3"
    else:
        settings_dict.update(HOST="127.0.0.1", PORT="9")  # the discard port: refused
    unreachable = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    connections["default"] = unreachable
    try:
        yield
    finally:
        unreachable.close()
        connections["default"] = original


def _client(user=None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("redaksi", "redaksi@example.com", "sandi-uji")


def _assert_maintenance(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


def test_a_reader_page_is_a_503_maintenance_page():
    client = _client()
    with database_unreachable():
        response = client.get("/", HTTP_ACCEPT="text/html")
    _assert_maintenance(response)
    html = response.content.decode()
    assert MAINTENANCE in html
    assert 'lang="id"' in html
    assert "Terjadi kesalahan" not in html
    assert '<meta http-equiv="refresh" content="30">' in html


def test_the_database_coming_back_ends_the_maintenance(editor):
    client = _client(editor)
    with database_unreachable():
        assert client.get("/admin/").status_code == 503
    assert client.get("/admin/").status_code == 200


def test_the_admin_fails_in_the_session_middleware_and_still_gets_a_503(editor):
    """The session and the logged-in user are read before any view: still a 503."""
    client = _client(editor)
    with database_unreachable():
        response = client.get("/admin/pages/", HTTP_ACCEPT="text/html")
    _assert_maintenance(response)
    assert "Muat ulang halaman ini" in response.content.decode()


def test_a_posted_edit_form_is_told_its_text_is_kept_in_the_browser(editor):
    client = _client(editor)
    with database_unreachable():
        response = client.post(
            "/admin/pages/3/edit/", {"title": "Judul baru"}, HTTP_ACCEPT="text/html"
        )
    _assert_maintenance(response)
    html = response.content.decode()
    assert "Perubahan Anda belum tersimpan di server" in html
    assert 'href="/admin/pages/3/edit/"' in html
    assert "http-equiv" not in html  # a post is never sent again by itself


def test_an_autosave_gets_a_json_503_in_the_shape_wagtail_reads(editor):
    client = _client(editor)
    with database_unreachable():
        response = client.post(
            "/admin/pages/3/edit/", {"title": "Judul baru"}, HTTP_ACCEPT="application/json"
        )
    _assert_maintenance(response)
    body = response.json()
    assert body["success"] is False
    assert body["error_code"] == outage.ERROR_CODE
    assert body["retry_after"] == 30
    assert "pemeliharaan" in body["error_message"]


def test_the_outage_is_logged_once_as_a_warning_without_the_drivers_text(caplog):
    client = _client()
    with caplog.at_level(logging.INFO), database_unreachable():
        client.get("/indeks/")
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.levelname) for r in records] == [("warta.operations.outage", "WARNING")]
    message = records[0].getMessage()
    assert "GET /indeks/" in message and "OperationalError" in message
    assert records[0].exc_info is None
    assert "nonexistent-warta-folder" not in caplog.text and "127.0.0.1" not in caplog.text


def test_any_other_error_is_still_the_plain_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug, not an outage")
    except ValueError:
        response = outage.server_error(request)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Terjadi kesalahan" in response.content.decode()


def test_a_database_error_wrapped_in_another_is_still_an_outage():
    from django.db.utils import OperationalError

    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as exc:
            raise RuntimeError("while rendering a template") from exc
    except RuntimeError as exc:
        assert outage.is_database_outage(exc)
    assert not outage.is_database_outage(ValueError())


@contextlib.contextmanager
def postgres_refusing_connections():
    """The test database stops taking connections and its sessions are cut (a restart)."""
    import psycopg

    name = connections["default"].settings_dict["NAME"]
    params = dict(connections["default"].get_connection_params())
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
            connections.close_all()


@pytest.mark.postgres
# serialized_rollback: the root page and site, as every transactional test here expects.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_restarting_is_a_503_then_pages_again(editor):
    client = _client(editor)
    assert os.environ.get("DATABASE_URL", "").startswith("postgres")
    with postgres_refusing_connections():
        reader = _client().get("/", HTTP_ACCEPT="text/html")
        admin = client.get("/admin/", HTTP_ACCEPT="text/html")
        autosave = client.post("/admin/pages/3/edit/", {}, HTTP_ACCEPT="application/json")
    for response in (reader, admin, autosave):
        _assert_maintenance(response)
    assert MAINTENANCE in reader.content.decode()
    assert client.get("/admin/").status_code == 200


def test_wagtails_autosave_messages_are_indonesian(editor):
    """The autosave indicator (a template) and its tooltips (the JS catalog) in Indonesian."""
    client = _client(editor)
    catalog = client.get("/admin/jsi18n/").content.decode()
    assert "Server sedang bermasalah. Simpan otomatis akan dicoba lagi." in catalog
    assert "Sambungan ke server terputus" in catalog
    from django.utils import translation

    with translation.override("id"):
        assert translation.gettext("Autosave is paused") == "Simpan otomatis dijeda"
        assert translation.gettext("Saving…") == "Menyimpan..."  # Wagtail's own, kept
