"""A small newsroom for the role tests: two kanal, a writer or two, an editor, a Redaktur."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.sections.models import SectionPage
from warta.testing.factories import make_article, make_person, make_section
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import assign_role, set_editor_sections


@dataclass
class Newsroom:
    nasional: SectionPage
    olahraga: SectionPage
    penulis: object
    penulis_lain: object
    editor: object  # editor of Nasional only
    redaktur: object

    def user(self, role: str):
        return getattr(self, role)

    def section(self, place: str) -> SectionPage:
        return self.nasional if place == "nasional" else self.olahraga


def make_user(username: str, *roles: str, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "sandi-uji-123", **fields
    )
    for role in roles:
        assign_role(user, role)
    return user


@pytest.fixture
def newsroom(db) -> Newsroom:
    nasional = make_section("Nasional", slug="nasional")
    olahraga = make_section("Olahraga", slug="olahraga")
    editor = make_user("editor", first_name="Sari", last_name="Editor")
    set_editor_sections(editor, [nasional])
    return Newsroom(
        nasional=nasional,
        olahraga=olahraga,
        penulis=make_user("penulis", PENULIS, first_name="Budi", last_name="Penulis"),
        penulis_lain=make_user("penulis_lain", PENULIS),
        editor=editor,
        redaktur=make_user("redaktur", REDAKTUR),
    )


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def draft(section, owner, title="Draf berita uji", **fields):
    """An unpublished article owned by ``owner``, with one revision, as the admin makes it."""
    return make_article(
        title=title, section=section, publish=False, live=False, owner=owner, **fields
    )


def live(section, owner=None, title="Berita terbit uji", **fields):
    return make_article(title=title, section=section, owner=owner, **fields)


def article_form(article=None, **overrides) -> dict:
    """The admin's article form, filled in; for an existing article, its own values."""
    if article is not None:
        author = article.authors.first()
        authors = inline_formset(
            [{"id": author.pk, "person": author.person_id, "role": author.role}], initial=1, min=1
        )
        data = {"title": article.title, "slug": article.slug}
    else:
        authors = inline_formset([{"person": make_person().pk, "role": "penulis"}], min=1)
        data = {"title": "Berita baru dari admin", "slug": "berita-baru-dari-admin"}
    data.update(
        {
            "summary": "",
            "lead_image": "",
            "lead_image_caption": "",
            "lead_image_credit": "",
            "dateline_override": "",
            "body": streamfield([("paragraph", rich_text("<p>Isi berita uji.</p>"))]),
            "authors": authors,
            "source_name": "",
            "source_url": "",
            "tags": "",
            "published_at": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data.update(overrides)
    return nested_form_data(data)
