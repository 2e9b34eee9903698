"""A writer does not see other writers' drafts, not even their headlines, anywhere in
the admin: explorer (and its side menu), page search, page chooser, Riwayat."""

from __future__ import annotations

import pytest

from warta.testing.factories import make_article, make_section, make_user, signed_in_client
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import set_editor_sections

pytestmark = pytest.mark.django_db

SECRET = "Rahasia Skandal Pelabuhan"  # another writer's draft headline
OWN = "Draf Milik Sendiri Pelabuhan"
LIVE = "Berita Terbit Pelabuhan"


def _pages(client, *urls) -> str:
    """The admin screens that list pages, all in one text."""
    texts = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    return "\n".join(texts)


@pytest.fixture
def desk():
    section = make_section("Ekonomi", slug="ekonomi")
    writer, other = make_user("penulis", PENULIS), make_user("penulis_lain", PENULIS)
    make_article(title=SECRET, section=section, publish=False, live=False, owner=other)
    make_article(title=OWN, section=section, publish=False, live=False, owner=writer)
    make_article(title=LIVE, section=section, owner=other)
    return section, writer


def _screens(section) -> tuple[str, ...]:
    return (
        f"/admin/pages/{section.pk}/",
        f"/admin/api/main/pages/?child_of={section.pk}&for_explorer=1",
        "/admin/pages/search/?q=pelabuhan",
        f"/admin/choose-page/{section.pk}/",
        "/admin/choose-page/search/?q=pelabuhan",
        "/admin/reports/site-history/",
    )


def test_writer_sees_her_drafts_and_published_articles_not_others_drafts(desk):
    section, writer = desk
    client = signed_in_client(writer)
    for url in _screens(section):
        text = _pages(client, url)
        assert SECRET not in text, url
        assert OWN in text, url
    # Published articles by others stay visible where pages are listed.
    assert LIVE in _pages(client, *_screens(section)[:5])


def test_editors_and_redaktur_see_every_draft(desk):
    section, _ = desk
    editor = make_user("editor")
    set_editor_sections(editor, [section])
    for user in (editor, make_user("redaktur", REDAKTUR)):
        client = signed_in_client(user)
        for url in _screens(section):
            assert SECRET in _pages(client, url), (user.username, url)
