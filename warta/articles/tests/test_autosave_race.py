"""A click on Simpan konsep/Terbitkan while the first autosave of a new article is on
its way (issue 12): never a 500, never the article twice; the click's save applies to
the page the autosave made."""

from __future__ import annotations

from unittest import mock

import pytest
from wagtail.models import Page

from warta.articles import editing
from warta.articles.models import ArticlePage
from warta.testing.factories import make_section
from warta.users.roles import PENULIS
from warta.users.tests.conftest import article_form, client_for, make_user

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
FORM = {"warta_create_form": "9b2f4c1e-create-form-token"}  # made by editing.js


def _create_url(section) -> str:
    return f"/admin/pages/add/articles/articlepage/{section.pk}/"


def _body(article) -> str:
    return str(article.get_latest_revision_as_object().body)


def test_save_clicked_after_the_autosave_made_the_page_saves_onto_it():
    section = make_section("Nasional", slug="nasional")
    writer = client_for(make_user("penulis", PENULIS))
    url = _create_url(section)

    autosaved = writer.post(url, {**article_form(), **FORM}, **AUTOSAVE)
    assert autosaved.status_code == 200 and autosaved.json()["success"]
    page_id = autosaved.json()["pk"]

    # The click posts the create form again, with what was typed meanwhile.
    click = {**article_form(title="Berita baru dari admin, judul akhir"), **FORM}
    click["slug"] = "berita-baru-dari-admin"
    response = writer.post(url, click)
    assert response.status_code == 307
    assert response["Location"] == f"/admin/pages/{page_id}/edit/"

    followed = writer.post(url, click, follow=True)
    assert followed.status_code == 200
    assert followed.redirect_chain[0] == (f"/admin/pages/{page_id}/edit/", 307)
    articles = ArticlePage.objects.filter(slug="berita-baru-dari-admin")
    assert articles.count() == 1
    article = articles.get()
    assert article.pk == page_id and not article.live
    assert article.get_latest_revision_as_object().title == "Berita baru dari admin, judul akhir"

    # Another create form (another token) with the same slug: Wagtail's slug error.
    other = {**click, "warta_create_form": "another-create-form"}
    response = writer.post(url, other)
    assert response.status_code == 200 and "slug" in response.context["form"].errors
    assert ArticlePage.objects.filter(slug="berita-baru-dari-admin").count() == 1


def test_slug_taken_while_the_click_was_being_saved_is_not_a_500():
    section = make_section("Nasional", slug="nasional")
    writer = client_for(make_user("penulis", PENULIS))
    url = _create_url(section)
    autosaved = writer.post(url, {**article_form(), **FORM}, **AUTOSAVE).json()["pk"]

    # The click was checked before the autosave's page existed: the form's slug check
    # and the hook passed, the save then found the slug taken.
    real = Page._slug_is_available
    calls = []

    def slug_free_at_first(slug, parent_page, page=None):
        calls.append(slug)
        return len(calls) == 1 or real(slug, parent_page, page)

    real_twin = editing.created_from_this_form
    twin_calls = []

    def not_there_yet(*args, **kwargs):
        twin_calls.append(args)
        return None if len(twin_calls) == 1 else real_twin(*args, **kwargs)

    with (
        mock.patch("warta.articles.editing.created_from_this_form", side_effect=not_there_yet),
        mock.patch.object(Page, "_slug_is_available", staticmethod(slug_free_at_first)),
    ):
        response = writer.post(url, {**article_form(title="Judul dari klik"), **FORM})
    assert response.status_code == 307
    assert response["Location"] == f"/admin/pages/{autosaved}/edit/"
    assert len(twin_calls) == 2  # the hook, then the save that found the slug taken
    assert ArticlePage.objects.filter(slug="berita-baru-dari-admin").count() == 1

    # Another form's page took the slug: the form comes back with the error, no 500.
    calls.clear()
    with (
        mock.patch.object(editing, "RACE_WAIT_SECONDS", 0.2),
        mock.patch.object(Page, "_slug_is_available", staticmethod(slug_free_at_first)),
    ):
        response = writer.post(url, article_form(title="Judul dari klik"))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert ArticlePage.objects.filter(slug="berita-baru-dari-admin").count() == 1
