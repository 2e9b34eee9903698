"""The page-text parser, on the reference page and on our own recorded samples."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from warta.importers.page_text import (
    Line,
    PageTextError,
    decode_page_bytes,
    parse_page_text,
    split_names,
    summary_from,
    wire_agencies_in,
)
from warta.masthead.zones import IndonesianZone

DATA = Path(__file__).parent / "data"
REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference" / "populer24-article.txt"
JAKARTA = ZoneInfo("Asia/Jakarta")


def reference_text() -> str:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference page is not here: {REFERENCE} (kept outside the repository)")
    return REFERENCE.read_text(encoding="utf-8")


def sample(*body: str, time="Senin, 11 Maret 2024 | 08:00 WIB", footer=("Oleh: Rina Marlina",)):
    lines = ["Iklan", "", "Harga Cabai di Pasar Induk Turun Menjelang Ramadan", "", time, ""]
    return "\n".join([*lines, *(body or ("Isi berita yang pendek saja.",)), "", *footer]) + "\n"


def test_reference_page_every_field():
    page = parse_page_text(reference_text())
    headline = (
        "Sempat Memanas Akibat Konflik, Presiden Turki Dan Presiden Rusia Berjanji "
        "Meningkatkan Kembali Hubungan Bilateralnya"
    )
    assert page.headline == headline
    assert page.published_at == datetime(2022, 1, 14, 12, 13, tzinfo=JAKARTA)
    assert page.published_at == datetime(2022, 1, 14, 5, 13, tzinfo=UTC)
    assert page.zone is IndonesianZone.WIB
    assert page.updated_at == datetime(2022, 12, 14, 16, 21, 19, tzinfo=UTC)
    assert page.image_title == headline
    assert page.caption == "Vladmir Putin dan Recep Tayyip Erdogan"
    assert page.credit == "Instagram @telegraph.moldova"
    assert page.dateline == "Populer24"
    # The file has eight body paragraphs between the caption and "Oleh:".
    assert len(page.paragraphs) == 8
    assert page.paragraphs[0] == (
        "Kerjasama baik nampaknya semakin ditunjukkan oleh Presiden Rusia Vladimir Putin dan "
        "Presiden Turki Recep Tayyip Erdogan. Keduanya sepakat pada minggu (2/1/2022) untuk lebih "
        "meningkatkan kembali hubungan diantara kedua negara tersebut setelah beberapa pekan "
        "terakhir yang lalu bersitegang atas masalah drone dan NATO."
    )
    assert page.paragraphs[-1] == (
        "Negara Rusia pun diketahui ingin sekali NATO memberi Moskow sebuah jaminan keamanan yang "
        "dapat merangkul dan menarik pasukannya ke dalam posisi yang mereka pegang sebelum "
        "terjadinya gelombang ekspansi ke timur yang dimulai setelah negara Uni Soviet runtuh."
    )
    assert page.paragraphs[1].endswith("di dua wilayah timur.")  # trailing no-break space gone
    assert ".\xa0 Dalam pembicaraan" in page.paragraphs[2]  # inner spacing kept as written
    assert page.wire_agencies == ["AFP"]
    assert page.authors == ["Devi Novitasari"]
    assert page.source_name == "ISLAMPOS"
    assert page.unrecognised == []
    assert page.warnings == []
    assert page.summary == (
        "Kerjasama baik nampaknya semakin ditunjukkan oleh Presiden Rusia Vladimir Putin dan "
        "Presiden Turki Recep Tayyip Erdogan."
    )


def test_recorded_wita_sample():
    page = parse_page_text((DATA / "nelayan-wita.txt").read_text(encoding="utf-8"))
    assert page.headline == "Nelayan Makassar Mulai Pakai Perahu Listrik untuk Tekan Biaya Solar"
    assert page.zone is IndonesianZone.WITA
    assert page.published_at == datetime(2023, 8, 3, 9, 45, tzinfo=ZoneInfo("Asia/Makassar"))
    assert page.published_at == datetime(2023, 8, 3, 1, 45, tzinfo=UTC)
    assert page.updated_at == datetime(2023, 8, 4, 1, 10, tzinfo=UTC)
    assert page.image_title == page.headline
    assert page.caption == "Perahu listrik milik kelompok nelayan di Pantai Losari"
    assert page.credit == "Dok. Warta Nusantara"
    assert page.dateline == "Warta Nusantara"
    assert len(page.paragraphs) == 4
    assert page.paragraphs[0].startswith("Sebanyak dua belas kelompok nelayan")
    assert page.paragraphs[1].endswith("koperasi nelayan setempat.")
    assert page.wire_agencies == ["Antara", "Reuters"]
    assert page.authors == ["Rina Marlina", "Yusuf Hamdani", "Ketut Ardana"]
    assert page.source_name == "KABAR TIMUR"
    assert page.unrecognised == [] and page.warnings == []


def test_wit_without_last_updated_or_source():
    page = parse_page_text(sample(time="Kamis, 28 Oktober 2021 | 19:05 WIT"))
    assert page.zone is IndonesianZone.WIT
    assert page.published_at == datetime(2021, 10, 28, 10, 5, tzinfo=UTC)
    assert page.updated_at is None
    assert page.source_name == ""
    assert page.image_title == page.caption == page.credit == page.dateline == ""
    assert page.paragraphs == ["Isi berita yang pendek saja."]


def test_last_updated_on_its_own_line():
    text = sample(time="Senin, 11 Maret 2024 | 08:00 WIB\nLast Updated 2024-03-11T03:30:00Z")
    page = parse_page_text(text)
    assert page.updated_at == datetime(2024, 3, 11, 3, 30, tzinfo=UTC)
    assert page.paragraphs == ["Isi berita yang pendek saja."]


def test_weekday_that_does_not_match_the_date_is_a_warning():
    page = parse_page_text(sample(time="Selasa, 11 Maret 2024 | 08:00 WIB"))
    assert page.published_at == datetime(2024, 3, 11, 8, 0, tzinfo=JAKARTA)
    assert page.warnings == [
        "Hari 'Selasa' tidak cocok dengan tanggal 11 Maret 2024 (seharusnya Senin); "
        "tanggal tetap dipakai."
    ]


def test_common_spellings_of_day_and_month_are_read():
    page = parse_page_text(sample(time="Jum'at, 15 Ags 2025 | 07.30 WIB"))
    assert page.published_at == datetime(2025, 8, 15, 7, 30, tzinfo=JAKARTA)
    assert page.warnings == []


@pytest.mark.parametrize(
    "byline, names",
    [
        ("Oleh: Rina Marlina", ["Rina Marlina"]),
        ("Oleh : Rina Marlina dan Yusuf Hamdani", ["Rina Marlina", "Yusuf Hamdani"]),
        (
            "Penulis: Rina Marlina, Yusuf Hamdani, Ketut Ardana",
            ["Rina Marlina", "Yusuf Hamdani", "Ketut Ardana"],
        ),
    ],
)
def test_several_authors(byline, names):
    assert parse_page_text(sample(footer=(byline,))).authors == names


def test_no_byline_is_a_warning():
    page = parse_page_text(sample(footer=()))
    assert page.authors == []
    assert page.warnings == [
        "Penulis tidak ditemukan (baris 'Oleh: ...'); tambahkan sebelum terbit."
    ]


def test_caption_variants_and_image_title():
    for line, caption, credit in [
        ("Petani memanen cabai | Photo by: Dok. Warga", "Petani memanen cabai", "Dok. Warga"),
        ("Petani memanen cabai | Foto : Andi Saputra", "Petani memanen cabai", "Andi Saputra"),
        ("Foto: Andi Saputra", "", "Andi Saputra"),
    ]:
        page = parse_page_text(sample("Cabai merah keriting di lapak pedagang", line, "Isi."))
        assert (page.image_title, page.caption, page.credit) == (
            "Cabai merah keriting di lapak pedagang",
            caption,
            credit,
        )
        assert page.paragraphs == ["Isi."]


def test_unknown_lines_are_reported_with_their_numbers():
    text = sample(footer=("Oleh: Rina Marlina", "Editor: Bambang", "Sumber Berita: KORAN PAGI"))
    text = text.replace("Senin, 11 Maret", "Dibaca 1.234 kali\nSenin, 11 Maret")
    page = parse_page_text(text)
    assert page.unrecognised == [Line(5, "Dibaca 1.234 kali"), Line(11, "Editor: Bambang")]
    assert str(page.unrecognised[0]) == "baris 5: Dibaca 1.234 kali"
    assert page.source_name == "KORAN PAGI"


def test_dateline_only_when_it_looks_like_one():
    page = parse_page_text(sample("JAKARTA, Warta Nusantara - Harga cabai turun."))
    assert (page.dateline, page.paragraphs[0]) == ("JAKARTA, Warta Nusantara", "Harga cabai turun.")
    page = parse_page_text(sample("harga cabai - kata pedagang - turun lagi."))
    assert page.dateline == ""
    assert page.paragraphs[0] == "harga cabai - kata pedagang - turun lagi."


def test_wire_agencies_only_from_the_known_list():
    paragraphs = [
        "Mengutip Kompas, harga naik.",
        "Seperti dilansir dari AP dan Xinhua, harga turun.",
        "mengutip dari ANTARA, pasokan aman. Dilansir dari AFP lagi.",
    ]
    assert wire_agencies_in(paragraphs) == ["AP", "Xinhua", "Antara", "AFP"]


def test_split_names():
    assert split_names(" Ani, Budi dan Citra & Dewi ") == ["Ani", "Budi", "Citra", "Dewi"]


def test_summary_keeps_whole_sentences_within_the_limit():
    assert summary_from("Satu. Dua! Tiga.") == "Satu. Dua!"
    long_first = "kata " * 80 + "akhir."
    summary = summary_from(long_first)
    assert len(summary) <= 300 and summary.endswith("kata…")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Teks kosong"),
        ("  \n\n", "Teks kosong"),
        ("Iklan\nNotification\n×\n", "Judul berita tidak ditemukan"),
        ("Senin, 11 Maret 2024 | 08:00 WIB\nIsi.", "Judul berita tidak ditemukan"),
        ("Judul\nIsi berita tanpa waktu.\n", "Baris waktu terbit tidak ditemukan"),
        ("Judul\nSenin, 30 Februari 2024 | 08:00 WIB\nIsi.", "tidak valid"),
        ("Judul\nSenin, 11 Marzo 2024 | 08:00 WIB\nIsi.", "Nama bulan 'Marzo'"),
        ("Judul\nSenin, 11 Maret 2024 | 08:00 WIB\nOleh: Ani", "Isi berita tidak ditemukan"),
        ("Judul\x01\x02\x03\x04\x05\x06\x07\x08", "bukan teks berita"),
    ],
)
def test_text_that_is_not_an_article(text, message):
    with pytest.raises(PageTextError, match=message):
        parse_page_text(text)


def test_decode_accepts_utf8_with_bom_and_refuses_the_rest():
    assert decode_page_bytes("\ufeffJudul\n".encode()) == "Judul\n"
    for name, message in [
        ("kosong.txt", "Berkas kosong"),
        ("biner.bin", "data biner"),
        ("bukan-utf8.txt", "bukan teks UTF-8"),
    ]:
        with pytest.raises(PageTextError, match=message):
            decode_page_bytes((DATA / name).read_bytes())
