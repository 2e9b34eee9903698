"""The editor's desk in the admin: the review queue, approve-with-schedule, "dicabut",
and a "Diperbarui" time that only a change to the story moves."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from warta.articles.models import ArticlePage, TakedownReason
from warta.articles.services import take_down_article
from warta.testing.factories import make_article, make_section, make_user, signed_in_client
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import set_editor_sections

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _row(text: str, title: str, other_title: str) -> str:
    """A listing row's text: from its title to the next row's title (or 300 chars)."""
    row = text[text.index(title) :][:300]
    return row.split(other_title)[0]


def _backdate(article, hours=3):
    """As if the article had been published ``hours`` ago."""
    then = timezone.now() - timedelta(hours=hours)
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=then, last_published_at=then, published_at=then
    )
    article.refresh_from_db()


def _republish(article, **changes):
    page = article.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    article.refresh_from_db()
    return article


def test_only_a_change_to_the_story_shows_diperbarui(client):
    article = make_article(title="Harga beras naik")
    _backdate(article)

    _republish(article, is_advertorial=True)
    html = client.get(article.url).content.decode()
    assert "Advertorial" in html
    assert "Diperbarui" not in html
    assert article.updated_at is None

    _republish(article, body=[("paragraph", "<p>Harga beras naik lagi pada sore hari.</p>")])
    html = client.get(article.url).content.decode()
    assert "Diperbarui" in html
    updated = article.updated_at
    assert updated is not None

    # A later flag change keeps the update time the story change set.
    _republish(article, is_advertorial=False, is_unverified=True)
    assert article.updated_at == updated


def test_review_queue_is_first_and_indonesian_for_an_editor_and_approve_says_jadwalkan():
    nasional = make_section("Nasional", slug="nasional")
    editor = make_user("editor")
    set_editor_sections(editor, [nasional])
    writer = make_user("penulis", PENULIS)
    now_article = make_article(
        title="Banjir di pesisir", section=nasional, publish=False, live=False
    )
    later = make_article(title="Pemilu daerah", section=nasional, publish=False, live=False)
    later.go_live_at = timezone.now() + timedelta(days=1)
    later.save_revision(user=writer)
    for article in (now_article, later):
        article.get_workflow().start(article, writer)

    html = signed_in_client(editor).get("/admin/").content.decode()
    queue = html.index('id="awaiting-review-section"')
    assert queue < html.index('id="penjadwal-section"')  # above the scheduler and the charts
    header = _text(html[queue : html.index("</thead>", queue)])
    assert "Judul Penulis Kanal Dikirim Jadwal tayang" in header
    rows = _text(html[queue : html.index("</table>", queue)])
    assert "Banjir di pesisir" in rows and "Nasional" in rows
    assert "Setujui dan jadwalkan" in rows and "Setujui dan terbitkan" in rows
    assert "Awaiting your review" not in html

    edit = signed_in_client(editor).get(f"/admin/pages/{later.pk}/edit/").content.decode()
    assert "Setujui dan jadwalkan" in edit
    assert "Setujui dengan komentar dan jadwalkan" in edit
    assert "terbitkan dan" not in edit and "and Publish" not in edit
    edit = signed_in_client(editor).get(f"/admin/pages/{now_article.pk}/edit/").content.decode()
    assert (
        "Setujui dan terbitkan" in edit
        and "jadwalkan" not in _text(edit).lower().split("setujui")[1][:40]
    )

    # A writer approves nothing: no queue first (Wagtail's own place, if at all).
    writer_home = signed_in_client(writer).get("/admin/").content.decode()
    assert 'id="awaiting-review-section"' not in writer_home


def test_taken_down_article_is_dicabut_with_its_reason_and_a_draft_stays_a_draft():
    redaktur = make_user("redaktur", REDAKTUR)
    section = make_section("Nasional", slug="nasional")
    pulled = make_article(title="Berita yang ditarik", section=section)
    take_down_article(pulled, TakedownReason.ANAK, "Identitas anak terlihat.", redaktur)
    make_article(title="Draf biasa", section=section, publish=False, live=False)
    client = signed_in_client(redaktur)

    explorer = _text(client.get(f"/admin/pages/{section.pk}/").content.decode())
    pulled_row = _row(explorer, "Berita yang ditarik", "Draf biasa")
    assert "dicabut" in pulled_row and "Melindungi anak" in pulled_row
    draft_row = _row(explorer, "Draf biasa", "Berita yang ditarik")
    assert "konsep" in draft_row and "dicabut" not in draft_row

    berita = _text(client.get("/admin/berita/").content.decode())
    assert "dicabut" in berita and "Melindungi anak" in berita

    edit = client.get(f"/admin/pages/{pulled.pk}/edit/").content.decode()
    assert "data-warta-takedown" in edit
    assert "Melindungi anak. Identitas anak terlihat." in edit

    # Published again: no longer "dicabut".
    _republish(ArticlePage.objects.get(pk=pulled.pk))
    explorer = _text(client.get(f"/admin/pages/{section.pk}/").content.decode())
    assert "dicabut" not in explorer
