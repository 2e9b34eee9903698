"""The other ways a published article could leave the site without a reason: deleting
it and a planned end ("Berakhir tayang"). Both need the takedown's reason, and the
notice at the old address outlives the article."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.models import Page, Revision

from warta.articles.admin_forms import (
    EXPIRE_WITHOUT_REASON,
    EXPIRY_REASON_REQUIRED,
    EXPIRY_TEXT_REQUIRED,
)
from warta.articles.models import ArticlePage, Takedown
from warta.articles.queries import takedown_at
from warta.articles.services import take_down_article
from warta.testing.factories import make_article, make_section
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import Newsroom, article_form, client_for, draft, live, make_user

pytestmark = pytest.mark.django_db

REFUSAL = "Berita yang sedang tayang tidak dapat dihapus"


@pytest.fixture
def newsroom(db) -> Newsroom:
    """Two kanal; a Penulis, an Editor of Nasional only, a Redaktur (as in users' tests)."""
    nasional = make_section("Nasional", slug="nasional")
    editor = make_user("editor")
    set_editor_sections(editor, [nasional])
    return Newsroom(
        nasional=nasional,
        olahraga=make_section("Olahraga", slug="olahraga"),
        penulis=make_user("penulis", PENULIS),
        penulis_lain=make_user("penulis_lain", PENULIS),
        editor=editor,
        redaktur=make_user("redaktur", REDAKTUR),
    )


def _text(content: bytes) -> str:
    return " ".join(unescape(lxml_html.fromstring(content).text_content()).split())


def _exists(page) -> bool:
    return Page.objects.filter(pk=page.pk).exists()


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


# Deleting ------------------------------------------------------------------------


def test_deleting_a_live_article_in_the_admin_is_refused(newsroom):
    article = live(newsroom.nasional, title="Berita yang masih tayang")
    redaktur = client_for(newsroom.redaktur)
    url = f"/admin/pages/{article.pk}/delete/"

    asked = redaktur.get(url, follow=True)  # the Delete menu item: refused at once
    assert asked.redirect_chain and asked.redirect_chain[-1][0].startswith("/admin/pages/")
    posted = redaktur.post(url, follow=True)  # a direct POST too

    for response in (asked, posted):
        text = _text(response.content)
        assert REFUSAL in text
        assert "“Berita yang masih tayang”" in text
        assert "Tarik berita" in text and "Tidak ada halaman yang dihapus." in text
    article.refresh_from_db()
    assert article.live and not Takedown.objects.exists()


def test_bulk_delete_with_a_live_article_deletes_nothing(newsroom):
    article = live(newsroom.nasional, title="Berita tayang di daftar")
    other = draft(newsroom.nasional, newsroom.penulis, title="Draf di daftar yang sama")

    response = client_for(newsroom.redaktur).post(
        f"/admin/bulk/wagtailcore/page/delete/?id={article.pk}&id={other.pk}", follow=True
    )

    text = _text(response.content)
    assert REFUSAL in text and "“Berita tayang di daftar”" in text
    assert _exists(article) and _exists(other)  # the draft stays too: nothing at all
    article.refresh_from_db()
    assert article.live


def test_deleting_a_kanal_with_live_articles_is_refused(newsroom):
    article = live(newsroom.olahraga, title="Berita olahraga tayang")

    for url in (
        f"/admin/pages/{newsroom.olahraga.pk}/delete/",
        f"/admin/bulk/wagtailcore/page/delete/?id={newsroom.olahraga.pk}",
    ):
        response = client_for(newsroom.redaktur).post(url, follow=True)
        assert "“Berita olahraga tayang”" in _text(response.content)
    assert _exists(newsroom.olahraga) and _exists(article)


def test_drafts_are_still_deleted_and_penulis_still_cannot_delete(newsroom):
    own = draft(newsroom.nasional, newsroom.penulis)
    response = client_for(newsroom.penulis).post(f"/admin/pages/{own.pk}/delete/")
    assert response.status_code in (302, 403)
    assert _exists(own)

    response = client_for(newsroom.redaktur).post(f"/admin/pages/{own.pk}/delete/")
    assert response.status_code == 302
    assert not _exists(own)


def test_deleting_a_pulled_article_keeps_its_notice(client, newsroom):
    article = live(newsroom.nasional, title="Berita yang dicabut lalu dihapus")
    url = article.url
    editor = client_for(newsroom.editor)
    pulled = editor.post(
        f"/admin/pages/{article.pk}/unpublish/",
        {"takedown": "1", "reason": "dewan_pers", "text": "Putusan 7/2026"},
    )
    assert pulled.status_code == 302

    # Only Redaktur deletes; once pulled, the article may go.
    redaktur = client_for(newsroom.redaktur)
    assert client_for(newsroom.penulis).post(f"/admin/pages/{article.pk}/delete/").status_code in (
        302,
        403,
    )
    assert _exists(article)
    deleted = redaktur.post(f"/admin/pages/{article.pk}/delete/")
    assert deleted.status_code == 302
    assert not _exists(article)

    takedown = Takedown.objects.get()
    assert takedown.article is None and takedown.path == url
    assert takedown_at(url) == takedown
    response = client.get(url)
    assert response.status_code == 410
    text = _text(response.content)
    assert "Berita ini telah dicabut" in text
    assert "Alasan pencabutan: Keputusan atau rekomendasi Dewan Pers. Putusan 7/2026" in text


def test_bulk_deleting_pulled_articles_keeps_their_notices(client, newsroom):
    first = live(newsroom.nasional, title="Pertama")
    second = live(newsroom.nasional, title="Kedua")
    urls = [first.url, second.url]
    take_down_article(first, "sara", user=newsroom.editor)
    take_down_article(second, "lainnya", "Narasumber anak di bawah umur.", newsroom.editor)

    response = client_for(newsroom.redaktur).post(
        f"/admin/bulk/wagtailcore/page/delete/?id={first.pk}&id={second.pk}"
    )

    assert response.status_code == 302
    assert not _exists(first) and not _exists(second)
    assert Takedown.objects.filter(article__isnull=True).count() == 2
    assert client.get(urls[0]).status_code == 410
    notice = client.get(urls[1])
    assert notice.status_code == 410
    assert "Alasan pencabutan: Narasumber anak di bawah umur." in _text(notice.content)


def test_unpublishing_a_kanal_with_its_live_articles_is_refused(newsroom):
    """Wagtail's "unpublish subpages too" would pull the articles without a reason."""
    article = live(newsroom.olahraga, title="Berita olahraga tayang")
    redaktur = client_for(newsroom.redaktur)
    kanal = newsroom.olahraga

    for url in (
        f"/admin/pages/{kanal.pk}/unpublish/",
        f"/admin/bulk/wagtailcore/page/unpublish/?id={kanal.pk}",
    ):
        response = redaktur.post(url, {"include_descendants": "on"}, follow=True)
        text = _text(response.content)
        assert "satu per satu dengan alasan pencabutan" in text
        assert "“Berita olahraga tayang”" in text
    kanal.refresh_from_db()
    article.refresh_from_db()
    assert kanal.live and article.live and not Takedown.objects.exists()

    # Without its subpages the kanal is unpublished as before; the article stays up.
    assert redaktur.post(f"/admin/pages/{kanal.pk}/unpublish/").status_code == 302
    kanal.refresh_from_db()
    article.refresh_from_db()
    assert not kanal.live and article.live


# A planned end ("Berakhir tayang") ------------------------------------------------


def _schedule_post(client, article, **fields):
    form = article_form(article, **{"action-publish": "1", **fields})
    return client.post(f"/admin/pages/{article.pk}/edit/", form)


def test_an_expiry_without_a_reason_is_refused_by_the_admin_form(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis, title="Promo akhir pekan")
    editor = client_for(newsroom.editor)
    revisions = article.revisions.count()
    expire = _local(timezone.now() + timedelta(days=2))

    missing = _schedule_post(editor, article, expire_at=expire)
    without_text = _schedule_post(
        editor, article, expire_at=expire, expiry_reason="lainnya", expiry_reason_text="  "
    )

    assert missing.status_code == 200
    html = unescape(missing.content.decode())
    assert EXPIRE_WITHOUT_REASON in html and EXPIRY_REASON_REQUIRED in html
    assert without_text.status_code == 200
    assert EXPIRY_TEXT_REQUIRED in unescape(without_text.content.decode())
    article.refresh_from_db()
    assert not article.live and article.expire_at is None and article.expiry_reason == ""
    assert article.revisions.count() == revisions
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_the_expiry_reason_is_asked_next_to_the_expiry_time(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis)
    page = client_for(newsroom.editor).get(f"/admin/pages/{article.pk}/edit/")
    tree = lxml_html.fromstring(page.content)
    dialog = tree.xpath('//*[@id="schedule-publishing-dialog"]')[0]
    assert dialog.xpath('.//input[@name="expire_at"]')
    options = dialog.xpath('.//select[@name="expiry_reason"]/option/@value')
    assert options == ["", "sara", "kesusilaan", "anak", "trauma", "dewan_pers", "lainnya"]
    assert dialog.xpath('.//textarea[@name="expiry_reason_text"]')


def test_an_expiry_with_a_reason_is_published_with_it(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis, title="Promo akhir pekan")
    expire = timezone.now() + timedelta(days=2)

    response = _schedule_post(
        client_for(newsroom.editor),
        article,
        expire_at=_local(expire),
        expiry_reason="lainnya",
        expiry_reason_text="Masa promosi mitra berakhir.",
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.expire_at is not None
    assert (article.expiry_reason, article.expiry_reason_text) == (
        "lainnya",
        "Masa promosi mitra berakhir.",
    )


def test_an_article_without_expiry_needs_no_reason(newsroom):
    article = make_article(section=newsroom.nasional, publish=False, live=False)
    response = _schedule_post(client_for(newsroom.editor), article)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
