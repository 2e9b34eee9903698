"""The headline field wraps on a phone (issue 12): an auto-growing one-row textarea,
still synced to the slug, and a headline saved as one line."""

from __future__ import annotations

import pytest

from warta.articles.models import ArticlePage
from warta.testing.factories import make_section
from warta.users.roles import PENULIS
from warta.users.tests.conftest import article_form, client_for, make_user

pytestmark = pytest.mark.django_db


def test_headline_is_a_growing_textarea_and_saved_on_one_line():
    section = make_section("Nasional", slug="nasional")
    writer = client_for(make_user("penulis", PENULIS))
    url = f"/admin/pages/add/articles/articlepage/{section.pk}/"

    html = writer.get(url).content.decode()
    start = html.index('<textarea name="title"')
    field = html[start : html.index(">", start)]
    assert 'data-controller="w-autosize w-sync"' in field
    assert 'data-w-sync-target-value="#id_slug"' in field
    assert 'maxlength="255"' in field and 'placeholder="Judul berita*"' in field

    form = article_form(title="Banjir rendam\r\nKemang  dan\nCilandak ")
    assert writer.post(url, form).status_code == 302
    assert ArticlePage.objects.get(slug="berita-baru-dari-admin").title == (
        "Banjir rendam Kemang dan Cilandak"
    )
