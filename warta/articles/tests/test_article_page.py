"""The article page shows every part of the reference page, in its order."""

from datetime import UTC, datetime

import pytest
from django.utils.html import strip_tags

from warta.advertising.models import AdSlot
from warta.masthead.models import SiteSettings
from warta.notices.models import Notice
from warta.testing.factories import make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2022, 1, 14, 5, 13, tzinfo=UTC)  # 12:13 WIB
UPDATED = datetime(2022, 12, 14, 16, 21, 19, tzinfo=UTC)


@pytest.fixture
def article():
    section = make_section("Internasional", slug="internasional")
    image = make_image(
        title="Dua menteri bertemu", caption="Kedua menteri di Jakarta", credit="Dok. Kemlu"
    )
    writer = make_person("Sari Wulandari")
    article = make_article(
        title="Dua Negara Sepakat Memperluas Kerja Sama Perdagangan",
        section=section,
        authors=[writer],
        published_at=PUBLISHED,
        lead_image=image,
        paragraphs=(
            "Kedua negara sepakat pada Senin (3/1/2022).",
            "Dilansir dari AFP, pembicaraan berlangsung lama.",
        ),
        headings=("Latar belakang",),
        source_name="KABARLAIN",
        tags=["diplomasi", "perdagangan"],
    )
    type(article).objects.filter(pk=article.pk).update(updated_at=UPDATED)
    article.refresh_from_db()
    return article


@pytest.fixture
def chrome():
    Notice.objects.create(title="Pemberitahuan", text="Situs sedang diperbarui.")
    AdSlot.objects.create(name="Atas", position="header_top", size="970x90")
    AdSlot.objects.create(name="Logo", position="below_masthead", size="728x90")


def _text(html: str) -> str:
    return " ".join(strip_tags(html).split())


def test_article_page_has_every_reference_part_in_order(client, article, chrome):
    settings = SiteSettings.objects.get_or_create(site_id=article.get_site().pk)[0]
    settings.dateline = "Warta Nusantara"
    settings.save()
    html = client.get(article.url).content.decode()
    text = _text(html)
    parts = [
        "Pemberitahuan",
        "×",
        "Iklan",
        "Iklan",
        "Indeks Berita",
        "Tag Terpopuler",
        "Dua Negara Sepakat Memperluas Kerja Sama Perdagangan",
        "Jumat, 14 Januari 2022 | 12:13 WIB",
        "Diperbarui Rabu, 14 Desember 2022 | 23:21 WIB",
        "Daftar Isi [Tampilkan]",
        "Dua menteri bertemu Kedua menteri di Jakarta | Foto: Dok. Kemlu",
        "Warta Nusantara - Kedua negara sepakat",
        "Oleh: Sari Wulandari",
        "Sumber Berita: KABARLAIN",
    ]
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)
    assert html.count("<h1") == 1
    assert '<time class="published" datetime="2022-01-14T12:13:00+07:00">' in html
    assert 'datetime="2022-12-14T23:21:19+07:00"' in html


def test_dateline_override_wins_over_site_dateline(client, article):
    article.dateline_override = "Populer24"
    article.save_revision().publish()
    text = _text(client.get(article.url).content.decode())
    assert "Populer24 - Kedua negara sepakat" in text


def test_no_update_line_when_never_changed(client):
    article = make_article(published_at=PUBLISHED)
    html = client.get(article.url).content.decode()
    assert "Diperbarui" not in html


def test_toc_links_to_heading_anchors(client, article):
    html = client.get(article.url).content.decode()
    assert '<a href="#latar-belakang">Latar belakang</a>' in html
    assert '<h2 id="latar-belakang">Latar belakang</h2>' in html
    assert '<details class="toc">' in html  # collapsed: no "open" attribute
