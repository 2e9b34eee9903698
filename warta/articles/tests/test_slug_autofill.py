"""A writer types only the headline and body: the slug is made from the headline,
on a full save and on an autosave, unique within the kanal; the byline row the
editor shows (empty, or naming her own profile) does not stand in the way."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.articles.admin_forms import unique_page_slug
from warta.articles.models import ArticlePage
from warta.testing.factories import make_article, make_person, make_section
from warta.users.roles import PENULIS
from warta.users.services import assign_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer() -> Client:
    user = get_user_model().objects.create_user("penulis", "penulis@example.com", "sandi-123")
    assign_role(user, PENULIS)
    client = Client()
    client.force_login(user)
    return client


def _typed(title: str, **extra) -> dict:
    """What the editor posts when only the headline and one paragraph were typed: the
    byline's first row is there, with no contributor chosen."""
    data = {
        "title": title,
        "slug": "",
        "body": streamfield([("paragraph", rich_text("<p>Air setinggi lutut.</p>"))]),
        "authors": inline_formset(
            [{"id": "", "person": "", "role": "penulis", "ORDER": "1", "DELETE": ""}], min=1
        ),
    }
    data.update(extra)
    return nested_form_data(data)


def test_draft_with_headline_and_body_only_gets_a_slug(writer):
    section = make_section("Nasional", slug="nasional")
    taken = make_article(title="Banjir Rendam Kemang", section=section)
    ArticlePage.objects.filter(pk=taken.pk).update(slug="banjir-rendam-kemang")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"

    response = writer.post(url, _typed("Banjir Rendam Kemang"))
    assert response.status_code == 302, response.content.decode()[:2000]
    response = writer.post(url, _typed("Banjir Rendam Kemang"))
    assert response.status_code == 302

    slugs = sorted(ArticlePage.objects.child_of(section).values_list("slug", flat=True))
    assert slugs == ["banjir-rendam-kemang", "banjir-rendam-kemang-2", "banjir-rendam-kemang-3"]
    draft = ArticlePage.objects.get(slug="banjir-rendam-kemang-3")
    assert not draft.live
    assert draft.get_latest_revision_as_object().body[0].block_type == "paragraph"


def test_autosave_of_a_new_page_with_only_a_headline_fills_the_slug(writer):
    section = make_section("Nasional", slug="nasional")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    form = _typed("Gempa di Cianjur", body=streamfield([]))

    response = writer.post(url, form, headers={"accept": "application/json"})

    assert response.status_code == 200, response.content.decode()[:2000]
    answer = json.loads(response.content)
    assert answer["success"] is True
    assert answer["field_updates"]["slug"] == "gempa-di-cianjur"
    assert ArticlePage.objects.get(pk=answer["pk"]).slug == "gempa-di-cianjur"

    # The next autosave posts to the edit view what Wagtail's field updates made of
    # the form: the empty byline row now counts as an initial one, still without id.
    form = _typed("Gempa di Cianjur Barat", body=streamfield([]), slug="gempa-di-cianjur")
    form["authors-INITIAL_FORMS"] = answer["field_updates"].get("authors-INITIAL_FORMS", "0")
    form["loaded_revision_id"] = str(answer["revision_id"])
    form["loaded_revision_created_at"] = answer["revision_created_at"]
    response = writer.post(answer["url"], form, headers={"accept": "application/json"})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert json.loads(response.content)["success"] is True
    article = ArticlePage.objects.get(pk=answer["pk"])
    assert article.get_latest_revision_as_object().title == "Gempa di Cianjur Barat"
    assert not article.authors.exists()


def test_the_byline_starts_with_the_writers_own_profile_and_is_needed_to_submit(writer):
    section = make_section("Nasional", slug="nasional")
    user = get_user_model().objects.get(username="penulis")
    mine = make_person("Sri Wahyuni")
    mine.user = user
    mine.save()
    form_class = ArticlePage.get_edit_handler().get_form_class()

    new = form_class(instance=ArticlePage(), parent_page=section, for_user=user)
    assert new.formsets["authors"].forms[0].initial["person"] == mine.pk

    # Without deferring (submit, publish), the empty row is refused as before.
    posted = form_class(_typed("Judul"), instance=ArticlePage(), parent_page=section, for_user=user)
    assert not posted.is_valid()
    assert posted.formsets["authors"].forms[0].errors["person"]


def test_empty_slug_follows_a_draft_but_not_a_published_article(writer):
    section = make_section("Nasional", slug="nasional")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    writer.post(url, _typed("Judul sementara"))
    draft = ArticlePage.objects.get(slug="judul-sementara")

    response = writer.post(f"/admin/pages/{draft.pk}/edit/", _typed("Judul akhir"))
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.slug == "judul-akhir"

    live = make_article(title="Sudah tayang", section=section)
    assert unique_page_slug("Sudah tayang lagi", section, live) == "sudah-tayang-lagi"
    form = ArticlePage.get_edit_handler().get_form_class()(
        _typed("Judul baru sama sekali", slug=""), instance=live, parent_page=section
    )
    form.is_valid()
    assert form.cleaned_data["slug"] == live.slug


def test_a_typed_slug_is_kept_and_a_taken_one_refused(writer):
    section = make_section("Nasional", slug="nasional")
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    writer.post(url, _typed("Apa saja", slug="alamat-pilihan"))
    assert ArticlePage.objects.filter(slug="alamat-pilihan").exists()
    response = writer.post(url, _typed("Lain lagi", slug="alamat-pilihan"))
    assert response.status_code == 200  # the form again, with Wagtail's own slug error
    assert ArticlePage.objects.filter(slug="alamat-pilihan").count() == 1
