"""import_page_text: what it writes, and that a failure writes nothing."""

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from warta.articles.models import ArticlePage, WireAgency
from warta.images.models import WartaImage
from warta.importers.services import (
    PLACEHOLDER_WARNING,
    AlreadyImported,
    PageTextImportError,
    import_page_text,
)
from warta.people.models import Person
from warta.testing.factories import make_person, make_section

DATA = Path(__file__).parent / "data"
HEADLINE = "Nelayan Makassar Mulai Pakai Perahu Listrik untuk Tekan Biaya Solar"


def sample_text() -> str:
    return (DATA / "nelayan-wita.txt").read_text(encoding="utf-8")


def row_counts() -> tuple[int, int, int, int]:
    return (
        ArticlePage.objects.count(),
        WartaImage.objects.count(),
        Person.objects.count(),
        WireAgency.objects.count(),
    )


def stored_files(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def jpeg_upload(size=(640, 360)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 120, 60)).save(buffer, format="JPEG")
    return SimpleUploadedFile("perahu.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.django_db
def test_import_creates_a_complete_draft():
    section = make_section("Ekonomi", slug="ekonomi")
    existing = make_person("Yusuf Hamdani")
    WireAgency.objects.create(name="ANTARA")

    result = import_page_text(sample_text(), section=section)

    article = ArticlePage.objects.get(pk=result.article.pk)
    assert article.get_parent().pk == section.pk
    assert not article.live and article.has_unpublished_changes
    assert article.revisions.count() == 1
    assert article.title == HEADLINE
    assert article.slug == "nelayan-makassar-mulai-pakai-perahu-listrik-untuk-tekan-biaya-solar"
    assert article.published_at == datetime(2023, 8, 3, 1, 45, tzinfo=UTC)
    assert article.updated_at == datetime(2023, 8, 4, 1, 10, tzinfo=UTC)
    assert article.dateline_override == "Warta Nusantara"
    assert article.source_name == "KABAR TIMUR"
    assert article.summary == (
        "Sebanyak dua belas kelompok nelayan di pesisir Makassar mulai mencoba perahu bertenaga "
        "listrik sejak awal bulan ini. Mereka berharap biaya melaut bisa turun hingga separuh "
        "dibanding perahu bermesin solar."
    )
    blocks = list(article.body)
    assert [b.block_type for b in blocks] == ["paragraph"] * 4
    assert str(blocks[0].value).startswith("<p>Sebanyak dua belas kelompok nelayan")
    assert "tahun lalu &amp; masih bisa turun lagi.</p>" in str(blocks[3].value)
    assert "&quot;Kalau cuaca bagus" in str(blocks[2].value)

    credits = list(article.authors.order_by("sort_order"))
    assert [c.person.name for c in credits] == ["Rina Marlina", "Yusuf Hamdani", "Ketut Ardana"]
    assert {c.role for c in credits} == {"penulis"}
    assert credits[1].person == existing
    assert [p.name for p in result.new_people] == ["Rina Marlina", "Ketut Ardana"]
    assert Person.objects.get(name="Rina Marlina").slug == "rina-marlina"
    assert [a.name for a in article.wire_agencies.order_by("name")] == ["ANTARA", "Reuters"]
    assert WireAgency.objects.count() == 2

    image = article.lead_image
    assert (image.title, image.caption, image.credit) == (
        HEADLINE,
        "Perahu listrik milik kelompok nelayan di Pantai Losari",
        "Dok. Warta Nusantara",
    )
    assert (article.lead_caption, article.lead_credit) == (image.caption, image.credit)
    assert (image.width, image.height) == (1600, 900) and image.file_size > 0
    assert result.warnings == [PLACEHOLDER_WARNING]
    assert result.unrecognised == []
    assert result.edit_url == f"/admin/pages/{article.pk}/edit/"


@pytest.mark.django_db
def test_default_section_is_the_first_live_one_in_menu_order():
    later = make_section("Nasional", slug="nasional")
    first = make_section("Daerah", slug="daerah")
    first.nav_order = 5
    first.save_revision().publish()
    assert later.nav_order == 100
    result = import_page_text(sample_text())
    assert result.article.get_parent().pk == first.pk


@pytest.mark.django_db
def test_without_any_section_nothing_is_created():
    before = row_counts()
    with pytest.raises(PageTextImportError, match="Belum ada kanal"):
        import_page_text(sample_text())
    assert row_counts() == before


@pytest.mark.django_db
def test_given_photo_replaces_the_placeholder():
    result = import_page_text(sample_text(), section=make_section(), image_file=jpeg_upload())
    assert (result.image.width, result.image.height) == (640, 360)
    assert PLACEHOLDER_WARNING not in result.warnings


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Teks kosong"),
        ("\x00\x01binary", "bukan teks berita"),
        ("Senin, 11 Maret 2024 | 08:00 WIB\nIsi berita.\n", "Judul berita tidak ditemukan"),
        ((DATA / "tanpa-waktu.txt").read_text(encoding="utf-8"), "waktu terbit tidak ditemukan"),
        ("Judul\nSenin, 11 Maret 2099 | 08:00 WIB\nIsi.\nOleh: Ani", "masa depan"),
        ("J" * 300 + "\nSenin, 11 Maret 2024 | 08:00 WIB\nIsi.\nOleh: Ani", "Judul: "),
    ],
)
def test_bad_input_creates_nothing(settings, text, message):
    make_section()
    before = row_counts()
    with pytest.raises(PageTextImportError, match=message):
        import_page_text(text)
    assert row_counts() == before
    assert stored_files(settings) == []  # the placeholder stored before validation is gone


@pytest.mark.django_db
def test_unreadable_photo_creates_nothing():
    make_section()
    before = row_counts()
    bad = SimpleUploadedFile("foto.jpg", b"bukan gambar", content_type="image/jpeg")
    with pytest.raises(PageTextImportError, match="Berkas gambar tidak dapat dibaca"):
        import_page_text(sample_text(), image_file=bad)
    assert row_counts() == before


@pytest.mark.django_db
def test_second_import_is_refused_unless_asked_again():
    section = make_section()
    first = import_page_text(sample_text(), section=section).article
    before = row_counts()
    with pytest.raises(AlreadyImported, match="sudah pernah diimpor") as caught:
        import_page_text(sample_text(), section=section)
    assert caught.value.article.pk == first.pk
    assert row_counts() == before

    again = import_page_text(sample_text(), section=section, again=True).article
    assert again.pk != first.pk
    assert again.slug == f"{first.slug}-2"
    assert Person.objects.filter(name="Rina Marlina").count() == 1
