"""The Dewan Pers guideline (Pedoman Pemberitaan Media Siber) on the site: ralat,
belum terverifikasi, pencabutan, advertorial and sumber, each seen by readers."""

from __future__ import annotations

import json
from datetime import timedelta
from html import unescape

import pytest
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry
from wagtail.snippets.models import get_snippet_models

from warta.articles.models import ArticlePage, Correction, Takedown
from warta.articles.services import add_correction, publish_article, take_down_article
from warta.masthead.zones import format_long
from warta.testing.factories import make_article, make_section
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import Newsroom, article_form, client_for, make_user

pytestmark = pytest.mark.django_db

AN_HOUR_AGO = timedelta(hours=1)


@pytest.fixture
def newsroom(db) -> Newsroom:
    """Two kanal; a Penulis, an Editor of Nasional only, a Redaktur (as in users' tests)."""
    nasional = make_section("Nasional", slug="nasional")
    olahraga = make_section("Olahraga", slug="olahraga")
    editor = make_user("editor")
    set_editor_sections(editor, [nasional])
    return Newsroom(
        nasional=nasional,
        olahraga=olahraga,
        penulis=make_user("penulis", PENULIS),
        penulis_lain=make_user("penulis_lain", PENULIS),
        editor=editor,
        redaktur=make_user("redaktur", REDAKTUR),
    )


def _live(room, title="Berita terbit uji", **fields) -> ArticlePage:
    fields.setdefault("published_at", timezone.now() - AN_HOUR_AGO)
    return make_article(title=title, section=room.nasional, **fields)


def _json_ld(content: bytes) -> list[dict]:
    tree = lxml_html.fromstring(content)
    return [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]


def _news_article(content: bytes) -> dict:
    return next(d for d in _json_ld(content) if "headline" in d)


def _text(content: bytes) -> str:
    return " ".join(unescape(lxml_html.fromstring(content).text_content()).split())


# Ralat --------------------------------------------------------------------------


def test_correction_is_shown_with_its_time_and_updates_the_article(client, newsroom):
    article = _live(newsroom)
    correction = add_correction(article, "Nama menteri semula tertulis Budi.", newsroom.editor)

    article.refresh_from_db()
    assert article.updated_at == correction.created_at
    assert article.last_updated == correction.created_at
    response = client.get(article.url)
    text = _text(response.content)
    when = format_long(correction.created_at)
    assert f"Ralat {when}: Nama menteri semula tertulis Budi." in text
    assert f"Diperbarui {when}" in text
    data = _news_article(response.content)
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Nama menteri semula tertulis Budi.",
            "datePublished": data["dateModified"],
        }
    ]
    assert PageLogEntry.objects.filter(page=article, action="warta.correction").exists()


def test_correction_purges_the_cached_article(
    client, newsroom, settings, django_capture_on_commit_callbacks
):
    settings.WARTA_PAGE_CACHE = True
    settings.WARTA_PAGE_CACHE_PURGE_BACKOFF = 0.01
    caches["default"].clear()
    article = _live(newsroom)
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        add_correction(article, "Jabatan narasumber diperbaiki.", newsroom.editor)

    response = client.get(article.url)
    assert response["X-Cache"] != "HIT"
    assert "Jabatan narasumber diperbaiki." in response.content.decode()
    caches["default"].clear()


def test_only_editors_of_the_kanal_and_redaktur_add_corrections(newsroom):
    article = _live(newsroom)
    with pytest.raises(PermissionDenied):
        add_correction(article, "Ralat dari penulis.", newsroom.penulis)
    outside = make_article(section=newsroom.olahraga)
    with pytest.raises(PermissionDenied):
        add_correction(outside, "Ralat di luar kanal.", newsroom.editor)
    add_correction(outside, "Ralat oleh redaktur.", newsroom.redaktur)
    assert list(Correction.objects.values_list("text", flat=True)) == ["Ralat oleh redaktur."]


def test_correction_needs_text_and_a_live_article(newsroom):
    article = _live(newsroom)
    with pytest.raises(ValidationError):
        add_correction(article, "   ", newsroom.editor)
    draft = make_article(section=newsroom.nasional, publish=False, live=False)
    with pytest.raises(ValidationError):
        add_correction(draft, "Ralat atas draf.", newsroom.editor)
    assert not Correction.objects.exists()


def test_admin_correction_page_adds_and_never_edits(newsroom):
    article = _live(newsroom)
    editor = client_for(newsroom.editor)
    url = f"/admin/berita/{article.pk}/ralat/"

    explorer = editor.get(f"/admin/pages/{newsroom.nasional.pk}/")
    assert url in explorer.content.decode()
    assert editor.get(url).status_code == 200
    response = editor.post(url, {"text": "Angka korban semula tertulis 12."})
    assert response.status_code == 302
    assert editor.post(url, {"text": ""}).status_code == 200  # the form again, with its error
    assert list(article.corrections.values_list("text", flat=True)) == [
        "Angka korban semula tertulis 12."
    ]
    assert "Angka korban semula tertulis 12." in editor.get(url).content.decode()

    # Refused: Wagtail turns the PermissionDenied into its "no permission" redirect.
    assert client_for(newsroom.penulis).get(url).status_code in (302, 403)
    assert client_for(newsroom.penulis).post(url, {"text": "x"}).status_code in (302, 403)
    # Append-only: no snippet, so no edit or delete view anywhere in the admin.
    assert Correction not in get_snippet_models()
    assert article.corrections.count() == 1


