"""What aggregators read from an article page: trafilatura and htmldate, the tools
many news aggregators and archives use, run on the page as a reader gets it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import htmldate
import pytest
import trafilatura
from django.core.cache import cache

from warta.advertising.models import AdSlot
from warta.images.services import prepare_renditions
from warta.notices.models import Notice
from warta.testing.factories import make_article, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

# 20:15 UTC is already the next day in Jakarta: the date read must be the local one.
PUBLISHED = datetime(2026, 3, 4, 20, 15, tzinfo=UTC)
PARAGRAPHS = (
    "Pemerintah pusat mengumumkan program perbaikan jalan desa di tujuh provinsi "
    "yang akan dimulai bulan depan dengan anggaran dari dana alokasi khusus.",
    "Menteri Pekerjaan Umum menyebut ruas yang rusak berat akan didahulukan, terutama "
    "jalan yang menghubungkan sentra pertanian dengan pasar kecamatan.",
    "Sejumlah kepala desa menyambut rencana itu, tetapi meminta pengawasan yang ketat "
    "agar mutu aspal sesuai dengan spesifikasi kontrak.",
    "Lembaga pemantau anggaran mengingatkan bahwa proyek serupa pada tahun lalu "
    "tertunda karena lelang yang berlarut-larut di beberapa kabupaten.",
    "Pemerintah berjanji menerbitkan daftar ruas jalan beserta nilai kontraknya di "
    "situs resmi kementerian sebelum pekerjaan dimulai.",
)
HEADINGS = ("Prioritas ruas rusak berat", "Pengawasan oleh warga")
NOTICE = "Layanan pelanggan libur pada hari raya Nyepi"
AD_LABEL = "Iklan"


@pytest.fixture(autouse=True)
def _empty_rendition_cache():
    """Image ids come round again after a rollback: no rendition cached by another
    test may stand in for this test's, nor this test's for a later one's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_html(client):
    Notice.objects.create(text=NOTICE)
    for position in ("header_top", "sidebar"):
        AdSlot.objects.create(name=position, position=position, size="300x250", label=AD_LABEL)
    kanal = make_section("Nasional")
    make_section("Ekonomi")
    writer = make_person("Ani Wulandari")
    image = make_image(width=2000, height=1500, caption="Jalan desa yang rusak")
    prepare_renditions(image.pk)
    make_article(title="Kabar lain yang terkait", section=kanal, tags=["jalan"])
    article = make_article(
        title="Pemerintah perbaiki jalan desa di tujuh provinsi",
        section=kanal,
        authors=[writer],
        paragraphs=PARAGRAPHS,
        headings=HEADINGS,
        tags=["jalan", "infrastruktur"],
        lead_image=image,
        published_at=PUBLISHED,
        summary="Program perbaikan jalan desa dimulai bulan depan.",
    )
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    # The chrome whose text must stay out of the extraction really is on the page.
    for chrome in (NOTICE, AD_LABEL, "Kabar lain yang terkait", "Indeks Berita", "Ekonomi"):
        assert chrome in html, chrome
    return html


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_trafilatura_reads_title_author_date_and_body(page_html):
    document = trafilatura.bare_extraction(page_html, with_metadata=True, url=None)
    assert document.title == "Pemerintah perbaiki jalan desa di tujuh provinsi"
    assert document.author == "Ani Wulandari"
    assert document.date == "2026-03-05"
    extracted = _words(document.text)
    body = _words(" ".join(PARAGRAPHS + HEADINGS))
    found = sum(1 for word in body if word in set(extracted))
    assert found / len(body) >= 0.95, document.text
    text = document.text
    assert NOTICE not in text
    assert not re.search(rf"\b{AD_LABEL}\b", text), text
    for chrome in ("Kabar lain yang terkait", "Indeks Berita", "Beranda", "Ekonomi"):
        assert chrome not in text, chrome


def test_extracted_body_follows_the_article_order(page_html):
    text = trafilatura.extract(page_html)
    positions = [text.find(paragraph[:40]) for paragraph in PARAGRAPHS]
    assert -1 not in positions and positions == sorted(positions), text


def test_htmldate_reads_the_local_publication_day(page_html):
    assert htmldate.find_date(page_html, original_date=True) == "2026-03-05"
    assert htmldate.find_date(page_html, original_date=True, extensive_search=False) == (
        "2026-03-05"
    )
