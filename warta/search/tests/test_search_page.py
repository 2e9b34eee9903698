"""The /cari/ page: results, order, filters, marking, pages, bad input, query count."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from warta.testing.factories import make_section

pytestmark = pytest.mark.django_db

URL = reverse("search:results")
# 5 of them the search's own: kanal list, count, page, kanal of each, snippet texts
SEARCH_PAGE_QUERIES = 12


def _html(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def _result_titles(html: str) -> list[str]:
    """The headlines of the results, in page order, without their marks."""
    found = re.findall(r'<h2 class="card-title"><a href="[^"]*">(.*?)</a></h2>', html)
    return [re.sub(r"</?mark>", "", title) for title in found]


def test_url_is_cari():
    assert URL == "/cari/"


def test_results_page_says_what_was_searched_and_marks_matches(client, publish):
    publish(
        title="Pemerintah <i>membicarakan</i> tarif",
        summary="Tarif listrik dibicarakan lagi.",
    )
    html = _html(client, q="pembicaraan")
    assert "Hasil pencarian untuk “pembicaraan”" in html
    assert "Pemerintah &lt;i&gt;<mark>membicarakan</mark>&lt;/i&gt; tarif" in html
    assert "Tarif listrik <mark>dibicarakan</mark> lagi." in html
    assert "1 berita ditemukan" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    templates = [t.name for t in client.get(URL, {"q": "tarif"}).templates]
    assert templates[:2] == ["pages/search_page.html", "base.html"]


def test_no_results_is_said_in_indonesian(client, publish):
    publish(title="Banjir di Bekasi")
    html = _html(client, q="gempa")
    assert "Tidak ada hasil untuk “gempa”" in html


def test_empty_query_shows_the_form_without_searching(client, publish):
    publish(title="Banjir di Bekasi")
    with CaptureQueriesContext(connection) as queries:
        html = _html(client, q="")
    assert 'role="search"' in html and "Cari berita" in html
    assert "Tidak ada hasil" not in html
    assert not any("search_searchdocument" in q["sql"] for q in queries.captured_queries)
    assert "Cari berita" in _html(client)


def test_headline_match_ranks_above_newer_body_match(client, publish):
    now = datetime.now(UTC)
    publish(title="Kabar kota", paragraphs=("Banjir melanda pasar.",), published_at=now)
    publish(title="Banjir di Bekasi", published_at=now - timedelta(days=30))
    publish(title="Banjir di Depok", published_at=now - timedelta(days=2))
    publish(title="Cuaca", paragraphs=("Jalan kebanjiran.",), published_at=now - timedelta(days=1))
    publish(title="Hujan", paragraphs=("Tidak ada apa-apa.",), published_at=now)
    # headline matches first, newer first among them; then body matches, newer first
    assert _result_titles(_html(client, q="banjir")) == [
        "Banjir di Depok",
        "Banjir di Bekasi",
        "Kabar kota",
        "Cuaca",
    ]


def test_kanal_filter_includes_sub_kanal(client, publish):
    ekonomi = make_section("Ekonomi", slug="ekonomi")
    bisnis = make_section("Bisnis", parent=ekonomi, slug="bisnis")
    olahraga = make_section("Olahraga", slug="olahraga")
    publish(title="Harga beras naik", section=ekonomi)
    publish(title="Harga saham naik", section=bisnis)
    publish(title="Harga tiket final naik", section=olahraga)
    html = _html(client, q="harga", kanal="ekonomi")
    assert "beras" in html and "saham" in html and "tiket" not in html
    assert "di kanal Ekonomi" in html
    html = _html(client, q="harga", kanal="bisnis")
    assert "saham" in html and "beras" not in html
    assert '<option value="ekonomi" selected>' in _html(client, q="harga", kanal="ekonomi")


def test_date_range_is_in_the_site_zone_and_inclusive(client, publish):
    # 5 March 2024, 00:30 WIB is still 4 March in UTC.
    publish(title="Gempa pagi", published_at=datetime(2024, 3, 4, 17, 30, tzinfo=UTC))
    publish(title="Gempa malam", published_at=datetime(2024, 3, 6, 16, 30, tzinfo=UTC))  # 23:30
    publish(title="Gempa lusa", published_at=datetime(2024, 3, 7, 1, 0, tzinfo=UTC))
    html = _html(client, q="gempa", dari="2024-03-05", sampai="2024-03-06")
    assert "pagi" in html and "malam" in html and "lusa" not in html
    html = _html(client, q="gempa", dari="2024-03-07")
    assert "lusa" in html and "pagi" not in html
    html = _html(client, q="gempa", sampai="2024-03-04")
    assert "Tidak ada hasil" in html


def test_results_are_paginated_and_links_keep_the_query(client, publish):
    for n in range(12):
        publish(title=f"Banjir hari ke-{n}")
    first = _html(client, q="banjir", kanal="nasional")
    assert first.count('class="card card-wide"') == 10
    assert "Halaman 1 dari 2" in first
    assert 'href="?q=banjir&amp;kanal=nasional&amp;page=2"' in first
    second = _html(client, q="banjir", kanal="nasional", page="2")
    assert second.count('class="card card-wide"') == 2
    assert 'href="?q=banjir&amp;kanal=nasional"' in second


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "banjir " * 5000}, 200),
        ({"q": "x" * 100_000}, 200),
        ({"q": "!!! ??? ... ---"}, 200),
        ({"q": "\"'&|!:*()<>"}, 200),
        ({"q": "banjir & !(kota) | hujan:* <-> NEAR(a b) AND OR NOT"}, 200),
        ({"q": 'banjir" OR 1=1 --'}, 200),
        ({"q": "banjir\x00kota"}, 400),
        ({"q": "½ ² ℃ 🙂 中文 ـ café"}, 200),
        ({"q": "banjir", "page": "abc"}, 404),
        ({"q": "banjir", "page": "99"}, 404),
        ({"q": "banjir", "page": "0"}, 404),
        ({"q": "banjir", "page": "9" * 400}, 404),
        ({"q": "banjir", "dari": "2024-13-40"}, 400),
        ({"q": "banjir", "sampai": "kemarin"}, 400),
        ({"q": "banjir", "dari": "9" * 400}, 400),
        ({"q": "banjir", "dari": "2024-03-06", "sampai": "2024-03-05"}, 400),
        ({"q": "banjir", "dari": "0001-01-01", "sampai": "9999-12-31"}, 200),
        ({"q": "banjir", "kanal": "tidak-ada"}, 404),
        ({"q": "banjir", "kanal": "<script>"}, 404),
    ],
)
def test_bad_input_is_never_a_server_error(client, publish, params, status):
    publish(title="Banjir di kota")
    response = client.get(URL, params)
    assert response.status_code == status
    if status == 400:  # the form again, saying what is wrong
        html = response.content.decode()
        assert 'role="search"' in html and 'class="form-errors"' in html


def test_long_query_is_cut_and_still_searches(client, publish):
    publish(title="Banjir di kota")
    html = _html(client, q="banjir " + "kota " * 2000)
    assert "<mark>Banjir</mark> di <mark>kota</mark>" in html


def test_punctuation_only_asks_for_words(client):
    assert "Masukkan kata yang dicari" in _html(client, q="?!*")


def _count(client, params) -> int:
    client.get(URL, params)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("articles", [3, 14])
def test_query_count_is_fixed_whatever_the_number_of_results(client, publish, articles):
    ekonomi = make_section("Ekonomi", slug="ekonomi")
    for n in range(articles):
        publish(
            title=f"Banjir nomor {n}",
            section=ekonomi if n % 2 else None,
            tags=["banjir", f"t{n}"],
        )
    assert _count(client, {"q": "banjir"}) == SEARCH_PAGE_QUERIES
    assert _count(client, {"q": "banjir", "kanal": "ekonomi", "dari": "2020-01-01"}) == (
        SEARCH_PAGE_QUERIES
    )


def test_every_page_has_a_search_form_in_its_header(client):
    """A plain GET form to /cari/ with a label and a button: works without JavaScript."""
    html = client.get("/indeks/").content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    form = header[header.index('<form class="site-search"') : header.index("</form>")]
    assert f'action="{URL}"' in form and 'method="get"' in form and 'role="search"' in form
    assert '<label for="cari-q">Cari</label>' in form
    assert 'id="cari-q"' in form and 'name="q"' in form
    assert '<button type="submit">Cari</button>' in form
