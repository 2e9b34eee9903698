"""The editors' queue "Hak Jawab" and the links between an article and its reply."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from warta.replies.models import Reply, ReplyStatus
from warta.replies.queries import reply_links
from warta.replies.services import mark_reply_published
from warta.testing.factories import make_article
from warta.users.tests.conftest import client_for

pytestmark = pytest.mark.django_db

QUEUE = "/admin/hak-jawab/"


@pytest.fixture
def page_cache(settings):
    """Readers' pages cached whole, as in production (the suite turns it off elsewhere)."""
    settings.WARTA_PAGE_CACHE = True
    caches["default"].clear()
    caches["pagecache"].clear()


def _reply(article, hours_ago=0, **fields) -> Reply:
    return Reply.objects.create(
        article=article,
        name=fields.pop("name", "Budi Santoso"),
        contact="budi@contoh.id",
        text="Saya tidak pernah hadir dalam rapat yang diberitakan itu.",
        received_at=timezone.now() - timedelta(hours=hours_ago),
        **fields,
    )


@pytest.mark.parametrize(
    "role, allowed", [("penulis", False), ("editor", True), ("redaktur", True)]
)
def test_the_queue_is_for_editors_and_redaktur_only(newsroom, role, allowed):
    _reply(make_article(section=newsroom.nasional), name="Pengirim Rahasia")
    client = client_for(newsroom.user(role))
    dashboard = client.get("/admin/").content.decode()
    assert ('"label": "Hak Jawab"' in dashboard) is allowed  # the sidebar's JSON
    response = client.get(QUEUE)
    if allowed:
        assert response.status_code == 200
        assert "Pengirim Rahasia" in response.content.decode()
    else:
        assert response.status_code in (302, 403)
        assert "Pengirim Rahasia" not in response.content.decode()


def test_the_queue_shows_received_time_and_deadline_and_marks_overdue(newsroom, settings):
    settings.WARTA_REPLY_DEADLINE_HOURS = 48
    article = make_article(section=newsroom.nasional)
    late = _reply(article, hours_ago=49, name="Pengirim Terlambat")
    fresh = _reply(article, hours_ago=1, name="Pengirim Baru")
    done = _reply(article, hours_ago=100, name="Pengirim Ditolak", status=ReplyStatus.DITOLAK)
    assert late.is_overdue() and not fresh.is_overdue() and not done.is_overdue()
    assert fresh.deadline == fresh.received_at + timedelta(hours=48)

    html = client_for(newsroom.editor).get(QUEUE).content.decode()
    rows = {r.name: _row(html, r.name) for r in (late, fresh, done)}
    assert "Lewat tenggat" in rows["Pengirim Terlambat"]
    assert "Lewat tenggat" not in rows["Pengirim Baru"]
    assert "Lewat tenggat" not in rows["Pengirim Ditolak"]
    deadline = timezone.localtime(fresh.deadline).strftime("%d/%m/%Y %H:%M")
    assert deadline in rows["Pengirim Baru"]


def test_the_deadline_follows_the_setting(settings):
    settings.WARTA_REPLY_DEADLINE_HOURS = 2
    reply = _reply(make_article(), hours_ago=3)
    assert reply.is_overdue()
    settings.WARTA_REPLY_DEADLINE_HOURS = 4
    assert not reply.is_overdue()


def _row(html: str, name: str) -> str:
    start = html.index(name)
    return html[html.rindex("<tr", 0, start) : html.index("</tr>", start)]


def _edit_form(reply: Reply, **overrides) -> dict:
    data = {
        "article": reply.article_id,
        "name": reply.name,
        "contact": reply.contact,
        "text": reply.text,
        "status": reply.status,
        "published_as": "",
        "editor_note": "",
    }
    data.update(overrides)
    return data


def test_an_editor_publishes_a_reply_as_its_own_article(
    newsroom, client, page_cache, django_capture_on_commit_callbacks
):
    original = make_article(section=newsroom.nasional, title="Berita yang dipersoalkan")
    carrier = make_article(section=newsroom.nasional, title="Hak jawab Budi Santoso")
    reply = _reply(original)
    for page in (original, carrier, original):  # cached for readers before the link exists
        assert "Hak jawab atas" not in client.get(page.url).content.decode()
    editor = client_for(newsroom.editor)
    url = f"{QUEUE}edit/{reply.pk}/"

    refused = editor.post(url, _edit_form(reply, status=ReplyStatus.DIMUAT))
    assert refused.status_code == 200
    assert "Pilih berita yang memuat hak jawab ini" in refused.content.decode()
    same = editor.post(url, _edit_form(reply, published_as=original.pk, status=ReplyStatus.DIMUAT))
    assert "bukan berita yang ditanggapi" in same.content.decode()
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.BARU

    assert client.get(original.url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):  # the purge runs after the commit
        saved = editor.post(
            url, _edit_form(reply, published_as=carrier.pk, status=ReplyStatus.DIMUAT)
        )
    assert saved.status_code == 302
    reply.refresh_from_db()
    assert (reply.status, reply.published_as_id) == (ReplyStatus.DIMUAT, carrier.pk)

    original_html = client.get(original.url).content.decode()
    assert "Hak jawab atas berita ini:" in original_html
    assert f'<a href="{carrier.url}">Hak jawab Budi Santoso</a>' in original_html
    carrier_html = client.get(carrier.url).content.decode()
    assert "Hak jawab atas:" in carrier_html
    assert f'<a href="{original.url}">Berita yang dipersoalkan</a>' in carrier_html


def test_links_appear_only_once_the_reply_is_published_and_live(
    client, django_capture_on_commit_callbacks, page_cache
):
    original, carrier = make_article(), make_article(publish=False, live=False)
    reply = _reply(original, status=ReplyStatus.DIPROSES)
    assert reply_links(original).replies == []
    with django_capture_on_commit_callbacks(execute=True):
        mark_reply_published(reply, carrier)
    assert reply_links(original).replies == []  # the carrier is still a draft
    client.get(original.url)
    cached = client.get(original.url)
    assert cached["X-Cache"] == "HIT"
    assert "Hak jawab atas berita ini" not in cached.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        carrier.save_revision().publish()
    assert reply_links(original).replies == [carrier]
    assert reply_links(carrier).reply_to == [original]
    assert "Hak jawab atas berita ini" in client.get(original.url).content.decode()
    carrier.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        carrier.unpublish()
    assert "Hak jawab atas berita ini" not in client.get(original.url).content.decode()
    assert "Hak jawab atas berita ini" not in client.get(make_article().url).content.decode()
