"""A planned end ("Berakhir tayang") of a published article is a takedown: the
scheduler pulls it with the reason the editor gave, and the old address explains
the removal; other pages keep Wagtail's plain expiry."""

from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.models import PageLogEntry

from warta.articles.models import ArticlePage, Takedown
from warta.articles.services import EXPIRY_FALLBACK_TEXT, TAKEDOWN_LOG_ACTION
from warta.scheduling.services import UNPUBLISH_LOG_ACTION, expire_object, publish_due
from warta.testing.factories import make_article, make_section
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import article_form, client_for, draft, make_user

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)


def _text(content: bytes) -> str:
    return " ".join(unescape(lxml_html.fromstring(content).text_content()).split())


def _log_actions(page) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page_id=page.pk).order_by("pk").values_list("action", flat=True)
    )


def test_a_scheduled_expiry_pulls_the_article_with_its_reason(client, clock, signals):
    nasional = make_section("Nasional", slug="nasional")
    editor = make_user("editor")
    set_editor_sections(editor, [nasional])
    article = draft(nasional, make_user("penulis"), title="Foto korban kecelakaan")
    expire = timezone.localtime() + 2 * HOUR
    response = client_for(editor).post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            article,
            expire_at=expire.strftime("%Y-%m-%d %H:%M"),
            expiry_reason="trauma",
            expiry_reason_text="Atas permintaan keluarga korban.",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    url = article.url
    assert article.live and client.get(url).status_code == 200

    assert publish_due().expired == []  # not yet
    clock.advance(3 * HOUR)
    result = publish_due()

    article.refresh_from_db()
    assert result.expired == [str(article.pk)]
    assert not article.live and article.expired
    assert signals.unpublished == [article.pk]
    takedown = Takedown.objects.get()
    assert (takedown.article, takedown.path, takedown.created_by) == (article, url, None)
    assert (takedown.reason, takedown.text) == ("trauma", "Atas permintaan keluarga korban.")
    # The page history reads as Wagtail's scheduled unpublish, once.
    assert _log_actions(article).count(UNPUBLISH_LOG_ACTION) == 1
    assert TAKEDOWN_LOG_ACTION not in _log_actions(article)

    notice = client.get(url)
    assert notice.status_code == 410
    text = _text(notice.content)
    assert "Berita ini telah dicabut" in text
    assert (
        "Alasan pencabutan: Melindungi korban dari trauma. Atas permintaan keluarga korban." in text
    )
    assert "Foto korban kecelakaan" not in text
    assert publish_due().expired == [] and Takedown.objects.count() == 1


def test_an_expiry_stored_without_a_reason_still_ends_with_a_notice(client, clock):
    """Set before the rule, or outside the admin: the planned end is kept."""
    article = make_article(title="Promo lama", expire_at=timezone.now() + HOUR)
    url = article.url

    clock.advance(2 * HOUR)
    assert publish_due().expired == [str(article.pk)]

    article.refresh_from_db()
    assert not article.live and article.expired
    takedown = Takedown.objects.get()
    assert (takedown.reason, takedown.text) == ("lainnya", EXPIRY_FALLBACK_TEXT)
    notice = client.get(url)
    assert notice.status_code == 410
    assert f"Alasan pencabutan: {EXPIRY_FALLBACK_TEXT}" in _text(notice.content)


def test_an_expired_article_is_taken_down_once(clock):
    article = make_article(
        expire_at=timezone.now() + HOUR, expiry_reason="anak", expiry_reason_text=""
    )
    clock.advance(2 * HOUR)

    assert expire_object(ArticlePage, article.pk) is True
    assert expire_object(ArticlePage, article.pk) is False
    assert list(Takedown.objects.values_list("article_id", "reason")) == [(article.pk, "anak")]


def test_other_pages_keep_wagtails_plain_expiry(client, clock):
    section = make_section("Pilkada", slug="pilkada")
    section.expire_at = timezone.now() + HOUR
    section.save_revision().publish()
    section.refresh_from_db()
    assert section.live and section.expire_at

    clock.advance(2 * HOUR)
    assert publish_due().expired == [str(section.pk)]

    section.refresh_from_db()
    assert not section.live and section.expired
    assert not Takedown.objects.exists()
    assert client.get("/pilkada/").status_code == 404
