"""Berita, the admin's flat listing of articles: filters, search, pages, roles, queries."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from warta.articles.admin_listing import PER_PAGE
from warta.testing.factories import (
    make_article,
    make_person,
    make_section,
    make_user,
    signed_in_client,
)
from warta.users.roles import PENULIS, REDAKTUR
from warta.users.services import set_editor_sections

pytestmark = pytest.mark.django_db

URL = "/admin/berita/"


@pytest.fixture
def redaktur():
    return signed_in_client(make_user("redaktur", REDAKTUR))


def _listed(client, **params) -> list[int]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [page.pk for page in response.context["object_list"]]


def _draft(section, owner=None, title="Draf berita", **fields):
    return make_article(
        title=title, section=section, publish=False, live=False, owner=owner, **fields
    )


def _set_dates(article, first_published=None, changed=None):
    Page.objects.filter(pk=article.pk).update(
        first_published_at=first_published, latest_revision_created_at=changed
    )


def test_listing_in_indonesian_with_the_filters(redaktur):
    article = make_article(title="Jembatan Baru Diresmikan", section=make_section("Nasional"))
    response = redaktur.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jembatan Baru Diresmikan" in html
    for label in ("Kanal", "Penulis", "Status", "Terbit pertama", "Perubahan terakhir"):
        assert label in html
    assert "Cari judul berita" in html
    assert _listed(redaktur) == [article.pk]


def test_listing_is_in_the_admin_menu(redaktur):
    response = redaktur.get("/admin/")
    # The sidebar menu comes as JSON for the admin's script.
    assert '"label": "Berita", "icon_name": "doc-full"' in response.content.decode()


def test_kanal_filter_takes_its_articles_and_its_sub_kanal(redaktur):
    nasional = make_section("Nasional")
    politik = make_section("Politik", parent=nasional)
    olahraga = make_section("Olahraga")
    in_nasional = make_article(section=nasional)
    in_politik = make_article(section=politik)
    in_olahraga = make_article(section=olahraga)
    assert set(_listed(redaktur, kanal=nasional.pk)) == {in_nasional.pk, in_politik.pk}
    assert _listed(redaktur, kanal=politik.pk) == [in_politik.pk]
    assert _listed(redaktur, kanal=olahraga.pk) == [in_olahraga.pk]


def test_penulis_filter_follows_the_byline(redaktur):
    ayu, bayu, foto = make_person("Ayu"), make_person("Bayu"), make_person("Citra", "fotografer")
    by_ayu = make_article(authors=[ayu])
    by_bayu_with_photos = make_article(authors=[bayu, foto])
    make_article(authors=[bayu])
    assert _listed(redaktur, penulis=ayu.pk) == [by_ayu.pk]
    assert _listed(redaktur, penulis=foto.pk) == [by_bayu_with_photos.pk]
    assert len(_listed(redaktur, penulis=bayu.pk)) == 2


def test_status_filter(redaktur):
    section = make_section("Nasional")
    writer = make_user("penulis", PENULIS)
    live = make_article(title="Tayang", section=section)
    live_with_draft = make_article(title="Tayang dengan draf", section=section)
    live_with_draft.title = "Tayang dengan draf, judul baru"
    live_with_draft.save_revision()
    draft = _draft(section, title="Draf biasa")
    scheduled = _draft(section, title="Terjadwal")
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    in_review = _draft(section, owner=writer, title="Dalam tinjauan")
    in_review.get_workflow().start(in_review, writer)

    assert set(_listed(redaktur, status="tayang")) == {live.pk, live_with_draft.pk}
    assert _listed(redaktur, status="tayang_draf") == [live_with_draft.pk]
    assert set(_listed(redaktur, status="draf")) == {draft.pk, in_review.pk}
    assert _listed(redaktur, status="terjadwal") == [scheduled.pk]
    assert _listed(redaktur, status="ditinjau") == [in_review.pk]
    assert len(_listed(redaktur)) == 5


def test_date_filters(redaktur):
    zone = timezone.get_current_timezone()
    old = make_article(title="Lama")
    new = make_article(title="Baru")
    draft = _draft(make_section("Nasional"), title="Draf")
    _set_dates(old, datetime(2025, 1, 10, 8, tzinfo=zone), datetime(2025, 3, 1, 9, tzinfo=zone))
    _set_dates(new, datetime(2025, 2, 20, 23, tzinfo=zone), datetime(2025, 2, 21, 7, tzinfo=zone))
    _set_dates(draft, None, datetime(2025, 2, 25, 12, tzinfo=zone))

    published = {
        "first_published_at_from": "2025-02-01",
        "first_published_at_to": "2025-02-20",
    }
    assert _listed(redaktur, **published) == [new.pk]  # the last day counts whole
    assert _listed(redaktur, first_published_at_to="2025-01-31") == [old.pk]
    changed = {
        "latest_revision_created_at_from": "2025-02-22",
        "latest_revision_created_at_to": "2025-03-01",
    }
    assert _listed(redaktur, **changed) == [old.pk, draft.pk]  # latest change first


def test_search_by_headline(redaktur):
    flood = make_article(title="Banjir Rendam Tiga Kecamatan di Semarang")
    make_article(title="Harga Beras Naik", summary="Banjir membuat panen gagal.")
    draft = _draft(make_section("Nasional"), title="Draf: banjir susulan")
    assert set(_listed(redaktur, q="banjir")) == {flood.pk, draft.pk}
    assert _listed(redaktur, q="kecamatan di semarang") == [flood.pk]
    assert _listed(redaktur, q="panen") == []


def test_filters_combine_with_search(redaktur):
    nasional, olahraga = make_section("Nasional"), make_section("Olahraga")
    here = make_article(title="Banjir di stadion", section=olahraga)
    make_article(title="Banjir di ibu kota", section=nasional)
    assert _listed(redaktur, q="banjir", kanal=olahraga.pk, status="tayang") == [here.pk]


def test_pagination_newest_change_first_without_overlap(redaktur):
    section = make_section("Nasional")
    articles = [make_article(section=section) for _ in range(PER_PAGE + 3)]
    start = timezone.now() - timedelta(days=10)
    for n, article in enumerate(articles):
        # Pairs share a time: the order must still be total.
        moment = start + timedelta(hours=n // 2)
        Page.objects.filter(pk=article.pk).update(latest_revision_created_at=moment)
    first, second = _listed(redaktur), _listed(redaktur, p=2)
    assert len(first) == PER_PAGE
    assert len(second) == 3
    assert not set(first) & set(second)
    # Latest change first; between equal times, the newer article first.
    assert first + second == [a.pk for a in reversed(articles)]
    assert set(_listed(redaktur, p=2, ordering="title")) <= {a.pk for a in articles}


def test_penulis_sees_only_own_articles():
    section = make_section("Nasional")
    writer, other = make_user("penulis", PENULIS), make_user("penulis_lain", PENULIS)
    own_draft = _draft(section, owner=writer, title="Draf sendiri")
    own_live = make_article(section=section, owner=writer)
    _draft(section, owner=other, title="Draf orang lain")
    make_article(section=section, owner=other)
    make_article(section=section)
    assert set(_listed(signed_in_client(writer))) == {own_draft.pk, own_live.pk}
    assert _listed(signed_in_client(writer), q="orang lain") == []


def test_editor_sees_only_the_kanal_granted():
    nasional, olahraga = make_section("Nasional"), make_section("Olahraga")
    editor = make_user("editor")
    set_editor_sections(editor, [nasional])
    here = make_article(section=nasional)
    draft_here = _draft(nasional)
    make_article(section=olahraga)
    assert set(_listed(signed_in_client(editor))) == {here.pk, draft_here.pk}
    assert _listed(signed_in_client(editor), kanal=olahraga.pk) == []


def test_redaktur_sees_every_article(redaktur):
    articles = {make_article(section=make_section(name)).pk for name in ("Nasional", "Olahraga")}
    articles.add(_draft(make_section("Nasional"), owner=make_user("penulis", PENULIS)).pk)
    assert set(_listed(redaktur)) == articles


def test_no_listing_without_admin_role():
    reader = make_user("pembaca")
    response = signed_in_client(reader).get(URL)
    assert response.status_code in (302, 403)


def _queries(client, **params) -> int:
    client.get(URL, params)  # warm: sessions, site and permission caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "berita"}, {"status": "draf"}, {"penulis": "person"}, {"kanal": "section"}],
    ids=["plain", "search", "status", "penulis", "kanal"],
)
def test_query_count_does_not_grow_with_articles(redaktur, params):
    section = make_section("Nasional")
    people = [make_person(), make_person(role="fotografer")]
    values = {"person": people[0].pk, "section": section.pk}
    params = {k: values.get(v, v) for k, v in params.items()}

    def add(n):
        for i in range(n):
            make_article(title=f"Berita {i}", section=section, authors=people, tags=["a", "b"])
            _draft(section, title=f"Draf berita {i}")

    add(5)
    few = _queries(redaktur, **params)
    add(20)
    many = _queries(redaktur, **params)
    assert few == many
    assert many <= 25
