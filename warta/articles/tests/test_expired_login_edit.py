# ruff: noqa: F811  (pytest fixtures arrive as arguments named like the imported fixture)
"""An edit posted after the login expired is kept, and comes back after logging in.

The browser side (Chromium, the autosave, the login page) is in
tests/browser/test_newsroom_editing.py; this pins the server's part.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from warta.testing.factories import make_article
from warta.users.tests.conftest import (
    article_form,
    client_for,
    newsroom,  # noqa: F401  (the role fixture)
)

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-uji-123"


@pytest.fixture
def article(newsroom):
    return make_article(section=newsroom.nasional, title="Banjir di Jakarta", summary="Awal.")


def _edit_url(article) -> str:
    return f"/admin/pages/{article.pk}/edit/"


def _form(article, html: str, **fields) -> dict:
    loaded = dict(
        re.findall(r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"', html)
    )
    return {**article_form(article, **fields), **loaded}


def _expired_post(article, extra: str = "", **headers):
    """Sari opens the editor, her login expires, she saves: the answer and her browser."""
    browser = Client()
    assert (
        browser.post("/admin/login/", {"username": "editor", "password": PASSWORD}).status_code
        == 302
    )
    page = browser.get(_edit_url(article)).content.decode()
    Session.objects.all().delete()
    response = browser.post(
        _edit_url(article),
        _form(article, page, summary="Ditulis setelah sesi habis." + extra),
        **headers,
    )
    return response, browser


def _log_in_again(browser, location: str):
    back = browser.post(location, {"username": "editor", "password": PASSWORD})
    assert back.status_code == 302
    return back["Location"]


def test_the_post_is_kept_and_shown_again_after_logging_in(newsroom, article):
    revisions = article.revisions.count()
    expired, browser = _expired_post(article)
    assert expired.status_code == 302
    assert expired["Location"].startswith("/admin/login/?next=")
    assert article.revisions.count() == revisions

    assert _log_in_again(browser, expired["Location"]) == _edit_url(article)
    restored = browser.get(_edit_url(article))
    assert restored.status_code == 200
    html = restored.content.decode()
    assert "Isian Anda dipulihkan" in html
    assert "Ditulis setelah sesi habis." in html
    assert article.revisions.count() == revisions  # shown, not saved

    # Saving the restored form stores it; the kept post is shown only once.
    saved = browser.post(
        _edit_url(article), _form(article, html, summary="Ditulis setelah sesi habis.")
    )
    assert saved.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Ditulis setelah sesi habis."
    again = browser.get(_edit_url(article)).content.decode()
    assert "Isian Anda dipulihkan" not in again


def test_a_kept_post_made_stale_meanwhile_comes_back_with_the_conflict_warning(newsroom, article):
    expired, browser = _expired_post(article)
    dewi = client_for(newsroom.redaktur)
    page = dewi.get(_edit_url(article)).content.decode()
    assert (
        dewi.post(_edit_url(article), _form(article, page, summary="Versi Dewi.")).status_code
        == 302
    )

    _log_in_again(browser, expired["Location"])
    html = browser.get(_edit_url(article)).content.decode()
    assert "sudah disimpan oleh" in html
    assert "Ditulis setelah sesi habis." in html
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Versi Dewi."


def test_an_autosave_after_the_login_expired_is_not_kept(newsroom, article):
    expired, browser = _expired_post(article, headers={"Accept": "application/json"})
    assert expired.status_code == 302
    _log_in_again(browser, expired["Location"])
    assert "Isian Anda dipulihkan" not in browser.get(_edit_url(article)).content.decode()


def test_a_kept_post_is_only_restored_on_its_own_page(newsroom, article):
    other = make_article(section=newsroom.nasional, title="Berita lain")
    expired, browser = _expired_post(article)
    _log_in_again(browser, expired["Location"])
    assert "Isian Anda dipulihkan" not in browser.get(_edit_url(other)).content.decode()
    assert "Isian Anda dipulihkan" in browser.get(_edit_url(article)).content.decode()


def test_another_user_logging_in_on_that_browser_does_not_get_the_kept_post(newsroom, article):
    expired, browser = _expired_post(article)
    # Dewi (Redaktur, who may edit the article too) logs in on the same browser.
    back = browser.post(expired["Location"], {"username": "redaktur", "password": PASSWORD})
    assert back.status_code == 302
    html = browser.get(_edit_url(article)).content.decode()
    assert "Isian Anda dipulihkan" not in html
    assert "Ditulis setelah sesi habis." not in html
    # And it is gone, not waiting for the next login on that browser.
    assert "warta_unsaved_edit" not in browser.session


def test_an_anonymous_post_is_not_kept(newsroom, article):
    """A visitor who never opened the editor cannot park a post in a session."""
    stranger = Client()
    stranger.get("/admin/login/")
    revision = article.get_latest_revision()
    response = stranger.post(
        _edit_url(article),
        {
            **article_form(article, summary="Titipan orang asing."),
            "loaded_revision_id": str(revision.pk),
            "loaded_revision_created_at": revision.created_at.isoformat(),
        },
    )
    assert response.status_code == 302
    assert "warta_unsaved_edit" not in stranger.session


def test_an_oversized_post_is_not_kept(newsroom, article):
    expired, browser = _expired_post(article, extra="x" * 1_100_000)
    assert expired.status_code == 302
    assert "warta_unsaved_edit" not in browser.session
