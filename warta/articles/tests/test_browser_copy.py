# ruff: noqa: F811  (pytest fixtures arrive as arguments named like the imported fixture)
"""A copy of the edit form kept in the browser comes back, and a save that worked drops it.

``articles/editing.js`` keeps the form in localStorage when a save or an autosave fails
(the database down) and posts it back with ``warta_restore`` on Pulihkan; this pins
the server's part. The browser's part is in tests/browser/test_database_outage.py.
"""

from __future__ import annotations

import re

import pytest

from warta.articles.editing import SAVED_COOKIE
from warta.testing.factories import make_article
from warta.users.tests.conftest import (
    article_form,
    client_for,
    newsroom,  # noqa: F401  (the role fixture)
)

pytestmark = pytest.mark.django_db

TOKEN = "0b6a1f0e-3c1d-4bb5-9d55-3f0d7c6c2a10"


@pytest.fixture
def article(newsroom):
    return make_article(section=newsroom.nasional, title="Banjir di Jakarta", summary="Awal.")


def _edit_url(article) -> str:
    return f"/admin/pages/{article.pk}/edit/"


def _loaded(html: str) -> dict:
    return dict(
        re.findall(r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"', html)
    )


def test_pulihkan_shows_the_kept_copy_and_saves_nothing(newsroom, article):
    editor = client_for(newsroom.editor)
    html = editor.get(_edit_url(article)).content.decode()
    revisions = article.revisions.count()
    copy = {**article_form(article, summary="Ditulis saat server mati."), **_loaded(html)}
    response = editor.post(_edit_url(article), {**copy, "warta_restore": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Teks yang belum tersimpan dari peramban ini dipulihkan" in page
    assert "Ditulis saat server mati." in page
    assert 'data-w-unsaved-force-value="true"' in page
    assert article.revisions.count() == revisions
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Awal."


def test_pulihkan_of_a_copy_made_stale_meanwhile_warns_of_the_newer_version(newsroom, article):
    editor = client_for(newsroom.editor)
    html = editor.get(_edit_url(article)).content.decode()
    dewi = client_for(newsroom.redaktur)
    dewi_html = dewi.get(_edit_url(article)).content.decode()
    dewi_form = {**article_form(article, summary="Versi Dewi."), **_loaded(dewi_html)}
    assert dewi.post(_edit_url(article), dewi_form).status_code == 302

    copy = {**article_form(article, summary="Versi Sari."), **_loaded(html)}
    page = editor.post(_edit_url(article), {**copy, "warta_restore": "1"}).content.decode()
    assert "sudah disimpan oleh" in page
    assert "Versi Sari." in page
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Versi Dewi."


def test_pulihkan_of_a_page_not_created_yet_fills_the_create_form(newsroom):
    editor = client_for(newsroom.editor)
    url = f"/admin/pages/add/articles/articlepage/{newsroom.nasional.pk}/"
    data = article_form(title="Berita yang belum sempat dibuat", summary="Ringkasan tertahan.")
    count = newsroom.nasional.get_children().count()
    response = editor.post(url, {**data, "warta_restore": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Berita yang belum sempat dibuat" in page
    assert "Teks yang belum tersimpan dari peramban ini dipulihkan" in page
    assert newsroom.nasional.get_children().count() == count


def test_a_save_that_worked_names_its_copy_in_a_cookie(newsroom, article):
    editor = client_for(newsroom.editor)
    html = editor.get(_edit_url(article)).content.decode()
    form = {**article_form(article, summary="Tersimpan."), **_loaded(html), "warta_copy": TOKEN}
    response = editor.post(_edit_url(article), form)
    assert response.status_code == 302
    cookie = response.cookies[SAVED_COOKIE]
    assert cookie.value == TOKEN
    assert cookie["path"] == "/admin/"
    assert not cookie["httponly"]


def test_a_save_that_did_not_go_through_names_no_copy(newsroom, article):
    editor = client_for(newsroom.editor)
    html = editor.get(_edit_url(article)).content.decode()
    # A required title missing: the form comes back, nothing saved.
    form = {**article_form(article, title=""), **_loaded(html), "warta_copy": TOKEN}
    response = editor.post(_edit_url(article), {**form, "action-publish": "1"})
    assert response.status_code == 200
    assert SAVED_COOKIE not in response.cookies


def test_a_token_that_is_not_one_is_not_echoed(newsroom, article):
    editor = client_for(newsroom.editor)
    html = editor.get(_edit_url(article)).content.decode()
    form = {**article_form(article), **_loaded(html), "warta_copy": "<script>x</script>"}
    assert SAVED_COOKIE not in editor.post(_edit_url(article), form).cookies
