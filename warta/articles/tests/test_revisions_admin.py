# ruff: noqa: F811  (pytest fixtures arrive as arguments named like the imported fixture)
"""Revisions in the admin, as an editor does it through the admin's own URLs.

- compare two revisions field by field, and restore one;
- two editors on one article: the second is warned, and a stale save is held back;
- an expired login: the post is not applied, and after logging in again it is.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import rich_text, streamfield

from warta.articles.models import ArticlePage
from warta.testing.factories import make_article
from warta.users.roles import REDAKTUR
from warta.users.tests.conftest import (
    article_form,
    client_for,
    make_user,
    newsroom,  # noqa: F401  (the role fixture)
)

pytestmark = pytest.mark.django_db


def _edit_url(article) -> str:
    return f"/admin/pages/{article.pk}/edit/"


def _loaded(html: str) -> dict[str, str]:
    """The revision the edit form was loaded from, as Wagtail's form posts it back."""
    return dict(
        re.findall(r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"', html)
    )


def _form(article, html: str, **fields) -> dict:
    return {**article_form(article, **fields), **_loaded(html)}


def _body(text: str) -> dict:
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


@pytest.fixture
def article(newsroom):
    return make_article(
        section=newsroom.nasional,
        title="Banjir di Jakarta",
        summary="Ringkasan pertama.",
        source_name="Media Asal",
        paragraphs=("Air setinggi satu meter.",),
    )


# Compare and restore -----------------------------------------------------------------


def test_an_editor_compares_two_revisions_field_by_field_and_restores_one(newsroom, article):
    editor = client_for(newsroom.editor)
    first = article.latest_revision
    page = editor.get(_edit_url(article)).content.decode()
    response = editor.post(
        _edit_url(article),
        _form(
            article,
            page,
            title="Banjir besar di Jakarta",
            summary="Ringkasan kedua.",
            source_name="Media Lain",
            body=_body("Air setinggi dua meter."),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    second = article.latest_revision
    assert second.pk != first.pk

    compare = editor.get(f"/admin/pages/{article.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    html = compare.content.decode()
    for label in ("Judul:", "Ringkasan:", "Isi berita:", "Sumber berita:"):
        assert f'<div class="title-wrapper">{label}</div>' in html
    for old, new in (
        ("pertama.", "kedua."),  # ringkasan, word by word
        ("Asal", "Lain"),  # sumber berita
        ("satu meter", "dua meter"),  # the StreamField body, block by block
    ):
        assert re.search(rf'class="[^"]*deletion"[^>]*>[^<]*{re.escape(old)}', html), old
        assert re.search(rf'class="[^"]*addition"[^>]*>[^<]*{re.escape(new)}', html), new
    assert '<span class="addition">besar </span>' in html

    revert_url = f"/admin/pages/{article.pk}/revisions/{first.pk}/revert/"
    form = editor.get(revert_url)
    assert form.status_code == 200
    assert "Ringkasan pertama." in form.content.decode()
    restored = editor.post(
        revert_url,
        _form(
            article,
            form.content.decode(),
            title="Banjir di Jakarta",
            summary="Ringkasan pertama.",
            source_name="Media Asal",
            body=_body("Air setinggi satu meter."),
        ),
    )
    assert restored.status_code == 302
    article.refresh_from_db()
    latest = article.get_latest_revision_as_object()
    assert (latest.title, latest.summary, latest.source_name) == (
        "Banjir di Jakarta",
        "Ringkasan pertama.",
        "Media Asal",
    )
    assert "satu meter" in str(latest.body[0].value)
    assert article.revisions.count() == 3  # restoring adds a revision, it never rewrites one
    assert PageLogEntry.objects.filter(page=article, action="wagtail.revert").exists()


# Two editors at once ---------------------------------------------------------------


def _ping(client, article, html: str) -> dict:
    loaded = _loaded(html)
    response = client.post(
        f"/admin/editing-sessions/ping/wagtailcore/page/{article.pk}/0/",
        {
            "revision_id": loaded["loaded_revision_id"],
            "revision_created_at": loaded["loaded_revision_created_at"],
            "is_editing": "1",
        },
    )
    assert response.status_code == 200
    return response.json()


def test_the_second_editor_is_warned_and_cannot_silently_overwrite(newsroom, article):
    sari = client_for(newsroom.editor)
    dewi = client_for(make_user("dewi", REDAKTUR, first_name="Dewi", last_name="Redaktur"))
    sari_page = sari.get(_edit_url(article)).content.decode()
    dewi_page = dewi.get(_edit_url(article)).content.decode()
    assert _ping(dewi, article, dewi_page)["other_sessions"][0]["revision_id"] is None

    saved = sari.post(_edit_url(article), _form(article, sari_page, summary="Versi Sari."))
    assert saved.status_code == 302
    sari_revision = Revision.objects.filter(object_id=str(article.pk)).latest("created_at")

    # Before saving: Dewi's open editor learns (every ping) that Sari saved a newer version.
    warned = _ping(dewi, article, dewi_page)
    newer = [s for s in warned["other_sessions"] if s["revision_id"]]
    assert newer and newer[0]["revision_id"] == sari_revision.pk
    assert newer[0]["user"] == "Sari Editor"

    # Saving the stale copy anyway: nothing is saved, the form comes back with her input.
    stale = dewi.post(_edit_url(article), _form(article, dewi_page, summary="Versi Dewi."))
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "sudah disimpan oleh Sari Editor" in html
    assert "Versi Dewi." in html
    article.refresh_from_db()
    assert article.latest_revision_id == sari_revision.pk
    assert article.get_latest_revision_as_object().summary == "Versi Sari."

    # The same goes for publishing from a stale copy.
    publish = dewi.post(
        _edit_url(article),
        _form(article, dewi_page, summary="Versi Dewi.", **{"action-publish": "1"}),
    )
    assert publish.status_code == 409
    article.refresh_from_db()
    assert ArticlePage.objects.get(pk=article.pk).summary != "Versi Dewi."

    # Warned, she saves again from the returned form: now it is her informed choice.
    again = dewi.post(_edit_url(article), _form(article, html, summary="Versi Dewi."))
    assert again.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Versi Dewi."


def test_a_stale_autosave_is_refused_by_wagtail(newsroom, article):
    sari, dewi = client_for(newsroom.editor), client_for(newsroom.redaktur)
    sari_page = sari.get(_edit_url(article)).content.decode()
    dewi_page = dewi.get(_edit_url(article)).content.decode()
    assert sari.post(_edit_url(article), _form(article, sari_page, summary="A")).status_code == 302
    response = dewi.post(
        _edit_url(article),
        _form(article, dewi_page, summary="B"),
        headers={"Accept": "application/json"},
    )
    assert response.json()["error_code"] == "invalid_revision"
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "A"


def test_a_fresh_save_is_not_held_back(newsroom, article):
    editor = client_for(newsroom.editor)
    for summary in ("Satu.", "Dua."):  # each save from the form the previous save returned
        page = editor.get(_edit_url(article)).content.decode()
        assert (
            editor.post(_edit_url(article), _form(article, page, summary=summary)).status_code
            == 302
        )
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Dua."


# An expired login ------------------------------------------------------------------


def test_work_posted_after_the_login_expired_is_saved_after_logging_in_again(newsroom, article):
    browser = Client()
    assert (
        browser.post(
            "/admin/login/", {"username": "editor", "password": "sandi-uji-123"}
        ).status_code
        == 302
    )
    page = browser.get(_edit_url(article)).content.decode()
    revisions = article.revisions.count()
    Session.objects.all().delete()  # the login expires while the editor is typing

    data = _form(article, page, summary="Ditulis sebelum sesi habis.")
    expired = browser.post(_edit_url(article), data)
    assert expired.status_code == 302
    assert expired["Location"].startswith("/admin/login/?next=")
    assert f"/admin/pages/{article.pk}/edit/" in expired["Location"]
    assert article.revisions.count() == revisions  # nothing half-saved

    back = browser.post(expired["Location"], {"username": "editor", "password": "sandi-uji-123"})
    assert back.status_code == 302
    assert back["Location"] == _edit_url(article)
    # The form in the browser still holds the work (Wagtail keeps the page open and
    # its autosave only reports the failure); posting it again now succeeds.
    again = browser.post(_edit_url(article), data)
    assert again.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().summary == "Ditulis sebelum sesi habis."
