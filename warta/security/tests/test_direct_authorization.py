"""Direct authorization attempts: URLs posted to by someone who has no button for them.

``warta/users/tests/test_role_matrix.py`` runs every role against every newsroom
action. This adds what an attacker tries next, straight at the URLs: an anonymous
visitor posting to every admin endpoint, a Penulis posting to another writer's
edit, publish, delete, revert and lock URLs and to the queues that hold readers'
contact details, and an Editor doing the same outside their kanal. Each attempt is
judged by what happened in the database, and must not be a server error.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from warta.articles.models import ArticlePage, Correction
from warta.images.models import WartaImage
from warta.notices.models import Notice
from warta.people.models import Person
from warta.replies.models import Reply
from warta.replies.services import submit_reply
from warta.testing.factories import make_image, make_section
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import article_form, client_for, draft, live, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(db):
    nasional = make_section("Nasional", slug="nasional")
    olahraga = make_section("Olahraga", slug="olahraga")
    editor = make_user("editor", first_name="Sari", last_name="Editor")
    set_editor_sections(editor, [nasional])
    penulis = make_user("penulis", PENULIS)
    other = make_user("penulis_lain", PENULIS)
    make_user("redaktur", REDAKTUR)
    others_draft = draft(nasional, other, title="Draf penulis lain")
    others_draft.save_revision(user=other)  # a second revision, to revert to the first
    sport_draft = draft(olahraga, other, title="Draf olahraga")
    sport_live = live(olahraga, other, title="Berita olahraga terbit")
    nasional_live = live(nasional, other, title="Berita nasional terbit")
    reply = submit_reply(
        article=nasional_live, name="Pak Warga", contact="warga@contoh.example",
        text="Kami keberatan dengan isi berita ini karena tidak akurat.",
    )  # fmt: skip
    return {
        "nasional": nasional,
        "olahraga": olahraga,
        "penulis": penulis,
        "editor": editor,
        "other": other,
        "others_draft": others_draft,
        "sport_draft": sport_draft,
        "sport_live": sport_live,
        "nasional_live": nasional_live,
        "reply": reply,
        "image": make_image(width=96, height=64),
    }


def _unchanged(page) -> bool:
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    return latest.title == page.title and "Diambil alih" not in latest.title


# Anonymous: every admin endpoint that writes, posted to with no session -----------


def _anonymous_attempts(r):
    d, lv = r["others_draft"], r["nasional_live"]
    rev = d.revisions.order_by("pk").first()
    return [
        ("add article", f"/admin/pages/add/articles/articlepage/{r['nasional'].pk}/",
         article_form(slug="anonim")),
        ("edit", f"/admin/pages/{d.pk}/edit/", article_form(d, title="Diambil alih")),
        ("publish", f"/admin/pages/{d.pk}/edit/",
         article_form(d, title="Diambil alih", **{"action-publish": "1"})),
        ("unpublish", f"/admin/pages/{lv.pk}/unpublish/", {"takedown": "1", "reason": "sara"}),
        ("delete", f"/admin/pages/{d.pk}/delete/", {}),
        ("revert", f"/admin/pages/{d.pk}/revisions/{rev.pk}/revert/", {}),
        ("lock", f"/admin/pages/{d.pk}/lock/", {}),
        ("bulk delete", f"/admin/bulk/wagtailcore/page/delete/?id={d.pk}", {}),
        ("correction", f"/admin/berita/{lv.pk}/ralat/", {"text": "Ralat palsu"}),
        ("notice", "/admin/snippets/notices/notice/add/",
         {"title": "Palsu", "text": "Pemberitahuan palsu", "is_active": "on"}),
        ("contributor", "/admin/snippets/people/person/add/",
         {"name": "Palsu", "slug": "palsu", "role": "reporter"}),
        ("user", "/admin/users/new/",
         {"username": "penyusup", "email": "p@contoh.example", "password1": "kopi-tubruk-2022",
          "password2": "kopi-tubruk-2022", "is_superuser": "on"}),
        ("reply edit", f"/admin/hak-jawab/edit/{r['reply'].pk}/", {"status": "ditolak"}),
        ("image delete", f"/admin/images/{r['image'].pk}/delete/", {}),
        ("import", "/admin/impor-teks/", {"text": "Judul\n\nIsi", "section": r["nasional"].pk}),
    ]  # fmt: skip


def _nothing_happened(r) -> list[str]:
    happened = []
    if ArticlePage.objects.filter(slug="anonim").exists():
        happened.append("article added")
    if not _unchanged(r["others_draft"]):
        happened.append("draft edited")
    r["nasional_live"].refresh_from_db()
    if not r["nasional_live"].live:
        happened.append("article pulled")
    if not Page.objects.filter(pk=r["others_draft"].pk).exists():
        happened.append("draft deleted")
    r["others_draft"].refresh_from_db()
    if r["others_draft"].locked or r["others_draft"].live:
        happened.append("draft locked or published")
    if Correction.objects.exists():
        happened.append("correction added")
    if Notice.objects.filter(title="Palsu").exists() or Person.objects.filter(slug="palsu"):
        happened.append("snippet added")
    if get_user_model().objects.filter(username="penyusup").exists():
        happened.append("user added")
    if Reply.objects.get(pk=r["reply"].pk).status == "ditolak":
        happened.append("reply changed")
    if not WartaImage.objects.filter(pk=r["image"].pk).exists():
        happened.append("image deleted")
    return happened


def test_anonymous_posts_to_admin_endpoints_change_nothing(room):
    client = Client(raise_request_exception=False)
    for name, url, data in _anonymous_attempts(room):
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404), (name, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/"), (name, response["Location"])
    assert _nothing_happened(room) == []


@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/berita/", "/admin/hak-jawab/", "/admin/users/", "/admin/impor-teks/",
     "/admin/images/", "/admin/snippets/people/person/", "/admin/reports/"],
)  # fmt: skip
def test_anonymous_reads_of_admin_pages_go_to_login(room, url):
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


# A Penulis, and an Editor outside their kanal -------------------------------------


def _attempts_on(page, revision):
    return [
        ("edit", f"/admin/pages/{page.pk}/edit/", article_form(page, title="Diambil alih")),
        ("publish", f"/admin/pages/{page.pk}/edit/",
         article_form(page, title="Diambil alih", **{"action-publish": "1"})),
        ("submit", f"/admin/pages/{page.pk}/edit/",
         article_form(page, title="Diambil alih", **{"action-submit": "1"})),
        ("revert", f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/", {}),
        ("lock", f"/admin/pages/{page.pk}/lock/", {}),
        ("delete", f"/admin/pages/{page.pk}/delete/", {}),
        ("bulk publish", f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {}),
        ("bulk delete", f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}", {}),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("role", "target"), [("penulis", "others_draft"), ("editor", "sport_draft")]
)
def test_no_one_takes_over_a_draft_that_is_not_theirs(room, role, target):
    page = room[target]
    client = client_for(room[role])
    client.raise_request_exception = False
    revision = page.revisions.order_by("pk").first()
    for name, url, data in _attempts_on(page, revision):
        response = client.post(url, data)
        assert response.status_code < 500, (name, response.status_code)
        assert Page.objects.filter(pk=page.pk).exists(), f"{role} {name}: deleted"
        page.refresh_from_db()
        assert not page.live and not page.locked, f"{role} {name}: published or locked"
        assert _unchanged(page), f"{role} {name}: changed"
        assert not page.workflow_states.exists(), f"{role} {name}: submitted"


@pytest.mark.parametrize(
    ("role", "target"), [("penulis", "nasional_live"), ("editor", "sport_live")]
)
def test_no_one_pulls_or_corrects_an_article_outside_their_reach(room, role, target):
    article = room[target]
    client = client_for(room[role])
    client.raise_request_exception = False
    client.post(f"/admin/pages/{article.pk}/unpublish/", {"takedown": "1", "reason": "sara"})
    client.post(f"/admin/berita/{article.pk}/ralat/", {"text": "Ralat dari luar"})
    client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={article.pk}")
    article.refresh_from_db()
    assert article.live
    assert not Correction.objects.filter(article=article).exists()


def test_a_penulis_cannot_read_the_reply_queue_or_readers_contacts(room):
    client = client_for(room["penulis"])
    for url in ("/admin/hak-jawab/", f"/admin/hak-jawab/edit/{room['reply'].pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), (url, response.status_code)
        assert "warga@contoh.example" not in response.content.decode()
    client.post(f"/admin/hak-jawab/edit/{room['reply'].pk}/", {"status": "ditolak"})
    assert Reply.objects.get(pk=room["reply"].pk).status != "ditolak"


def test_a_penulis_cannot_delete_or_replace_a_photo(room):
    client = client_for(room["penulis"])
    image = room["image"]
    client.post(f"/admin/images/{image.pk}/delete/")
    client.post(f"/admin/images/{image.pk}/", {"title": "Diganti", "collection": "1"})
    image.refresh_from_db()
    assert image.title != "Diganti"
    assert WartaImage.objects.filter(pk=image.pk).exists()
