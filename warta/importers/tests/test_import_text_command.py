"""``warta import-text``: what it prints, what it creates, and how it fails."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from warta.articles.models import ArticlePage, WireAgency
from warta.images.models import WartaImage
from warta.importers.services import PLACEHOLDER_WARNING
from warta.people.models import Person
from warta.testing.factories import make_section
from warta.users.roles import REDAKTUR
from warta.users.services import assign_role

DATA = Path(__file__).parent / "data"
REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference" / "populer24-article.txt"


def reference_path() -> Path:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference page is not here: {REFERENCE} (kept outside the repository)")
    return REFERENCE


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_text", *map(str, args), stdout=out, no_color=True)
    return out.getvalue()


def row_counts() -> tuple[int, int, int, int]:
    return (
        ArticlePage.objects.count(),
        WartaImage.objects.count(),
        Person.objects.count(),
        WireAgency.objects.count(),
    )


@pytest.mark.django_db
def test_reference_page_becomes_a_draft_and_the_command_says_what_it_saw():
    make_section("Nasional", slug="nasional")
    section = make_section("Internasional", slug="internasional")

    output = run(reference_path(), "--section", "internasional")

    article = ArticlePage.objects.get()
    assert article.get_parent().pk == section.pk
    assert not article.live
    lines = output.splitlines()
    assert lines[:11] == [
        "Judul         : Sempat Memanas Akibat Konflik, Presiden Turki Dan Presiden Rusia "
        "Berjanji Meningkatkan Kembali Hubungan Bilateralnya",
        "Waktu terbit  : Jumat, 14 Januari 2022 | 12:13 WIB",
        "Diperbarui    : Rabu, 14 Desember 2022 | 23:21 WIB (2022-12-14T16:21:19Z)",
        "Penulis       : Devi Novitasari (kontributor baru)",
        "Sumber berita : ISLAMPOS",
        "Kantor berita : AFP",
        "Dateline      : Populer24",
        "Paragraf      : 8",
        "Gambar utama  : Sempat Memanas Akibat Konflik, Presiden Turki Dan Presiden Rusia "
        "Berjanji Meningkatkan Kembali Hubungan Bilateralnya",
        "Keterangan    : Vladmir Putin dan Recep Tayyip Erdogan",
        "Kredit foto   : Instagram @telegraph.moldova",
    ]
    assert lines[11:] == [
        "Peringatan:",
        f"  - {PLACEHOLDER_WARNING}",
        "Baris tak dikenali: (tidak ada)",
        f"Draf dibuat di kanal Internasional: /admin/pages/{article.pk}/edit/",
    ]
    assert article.dateline_override == "Populer24"
    assert [c.person.name for c in article.authors.all()] == ["Devi Novitasari"]
    assert [a.name for a in article.wire_agencies.all()] == ["AFP"]
    assert len(article.body) == 8


@pytest.mark.django_db
def test_publish_and_image_options(tmp_path, django_user_model):
    make_section("Ekonomi", slug="ekonomi")
    redaktur = django_user_model.objects.create_user("redaktur")
    assign_role(redaktur, REDAKTUR)
    photo = tmp_path / "perahu.png"
    PILImage.new("RGB", (800, 450), (10, 80, 120)).save(photo)

    output = run(DATA / "nelayan-wita.txt", "--publish", "--user", "redaktur", "--image", photo)

    article = ArticlePage.objects.get()
    assert article.live
    assert article.owner == redaktur
    assert article.published_at.isoformat() == "2023-08-03T01:45:00+00:00"
    assert (article.lead_image.width, article.lead_image.height) == (800, 450)
    assert "Peringatan: (tidak ada)" in output
    assert "Waktu terbit  : Kamis, 3 Agustus 2023 | 09:45 WITA" in output
    assert "Penulis       : Rina Marlina (kontributor baru), Yusuf Hamdani (kontributor baru)" in (
        output
    )
    assert output.rstrip().endswith(
        f"Diterbitkan di kanal Ekonomi: /admin/pages/{article.pk}/edit/"
    )


@pytest.mark.django_db
def test_unrecognised_lines_are_printed(tmp_path):
    make_section()
    page = tmp_path / "berita.txt"
    text = (DATA / "nelayan-wita.txt").read_text(encoding="utf-8") + "Editor: Bambang\n"
    page.write_text(text, encoding="utf-8")
    output = run(page)
    assert "Baris tak dikenali:\n  - baris 29: Editor: Bambang\n" in output


@pytest.mark.django_db
def test_second_run_is_refused_then_allowed_with_again():
    make_section()
    run(DATA / "nelayan-wita.txt")
    before = row_counts()
    with pytest.raises(CommandError, match="sudah pernah diimpor.*Pakai --again"):
        run(DATA / "nelayan-wita.txt")
    assert row_counts() == before
    run(DATA / "nelayan-wita.txt", "--again")
    assert ArticlePage.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, args, message",
    [
        ("kosong.txt", [], "Berkas kosong"),
        ("biner.bin", [], "bukan teks \\(berisi data biner\\)"),
        ("bukan-utf8.txt", [], "bukan teks UTF-8"),
        ("tanpa-judul.txt", [], "Judul berita tidak ditemukan"),
        ("tanpa-waktu.txt", [], "Baris waktu terbit tidak ditemukan"),
        ("tidak-ada.txt", [], "Berkas tidak ditemukan"),
        ("nelayan-wita.txt", ["--section", "olahraga"], "Kanal dengan slug 'olahraga'"),
        ("nelayan-wita.txt", ["--image", "/tidak/ada.jpg"], "Berkas gambar tidak ditemukan"),
        ("nelayan-wita.txt", ["--image", DATA / "kosong.txt"], "Berkas gambar tidak dapat"),
    ],
)
def test_errors_create_nothing(name, args, message):
    make_section()
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        run(DATA / name, *args)
    assert row_counts() == before


@pytest.mark.django_db
def test_utf8_bom_is_accepted(tmp_path):
    make_section()
    page = tmp_path / "bom.txt"
    page.write_bytes(b"\xef\xbb\xbf" + (DATA / "nelayan-wita.txt").read_bytes())
    run(page)
    assert ArticlePage.objects.get().title.startswith("Nelayan Makassar")