def test_corrections_page_lists_newest_first_and_paginates(client, newsroom):
    first = _live(newsroom, title="Berita pertama")
    second = _live(newsroom, title="Berita kedua")
    add_correction(first, "Ralat yang lebih lama.", newsroom.editor)
    add_correction(second, "Ralat yang terbaru.", newsroom.editor)
    withdrawn = _live(newsroom, title="Berita yang ditarik")
    add_correction(withdrawn, "Ralat berita yang ditarik.", newsroom.editor)
    take_down_article(withdrawn, "trauma", user=newsroom.editor)

    response = client.get("/ralat/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Ralat yang terbaru.") < page.index("Ralat yang lebih lama.")
    assert f'href="{second.url}"' in page and f'href="{first.url}"' in page
    assert "Ralat berita yang ditarik." not in page

    for n in range(20):
        add_correction(first, f"Ralat tambahan {n}.", newsroom.editor)
    assert "Ralat yang lebih lama." not in client.get("/ralat/").content.decode()
    page_two = client.get("/ralat/?page=2")
    assert page_two.status_code == 200
    assert "Ralat yang lebih lama." in page_two.content.decode()
    assert client.get("/ralat/?page=1").status_code == 301
    assert client.get("/ralat/?page=9").status_code == 404
    assert client.get("/ralat/?page=x").status_code == 404


# Belum terverifikasi -------------------------------------------------------------


def test_unverified_article_says_so_and_links_to_its_published_followup(client, newsroom):
    followup = make_article(
        title="Hasil verifikasi banjir", section=newsroom.nasional, publish=False, live=False
    )
    article = _live(newsroom, is_unverified=True, verified_followup=followup)

    text = _text(client.get(article.url).content)
    assert "Berita ini belum terverifikasi." in text
    assert "Hasil verifikasi banjir" not in text

    publish_article(followup)
    page = client.get(article.url).content
    assert "Berita ini telah diverifikasi: Hasil verifikasi banjir" in _text(page)
    link = lxml_html.fromstring(page).xpath('//p[@class="notice-unverified"]/a/@href')
    assert link == [followup.url]

    plain = _live(newsroom, title="Berita biasa")
    assert "terverifikasi" not in _text(client.get(plain.url).content)


# Pencabutan ----------------------------------------------------------------------


def test_admin_unpublish_of_a_live_article_needs_a_reason(newsroom):
    article = _live(newsroom)
    editor = client_for(newsroom.editor)
    url = f"/admin/pages/{article.pk}/unpublish/"

    confirm = editor.get(url)  # Wagtail's own page, asking for the reason at once
    assert confirm.status_code == 200
    assert lxml_html.fromstring(confirm.content).xpath('//select[@name="reason"]')
    kanal = client_for(newsroom.redaktur).get(f"/admin/pages/{newsroom.olahraga.pk}/unpublish/")
    assert not lxml_html.fromstring(kanal.content).xpath('//select[@name="reason"]')
    asked = editor.post(url)  # a post without the reason gets the reason form
    assert asked.status_code == 200
    assert "Alasan pencabutan" in asked.content.decode()
    refused = editor.post(url, {"takedown": "1", "reason": "lainnya", "text": ""})
    assert "Jelaskan alasan pencabutan" in refused.content.decode()
    assert editor.post(url, {"takedown": "1", "reason": "bohong"}).status_code == 200
    article.refresh_from_db()
    assert article.live and not Takedown.objects.exists()

    done = editor.post(url, {"takedown": "1", "reason": "dewan_pers", "text": "Putusan 12/2026"})
    assert done.status_code == 302
    article.refresh_from_db()
    assert not article.live
    takedown = Takedown.objects.get()
    assert (takedown.article, takedown.reason, takedown.text) == (
        article,
        "dewan_pers",
        "Putusan 12/2026",
    )
    assert takedown.created_by == newsroom.editor
    assert takedown.path == article.url
    assert PageLogEntry.objects.filter(page=article, action="warta.takedown").exists()


def test_penulis_cannot_take_down_even_with_a_reason(newsroom):
    article = _live(newsroom)
    response = client_for(newsroom.penulis).post(
        f"/admin/pages/{article.pk}/unpublish/", {"takedown": "1", "reason": "sara"}
    )
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert article.live and not Takedown.objects.exists()
    with pytest.raises(PermissionDenied):
        take_down_article(article, "sara", user=newsroom.penulis)


