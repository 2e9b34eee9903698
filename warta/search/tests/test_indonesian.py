"""Words, stems, compounds and query reading (indonesian.py), and marking (highlight.py):
pure functions, no database."""

from warta.search.highlight import highlight, snippet
from warta.search.indonesian import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    DocumentTerms,
    SearchTerms,
    stem,
    words,
)


def test_affixes_and_particles_come_off():
    assert {stem(w) for w in ("pembicaraan", "dibicarakan", "bicara")} == {"bicara"}
    assert stem("rumahnya") == "rumah"
    assert stem("bacalah") == "baca"
    assert stem("siapakah") == "siapa"


def test_words_know_which_neighbours_form_a_compound():
    found = words("Kerja sama, kerja-sama. Tanggung\njawab")
    assert [w.text for w in found] == ["kerja", "sama", "kerja", "sama", "tanggung", "jawab"]
    assert [w.joins_next for w in found] == [True, False, True, False, False, False]
    assert found[0].start == 0 and found[0].end == 5


def test_adjacent_words_are_also_indexed_joined():
    terms = DocumentTerms.of("Petani bekerja sama pada tahun 2024").terms.split()
    assert {"kerja", "sama", "kerjasama", "rjasama"} <= set(terms)
    assert not any("2024" in t and t != "2024" for t in terms)


def test_no_compound_across_sentences_or_fields():
    terms = set(DocumentTerms.of("Mereka bekerja.", "Sama saja").terms.split())
    assert "kerjasama" not in terms and "rjasama" not in terms


def test_terms_are_unique_and_space_delimited():
    terms = DocumentTerms.of("banjir banjir Banjir").terms
    assert terms == " banjir "
    assert DocumentTerms.of("").terms == ""


def test_query_keeps_only_words():
    terms = SearchTerms.parse('"kerja" & (sama) | !energi:* <-> NEAR/2')
    assert [w.text for w in terms.words] == ["kerja", "sama", "energi", "near", "2"]


def test_query_of_punctuation_only_is_empty():
    assert not SearchTerms.parse("\"'&|!:*()<>-")
    assert not SearchTerms.parse("   ")


def test_query_is_bounded_in_length_and_words():
    long = SearchTerms.parse("banjir " * 1000)
    assert len(long.text) <= MAX_QUERY_CHARS
    assert [w.text for w in long.words] == ["banjir"]
    many = SearchTerms.parse(" ".join(f"kata{n}" for n in range(50)))
    assert len(many.words) == MAX_QUERY_WORDS


def test_function_words_are_dropped_unless_alone():
    assert [w.text for w in SearchTerms.parse("banjir di Bekasi").words] == ["banjir", "bekasi"]
    assert [w.text for w in SearchTerms.parse("di").words] == ["di"]


def test_query_word_pairs_carry_their_joined_form():
    kerja, sama = SearchTerms.parse("kerja sama").words
    assert "rjasama" in kerja.joined and "rjasama" in sama.joined
    (single,) = SearchTerms.parse("bekerjasama").words
    assert single.forms == ("kerjasama", "bekerjasama", "rjasama")


def test_highlight_escapes_and_marks_stems_and_compounds():
    html = highlight("<b>Petani</b> bekerja sama & dibicarakan", SearchTerms.parse("kerjasama"))
    assert html == "&lt;b&gt;Petani&lt;/b&gt; <mark>bekerja sama</mark> &amp; dibicarakan"
    html = highlight("Pembicaraan soal kerjasama", SearchTerms.parse("bicara kerja sama"))
    assert html == "<mark>Pembicaraan</mark> soal <mark>kerjasama</mark>"


def test_snippet_is_a_window_around_the_first_match():
    text = " ".join(f"kata{n}" for n in range(100)) + " banjir " + "akhir " * 100
    html = snippet(text, SearchTerms.parse("banjir"))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>banjir</mark>" in html
    assert len(html.split()) < 40


def test_snippet_without_a_match_is_the_start():
    assert snippet("Hujan deras. Angin kencang.", SearchTerms.parse("banjir")) == (
        "Hujan deras. Angin kencang."
    )
    assert snippet("", SearchTerms.parse("banjir")) == ""
