"""The demo site's texts, as data.

All of it is invented for Warta: outlets, clubs, companies, people and quotes are
fictional. Stories are templates; ``services.py`` fills the ``{placeholders}`` from
the story's own ``choices`` (a tuple of strings, or of dicts that set several
placeholders at once so that they stay coherent), from the shared pools below
(``kota``/``provinsi`` from CITIES, people's names from OFFICIALS and RESIDENTS) and
from the publication date (``waktu`` = "Senin (3/11/2026)"). A name placeholder
``x`` also provides ``x_pendek``, the short form used after the first mention.

In ``body`` a line starting with "## " is a heading; every other line is a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The masthead ---------------------------------------------------------------

SITE = {
    "site_name": "Warta Nusantara",
    "logo_text": "WartaNusantara",
    "tagline": "Kabar jernih dari seluruh penjuru Nusantara",
    "dateline": "Warta Nusantara",
    "time_zone": "WIB",
}


@dataclass(frozen=True)
class Section:
    title: str
    slug: str
    nav_order: int
    intro: str
    colour: str
    parent: str = ""  # slug of the parent section; empty for a top-level kanal


SECTIONS = (
    Section(
        "Nasional",
        "nasional",
        10,
        "Pemerintahan, kebijakan publik, dan peristiwa dari seluruh provinsi.",
        "#b3261e",
    ),
    Section(
        "Internasional",
        "internasional",
        20,
        "Kabar dari kawasan Asia Tenggara dan dunia.",
        "#1f5fa8",
    ),
    Section(
        "Ekonomi",
        "ekonomi",
        30,
        "Harga kebutuhan pokok, pasar keuangan, dan usaha rakyat.",
        "#00695c",
    ),
    Section(
        "Olahraga",
        "olahraga",
        40,
        "Bulu tangkis, lari, dan cabang olahraga lain di dalam dan luar negeri.",
        "#d35400",
    ),
    Section(
        "Sepak Bola",
        "sepak-bola",
        41,
        "Liga Nusantara, tim nasional, dan bursa transfer.",
        "#2e7d32",
        parent="olahraga",
    ),
    Section(
        "Teknologi",
        "teknologi",
        50,
        "Perusahaan rintisan, keamanan siber, dan internet untuk semua.",
        "#4a3aa8",
    ),
    Section(
        "Gaya Hidup",
        "gaya-hidup",
        60,
        "Kuliner, perjalanan, dan hidup sehat.",
        "#ad1457",
    ),
)


# The newsroom ---------------------------------------------------------------


@dataclass(frozen=True)
class Contributor:
    name: str
    role: str
    bio: str
    colour: str
    beats: tuple[str, ...] = ()  # section slugs this person writes for


PEOPLE = (
    Contributor(
        "Dimas Prasetyo",
        "penulis",
        "Menulis soal pemerintahan daerah dan kebijakan publik. Sebelum bergabung dengan "
        "Warta Nusantara, ia tujuh tahun meliput di Semarang dan Surabaya.",
        "#8e3b2f",
        ("nasional", "ekonomi"),
    ),
    Contributor(
        "Larasati Putri Handayani",
        "penulis",
        "Penulis rubrik gaya hidup dan teknologi. Gemar menelusuri warung-warung tua dan "
        "mencoba aplikasi baru, kadang dalam satu hari yang sama.",
        "#ad1457",
        ("gaya-hidup", "teknologi"),
    ),
    Contributor(
        "Reza Firmansyah",
        "penulis",
        "Meliput sepak bola nasional dan bulu tangkis. Sudah menyaksikan pertandingan di "
        "lebih dari dua puluh stadion di Indonesia.",
        "#2e7d32",
        ("olahraga", "sepak-bola"),
    ),
    Contributor(
        "Yosef Nggadas",
        "reporter",
        "Reporter untuk wilayah Nusa Tenggara dan Maluku. Banyak menulis tentang "
        "kebencanaan, kesehatan, dan kehidupan di desa-desa terpencil.",
        "#1f5fa8",
        ("nasional", "teknologi", "gaya-hidup"),
    ),
    Contributor(
        "Nadia Rahmawati Siregar",
        "reporter",
        "Reporter ekonomi dan hubungan internasional. Mengikuti pergerakan pasar keuangan "
        "dan pertemuan-pertemuan diplomatik kawasan.",
        "#00695c",
        ("ekonomi", "internasional"),
    ),
    Contributor(
        "Intan Maharani",
        "editor",
        "Redaktur pelaksana. Menyunting berita nasional dan internasional, dan memastikan "
        "setiap angka di halaman ini bisa dipertanggungjawabkan.",
        "#5e35b1",
    ),
    Contributor(
        "Galih Ramadhan",
        "editor",
        "Editor kanal olahraga, ekonomi, dan teknologi. Percaya judul yang baik adalah judul "
        "yang jujur.",
        "#455a64",
    ),
    Contributor(
        "Wulan Sekar Ayu",
        "fotografer",
        "Pewarta foto. Merekam banjir, pasar, stadion, dan wajah-wajah yang jarang masuk berita.",
        "#c77700",
    ),
)

WIRE_AGENCIES = (
    ("AFP", "https://www.afp.com"),
    ("Reuters", "https://www.reuters.com"),
    ("Antara", "https://www.antaranews.com"),
    ("Associated Press", "https://apnews.com"),
)

# Fictional outlets whose stories the demo "republishes" with their credit.
OUTLETS = (
    ("Kabar Pesisir", "https://kabarpesisir.example.com"),
    ("Harian Cakrawala", "https://harian-cakrawala.example.com"),
    ("Suara Lembah Hijau", "https://suaralembah.example.com"),
    ("Radar Khatulistiwa", "https://radarkhatulistiwa.example.com"),
)

# Shared pools ---------------------------------------------------------------

CITIES = (
    ("Semarang", "Jawa Tengah"),
    ("Surabaya", "Jawa Timur"),
    ("Bandung", "Jawa Barat"),
    ("Medan", "Sumatera Utara"),
    ("Palembang", "Sumatera Selatan"),
    ("Padang", "Sumatera Barat"),
    ("Pekanbaru", "Riau"),
    ("Pontianak", "Kalimantan Barat"),
    ("Banjarmasin", "Kalimantan Selatan"),
    ("Samarinda", "Kalimantan Timur"),
    ("Makassar", "Sulawesi Selatan"),
    ("Manado", "Sulawesi Utara"),
    ("Denpasar", "Bali"),
    ("Mataram", "Nusa Tenggara Barat"),
    ("Kupang", "Nusa Tenggara Timur"),
    ("Ambon", "Maluku"),
    ("Jayapura", "Papua"),
    ("Yogyakarta", "Daerah Istimewa Yogyakarta"),
)

# "Full Name|Short" when the short form is not the first word.
OFFICIALS = (
    "Hendra Wibisono",
    "Ratna Kusumawardani",
    "Bambang Sutrisno",
    "Yohanes Mandagi",
    "Fransiska Bria",
    "Arif Rahmanto",
    "Sri Wahyuningsih",
    "Dedi Kurniawan",
    "Syamsul Bahri",
    "Nurhayati Lubis",
    "Made Suarjana|Suarjana",
    "Andi Pratiwi Rahman|Pratiwi",
    "Yusuf Mahendra",
    "Maria Goreti Sinaga|Maria",
    "Teguh Santoso",
    "Fitri Handayani",
    "Wahyu Hidayat",
    "Irfan Maulana",
    "Dewi Anggraini",
    "Ahmad Fauzan",
    "Rina Marpaung",
    "Stefanus Tanod",
    "Bayu Aji Nugroho|Bayu",
    "Hasanuddin Latif|Hasanuddin",
    "Yuliana Pakpahan",
    "Krisna Adiputra",
)

RESIDENTS = (
    "Siti Aminah",
    "Joko Susilo",
    "Rahmat Hidayat",
    "Wayan Sukerta|Sukerta",
    "Sumarni",
    "Eko Saputro",
    "Lina Oktaviani",
    "Daeng Rusli|Rusli",
    "Yanti Simanjuntak",
    "Tono Sugiarto",
    "Nengsih",
    "Markus Lamanepa|Markus",
    "Ujang Suparman|Ujang",
    "Ani Rohani",
    "Herman Sitorus",
    "Ketut Darmini|Darmini",
    "Sarmini",
    "Agustinus Rumbewas|Agustinus",
)

# Placeholders that are filled with a person's name, and from which pool.
NAME_POOLS = {
    "pejabat": OFFICIALS,
    "pakar": OFFICIALS,
    "analis": OFFICIALS,
    "dokter": OFFICIALS,
    "pendiri": OFFICIALS,
    "pemilik": RESIDENTS,
    "warga": RESIDENTS,
    "pelanggan": RESIDENTS,
}


# Notices and advertising ----------------------------------------------------

# starts/ends are offsets in days from now; None leaves the bound open.
NOTICES = (
    {
        "title": "Tampilan Baru",
        "text": "Warta Nusantara tampil dengan wajah baru: lebih ringan dibuka di ponsel dan "
        "lebih nyaman dibaca. Ceritakan pendapat Anda kepada kami.",
        "link_url": "https://example.com/masukan",
        "link_text": "Kirim masukan",
        "starts": -2,
        "ends": 14,
    },
    {
        "title": "Segera Hadir",
        "text": "Notifikasi berita penting langsung di peramban Anda. Aktifkan begitu layanan "
        "ini dibuka.",
        "link_url": "https://example.com/notifikasi",
        "link_text": "Pelajari",
        "starts": 5,
        "ends": 30,
    },
)

AD_SLOTS = (
    {
        "name": "Billboard beranda",
        "position": "header_top",
        "size": "970x250",
        "advertiser": "Kedai Kopi Arunika",
        "tagline": "Kopi pagi untuk kabar pagi",
        "colour": "#6d4c41",
        "link_url": "https://example.com/kopi-arunika",
    },
    {
        "name": "Leaderboard bawah logo",
        "position": "below_masthead",
        "size": "728x90",
        "advertiser": "Travel Nusa Biru",
        "tagline": "Jelajahi pulau-pulau terindah, mulai Rp1,2 juta",
        "colour": "#0277bd",
        "link_url": "https://example.com/nusa-biru",
    },
    {
        "name": "Samping berita",
        "position": "sidebar",
        "size": "300x250",
        "advertiser": "Batik Sekar Laras",
        "tagline": "Motif warisan, potongan masa kini",
        "colour": "#8d3b72",
        "link_url": "https://example.com/sekar-laras",
    },
    {
        "name": "Di dalam berita",
        "position": "in_article",
        "size": "300x250",
        "advertiser": "Toko Buku Cendana",
        "tagline": "Gratis ongkos kirim se-Indonesia",
        "colour": "#2e7d32",
        "link_url": "https://example.com/buku-cendana",
    },
)


# Stories --------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    key: str
    section: str
    headlines: tuple[str, ...]
    summary: str
    label: str  # the big word on the lead picture
    caption: str
    body: tuple[str, ...]
    quote: tuple[str, str]  # (quote, attribution)
    tags: tuple[str, ...]  # the first two are always used
    choices: dict = field(default_factory=dict)
    sublabel: str = "{kota}, {provinsi}"
    photo: tuple[str, str] | None = None  # (label, caption) of a picture in the body
    wire: bool = False  # written from agency copy
    city_tag: bool = False  # also tag the article with {kota}
    lag: int | None = None  # days between the event and publication; None: by the hour


STORIES = (
    # Nasional ---------------------------------------------------------------
    Story(
        key="banjir",
        section="nasional",
        headlines=(
            "Banjir Rendam {desa} Desa di {kota}, {pengungsi} Warga Mengungsi",
            "Hujan Deras Semalaman, {desa} Desa di {kota} Terendam Banjir",
            "BPBD {kota} Dirikan {posko} Posko Pengungsian Usai Banjir Rendam {desa} Desa",
        ),
        summary="Banjir setinggi {tinggi} merendam {desa} desa di {kota}, {provinsi}, setelah "
        "hujan deras mengguyur sejak sore. BPBD mencatat {pengungsi} warga mengungsi.",
        label="Banjir",
        caption="Warga melintasi genangan banjir di kawasan {kecamatan}, {kota}, {waktu}.",
        body=(
            "Banjir merendam {desa} desa di {kota}, {provinsi}, setelah hujan deras mengguyur "
            "wilayah itu sejak {waktu} sore hingga dini hari. Ketinggian air di permukiman "
            "warga bervariasi, {tinggi}.",
            "Kepala Badan Penanggulangan Bencana Daerah (BPBD) {kota}, {pejabat}, mengatakan "
            "sebanyak {pengungsi} warga telah dievakuasi ke {posko} titik pengungsian. Sebagian "
            "besar di antaranya adalah lansia, perempuan, dan anak-anak.",
            '"Tim kami bersama relawan, TNI, dan Polri sudah bergerak sejak malam. Prioritas '
            'kami sekarang memastikan tidak ada warga yang masih terjebak di rumahnya," kata '
            "{pejabat_pendek} saat ditemui di posko utama.",
            "## Sungai Meluap",
            "Menurut {pejabat_pendek}, banjir dipicu meluapnya sungai yang melintasi kawasan "
            "{kecamatan} setelah debit air naik drastis dalam waktu kurang dari tiga jam. "
            "Tanggul di dua titik dilaporkan jebol sehingga air cepat masuk ke permukiman.",
            "Salah seorang warga, {warga}, mengaku air mulai masuk ke rumahnya sekitar pukul "
            '22.00. "Awalnya cuma semata kaki, tapi setengah jam kemudian sudah sepinggang. '
            'Kami hanya sempat menyelamatkan surat-surat penting," ujarnya.',
            "## Bantuan Logistik",
            "Pemerintah daerah telah menyalurkan bantuan berupa makanan siap saji, air bersih, "
            "selimut, dan obat-obatan ke seluruh posko. Dapur umum juga didirikan untuk "
            "memenuhi kebutuhan makan para pengungsi.",
            "BPBD mengimbau warga yang tinggal di bantaran sungai tetap waspada karena Badan "
            "Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan dengan "
            "intensitas sedang hingga lebat masih akan turun dalam tiga hari ke depan.",
        ),
        quote=(
            "Kami minta warga tidak kembali ke rumah sebelum air benar-benar surut. "
            "Keselamatan jiwa lebih penting daripada harta benda.",
            "{pejabat}, Kepala BPBD {kota}",
        ),
        tags=("Banjir", "Bencana Alam", "Cuaca Ekstrem", "BMKG"),
        choices={
            "desa": ("9", "12", "14", "17", "21"),
            "pengungsi": ("860", "1.240", "2.310", "3.050", "1.785"),
            "posko": ("6", "8", "11", "14"),
            "tinggi": (
                "antara 50 sentimeter hingga 1,2 meter",
                "30 hingga 80 sentimeter",
                "di beberapa titik mencapai 1,5 meter",
            ),
            "kecamatan": ("Sukamulya", "Tanjung Sari", "Karang Anyar", "Mekar Jaya", "Sidorejo"),
        },
        photo=(
            "Posko Pengungsian",
            "Relawan membagikan makanan siap saji kepada pengungsi di posko {kecamatan}, {kota}.",
        ),
        city_tag=True,
        lag=1,
    ),
    Story(
        key="perda-sampah",
        section="nasional",
        headlines=(
            "DPRD {provinsi} Sahkan Perda Pengelolaan Sampah, Plastik Sekali Pakai Dibatasi",
            "Perda Sampah {provinsi} Disahkan, Pelaku Usaha Diberi Waktu Setahun",
            "Target Kurangi Sampah {persen} Persen, {provinsi} Punya Aturan Baru",
        ),
        summary="Perda Pengelolaan Sampah {provinsi} membatasi kantong plastik sekali pakai dan "
        "mewajibkan bank sampah di tiap kelurahan. Pelaku usaha diberi masa transisi setahun.",
        label="Perda Sampah",
        caption="Petugas memilah sampah plastik di tempat pengolahan sampah terpadu di {kota}, "
        "{waktu}.",
        body=(
            "Dewan Perwakilan Rakyat Daerah (DPRD) {provinsi} mengesahkan Peraturan Daerah "
            "(Perda) tentang Pengelolaan Sampah dalam rapat paripurna di {kota}, {waktu}. Salah "
            "satu poin utamanya adalah pembatasan kantong plastik sekali pakai di pusat "
            "perbelanjaan, toko modern, dan pasar rakyat.",
            "Ketua Panitia Khusus (Pansus) Perda Pengelolaan Sampah, {pejabat}, mengatakan "
            "aturan tersebut disusun karena timbulan sampah di {provinsi} terus meningkat "
            "dalam lima tahun terakhir. Saat ini produksi sampah di provinsi itu mencapai "
            "sekitar {ton} ton per hari.",
            "## Masa Transisi Satu Tahun",
            "Pelaku usaha diberi waktu satu tahun untuk menyesuaikan diri sebelum sanksi "
            "administratif diberlakukan. Selama masa transisi, pemerintah provinsi akan "
            "menggelar sosialisasi ke pasar-pasar dan pusat perbelanjaan.",
            '"Kami tidak ingin aturan ini memberatkan pedagang kecil. Karena itu ada masa '
            "transisi, dan pemerintah juga wajib menyediakan alternatif kemasan yang "
            'terjangkau," kata {pejabat_pendek}.',
            "## Bank Sampah Diperkuat",
            "Selain pembatasan plastik, perda itu mewajibkan setiap kabupaten dan kota "
            "memperkuat bank sampah di tingkat kelurahan. Pemerintah menargetkan sampah yang "
            "dibuang ke tempat pemrosesan akhir (TPA) berkurang {persen} persen dalam lima "
            "tahun.",
            "Pegiat lingkungan dari Komunitas {komunitas}, {warga}, menyambut baik pengesahan "
            "perda tersebut, tetapi mengingatkan bahwa pengawasan di lapangan menjadi kunci. "
            '"Aturannya sudah bagus. Tinggal bagaimana pemerintah konsisten menegakkannya," '
            "ujarnya.",
        ),
        quote=(
            "Sampah bukan lagi urusan dinas kebersihan saja. Setiap rumah tangga dan pelaku "
            "usaha punya tanggung jawab yang sama.",
            "{pejabat}, Ketua Pansus Perda Pengelolaan Sampah",
        ),
        tags=("Lingkungan", "Sampah Plastik", "DPRD", "Kebijakan Publik"),
        choices={
            "persen": ("25", "30", "35", "40"),
            "ton": ("2.800", "3.400", "4.150", "1.900"),
            "komunitas": ("Bumi Lestari", "Hijau Kita", "Kali Bersih", "Pesisir Bersih"),
        },
        sublabel="{provinsi}",
    ),
    Story(
        key="dbd",
        section="nasional",
        headlines=(
            "Kasus DBD di {kota} Naik {persen} Persen, Dinkes Gencarkan Pemberantasan Sarang "
            "Nyamuk",
            "{kasus} Warga {kota} Terjangkit Demam Berdarah Sejak Awal Bulan",
            "Dinkes {kota} Imbau Warga Waspadai Lonjakan Demam Berdarah",
        ),
        summary="Dinas Kesehatan {kota} mencatat {kasus} kasus demam berdarah sejak awal bulan, "
        "naik {persen} persen dari bulan lalu. Warga diminta menggiatkan gerakan 3M Plus.",
        label="Demam Berdarah",
        caption="Petugas memeriksa jentik nyamuk di bak penampungan air rumah warga di {kota}, "
        "{waktu}.",
        body=(
            "Dinas Kesehatan (Dinkes) {kota}, {provinsi}, mencatat {kasus} kasus demam berdarah "
            "dengue (DBD) sejak awal bulan ini. Jumlah itu naik sekitar {persen} persen "
            "dibandingkan periode yang sama bulan lalu.",
            "Kepala Dinkes {kota}, {pejabat}, mengatakan peningkatan kasus dipicu cuaca yang "
            "berganti-ganti antara hujan dan panas, sehingga genangan air menjadi tempat "
            "berkembang biak nyamuk Aedes aegypti.",
            "## Kasus Terbanyak pada Anak",
            "Menurut dia, sebagian besar pasien adalah anak usia sekolah. Sebanyak {rawat} "
            "pasien masih menjalani perawatan di sejumlah rumah sakit dan puskesmas, "
            "sementara sisanya sudah diperbolehkan pulang.",
            '"Kami minta orang tua segera membawa anak ke fasilitas kesehatan bila demam '
            "tinggi tidak turun lebih dari dua hari. Jangan menunggu sampai muncul bintik "
            'merah," kata {pejabat_pendek}, {waktu}.',
            "## Gerakan 3M Plus",
            "Dinkes kembali menggencarkan gerakan 3M Plus, yakni menguras tempat penampungan "
            "air, menutup wadah air, dan mendaur ulang barang bekas, ditambah upaya mencegah "
            "gigitan nyamuk. Juru pemantau jentik juga dikerahkan ke setiap rukun warga.",
            "Pengasapan atau fogging, lanjut {pejabat_pendek}, hanya dilakukan di lokasi yang "
            'memenuhi syarat penyelidikan epidemiologi. "Fogging hanya membunuh nyamuk '
            'dewasa. Kalau jentiknya dibiarkan, seminggu kemudian nyamuknya muncul lagi," '
            "ujarnya.",
        ),
        quote=(
            "Satu jam setiap minggu untuk membersihkan rumah jauh lebih murah daripada biaya "
            "perawatan di rumah sakit.",
            "{pejabat}, Kepala Dinas Kesehatan {kota}",
        ),
        tags=("Demam Berdarah", "Kesehatan", "Dinas Kesehatan"),
        choices={
            "kasus": ("146", "212", "287", "318", "175"),
            "persen": ("18", "27", "34", "41"),
            "rawat": ("23", "31", "46", "52"),
        },
        photo=(
            "Pemantau Jentik",
            "Juru pemantau jentik memeriksa tempat penampungan air di permukiman padat "
            "penduduk di {kota}.",
        ),
        city_tag=True,
    ),
    # Internasional ----------------------------------------------------------
    Story(
        key="asean",
        section="internasional",
        headlines=(
            "Menlu ASEAN Bertemu di {kota_asing}, Keamanan Laut Jadi Sorotan",
            "Pertemuan Menlu ASEAN di {kota_asing} Hasilkan Komitmen Perdagangan Digital",
            "ASEAN Sepakati Peta Jalan Ketahanan Pangan dalam Pertemuan di {kota_asing}",
        ),
        summary="Para menteri luar negeri ASEAN bertemu di {kota_asing} membahas keamanan "
        "perairan, rantai pasok, dan ketahanan pangan kawasan.",
        label="ASEAN",
        caption="Suasana pembukaan pertemuan para menteri luar negeri ASEAN di {kota_asing}, "
        "{negara}, {waktu}.",
        body=(
            "Para menteri luar negeri negara anggota ASEAN berkumpul di {kota_asing}, {negara}, "
            "{waktu}, untuk membahas sejumlah isu kawasan. Keamanan di perairan regional, "
            "kelancaran rantai pasok, dan ketahanan pangan menjadi agenda utama pertemuan dua "
            "hari tersebut.",
            "Juru bicara tuan rumah, {jubir}, mengatakan seluruh delegasi sepakat menjaga "
            'stabilitas kawasan melalui dialog. "Tidak ada negara yang diuntungkan bila '
            "ketegangan dibiarkan meningkat. Kawasan ini terlalu penting bagi perdagangan "
            'dunia," ujarnya dalam konferensi pers.',
            "## Peta Jalan Pangan",
            "Pertemuan itu juga menyepakati peta jalan kerja sama ketahanan pangan, termasuk "
            "rencana memperbesar cadangan beras darurat kawasan. Langkah tersebut diambil "
            "setelah harga sejumlah komoditas pangan berfluktuasi tajam dalam setahun terakhir.",
            "Delegasi Indonesia mendorong agar cadangan pangan bersama dapat dicairkan lebih "
            "cepat ketika terjadi bencana. Salah seorang anggota delegasi, {pejabat}, menyebut "
            "usulan itu mendapat dukungan luas dari negara-negara anggota.",
            "## Perdagangan Digital",
            "Selain pangan, para menteri membahas percepatan perundingan perjanjian ekonomi "
            "digital kawasan. Perjanjian tersebut diharapkan mempermudah usaha kecil menjual "
            "produknya lintas negara tanpa terhambat aturan yang berbeda-beda.",
            "Hasil pertemuan akan dibawa ke konferensi tingkat tinggi para kepala negara yang "
            "dijadwalkan berlangsung akhir tahun. Dilansir {agensi}, sejumlah diplomat menilai "
            "pembahasan kali ini berjalan lebih cair dibandingkan pertemuan sebelumnya.",
        ),
        quote=(
            "Kami datang bukan untuk mencari siapa yang menang, melainkan memastikan kawasan "
            "ini tetap damai dan sejahtera.",
            "{jubir}, juru bicara tuan rumah pertemuan",
        ),
        tags=("ASEAN", "Diplomasi", "Ketahanan Pangan", "Asia Tenggara"),
        choices={
            "tuan_rumah": (
                {"kota_asing": "Kuala Lumpur", "negara": "Malaysia", "jubir": "Ahmad Zulkifli"},
                {"kota_asing": "Bangkok", "negara": "Thailand", "jubir": "Somchai Rattanakorn"},
                {"kota_asing": "Manila", "negara": "Filipina", "jubir": "Maria Santos-Reyes"},
                {"kota_asing": "Hanoi", "negara": "Vietnam", "jubir": "Nguyen Thi Lan"},
                {"kota_asing": "Phnom Penh", "negara": "Kamboja", "jubir": "Sok Dara"},
            ),
        },
        sublabel="{kota_asing}, {negara}",
        wire=True,
    ),
    Story(
        key="gempa",
        section="internasional",
        headlines=(
            "Gempa Magnitudo {mag} Guncang {negara}, Warga Berhamburan ke Luar Rumah",
            "Gempa {mag} di {wilayah}, Otoritas {negara} Cabut Peringatan Tsunami",
            "KBRI Pastikan Tak Ada WNI Jadi Korban Gempa {mag} di {negara}",
        ),
        summary="Gempa magnitudo {mag} mengguncang {wilayah}, {negara}. Peringatan tsunami "
        "sempat dikeluarkan lalu dicabut; KBRI memastikan WNI dalam keadaan aman.",
        label="Gempa {mag}",
        caption="Warga berkumpul di lapangan terbuka setelah gempa mengguncang {wilayah}, "
        "{negara}, {waktu}.",
        body=(
            "Gempa berkekuatan magnitudo {mag} mengguncang {wilayah}, {negara}, {waktu} waktu "
            "setempat. Pusat gempa berada di laut pada kedalaman sekitar {kedalaman} kilometer, "
            "menurut lembaga pemantau gempa setempat.",
            "Guncangan dirasakan cukup kuat selama hampir satu menit. Warga di sejumlah kota "
            "berhamburan ke luar rumah dan gedung perkantoran, sementara layanan kereta "
            "dihentikan sementara untuk pemeriksaan jalur.",
            "## Peringatan Tsunami Dicabut",
            "Otoritas setempat sempat mengeluarkan peringatan tsunami untuk kawasan pesisir, "
            "tetapi mencabutnya sekitar dua jam kemudian karena tidak terpantau kenaikan muka "
            "air laut yang signifikan. Dilansir {agensi}, sejumlah bangunan tua mengalami "
            "retak dan beberapa ruas jalan tertutup longsoran.",
            "Hingga berita ini diturunkan, belum ada laporan korban jiwa. Tim penyelamat masih "
            "menyisir daerah-daerah terpencil yang jaringan komunikasinya sempat terputus.",
            "## Kondisi WNI",
            "Kedutaan Besar Republik Indonesia (KBRI) memastikan tidak ada warga negara "
            "Indonesia yang menjadi korban. Koordinator Fungsi Perlindungan WNI, {pejabat}, "
            "mengatakan pihaknya terus berkomunikasi dengan simpul-simpul komunitas Indonesia.",
            '"Sejauh ini seluruh WNI yang kami hubungi dalam keadaan aman. Kami imbau tetap '
            'mengikuti arahan otoritas setempat dan mewaspadai gempa susulan," kata '
            "{pejabat_pendek}.",
        ),
        quote=(
            "WNI yang membutuhkan bantuan dapat menghubungi nomor layanan darurat kedutaan "
            "yang aktif selama 24 jam.",
            "{pejabat}, Koordinator Fungsi Perlindungan WNI",
        ),
        tags=("Gempa Bumi", "Perlindungan WNI", "Bencana Alam"),
        choices={
            "lokasi": (
                {"negara": "Filipina", "wilayah": "Pulau Mindanao"},
                {"negara": "Jepang", "wilayah": "Prefektur Miyagi"},
                {"negara": "Chile", "wilayah": "Region Antofagasta"},
                {"negara": "Selandia Baru", "wilayah": "Pulau Selatan"},
                {"negara": "Papua Nugini", "wilayah": "Provinsi Morobe"},
                {"negara": "Peru", "wilayah": "Region Arequipa"},
            ),
            "mag": ("5,9", "6,1", "6,4", "6,8", "7,0"),
            "kedalaman": ("10", "24", "35", "58"),
        },
        sublabel="{wilayah}, {negara}",
        wire=True,
    ),
    Story(
        key="gelombang-panas",
        section="internasional",
        headlines=(
            "Gelombang Panas Landa {negara}, Suhu di {kota_asing} Tembus {suhu} Derajat Celsius",
            "Suhu Capai {suhu} Derajat, Sekolah di {kota_asing} Pulangkan Siswa Lebih Awal",
            "{negara} Tetapkan Status Siaga Gelombang Panas",
        ),
        summary="Suhu udara di {kota_asing} mencapai {suhu} derajat Celsius. Pemerintah {negara} "
        "menetapkan status siaga dan meminta warga membatasi aktivitas di luar ruangan.",
        label="Gelombang Panas",
        caption="Warga berteduh dari terik matahari di sebuah taman kota di {kota_asing}, "
        "{negara}, {waktu}.",
        body=(
            "Gelombang panas melanda sebagian wilayah {negara} dalam sepekan terakhir. Suhu "
            "udara di {kota_asing} tercatat mencapai {suhu} derajat Celsius pada {waktu}, salah "
            "satu angka tertinggi yang pernah diukur di kota itu.",
            "Pemerintah setempat menetapkan status siaga dan meminta warga membatasi aktivitas "
            "di luar ruangan antara pukul 11.00 dan 16.00. Sejumlah sekolah memajukan jam "
            "pulang, sementara pekerja lapangan diberi waktu istirahat tambahan.",
            "## Rumah Sakit Bersiaga",
            "Dilansir {agensi}, rumah sakit di {kota_asing} menambah tempat tidur untuk "
            "menangani pasien yang mengalami dehidrasi dan sengatan panas. Kelompok lansia "
            "dan warga yang bekerja di luar ruangan disebut paling rentan.",
            "Seorang pedagang kaki lima, {warga_asing}, mengaku terpaksa mengurangi jam "
            'berjualan. "Siang hari jalanan kosong. Saya baru buka lagi menjelang matahari '
            'terbenam," katanya.',
            "## Dampak Perubahan Iklim",
            "Para ilmuwan iklim menilai gelombang panas kini datang lebih sering dan "
            "berlangsung lebih lama dibandingkan beberapa dekade lalu. Pemanasan global "
            "membuat suhu ekstrem yang dulu jarang terjadi menjadi semakin lazim.",
            "Otoritas cuaca memperkirakan suhu baru akan turun secara bertahap dalam empat "
            "hingga lima hari ke depan seiring masuknya massa udara yang lebih sejuk.",
        ),
        quote=(
            "Minum air secara teratur meski tidak merasa haus, dan periksa kondisi tetangga "
            "yang tinggal sendirian.",
            "Imbauan otoritas kesehatan {negara}",
        ),
        tags=("Gelombang Panas", "Perubahan Iklim", "Cuaca Ekstrem"),
        choices={
            "lokasi": (
                {"negara": "India", "kota_asing": "New Delhi", "warga_asing": "Ravi Sharma"},
                {"negara": "Spanyol", "kota_asing": "Sevilla", "warga_asing": "Lucía Moreno"},
                {"negara": "Pakistan", "kota_asing": "Karachi", "warga_asing": "Imran Qureshi"},
                {"negara": "Mesir", "kota_asing": "Kairo", "warga_asing": "Ahmed Mansour"},
                {"negara": "Meksiko", "kota_asing": "Monterrey", "warga_asing": "Jorge Ramírez"},
                {"negara": "Australia", "kota_asing": "Adelaide", "warga_asing": "Daniel Hughes"},
            ),
            "suhu": ("44,6", "45,2", "46,1", "47,3"),
        },
        sublabel="{kota_asing}, {negara}",
        wire=True,
    ),
    # Ekonomi ----------------------------------------------------------------
    Story(
        key="cabai",
        section="ekonomi",
        headlines=(
            "Harga Cabai Rawit di {kota} Tembus Rp{harga} per Kilogram",
            "Pasokan Seret, Harga Cabai di Pasar {pasar} {kota} Melonjak",
            "Pemkot {kota} Gelar Operasi Pasar untuk Redam Harga Cabai",
        ),
        summary="Harga cabai rawit di {kota} mencapai Rp{harga} per kilogram karena pasokan "
        "dari daerah sentra berkurang. Pemerintah kota menyiapkan operasi pasar.",
        label="Harga Cabai",
        caption="Pedagang melayani pembeli cabai rawit di Pasar {pasar}, {kota}, {waktu}.",
        body=(
            "Harga cabai rawit merah di sejumlah pasar tradisional di {kota}, {provinsi}, terus "
            "merangkak naik. Pantauan di Pasar {pasar}, {waktu}, harga cabai rawit mencapai "
            "Rp{harga} per kilogram, naik dari sekitar Rp{harga_lama} per kilogram pada pekan "
            "lalu.",
            "Seorang pedagang, {warga}, mengatakan kenaikan harga terjadi karena pasokan dari "
            'daerah sentra berkurang. "Kiriman dari petani sekarang tinggal separuh. Banyak '
            'tanaman rusak karena hujan terus," ujarnya.',
            "## Pembeli Mengurangi Belanja",
            "Kenaikan harga membuat sebagian pembeli mengurangi jumlah belanjaan. Pemilik "
            "warung makan, misalnya, memilih mencampur cabai rawit dengan cabai keriting yang "
            "harganya lebih murah agar rasa masakan tetap terjaga.",
            "Harga komoditas lain relatif stabil. Bawang merah dijual Rp{bawang} per kilogram, "
            "sedangkan harga beras medium tidak banyak berubah dibandingkan bulan lalu.",
            "## Operasi Pasar",
            "Kepala Dinas Perdagangan {kota}, {pejabat}, mengatakan pemerintah kota akan "
            "menggelar operasi pasar di lima titik mulai pekan depan bersama perusahaan daerah "
            "dan kelompok tani. Cabai akan dijual di bawah harga pasar dengan jumlah pembelian "
            "dibatasi.",
            '"Kami juga berkoordinasi dengan daerah penghasil agar pasokan kembali normal. '
            'Kami perkirakan harga mulai turun dalam dua sampai tiga minggu," kata '
            "{pejabat_pendek}.",
        ),
        quote=(
            "Kenaikan harga cabai ini musiman. Yang penting stoknya ada dan tidak ada penimbunan.",
            "{pejabat}, Kepala Dinas Perdagangan {kota}",
        ),
        tags=("Harga Pangan", "Inflasi", "Pasar Tradisional"),
        choices={
            "pasar": ("Sentral", "Induk", "Baru", "Wage", "Legi", "Pagi"),
            "harga": ("78.000", "85.000", "92.000", "105.000"),
            "harga_lama": ("55.000", "60.000", "65.000"),
            "bawang": ("35.000", "38.000", "42.000"),
        },
        photo=(
            "Operasi Pasar",
            "Warga mengantre membeli cabai dalam operasi pasar di halaman kantor kelurahan di "
            "{kota}.",
        ),
        city_tag=True,
    ),
    Story(
        key="kopi",
        section="ekonomi",
        headlines=(
            "Ekspor Kopi {kopi} Tumbuh {persen} Persen, Petani Ikut Menikmati",
            "Permintaan Dunia Naik, Kopi {kopi} Tembus Pasar {tujuan}",
            "Koperasi Petani Kopi {kopi} Kirim {ton} Ton Biji Kopi ke {tujuan}",
        ),
        summary="Nilai ekspor kopi {kopi} dari {provinsi} tumbuh {persen} persen berkat "
        "permintaan kopi spesialti. Harga di tingkat petani ikut membaik.",
        label="Kopi {kopi}",
        caption="Petani memetik ceri kopi merah di kebun kopi di {provinsi}, {waktu}.",
        body=(
            "Nilai ekspor kopi {kopi} dari {provinsi} tumbuh sekitar {persen} persen "
            "dibandingkan tahun lalu. Kenaikan itu didorong permintaan kopi spesialti dari "
            "sejumlah negara, terutama {tujuan}.",
            "Ketua Koperasi Produsen Kopi {kopi} {koperasi}, {pejabat}, mengatakan pihaknya "
            "telah mengirim {ton} ton biji kopi hijau sejak awal tahun. Pembeli luar negeri "
            "kini lebih memperhatikan asal-usul kopi dan cara pengolahannya.",
            "## Harga di Tingkat Petani Membaik",
            "Kenaikan permintaan ikut mengangkat harga di tingkat petani. Ceri kopi merah yang "
            "dipetik dengan benar kini dihargai Rp{harga_ceri} per kilogram, lebih tinggi "
            "daripada harga pada musim panen sebelumnya.",
            '"Dulu petani menjual kopi campur, yang merah dan hijau dipetik sekaligus. '
            'Sekarang mereka paham, kalau petik merah saja, harganya jauh lebih baik," kata '
            "{pejabat_pendek}, {waktu}.",
            "## Tantangan Cuaca",
            "Meski demikian, petani menghadapi cuaca yang makin sulit ditebak. Musim hujan "
            "yang lebih panjang membuat penjemuran biji kopi memakan waktu lebih lama dan "
            "berisiko menurunkan mutu.",
            "Koperasi kini mulai menggunakan rumah jemur beratap plastik bening dan mesin "
            "pengering sederhana. Pemerintah daerah juga menyiapkan pelatihan pascapanen bagi "
            "kelompok tani muda.",
        ),
        quote=(
            "Kopi yang bagus lahir dari kebun yang dirawat dengan sabar. Pasar dunia "
            "menghargai kesabaran itu.",
            "{pejabat}, Ketua Koperasi Produsen Kopi {kopi} {koperasi}",
        ),
        tags=("Kopi", "Ekspor", "Petani", "UMKM"),
        choices={
            "asal": (
                {"kopi": "Gayo", "provinsi": "Aceh", "kota": "Takengon"},
                {"kopi": "Toraja", "provinsi": "Sulawesi Selatan", "kota": "Rantepao"},
                {"kopi": "Kintamani", "provinsi": "Bali", "kota": "Bangli"},
                {"kopi": "Bajawa", "provinsi": "Nusa Tenggara Timur", "kota": "Bajawa"},
                {"kopi": "Temanggung", "provinsi": "Jawa Tengah", "kota": "Temanggung"},
                {"kopi": "Semendo", "provinsi": "Sumatera Selatan", "kota": "Muara Enim"},
            ),
            "tujuan": ("Jepang", "Korea Selatan", "Belanda", "Uni Emirat Arab", "Australia"),
            "persen": ("12", "18", "23", "31"),
            "ton": ("140", "260", "385", "510"),
            "koperasi": ("Maju Bersama", "Tunas Harapan", "Sejahtera", "Bukit Hijau"),
            "harga_ceri": ("12.500", "14.000", "15.500"),
        },
        photo=(
            "Rumah Jemur",
            "Biji kopi dijemur di rumah jemur beratap plastik milik koperasi petani di "
            "{kota}, {provinsi}.",
        ),
    ),
    Story(
        key="rupiah",
        section="ekonomi",
        headlines=(
            "Rupiah {Arah} ke Rp{kurs} per Dolar AS",
            "Rupiah Ditutup {Arah}, Analis Soroti {sorotan}",
            "Rupiah {Arah} {poin} Poin, IHSG Ikut {IHSG_arah}",
        ),
        summary="Rupiah ditutup {arah} {poin} poin ke Rp{kurs} per dolar AS, dipengaruhi "
        "{sebab}. IHSG ditutup {ihsg_arah} {ihsg} persen.",
        label="Rupiah",
        caption="Petugas menghitung uang rupiah di sebuah gerai penukaran valuta asing di "
        "Jakarta, {waktu}.",
        body=(
            "Nilai tukar rupiah terhadap dolar Amerika Serikat ditutup {arah} {poin} poin ke "
            "level Rp{kurs} per dolar AS pada perdagangan {waktu}. Pergerakan rupiah "
            "dipengaruhi {sebab}.",
            "Analis pasar uang dari {sekuritas}, {analis}, mengatakan pelaku pasar juga "
            "menanti rilis data inflasi domestik pekan depan. Data tersebut akan menjadi "
            "petunjuk arah kebijakan suku bunga bank sentral.",
            "## Pasar Saham",
            "Sejalan dengan rupiah, Indeks Harga Saham Gabungan (IHSG) ditutup {ihsg_arah} "
            "{ihsg} persen. Saham-saham sektor perbankan dan barang konsumsi menjadi "
            "penggerak utama, sementara saham energi bergerak bervariasi.",
            '"Secara fundamental, ekonomi domestik masih cukup solid. Konsumsi rumah tangga '
            'terjaga dan neraca perdagangan masih mencatat surplus," kata {analis_pendek}.',
            "## Proyeksi Sepekan",
            "Untuk sepekan ke depan, {analis_pendek} memperkirakan rupiah bergerak dalam "
            "kisaran yang relatif sempit. Investor disarankan tetap mencermati perkembangan "
            "suku bunga global dan harga komoditas.",
        ),
        quote=(
            "Gejolak jangka pendek itu wajar. Yang perlu dijaga adalah kepercayaan pasar "
            "terhadap kebijakan fiskal dan moneter.",
            "{analis}, analis {sekuritas}",
        ),
        tags=("Rupiah", "Pasar Modal", "IHSG", "Suku Bunga"),
        choices={
            "arah_pasar": (
                {
                    "arah": "menguat",
                    "Arah": "Menguat",
                    "poin": "45",
                    "sebab": "derasnya aliran modal asing ke pasar obligasi",
                    "ihsg_arah": "naik",
                    "IHSG_arah": "Naik",
                    "ihsg": "0,8",
                },
                {
                    "arah": "melemah",
                    "Arah": "Melemah",
                    "poin": "60",
                    "sebab": "penguatan dolar AS setelah rilis data tenaga kerja Amerika Serikat",
                    "ihsg_arah": "turun",
                    "IHSG_arah": "Turun",
                    "ihsg": "0,6",
                },
                {
                    "arah": "menguat tipis",
                    "Arah": "Menguat Tipis",
                    "poin": "15",
                    "sebab": "meredanya kekhawatiran pasar terhadap perlambatan ekonomi global",
                    "ihsg_arah": "naik",
                    "IHSG_arah": "Naik",
                    "ihsg": "0,3",
                },
                {
                    "arah": "melemah tipis",
                    "Arah": "Melemah Tipis",
                    "poin": "20",
                    "sebab": "aksi ambil untung menjelang akhir pekan",
                    "ihsg_arah": "turun",
                    "IHSG_arah": "Turun",
                    "ihsg": "0,2",
                },
            ),
            "kurs": ("16.095", "16.185", "16.240", "16.310"),
            "sorotan": ("Arah Suku Bunga", "Data Inflasi", "Neraca Perdagangan"),
            "sekuritas": ("Cakrawala Sekuritas", "Mitra Dana Sekuritas", "Samudra Investama"),
        },
        sublabel="Pasar Keuangan",
    ),
    # Sepak Bola -------------------------------------------------------------
    Story(
        key="laga",
        section="sepak-bola",
        headlines=(
            "{menang} Tundukkan {kalah} {skor} di {stadion}",
            "Gol Telat {pencetak} Bawa {menang} Kalahkan {kalah}",
            "{menang} Petik Tiga Poin dari {kalah}, {pelatih_pendek} Puji Mental Pemain",
        ),
        summary="{menang} menang {skor} atas {kalah} dalam lanjutan Liga Nusantara. Gol "
        "penentu dicetak {pencetak} pada menit ke-{menit2}.",
        label="{skor}",
        caption="Pemain {menang} merayakan gol ke gawang {kalah} di {stadion}, {waktu}.",
        body=(
            "{menang} meraih kemenangan {skor} atas {kalah} dalam lanjutan Liga Nusantara di "
            "{stadion}, {waktu} malam. Tambahan tiga poin membuat {menang} naik ke peringkat "
            "{peringkat} klasemen sementara.",
            "{kalah} sebenarnya tampil lebih agresif pada awal laga. Namun, {menang} mampu "
            "memanfaatkan serangan balik dan membuka keunggulan lewat sundulan {pembuka} "
            "pada menit ke-{menit1}.",
            "## Jalannya Pertandingan",
            "Selepas turun minum, {kalah} menaikkan tempo dan sempat menyamakan kedudukan "
            "melalui tendangan bebas {pencetak_lawan}. Laga berjalan terbuka, dan kedua kiper "
            "beberapa kali melakukan penyelamatan penting.",
            "Gol penentu akhirnya lahir pada menit ke-{menit2}. Memanfaatkan umpan silang dari "
            "sisi kanan, {pencetak} melepaskan tembakan voli yang tak mampu dijangkau kiper "
            "lawan.{penutup}",
            "Pelatih {menang}, {pelatih}, mengapresiasi mental bertanding anak asuhnya. "
            '"Kami sempat kehilangan ritme setelah kebobolan, tapi para pemain tidak panik. '
            'Mereka tetap percaya pada rencana permainan," ujarnya seusai laga.',
            "## Fokus Laga Berikutnya",
            "Sementara itu, pelatih {kalah}, {pelatih_lawan}, mengakui timnya kurang efektif. "
            '"Kami menciptakan banyak peluang, tetapi penyelesaian akhir masih menjadi '
            'pekerjaan rumah," katanya.',
            "Pekan depan, {menang} akan bertandang ke markas {lawan_berikut}, sedangkan "
            "{kalah} menjamu {lawan_berikut2} di kandang sendiri.",
        ),
        quote=(
            "Tiga poin ini untuk suporter yang tidak berhenti bernyanyi sampai peluit akhir.",
            "{pelatih}, pelatih {menang}",
        ),
        tags=("Liga Nusantara", "Sepak Bola", "{menang}"),
        choices={
            "laga": (
                {
                    "menang": "Rajawali Nusantara FC",
                    "kalah": "Laskar Samudra FC",
                    "skor": "2-1",
                    "stadion": "Stadion Mandala Jaya",
                    "pembuka": "Yoga Pratama",
                    "pencetak_lawan": "Rendi Saputra",
                    "pencetak": "Fikri Alamsyah",
                    "menit1": "23",
                    "menit2": "81",
                    "penutup": "",
                    "pelatih": "Agus Wirawan",
                    "pelatih_pendek": "Agus",
                    "pelatih_lawan": "Marcelo Duarte",
                    "peringkat": "ketiga",
                    "lawan_berikut": "Elang Khatulistiwa",
                    "lawan_berikut2": "Bintang Timur FC",
                },
                {
                    "menang": "Elang Khatulistiwa",
                    "kalah": "Bintang Timur FC",
                    "skor": "3-1",
                    "stadion": "Stadion Gelora Kapuas",
                    "pembuka": "Dani Kurnia",
                    "pencetak_lawan": "Oktavianus Wenda",
                    "pencetak": "Rizky Ananda",
                    "menit1": "17",
                    "menit2": "78",
                    "penutup": " Gol ketiga dari Hamzah Basri pada masa tambahan waktu "
                    "memastikan kemenangan tuan rumah.",
                    "pelatih": "Bonifasius Laka",
                    "pelatih_pendek": "Boni",
                    "pelatih_lawan": "Hendrik Rumere",
                    "peringkat": "kedua",
                    "lawan_berikut": "Harimau Rimba FC",
                    "lawan_berikut2": "Garuda Selatan FC",
                },
                {
                    "menang": "Harimau Rimba FC",
                    "kalah": "Garuda Selatan FC",
                    "skor": "2-1",
                    "stadion": "Stadion Bukit Barisan Raya",
                    "pembuka": "Teddy Sinaga",
                    "pencetak_lawan": "Fauzan Akbar",
                    "pencetak": "Marcos Vieira",
                    "menit1": "34",
                    "menit2": "88",
                    "penutup": "",
                    "pelatih": "Ricardo Alves",
                    "pelatih_pendek": "Ricardo",
                    "pelatih_lawan": "Sutan Mahmud",
                    "peringkat": "keempat",
                    "lawan_berikut": "Laskar Samudra FC",
                    "lawan_berikut2": "Banteng Muda FC",
                },
                {
                    "menang": "Banteng Muda FC",
                    "kalah": "Badai Pesisir FC",
                    "skor": "3-1",
                    "stadion": "Stadion Patriot Bahari",
                    "pembuka": "Ilham Saputra",
                    "pencetak_lawan": "Arya Dwipangga",
                    "pencetak": "Gilang Permana",
                    "menit1": "12",
                    "menit2": "74",
                    "penutup": " Pemain pengganti Stevan Lumi menambah gol ketiga di menit ke-90.",
                    "pelatih": "Dadang Suherman",
                    "pelatih_pendek": "Dadang",
                    "pelatih_lawan": "Fabio Conti",
                    "peringkat": "kelima",
                    "lawan_berikut": "Rajawali Nusantara FC",
                    "lawan_berikut2": "Elang Khatulistiwa",
                },
                {
                    "menang": "Laskar Samudra FC",
                    "kalah": "Harimau Rimba FC",
                    "skor": "2-1",
                    "stadion": "Stadion Gelora Samudra",
                    "pembuka": "Rendi Saputra",
                    "pencetak_lawan": "Marcos Vieira",
                    "pencetak": "Adit Nugraha",
                    "menit1": "29",
                    "menit2": "85",
                    "penutup": "",
                    "pelatih": "Marcelo Duarte",
                    "pelatih_pendek": "Marcelo",
                    "pelatih_lawan": "Ricardo Alves",
                    "peringkat": "keenam",
                    "lawan_berikut": "Badai Pesisir FC",
                    "lawan_berikut2": "Rajawali Nusantara FC",
                },
                {
                    "menang": "Garuda Selatan FC",
                    "kalah": "Rajawali Nusantara FC",
                    "skor": "2-1",
                    "stadion": "Stadion Anging Mammiri",
                    "pembuka": "Fauzan Akbar",
                    "pencetak_lawan": "Fikri Alamsyah",
                    "pencetak": "Syahrul Gunawan",
                    "menit1": "41",
                    "menit2": "90+2",
                    "penutup": "",
                    "pelatih": "Sutan Mahmud",
                    "pelatih_pendek": "Sutan",
                    "pelatih_lawan": "Agus Wirawan",
                    "peringkat": "ketujuh",
                    "lawan_berikut": "Bintang Timur FC",
                    "lawan_berikut2": "Banteng Muda FC",
                },
            ),
        },
        sublabel="{menang} vs {kalah}",
        photo=(
            "Tribun Penuh",
            "Suporter memadati tribun {stadion} saat {menang} menjamu {kalah}.",
        ),
        lag=1,
    ),
    Story(
        key="transfer",
        section="sepak-bola",
        headlines=(
            "{klub} Resmi Datangkan Gelandang Asal {negara_pemain}",
            "{pemain} Teken Kontrak Dua Musim di {klub}",
            "Perkuat Lini Tengah, {klub} Rekrut {pemain}",
        ),
        summary="{klub} merekrut gelandang asal {negara_pemain}, {pemain}, dengan kontrak dua "
        "musim untuk menambah kreativitas lini tengah jelang putaran kedua Liga Nusantara.",
        label="Transfer",
        caption="{pemain} berpose dengan jersei {klub} saat diperkenalkan kepada media, {waktu}.",
        body=(
            "{klub} resmi memperkenalkan {pemain} sebagai rekrutan anyar jelang putaran kedua "
            "Liga Nusantara. Gelandang asal {negara_pemain} berusia {usia} tahun itu dikontrak "
            "selama dua musim.",
            "Manajer tim {klub}, {pejabat}, mengatakan kedatangan {pemain_pendek} merupakan "
            "permintaan langsung pelatih yang ingin menambah kreativitas di lini tengah. "
            '"Dia punya visi bermain yang bagus dan terbiasa mengatur tempo," kata '
            "{pejabat_pendek}, {waktu}.",
            "## Rekam Jejak",
            "Sebelum bergabung, {pemain_pendek} bermain untuk klub kasta kedua di negaranya. "
            "Musim lalu ia mencatatkan {gol} gol dan {asis} asis dari {laga} pertandingan.",
            "{pemain_pendek} mengaku tertarik dengan atmosfer sepak bola Indonesia yang dikenal "
            'memiliki suporter fanatik. "Saya sudah menonton beberapa video pertandingan di '
            'sini. Stadionnya selalu penuh, dan itu membuat saya ingin segera bermain," '
            "ujarnya.",
            "## Adaptasi Cuaca",
            "Tantangan terbesar bagi pemain asing yang baru datang biasanya adalah cuaca panas "
            "dan lembap. Tim pelatih fisik telah menyiapkan program adaptasi khusus selama dua "
            "pekan sebelum {pemain_pendek} diturunkan dalam pertandingan resmi.",
            "Dengan tambahan tersebut, {klub} kini memiliki empat pemain asing, sesuai kuota "
            "maksimal yang diizinkan operator liga.",
        ),
        quote=(
            "Saya datang untuk bekerja keras dan membantu tim meraih trofi.",
            "{pemain}, gelandang baru {klub}",
        ),
        tags=("Transfer Pemain", "Liga Nusantara", "Sepak Bola", "{klub}"),
        choices={
            "pemain_asal": (
                {
                    "pemain": "Thiago Mendes",
                    "pemain_pendek": "Thiago",
                    "negara_pemain": "Brasil",
                    "usia": "27",
                },
                {
                    "pemain": "Kenji Watanabe",
                    "pemain_pendek": "Kenji",
                    "negara_pemain": "Jepang",
                    "usia": "25",
                },
                {
                    "pemain": "Lucas Ferreira",
                    "pemain_pendek": "Lucas",
                    "negara_pemain": "Portugal",
                    "usia": "29",
                },
                {
                    "pemain": "Daniel Okafor",
                    "pemain_pendek": "Okafor",
                    "negara_pemain": "Nigeria",
                    "usia": "26",
                },
            ),
            "klub": (
                "Bintang Timur FC",
                "Badai Pesisir FC",
                "Garuda Selatan FC",
                "Elang Khatulistiwa",
            ),
            "gol": ("6", "9", "11"),
            "asis": ("5", "8", "12"),
            "laga": ("28", "31", "34"),
        },
        sublabel="{pemain} · {klub}",
    ),
    # Olahraga ---------------------------------------------------------------
    Story(
        key="bulu-tangkis",
        section="olahraga",
        headlines=(
            "{atlet} Juarai {turnamen} Usai Tundukkan Unggulan Pertama",
            "Tampil Gemilang, {atlet} Bawa Pulang Gelar {turnamen}",
            "Pebulu Tangkis Muda {atlet} Raih Gelar Internasional Pertama",
        ),
        summary="{atlet} menjuarai {turnamen} setelah mengalahkan unggulan pertama asal "
        "{negara_lawan} dalam pertarungan tiga gim, {skor_bt}.",
        label="Bulu Tangkis",
        caption="{atlet} mengembalikan kok dalam partai final {turnamen}, {waktu}.",
        body=(
            "Pebulu tangkis {sektor} muda Indonesia, {atlet}, menjuarai {turnamen} setelah "
            "mengalahkan unggulan pertama asal {negara_lawan}, {lawan}, dengan skor {skor_bt} "
            "di partai final, {waktu}.",
            "Ini merupakan gelar internasional pertama bagi atlet berusia {usia} tahun "
            "tersebut. Sepanjang turnamen, {atlet_pendek} hanya sekali kehilangan gim, yaitu "
            "pada babak perempat final.",
            "## Pertarungan Tiga Gim",
            "Pada final, {atlet_pendek} sempat tertinggal di gim pertama karena kesulitan "
            "mengantisipasi serangan cepat lawan. Namun, pola permainan yang lebih sabar pada "
            "gim kedua dan ketiga membuatnya berbalik unggul.",
            '"Setelah gim pertama, pelatih meminta saya tidak terburu-buru menyerang. Saya '
            'coba lebih banyak bermain di depan net dan menunggu kesempatan," kata '
            "{atlet_pendek} seusai pertandingan.",
            "## Modal Menuju Turnamen Besar",
            "Pelatih {atlet_pendek} di pelatnas, {pejabat}, menilai gelar ini menjadi modal "
            "penting menjelang rangkaian turnamen yang lebih bergengsi. Menurut dia, "
            "{atlet_pendek} menunjukkan perkembangan besar dalam hal ketahanan fisik.",
            "Berkat gelar tersebut, peringkat dunia {atlet_pendek} diperkirakan naik cukup "
            "signifikan dan membuka peluang tampil di turnamen level lebih tinggi musim depan.",
        ),
        quote=(
            "Gelar ini untuk keluarga dan semua orang yang sudah mendukung saya sejak kecil di "
            "klub.",
            "{atlet}, pebulu tangkis {sektor}",
        ),
        tags=("Bulu Tangkis", "Prestasi Atlet"),
        choices={
            "atlet_data": (
                {
                    "atlet": "Aurelia Kirana",
                    "atlet_pendek": "Aurelia",
                    "sektor": "tunggal putri",
                    "usia": "19",
                },
                {
                    "atlet": "Naufal Hakim",
                    "atlet_pendek": "Naufal",
                    "sektor": "tunggal putra",
                    "usia": "20",
                },
                {
                    "atlet": "Salsabila Putri",
                    "atlet_pendek": "Salsa",
                    "sektor": "tunggal putri",
                    "usia": "18",
                },
                {
                    "atlet": "Bima Satria",
                    "atlet_pendek": "Bima",
                    "sektor": "tunggal putra",
                    "usia": "21",
                },
            ),
            "turnamen": (
                "Nusantara International Challenge",
                "Borneo International Series",
                "Kejuaraan Terbuka Asia Tenggara",
                "Sumatra Open",
            ),
            "lawan_data": (
                {"negara_lawan": "Thailand", "lawan": "Kittipong Srisuk"},
                {"negara_lawan": "Malaysia", "lawan": "Lee Chong Han"},
                {"negara_lawan": "India", "lawan": "Arjun Nair"},
                {"negara_lawan": "Jepang", "lawan": "Haruki Sato"},
            ),
            "skor_bt": ("19-21, 21-17, 21-15", "18-21, 21-16, 22-20", "20-22, 21-14, 21-18"),
        },
        sublabel="{atlet} · {turnamen}",
    ),
    Story(
        key="maraton",
        section="olahraga",
        headlines=(
            "Ribuan Pelari Ramaikan {kota} Half Marathon",
            "Pelari Asal {asal_juara} Juarai {kota} Half Marathon",
            "{kota} Half Marathon Diikuti {peserta} Peserta, Ekonomi Lokal Ikut Bergerak",
        ),
        summary="Sebanyak {peserta} pelari mengikuti {kota} Half Marathon. Hotel penuh dan "
        "pedagang di sekitar garis finis kebanjiran pembeli.",
        label="Half Marathon",
        caption="Peserta {kota} Half Marathon melintasi jalan protokol, {waktu}.",
        body=(
            "Sebanyak {peserta} pelari dari berbagai daerah mengikuti {kota} Half Marathon yang "
            "digelar {waktu}. Lomba dimulai pukul 05.00 dari depan balai kota dan melintasi "
            "sejumlah ruas jalan utama serta kawasan kota lama.",
            "Gelar juara kategori half marathon putra diraih {juara} asal {asal_juara} dengan "
            "catatan waktu {catatan}. Di kategori putri, {juara_putri} finis terdepan sekaligus "
            "memperbaiki rekor pribadinya.",
            "## Penutupan Jalan",
            "Panitia bersama kepolisian menutup sejumlah ruas jalan sejak pukul 04.00 hingga "
            "10.00. Warga diimbau menggunakan jalur alternatif selama lomba berlangsung.",
            "Ketua panitia, {pejabat}, mengatakan jumlah peserta tahun ini meningkat "
            'dibandingkan penyelenggaraan sebelumnya. "Sekitar 40 persen peserta datang dari '
            'luar {provinsi}. Ini kesempatan untuk memperkenalkan kota kami," ujarnya.',
            "## Dampak Ekonomi",
            "Keramaian lomba ikut dirasakan pelaku usaha. Okupansi hotel di sekitar lokasi "
            "dilaporkan penuh sejak dua hari sebelum lomba, sementara pedagang makanan di "
            "sekitar garis finis kebanjiran pembeli.",
            '"Dari subuh sudah ramai. Biasanya pagi-pagi paling laku seratus bungkus, hari ini '
            'sudah tiga kali lipat," kata {warga}, pedagang nasi uduk di dekat garis finis.',
        ),
        quote=(
            "Lari itu olahraga paling murah. Cukup sepatu dan niat, semua orang bisa ikut.",
            "{juara}, juara kategori half marathon putra",
        ),
        tags=("Lari", "Gaya Hidup Sehat", "Pariwisata"),
        choices={
            "peserta": ("4.200", "5.750", "7.100", "8.300"),
            "hasil": (
                {
                    "juara": "Petrus Lalang",
                    "asal_juara": "Nusa Tenggara Timur",
                    "catatan": "1 jam 8 menit 42 detik",
                    "juara_putri": "Rosalina Mote",
                },
                {
                    "juara": "Agung Pamungkas",
                    "asal_juara": "Jawa Tengah",
                    "catatan": "1 jam 9 menit 15 detik",
                    "juara_putri": "Novita Sari Lubis",
                },
                {
                    "juara": "Yulius Tabuni",
                    "asal_juara": "Papua",
                    "catatan": "1 jam 7 menit 58 detik",
                    "juara_putri": "Desi Marlina",
                },
            ),
        },
        photo=(
            "Kota Lama",
            "Peserta melintasi kawasan kota lama dalam {kota} Half Marathon.",
        ),
        city_tag=True,
    ),
    # Teknologi --------------------------------------------------------------
    Story(
        key="startup-tani",
        section="teknologi",
        headlines=(
            "Startup Pertanian {startup} Raih Pendanaan Rp{dana} Miliar",
            "{startup} Kantongi Dana Segar, Incar {petani} Petani Mitra",
            "Usai Raih Pendanaan, {startup} Perluas Layanan ke {wilayah_baru}",
        ),
        summary="Perusahaan rintisan asal {kota}, {startup}, meraih pendanaan tahap awal "
        "Rp{dana} miliar untuk memperluas layanan dan menambah petani mitra.",
        label="{startup}",
        caption="Petani mitra {startup} memeriksa prakiraan cuaca lewat aplikasi di sawah di "
        "pinggiran {kota}, {waktu}.",
        body=(
            "Perusahaan rintisan teknologi pertanian asal {kota}, {startup}, mengumumkan "
            "perolehan pendanaan tahap awal senilai Rp{dana} miliar, {waktu}. Putaran "
            "pendanaan tersebut dipimpin oleh modal ventura {ventura}.",
            "Salah seorang pendiri sekaligus CEO {startup}, {pendiri}, mengatakan dana segar "
            "akan digunakan untuk memperluas layanan ke {wilayah_baru} dan menambah jumlah "
            "petani mitra hingga {petani} orang.",
            "## Dari Cuaca hingga Harga",
            "{startup} menyediakan aplikasi yang memberi petani prakiraan cuaca per desa, "
            "rekomendasi pemupukan, dan harga komoditas terkini di pasar terdekat. Petani juga "
            "dapat menjual hasil panen langsung kepada pembeli seperti restoran dan pedagang "
            "besar.",
            '"Masalah petani kita bukan hanya produksi, tetapi juga akses pasar. Banyak yang '
            'menjual ke tengkulak karena tidak tahu harga sebenarnya di kota," kata '
            "{pendiri_pendek}.",
            "## Tantangan Literasi Digital",
            "Perusahaan mengakui literasi digital masih menjadi tantangan, terutama bagi petani "
            "berusia lanjut. Karena itu, {startup} merekrut pendamping lapangan dari kalangan "
            "pemuda desa yang membantu petani menggunakan aplikasi.",
            "Investor menilai sektor pertanian menyimpan peluang besar karena menyerap banyak "
            "tenaga kerja, tetapi belum banyak tersentuh teknologi.",
        ),
        quote=(
            "Teknologi hanya berguna kalau petani merasakan manfaatnya di kantong mereka sendiri.",
            "{pendiri}, CEO {startup}",
        ),
        tags=("Startup", "Pertanian", "Pendanaan", "Teknologi Digital"),
        choices={
            "perusahaan": (
                {"startup": "Tanikita", "kota": "Bandung", "provinsi": "Jawa Barat"},
                {"startup": "PanenPintar", "kota": "Malang", "provinsi": "Jawa Timur"},
                {"startup": "LadangData", "kota": "Yogyakarta", "provinsi": "DIY"},
                {"startup": "Sawahku", "kota": "Makassar", "provinsi": "Sulawesi Selatan"},
            ),
            "dana": ("18", "25", "32", "45"),
            "petani": ("15.000", "20.000", "35.000"),
            "ventura": ("Arunika Ventures", "Samudra Capital", "Kinara Ventura"),
            "wilayah_baru": ("Sumatera", "Kalimantan", "Nusa Tenggara", "Sulawesi"),
        },
        sublabel="Teknologi Pertanian · {kota}",
    ),
    Story(
        key="penipuan",
        section="teknologi",
        headlines=(
            "Waspada Penipuan Bermodus {Modus} Lewat Aplikasi Pesan",
            "Marak di {provinsi}, Polisi Imbau Warga Waspadai Modus {Modus}",
            "Korban Modus {Modus} di {provinsi} Rugi hingga Rp{kerugian} Juta",
        ),
        summary="Polda {provinsi} menerima {laporan} laporan penipuan bermodus {modus} dalam "
        "sebulan. Pelaku mencuri kode OTP untuk menguras rekening korban.",
        label="Awas Penipuan",
        caption="Ilustrasi pesan berisi berkas mencurigakan di layar ponsel warga {kota}, {waktu}.",
        body=(
            "Kepolisian Daerah {provinsi} menerima sedikitnya {laporan} laporan penipuan "
            "dengan modus {modus} dalam sebulan terakhir. Total kerugian para korban ditaksir "
            "mencapai Rp{kerugian} juta.",
            "Kepala Subdirektorat Siber Ditreskrimsus Polda {provinsi}, {pejabat}, menjelaskan "
            "pelaku mengirim pesan yang seolah-olah berasal dari kenalan atau lembaga resmi. "
            "Pesan itu berisi berkas atau tautan yang, bila dibuka, memasang aplikasi "
            "berbahaya di ponsel korban.",
            "## Cara Kerja Pelaku",
            "Aplikasi tersebut diam-diam membaca pesan singkat yang masuk, termasuk kode OTP "
            "dari bank. Dengan kode itu, pelaku dapat mengambil alih akun mobile banking dan "
            "menguras saldo korban dalam hitungan menit.",
            '"Korban umumnya tidak sadar ponselnya sudah disusupi. Mereka baru tahu setelah '
            'saldo rekening berkurang," kata {pejabat_pendek}, {waktu}.',
            "## Langkah Pencegahan",
            "Polisi mengimbau masyarakat tidak membuka berkas berakhiran .apk yang dikirim "
            "lewat aplikasi pesan, sekalipun pengirimnya tampak dikenal. Warga juga diminta "
            "tidak pernah memberikan kode OTP kepada siapa pun.",
            "Pakar keamanan siber dari {kampus}, {pakar}, menambahkan pengguna sebaiknya hanya "
            "memasang aplikasi dari toko aplikasi resmi dan rutin memperbarui sistem operasi "
            'ponsel. "Kalau sudah telanjur terpasang, segera matikan data seluler, hubungi '
            'bank, dan bawa ponsel ke teknisi tepercaya," ujarnya.',
        ),
        quote=(
            "Bank tidak pernah meminta kode OTP. Siapa pun yang memintanya hampir pasti penipu.",
            "{pejabat}, Kasubdit Siber Polda {provinsi}",
        ),
        tags=("Keamanan Siber", "Penipuan Daring", "Literasi Digital"),
        choices={
            "jenis": (
                {"modus": "undangan pernikahan digital", "Modus": "Undangan Pernikahan Digital"},
                {"modus": "pesan cek resi paket", "Modus": "Cek Resi Paket"},
                {"modus": "tagihan listrik palsu", "Modus": "Tagihan Listrik Palsu"},
                {"modus": "tawaran kerja paruh waktu", "Modus": "Lowongan Kerja Paruh Waktu"},
            ),
            "laporan": ("37", "52", "68", "85"),
            "kerugian": ("640", "910", "1.350", "2.100"),
            "kampus": (
                "Universitas Nusa Cendekia",
                "Institut Teknologi Samudra",
                "Universitas Cakrawala",
            ),
        },
        sublabel="Keamanan Siber",
    ),
    Story(
        key="internet-desa",
        section="teknologi",
        headlines=(
            "{desa} Desa Terpencil di {provinsi} Kini Nikmati Internet Cepat",
            "Sinyal Masuk Desa, Pelajar di Pedalaman {provinsi} Tak Lagi Naik Bukit",
            "Internet Desa Dorong Perajin di {provinsi} Berjualan Daring",
        ),
        summary="Sebanyak {desa} desa terpencil di {provinsi} kini terhubung internet cepat. "
        "Pelajar belajar dari rumah dan perajin mulai menjual produknya secara daring.",
        label="Internet Desa",
        caption="Pelajar mengikuti kelas daring di balai desa di {provinsi}, {waktu}.",
        body=(
            "Sebanyak {desa} desa di wilayah terpencil {provinsi} kini terhubung dengan layanan "
            "internet cepat. Jaringan tersebut dibangun melalui kombinasi menara pemancar dan "
            "perangkat satelit yang diresmikan di {kota}, {waktu}.",
            "Kepala Dinas Komunikasi dan Informatika {provinsi}, {pejabat}, mengatakan "
            "sebelumnya warga di desa-desa tersebut harus berjalan jauh atau naik ke perbukitan "
            'untuk mendapatkan sinyal. "Sekarang anak-anak bisa belajar daring dari rumah, dan '
            'puskesmas bisa mengirim laporan tanpa harus ke kota," ujarnya.',
            "## Manfaat bagi Pelaku Usaha",
            "Kehadiran internet juga dimanfaatkan pelaku usaha mikro. {warga}, perajin {kerajinan} "
            "di salah satu desa, kini memasarkan produknya melalui media sosial dan lokapasar.",
            '"Dulu saya hanya menjual ke pengepul dengan harga murah. Sekarang pembeli dari '
            'Jakarta dan Surabaya bisa pesan langsung," kata {warga_pendek}.',
            "## Perawatan Jaringan",
            "Tantangan berikutnya adalah memastikan jaringan tetap menyala. Pemerintah provinsi "
            "melatih operator lokal di setiap desa untuk melakukan perawatan dasar perangkat "
            "dan melapor bila terjadi gangguan.",
            "Pemerintah menargetkan seluruh desa di {provinsi} terhubung internet dalam tiga "
            "tahun ke depan, dengan prioritas sekolah dan fasilitas kesehatan.",
        ),
        quote=(
            "Internet sekarang sama pentingnya dengan jalan dan listrik. Desa yang tertinggal "
            "sinyal akan tertinggal dalam banyak hal.",
            "{pejabat}, Kepala Dinas Kominfo {provinsi}",
        ),
        tags=("Internet", "Transformasi Digital", "Desa", "UMKM"),
        choices={
            "desa": ("38", "54", "72", "96"),
            "kerajinan": ("tenun ikat", "anyaman pandan", "gerabah", "ukiran kayu"),
        },
        photo=(
            "Menara Pemancar",
            "Teknisi memeriksa perangkat menara pemancar di sebuah desa di {provinsi}.",
        ),
        sublabel="{provinsi}",
    ),
    # Gaya Hidup -------------------------------------------------------------
    Story(
        key="kuliner",
        section="gaya-hidup",
        headlines=(
            "Mencicipi {Makanan} Legendaris {kota} yang Bertahan Tiga Generasi",
            "Kedai {Makanan} di {kota} Ini Selalu Diantre Sejak Pagi",
            "Resep Turun-temurun, Rahasia {kedai} Tetap Digemari",
        ),
        summary="{kedai} di {kota} berdiri sejak {tahun} dan kini dikelola generasi ketiga. "
        "Resepnya tak pernah berubah, pelanggannya datang dari berbagai kota.",
        label="{Makanan}",
        caption="Seporsi {makanan} di {kedai}, {kota}, {waktu}.",
        body=(
            "Di sebuah gang sempit di pusat {kota}, {kedai} tak pernah sepi pembeli. Kedai "
            "sederhana yang berdiri sejak {tahun} itu dikenal sebagai salah satu penjual "
            "{makanan} paling legendaris di kota tersebut.",
            "Kini kedai itu dikelola {pemilik}, generasi ketiga keluarga pendiri. Ia mengaku "
            "tetap mempertahankan resep warisan neneknya, mulai dari pemilihan bahan hingga "
            'cara memasak. "Bahannya {bahan}. Semuanya kami siapkan sendiri setiap subuh," '
            "ujarnya, {waktu}.",
            "## Resep yang Tidak Berubah",
            "Menurut {pemilik_pendek}, godaan untuk mengganti bahan dengan yang lebih murah "
            "selalu ada, apalagi ketika harga kebutuhan pokok naik. Namun, keluarganya memilih "
            "menaikkan harga sedikit daripada mengorbankan rasa.",
            "Seporsi {makanan} di kedai itu dijual Rp{harga}. Pada akhir pekan, "
            "{pemilik_pendek} bisa menjual lebih dari {porsi} porsi dalam sehari.",
            "## Dari Pelanggan Lama hingga Wisatawan",
            "Pelanggan kedai ini beragam, dari warga sekitar yang sudah berlangganan puluhan "
            "tahun hingga wisatawan yang datang karena rekomendasi di media sosial. "
            "{pelanggan}, salah seorang pelanggan, mengaku sudah makan di tempat itu sejak "
            "masih duduk di bangku sekolah dasar.",
            '"Rasanya tidak berubah dari dulu. Setiap pulang kampung, tempat ini yang pertama '
            'saya datangi," katanya.',
        ),
        quote=(
            "Resep boleh diwariskan, tetapi kesabaran memasaknya harus dipelajari sendiri.",
            "{pemilik}, pemilik {kedai}",
        ),
        tags=("Kuliner", "Wisata Kuliner", "Kuliner Nusantara"),
        choices={
            "hidangan": (
                {
                    "kota": "Semarang",
                    "provinsi": "Jawa Tengah",
                    "makanan": "lumpia",
                    "Makanan": "Lumpia",
                    "kedai": "Lumpia Cik Meilan",
                    "pemilik": "Kevin Halim",
                    "pemilik_pendek": "Kevin",
                    "bahan": "rebung, telur, dan udang",
                },
                {
                    "kota": "Palembang",
                    "provinsi": "Sumatera Selatan",
                    "makanan": "pempek",
                    "Makanan": "Pempek",
                    "kedai": "Pempek Cek Ana",
                    "pemilik": "Rizal Pratama",
                    "pemilik_pendek": "Rizal",
                    "bahan": "ikan tenggiri segar dan sagu",
                },
                {
                    "kota": "Makassar",
                    "provinsi": "Sulawesi Selatan",
                    "makanan": "coto",
                    "Makanan": "Coto",
                    "kedai": "Coto Daeng Sikki",
                    "pemilik": "Andi Syamsuddin",
                    "pemilik_pendek": "Syamsuddin",
                    "bahan": "daging dan jeroan sapi, kacang tanah sangrai, dan air cucian beras",
                },
                {
                    "kota": "Yogyakarta",
                    "provinsi": "DIY",
                    "makanan": "gudeg",
                    "Makanan": "Gudeg",
                    "kedai": "Gudeg Mbok Parmi",
                    "pemilik": "Sri Lestari",
                    "pemilik_pendek": "Sri",
                    "bahan": "nangka muda, santan kental, dan daun jati",
                },
                {
                    "kota": "Banjarmasin",
                    "provinsi": "Kalimantan Selatan",
                    "makanan": "soto Banjar",
                    "Makanan": "Soto Banjar",
                    "kedai": "Soto Banjar Acil Idah",
                    "pemilik": "Muhammad Ridwan",
                    "pemilik_pendek": "Ridwan",
                    "bahan": "ayam kampung, kayu manis, cengkih, dan kapulaga",
                },
                {
                    "kota": "Manado",
                    "provinsi": "Sulawesi Utara",
                    "makanan": "tinutuan",
                    "Makanan": "Tinutuan",
                    "kedai": "Tinutuan Oma Ince",
                    "pemilik": "Grace Mamahit",
                    "pemilik_pendek": "Grace",
                    "bahan": "labu kuning, jagung, dan sayuran hijau",
                },
            ),
            "tahun": ("1958", "1962", "1971", "1976"),
            "harga": ("18.000", "22.000", "25.000", "28.000"),
            "porsi": ("300", "450", "500"),
        },
        photo=(
            "Dapur Kedai",
            "Suasana dapur {kedai} di {kota} menjelang jam makan siang.",
        ),
        city_tag=True,
    ),
    Story(
        key="wisata",
        section="gaya-hidup",
        headlines=(
            "Pesona {tempat}, Destinasi Akhir Pekan yang Kian Diminati",
            "Menikmati Matahari Terbit dari {tempat}",
            "Tips Berkunjung ke {tempat} agar Liburan Tetap Nyaman",
        ),
        summary="{tempat} di {kota}, {provinsi}, makin ramai dikunjungi. Dikelola warga desa, "
        "tiket masuknya hanya Rp{tiket} per orang.",
        label="{tempat}",
        caption="Pengunjung menikmati pemandangan di {tempat}, {kota}, {waktu}.",
        body=(
            "{tempat} di {kota}, {provinsi}, kian ramai dikunjungi wisatawan dalam beberapa "
            "bulan terakhir. {pemandangan} membuat lokasi ini menjadi buruan pengunjung yang "
            "ingin melepas penat di akhir pekan.",
            "Pengelola wisata setempat, {pejabat}, mengatakan jumlah pengunjung bisa mencapai "
            '{pengunjung} orang pada hari libur. "Kebanyakan datang dari kota-kota sekitar, '
            'tapi sekarang mulai banyak juga wisatawan dari luar pulau," ujarnya, {waktu}.',
            "## Dikelola Warga Desa",
            "Kawasan wisata ini dikelola badan usaha milik desa bersama kelompok sadar wisata. "
            "Warga setempat membuka warung, jasa parkir, hingga penyewaan perlengkapan, "
            "sehingga pendapatan desa ikut meningkat.",
            "Harga tiket masuknya terjangkau, yakni Rp{tiket} per orang. Pengelola juga "
            "menyediakan area berkemah bagi pengunjung yang ingin bermalam.",
            "## Tips Berkunjung",
            "Bagi yang berencana datang, pengelola menyarankan berangkat pagi hari untuk "
            "menghindari kepadatan dan mendapatkan cahaya terbaik untuk berfoto. Pengunjung "
            "juga diminta mengenakan alas kaki yang nyaman karena sebagian jalur berupa tanah "
            "dan bebatuan.",
            'Yang tak kalah penting, bawa pulang kembali sampah Anda. "Kami ingin tempat ini '
            'tetap bersih dan lestari, supaya anak cucu kami juga bisa menikmatinya," kata '
            "{pejabat_pendek}.",
        ),
        quote=(
            "Alam ini titipan. Kalau kami rusak, wisatawan tidak akan datang lagi.",
            "{pejabat}, pengelola {tempat}",
        ),
        tags=("Wisata Alam", "Pariwisata", "Desa Wisata", "Liburan"),
        choices={
            "tujuan_wisata": (
                {
                    "tempat": "Bukit Sewu Kabut",
                    "kota": "Wonosobo",
                    "provinsi": "Jawa Tengah",
                    "pemandangan": "Hamparan kebun teh yang diselimuti kabut setiap pagi",
                },
                {
                    "tempat": "Pantai Watu Lawang",
                    "kota": "Gunungkidul",
                    "provinsi": "DIY",
                    "pemandangan": "Tebing karang dan pasir putih yang masih bersih",
                },
                {
                    "tempat": "Air Terjun Sigura Tujuh",
                    "kota": "Toba",
                    "provinsi": "Sumatera Utara",
                    "pemandangan": "Tujuh undakan air terjun di tengah hutan pinus",
                },
                {
                    "tempat": "Danau Biru Tanjung Sari",
                    "kota": "Berau",
                    "provinsi": "Kalimantan Timur",
                    "pemandangan": "Air danau berwarna biru toska yang jernih hingga ke dasar",
                },
                {
                    "tempat": "Pulau Ketapang Kecil",
                    "kota": "Maluku Tengah",
                    "provinsi": "Maluku",
                    "pemandangan": "Terumbu karang yang bisa dinikmati hanya dengan snorkeling",
                },
            ),
            "pengunjung": ("1.500", "2.000", "3.500"),
            "tiket": ("10.000", "15.000", "20.000"),
        },
        photo=(
            "Jalur Setapak",
            "Wisatawan menyusuri jalur setapak menuju {tempat}.",
        ),
    ),
    Story(
        key="bersepeda",
        section="gaya-hidup",
        headlines=(
            "Tren Bersepeda ke Kantor Kembali Menggeliat di {kota}",
            "Komunitas Pesepeda Pekerja {kota} Ajak Warga Tinggalkan Kendaraan Bermotor",
            "Jalur Sepeda Bertambah, Pekerja di {kota} Makin Rajin Gowes ke Kantor",
        ),
        summary="Anggota komunitas pesepeda pekerja di {kota} kini mencapai {anggota} orang. "
        "Mereka berharap kantor menyediakan parkir sepeda dan ruang ganti.",
        label="Gowes ke Kantor",
        caption="Pekerja bersepeda di jalur sepeda di pusat {kota}, {waktu}.",
        body=(
            "Kebiasaan bersepeda ke tempat kerja kembali menggeliat di {kota}. Setiap pagi, "
            "puluhan pesepeda berpakaian kantor tampak melintas di jalur sepeda yang "
            "membentang di sepanjang jalan protokol.",
            "Ketua komunitas pesepeda pekerja {kota}, {pejabat}, mengatakan anggota "
            "komunitasnya kini mencapai {anggota} orang, naik hampir dua kali lipat dibanding "
            'dua tahun lalu. "Alasannya macam-macam. Ada yang ingin sehat, ada yang ingin '
            'hemat ongkos, ada juga yang memang malas terjebak macet," ujarnya, {waktu}.',
            "## Lebih Sehat dan Hemat",
            "{warga}, karyawan swasta yang menempuh jarak sekitar {jarak} kilometer setiap "
            'hari, mengaku merasakan perubahan sejak rutin bersepeda. "Badan lebih bugar, '
            'tidur lebih nyenyak, dan pengeluaran untuk bensin jauh berkurang," katanya.',
            "Dokter spesialis kedokteran olahraga, dr. {dokter}, Sp.KO, menyebut bersepeda "
            "dengan intensitas sedang selama 30 menit per hari sudah cukup untuk menjaga "
            "kesehatan jantung. Namun, ia mengingatkan pemula agar memulai dengan jarak pendek "
            "dan tidak memaksakan diri.",
            "## Butuh Fasilitas Pendukung",
            "Meski minat meningkat, para pesepeda berharap fasilitas pendukung ikut ditambah. "
            "Tidak semua kantor menyediakan tempat parkir sepeda yang aman dan kamar mandi "
            "untuk berganti pakaian.",
            "Dinas Perhubungan {kota} menyatakan tengah menyiapkan jalur sepeda terproteksi "
            "baru sepanjang {jalur} kilometer tahun depan, lengkap dengan rambu dan marka yang "
            "lebih jelas.",
        ),
        quote=(
            "Mulai saja dari seminggu sekali. Lama-lama tubuh akan minta sendiri.",
            "{pejabat}, ketua komunitas pesepeda pekerja {kota}",
        ),
        tags=("Bersepeda", "Gaya Hidup Sehat", "Transportasi"),
        choices={
            "anggota": ("850", "1.200", "1.640", "2.300"),
            "jarak": ("8", "12", "15"),
            "jalur": ("6", "9", "14"),
        },
        city_tag=True,
    ),
)