def test_bulk_unpublish_refuses_live_articles(newsroom):
    article = _live(newsroom)
    response = client_for(newsroom.redaktur).post(
        f"/admin/bulk/wagtailcore/page/unpublish/?id={article.pk}", follow=True
    )
    assert "satu per satu dengan alasan pencabutan" in response.content.decode()
    article.refresh_from_db()
    assert article.live and not Takedown.objects.exists()


def test_service_and_cli_need_a_reason(newsroom):
    article = _live(newsroom)
    with pytest.raises(ValidationError):
        take_down_article(article, "", user=newsroom.editor)
    with pytest.raises(ValidationError):
        take_down_article(article, "lainnya", "  ", user=newsroom.editor)
    with pytest.raises(CommandError):
        call_command("take_down", str(article.pk))
    with pytest.raises(CommandError, match="Jelaskan alasan"):
        call_command("take_down", str(article.pk), reason="lainnya")
    article.refresh_from_db()
    assert article.live and not Takedown.objects.exists()

    call_command("take_down", str(article.pk), reason="anak")
    article.refresh_from_db()
    assert not article.live
    assert Takedown.objects.get().reason == "anak"


def test_old_address_of_a_pulled_article_is_a_410_notice(client, newsroom):
    article = _live(newsroom, title="Berita yang melanggar")
    url = article.url
    takedown = take_down_article(article, "kesusilaan", user=newsroom.editor)

    response = client.get(url)
    assert response.status_code == 410
    text = _text(response.content)
    assert "Berita ini telah dicabut" in text
    assert "Alasan pencabutan: Melanggar kesusilaan" in text
    assert format_long(takedown.created_at) in text
    assert "Berita yang melanggar" not in text  # the pulled story is not repeated
    assert client.get("/nasional/tidak-pernah-ada/").status_code == 404

    other = _live(newsroom, title="Berita lain")
    take_down_article(other, "lainnya", "Narasumber mencabut pernyataannya.", newsroom.editor)
    assert "Alasan pencabutan: Narasumber mencabut pernyataannya." in _text(
        client.get(other.url).content
    )

    publish_article(article)  # republished after review: the story is back
    assert client.get(url).status_code == 200


def test_an_editors_redirect_wins_over_the_notice(client, newsroom):
    article = _live(newsroom)
    url = article.url
    take_down_article(article, "sara", user=newsroom.editor)
    Redirect.objects.create(old_path=url.rstrip("/"), redirect_link="/indeks/")
    assert client.get(url).status_code in (301, 302)


# Advertorial ---------------------------------------------------------------------


def test_advertorial_is_labelled_on_the_page_in_listings_and_structured_data(client, newsroom):
    article = _live(newsroom, title="Promo Bank Uji", is_advertorial=True)
    plain = _live(newsroom, title="Berita biasa")

    page = client.get(article.url).content
    assert lxml_html.fromstring(page).xpath('//header//*[@class="label-advertorial"]/text()') == [
        "Advertorial"
    ]
    assert _news_article(page)["@type"] == "AdvertiserContentArticle"
    assert _news_article(client.get(plain.url).content)["@type"] == "NewsArticle"
    plain_page = lxml_html.fromstring(client.get(plain.url).content)
    assert not plain_page.xpath('//header//*[@class="label-advertorial"]')

    listing = lxml_html.fromstring(client.get(newsroom.nasional.url).content)
    labelled = listing.xpath(
        '//article[contains(@class,"card")][.//*[@class="label-advertorial"]]'
        '//*[@class="card-title"]/a/text()'
    )
    assert labelled == ["Promo Bank Uji"]


# Sumber --------------------------------------------------------------------------


def test_republished_article_cannot_be_published_without_its_source(newsroom):
    article = make_article(section=newsroom.nasional, publish=False, live=False)
    article.is_republished = True
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert set(error.value.message_dict) >= {"source_name", "source_url"}
    with pytest.raises(ValidationError):
        publish_article(article)  # the path of imports and the CLI
    article.refresh_from_db()
    assert not article.live

    response = client_for(newsroom.editor).post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(article, is_republished="on", **{"action-publish": "1"}),
    )
    assert response.status_code == 200
    assert "wajib menyebut nama media asalnya" in response.content.decode()
    article.refresh_from_db()
    assert not article.live


def test_republished_article_shows_its_linked_source(client, newsroom):
    article = make_article(
        section=newsroom.nasional,
        publish=False,
        live=False,
        is_republished=True,
        source_name="Kabar Borneo",
        source_url="https://kabarborneo.example/berita/1",
    )
    response = client_for(newsroom.editor).post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            article,
            is_republished="on",
            source_name="Kabar Borneo",
            source_url="https://kabarborneo.example/berita/1",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    tree = lxml_html.fromstring(client.get(article.url).content)
    source = tree.xpath('//p[@class="source"]')[0]
    assert " ".join(source.text_content().split()) == "Sumber Berita: Kabar Borneo"
    assert source.xpath("a/@href") == ["https://kabarborneo.example/berita/1"]
