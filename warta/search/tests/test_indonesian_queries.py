"""Query -> expected articles on a small Indonesian corpus, on whichever database
the suite runs (SQLite with snowballstemmer, PostgreSQL with its own stemmer).

Each expectation is the exact set of articles, so every case is also a negative
for all the others: ``tanggung`` must not find ``pertanggungjawaban``, ``api``
must not find ``sapi``, ``kerja`` must not find ``kerjasama``.
"""

import pytest

from warta.search.indonesian import SearchTerms
from warta.search.queries import search_articles

pytestmark = pytest.mark.django_db

CORPUS = {
    "dialog": (
        "Pemerintah dan serikat buruh duduk satu meja",
        "Upah minimum tahun depan dibicarakan dalam pertemuan tertutup.",
        "Perwakilan buruh mengatakan mereka siap bicara terbuka.",
    ),
    "energi": (
        "Indonesia dan Jepang teken kerjasama energi bersih",
        "",
        "Kesepakatan ditandatangani di Tokyo pekan ini.",
    ),
    "koperasi": (
        "Petani bekerja sama dengan koperasi desa",
        "",
        "Hasil panen padi dijual lewat koperasi.",
    ),
    "nelayan": (
        "Nelayan bekerjasama menjaga terumbu karang",
        "",
        "Mereka berpatroli setiap pekan.",
    ),
    "direktur": (
        "Direktur bertanggung jawab atas kebocoran data",
        "",
        "Ia meminta maaf kepada pelanggan.",
    ),
    "desa": (
        "Pertanggungjawaban dana desa diperiksa inspektorat",
        "",
        "Laporan keuangan diserahkan bulan lalu.",
    ),
    "hutan": ("Kebakaran hutan meluas di Riau", "", "Api membakar ribuan hektare lahan gambut."),
    "sapi": (
        "Harga sapi kurban naik menjelang Iduladha",
        "",
        "Pedagang di pasar hewan mengeluhkan pasokan.",
    ),
    "jalan": (
        "Jalan rusak di Bandung segera diperbaiki",
        "",
        "Dinas bina marga menurunkan alat berat.",
    ),
    "sepeda": ("Warga bersepeda ke kantor setiap Jumat", "", "Jalur khusus disiapkan kota."),
    "pencuri": (
        "Pencuri motor tertangkap di parkiran pasar",
        "",
        "Polisi mengamankan barang bukti.",
    ),
    "bendungan": ("Pembangunan bendungan Karian rampung", "", "Bendungan itu dibangun sejak 2016."),
    "puskesmas": ("Layanan kesehatan gratis di puskesmas", "", "Warga cukup membawa kartu."),
    "pengadilan": ("Pengadilan menolak gugatan warga", "", "Hakim menilai bukti kurang kuat."),
    "bbm": (
        "Harga BBM dinaikkan mulai pekan depan",
        "",
        "Antrean kendaraan mengular di SPBU.",
    ),
    "mudik": (
        "Ribuan pemudik mendatangi terminal Pulogadung",
        "",
        "Petugas menambah armada bus.",
    ),
    "banjir": (
        "Banjir merendam rumahnya, warga mengungsi",
        "",
        "Air setinggi satu meter masuk ke permukiman di Bekasi.",
    ),
    "buku": ("Membaca buku di taman kota", "", "Perpustakaan keliling hadir setiap Minggu."),
    "partai": ("Siapakah calon ketua umum partai?", "", "Kongres digelar bulan depan."),
    "kementerian": (
        "Kementerian Keuangan memangkas belanja",
        "",
        "Penghematan menyasar perjalanan dinas.",
    ),
}

CASES = [
    # pe-...-an, di-...-kan, the bare root: one stem
    ("pembicaraan", {"dialog"}),
    ("dibicarakan", {"dialog"}),
    ("bicara", {"dialog"}),
    # compounds, split and joined, with and without ber-
    ("kerja sama", {"energi", "koperasi", "nelayan"}),
    ("kerjasama", {"energi", "koperasi", "nelayan"}),
    ("bekerja sama", {"energi", "koperasi", "nelayan"}),
    ("bekerjasama", {"energi", "koperasi", "nelayan"}),
    ("kerja-sama", {"energi", "koperasi", "nelayan"}),
    ("tanggung jawab", {"direktur", "desa"}),
    ("pertanggungjawaban", {"direktur", "desa"}),
    ("tanggungjawab", {"direktur", "desa"}),
    # half a compound finds only the split form
    ("kerja", {"koperasi"}),
    ("sama", {"koperasi"}),
    ("tanggung", {"direktur"}),
    # ke-...-an, me-, pe-...-an, ter-
    ("terbakar", {"hutan"}),
    ("pembakaran", {"hutan"}),
    ("keadilan", {"pengadilan"}),
    ("sehat", {"puskesmas"}),
    ("membangun", {"bendungan"}),
    ("ditangkap", {"pencuri"}),
    ("bocor", {"direktur"}),
    # ber-, -kan, -i, -nya, -lah, -kah
    ("sepeda", {"sepeda"}),
    ("kenaikan harga", {"bbm", "sapi"}),
    ("kedatangan", {"mudik"}),
    ("rumah", {"banjir"}),
    ("pengungsi", {"banjir"}),
    ("bacalah", {"buku"}),
    ("siapa", {"partai"}),
    # a query word the stemmer over-strips (menteri -> teri) still finds its family
    ("menteri", {"kementerian"}),
    # function words are not required; capitals do not matter
    ("banjir di Bekasi", {"banjir"}),
    ("JEPANG", {"energi"}),
    ("menjaga terumbu karang", {"nelayan"}),
    ("bukti", {"pencuri", "pengadilan"}),
    # whole words only, every word required
    ("api", {"hutan"}),
    ("hutan sapi", set()),
    ("perbaikan jalan", {"jalan"}),
    ("kapal", set()),
    # search syntax is only punctuation here
    ('"kerja sama" & !(energi)', {"energi"}),
    ("hutan:* | sapi", set()),
    ("kerja <-> sama", {"energi", "koperasi", "nelayan"}),
]


@pytest.fixture
def corpus(publish):
    return {
        publish(title=title, summary=summary, paragraphs=(body,)).pk: key
        for key, (title, summary, body) in CORPUS.items()
    }


def test_corpus_has_enough_cases():
    assert len(CASES) >= 30


def test_queries_find_exactly_the_expected_articles(corpus, subtests):
    for query, expected in CASES:
        with subtests.test(query=query):
            found = {corpus[a.pk] for a in search_articles(SearchTerms.parse(query))}
            assert found == expected
