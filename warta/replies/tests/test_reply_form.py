"""The public hak jawab form: what a reader sends, and what is refused."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from warta.replies.models import Reply, ReplyStatus
from warta.replies.services import POSTS_PER_HOUR
from warta.testing.factories import make_article

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Budi Santoso",
    "contact": "budi@contoh.id",
    "text": "Berita tersebut tidak akurat: saya tidak pernah hadir dalam rapat itu.",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def test_article_page_links_to_the_form(client):
    article = make_article()
    html = client.get(article.url).content.decode()
    assert f'href="/hak-jawab/{article.pk}/"' in html
    assert "Ajukan hak jawab" in html


def test_a_reply_lands_in_the_queue_and_the_reader_is_thanked():
    article = make_article()
    client = Client(enforce_csrf_checks=True)
    form = client.get(f"/hak-jawab/{article.pk}/")
    assert form.status_code == 200
    assert article.title in form.content.decode()
    token = form.cookies["csrftoken"].value
    response = client.post(f"/hak-jawab/{article.pk}/", {**GOOD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == f"/hak-jawab/{article.pk}/terima-kasih/"
    reply = Reply.objects.get()
    assert (reply.article_id, reply.name, reply.contact, reply.status) == (
        article.pk,
        "Budi Santoso",
        "budi@contoh.id",
        ReplyStatus.BARU,
    )
    assert reply.text == GOOD["text"]
    thanks = client.get(response["Location"])
    assert "Terima kasih" in thanks.content.decode()


def test_a_post_without_the_csrf_token_is_refused():
    article = make_article()
    response = Client(enforce_csrf_checks=True).post(f"/hak-jawab/{article.pk}/", GOOD)
    assert response.status_code == 403
    assert not Reply.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "Tuliskan nama Anda."),
        ("name", "x" * 121, "Nama paling panjang 120 karakter."),
        ("contact", "", "Tuliskan alamat surel atau nomor telepon"),
        ("contact", "budi@", "Alamat surel tidak valid"),
        ("contact", "12345", "nomor telepon (8-15 angka"),
        ("text", "Salah.", "Isi hak jawab terlalu pendek"),
        ("text", "x" * 5001, "Isi hak jawab paling panjang 5000 karakter."),
        ("text", "<b>Tebal</b> dan <script>alert(1)</script> panjang sekali", "teks biasa"),
        ("name", "<a href=x>Budi</a>", "Nama harus berupa teks biasa"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(client, field, value, message):
    article = make_article()
    response = client.post(f"/hak-jawab/{article.pk}/", {**GOOD, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Reply.objects.exists()


def test_a_phone_number_is_a_valid_contact(client):
    article = make_article()
    response = client.post(f"/hak-jawab/{article.pk}/", {**GOOD, "contact": "+62 812-3456-7890"})
    assert response.status_code == 302
    assert Reply.objects.get().contact == "+62 812-3456-7890"


def test_the_honeypot_stops_bots(client):
    article = make_article()
    response = client.post(f"/hak-jawab/{article.pk}/", {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "Pengajuan tidak dapat diproses" in response.content.decode()
    assert not Reply.objects.exists()


def test_a_flood_from_one_client_is_rate_limited_but_others_get_through(client):
    article = make_article()
    url = f"/hak-jawab/{article.pk}/"
    for _ in range(POSTS_PER_HOUR):
        assert client.post(url, {**GOOD, "text": "terlalu pendek"}).status_code == 400
    flooded = client.post(url, GOOD)
    assert flooded.status_code == 429
    assert "Terlalu banyak pengajuan" in flooded.content.decode()
    assert not Reply.objects.exists()
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(url, GOOD).status_code == 302
    assert Reply.objects.count() == 1


def test_rotating_the_user_agent_does_not_escape_the_limit():
    """30 posts from one address, each with another User-Agent: 10 accepted, then an
    Indonesian message (the old limit keyed on address + User-Agent took all 30)."""
    article = make_article()
    url = f"/hak-jawab/{article.pk}/"
    statuses = []
    for n in range(30):
        client = Client(REMOTE_ADDR="198.51.100.30", HTTP_USER_AGENT=f"Mozilla/5.0 rotasi/{n}")
        response = client.post(url, GOOD)
        statuses.append(response.status_code)
    assert statuses == [302] * POSTS_PER_HOUR + [429] * (30 - POSTS_PER_HOUR)
    assert "Terlalu banyak pengajuan" in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert Reply.objects.count() == POSTS_PER_HOUR


def test_ipv6_clients_in_one_64_share_the_limit(settings):
    settings.WARTA_PROXY_HOPS = 1
    article = make_article()
    url = f"/hak-jawab/{article.pk}/"
    statuses = [
        Client(HTTP_X_FORWARDED_FOR=f"2001:db8:aa:bb::{n:x}").post(url, GOOD).status_code
        for n in range(POSTS_PER_HOUR + 2)
    ]
    assert statuses.count(302) == POSTS_PER_HOUR
    assert Client(HTTP_X_FORWARDED_FOR="2001:db8:aa:bc::1").post(url, GOOD).status_code == 302


def test_only_live_articles_take_replies(client):
    draft = make_article(publish=False, live=False)
    assert client.get(f"/hak-jawab/{draft.pk}/").status_code == 404
    assert client.post(f"/hak-jawab/{draft.pk}/", GOOD).status_code == 404
    assert client.get("/hak-jawab/999999/").status_code == 404
