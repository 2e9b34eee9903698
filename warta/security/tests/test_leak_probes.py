"""What an anonymous visitor can learn: every public endpoint, probed for leaks.

A newsroom with a draft, a scheduled article (with a photo used by nothing else), a
pulled article, a hak jawab, a document and staff accounts with e-mail addresses.
Each endpoint is requested as an anonymous reader and must answer with its right
status, and with none of: the draft's or the scheduled article's headline, slug or
id, a staff e-mail address or username, a link into the admin, a stack trace or
file path, a server version header, or a session cookie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model

from warta.articles.services import take_down_article
from warta.replies.services import submit_reply
from warta.testing.factories import make_article, make_image, make_person, make_section
from warta.users.roles import EDITOR, PENULIS, REDAKTUR
from warta.users.services import assign_role, set_editor_sections

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Draf Rahasia Soal Reshuffle Kabinet"
SCHEDULED_TITLE = "Embargo Pengumuman Kenaikan BBM"
PULLED_TITLE = "Berita Yang Dicabut Redaksi"
STAFF = {
    "sari_editor": ("sari.editor@redaksi-warta.example", EDITOR),
    "budi_penulis": ("budi.penulis@redaksi-warta.example", PENULIS),
    "dewi_redaktur": ("dewi.redaktur@redaksi-warta.example", REDAKTUR),
}
# What a stack trace, a debug page or an internal error text looks like.
TRACE = re.compile(
    r"Traceback \(most recent call last\)|File \"/|Exception Value|Request Method:|"
    r"django\.core|DJANGO_SETTINGS_MODULE|SECRET_KEY|/work/|site-packages|"
    r"OperationalError|IntegrityError|DoesNotExist|rahasia-internal"
)
VERSION = re.compile(r"\d")


@dataclass
class Site:
    live: object
    draft: object
    scheduled: object
    pulled_path: str
    embargoed_image: object
    document: object
    tag: str
    author: object
    section: object


@pytest.fixture
def site(db) -> Site:
    from django.contrib.auth import get_user_model

    section = make_section("Nasional", slug="nasional")
    for username, (email, role) in STAFF.items():
        user = get_user_model().objects.create_user(username, email, "sandi-uji-123")
        assign_role(user, role)
        if role == EDITOR:
            set_editor_sections(user, [section])
    staff = get_user_model().objects.get(username="budi_penulis")
    author = make_person("Budi Penulis")
    author.user = staff
    author.save()
    live = make_article(
        title="Banjir Surut di Jakarta", section=section, authors=[author], tags=["banjir"]
    )
    draft = make_article(
        title=DRAFT_TITLE, section=section, authors=[author], tags=["banjir"], publish=False,
        live=False, owner=staff,
    )  # fmt: skip
    embargoed_image = make_image(title="Foto embargo", width=96, height=64)
    scheduled = make_article(
        title=SCHEDULED_TITLE, section=section, authors=[author], tags=["banjir"],
        lead_image=embargoed_image, publish=False, live=False, owner=staff,
    )  # fmt: skip
    scheduled.go_live_at = timezone.now() + timedelta(days=2)
    scheduler = get_user_model().objects.get(username="sari_editor")
    scheduled.save_revision(user=staff).publish(user=scheduler)
    scheduled.refresh_from_db()
    assert not scheduled.live and scheduled.go_live_at
    pulled = make_article(title=PULLED_TITLE, section=section, authors=[author])
    pulled_path = pulled.url
    editor = get_user_model().objects.get(username="dewi_redaktur")
    take_down_article(pulled, reason="lainnya", text="Permintaan narasumber.", user=editor)
    submit_reply(
        article=live, name="Pak Warga", contact="warga.pelapor@contoh.example",
        text="Kami keberatan dengan isi berita ini karena tidak akurat.",
    )  # fmt: skip
    document = get_document_model().objects.create(
        title="Siaran pers", file=ContentFile(b"isi siaran pers", name="siaran-pers.txt")
    )
    return Site(
        live=live,
        draft=draft,
        scheduled=scheduled,
        pulled_path=pulled_path,
        embargoed_image=embargoed_image,
        document=document,
        tag="banjir",
        author=author,
        section=section,
    )


OK, MOVED, LOGIN, GONE, MISSING = {200}, {301, 302}, {302}, {410}, {404}
NOT_PUBLIC = {403, 404}


def _draft_path(s: Site) -> str:
    return f"{s.section.url}{s.draft.slug}/"


def _revision_path(s: Site) -> str:
    return f"/admin/pages/{s.draft.pk}/revisions/{s.draft.get_latest_revision().pk}/view/"


# (name, method, path for the site, the statuses it may answer): 37 probes.
PROBES = [
    ("beranda", "GET", lambda s: "/", OK),
    ("kanal", "GET", lambda s: s.section.url, OK),
    ("berita", "GET", lambda s: s.live.url, OK),
    ("indeks", "GET", lambda s: "/indeks/", OK),
    ("tag", "GET", lambda s: f"/tag/{s.tag}/", OK),
    ("penulis", "GET", lambda s: f"/penulis/{s.author.slug}/", OK),
    ("cari judul draf", "GET", lambda s: "/cari/?q=Reshuffle+Kabinet", OK),
    ("cari judul terjadwal", "GET", lambda s: "/cari/?q=Embargo+BBM", OK),
    ("ralat", "GET", lambda s: "/ralat/", OK),
    ("feed rss", "GET", lambda s: "/feed/rss/", OK),
    ("feed atom lengkap", "GET", lambda s: "/feed/full/atom/", OK),
    ("feed kanal", "GET", lambda s: "/feed/full/kanal/nasional/rss/", OK),
    ("feed tag", "GET", lambda s: f"/feed/full/tag/{s.tag}/atom/", OK),
    ("feed penulis", "GET", lambda s: f"/feed/full/penulis/{s.author.slug}/rss/", OK),
    ("sitemap", "GET", lambda s: "/sitemap.xml", OK),
    ("sitemap berita", "GET", lambda s: "/sitemap-news.xml", OK),
    ("robots.txt", "GET", lambda s: "/robots.txt", OK),
    ("ads.txt kosong", "GET", lambda s: "/ads.txt", MISSING),
    ("beacon baca", "POST", lambda s: f"/baca/{s.live.pk}/", {204}),
    # The same answer for a draft's id: the beacon is no oracle for unpublished ids.
    ("beacon draf", "POST", lambda s: f"/baca/{s.draft.pk}/", {204}),
    ("hak jawab", "GET", lambda s: f"/hak-jawab/{s.live.pk}/", OK),
    ("hak jawab draf", "GET", lambda s: f"/hak-jawab/{s.draft.pk}/", MISSING),
    ("alamat draf", "GET", _draft_path, MISSING),
    ("alamat terjadwal", "GET", lambda s: f"{s.section.url}{s.scheduled.slug}/", MISSING),
    ("pemberitahuan pencabutan", "GET", lambda s: s.pulled_path, GONE),
    # Issue 11: the original of a photo used only by a scheduled article is not public.
    ("foto asli embargo", "GET", lambda s: s.embargoed_image.file.url, NOT_PUBLIC),
    ("dokumen", "GET", lambda s: f"/dokumen/{s.document.pk}/siaran-pers.txt", OK),
    ("admin", "GET", lambda s: "/admin/", LOGIN),
    ("admin sunting draf", "GET", lambda s: f"/admin/pages/{s.draft.pk}/edit/", LOGIN),
    ("pratinjau draf", "GET", lambda s: f"/admin/pages/{s.draft.pk}/view_draft/", LOGIN),
    ("revisi draf", "GET", _revision_path, LOGIN),
    ("antrean hak jawab", "GET", lambda s: "/admin/hak-jawab/", LOGIN),
    ("api admin", "GET", lambda s: "/admin/api/main/pages/", LOGIN | NOT_PUBLIC),
    ("api publik", "GET", lambda s: "/api/v2/pages/", MISSING),
    ("halaman tak ada", "GET", lambda s: "/halaman-yang-tidak-ada/", MISSING),
    ("tanggal indeks rusak", "GET", lambda s: "/indeks/?tanggal=2024-13-45", MISSING | {400}),
    ("halaman kanal rusak", "GET", lambda s: f"{s.section.url}?page=999", MISSING),
]


def _body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", "replace")


def _leaks(response, site: Site) -> list[str]:
    body = _body(response)
    found = []
    for secret in (DRAFT_TITLE, SCHEDULED_TITLE, site.draft.slug, site.scheduled.slug):
        if secret in body:
            found.append(f"unpublished article: {secret!r}")
    for needle in (f"/baca/{site.draft.pk}/", f"/hak-jawab/{site.draft.pk}/"):
        if needle in body and needle not in response.request["PATH_INFO"]:
            found.append(f"unpublished article id: {needle}")
    for username, (email, _role) in STAFF.items():
        if email in body or email.split("@")[0] in body:
            found.append(f"staff e-mail: {email}")
        if re.search(rf"\b{username}\b", body):
            found.append(f"staff username: {username}")
    if "warga.pelapor@contoh.example" in body:
        found.append("a reader's contact from hak jawab")
    if "/admin/pages/" in body:
        found.append("a link into the admin's page tree")
    if match := TRACE.search(body):
        found.append(f"stack trace or internal detail: {match.group()!r}")
    for header in ("Server", "X-Powered-By", "X-Runtime", "X-Version"):
        value = response.get(header)
        if value is not None and (header != "Server" or VERSION.search(value)):
            found.append(f"header {header}: {value}")
    if settings.SESSION_COOKIE_NAME in response.cookies:
        found.append("a session cookie for an anonymous reader")
    return found


@pytest.mark.parametrize(
    ("name", "method", "path_for", "statuses"), PROBES, ids=[p[0] for p in PROBES]
)
def test_public_endpoint_leaks_nothing(site, name, method, path_for, statuses):
    path = path_for(site)
    client = Client()
    response = client.get(path) if method == "GET" else client.post(path)

    assert response.status_code in statuses, f"{name} {path}: {response.status_code}"
    if response.status_code in LOGIN and path.startswith("/admin/"):
        assert response["Location"].startswith("/admin/login/"), response["Location"]
    assert _leaks(response, site) == [], f"{name} {path}"


def test_there_are_37_probes():
    assert len(PROBES) == 37


def test_a_server_error_shows_no_trace_with_debug_off(site, monkeypatch):
    """DEBUG is off in production: an unexpected exception is a plain 500 page."""
    assert not settings.DEBUG

    def broken(*args, **kwargs):
        raise RuntimeError("rahasia-internal: /work/main/warta/archive/views.py baris 42")

    monkeypatch.setattr("warta.archive.views.render", broken)
    response = Client(raise_request_exception=False).get("/indeks/")
    assert response.status_code == 500
    assert _leaks(response, site) == []


def test_a_bad_host_is_refused_without_details(site):
    response = Client().get("/", HTTP_HOST="penyerang.example")
    assert response.status_code == 400
    assert _leaks(response, site) == []


def test_nginx_hides_its_version():
    conf = (Path(__file__).resolve().parents[3] / "deploy" / "nginx" / "warta.conf").read_text()
    assert re.search(r"^\s*server_tokens\s+off;", conf, re.MULTILINE), "server_tokens off"


def test_the_draft_is_not_in_any_sitemap_page(site):
    client = Client()
    index = _body(client.get("/sitemap.xml"))
    pages = re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", index)
    assert pages
    for path in pages:
        response = Client().get(path)
        assert response.status_code == 200, path
        assert _leaks(response, site) == [], path
