"""The index follows publication: published and re-published articles are found at
once, unpublished and deleted ones leave at once, and the rebuild command."""

import pytest
from django.core.management import call_command, get_commands
from django.db import connection

from warta.articles.services import publish_article
from warta.cli import main as cli
from warta.search.indonesian import SearchTerms
from warta.search.models import SearchDocument
from warta.search.queries import search_articles
from warta.search.services import index_article
from warta.testing.factories import make_article

pytestmark = pytest.mark.django_db


def _found(query: str) -> list[str]:
    return [a.title for a in search_articles(SearchTerms.parse(query))]


def test_publishing_indexes_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = make_article(title="Gempa mengguncang Cianjur")
    assert not SearchDocument.objects.filter(article=article).exists()
    for callback in callbacks:
        callback()
    assert _found("gempa") == ["Gempa mengguncang Cianjur"]


def test_a_draft_is_not_searchable(publish):
    publish(title="Rancangan berita gempa", publish=False)
    assert _found("gempa") == []


def test_republishing_an_edit_updates_the_index(publish, django_capture_on_commit_callbacks):
    article = publish(title="Banjir di Bekasi")
    article.title = "Longsor di Bogor"
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)
    assert _found("longsor") == ["Longsor di Bogor"]
    assert _found("banjir") == []


def test_unpublishing_removes_at_once(publish):
    article = publish(title="Banjir di Bekasi")
    article.unpublish()  # no commit callback needed
    assert not SearchDocument.objects.filter(article_id=article.pk).exists()
    assert _found("banjir") == []


def test_deleting_removes_at_once(publish):
    article = publish(title="Banjir di Bekasi")
    pk = article.pk
    article.delete()
    assert not SearchDocument.objects.filter(article_id=pk).exists()


def test_deleting_a_kanal_removes_its_articles(publish):
    from warta.testing.factories import make_section

    kanal = make_section("Daerah", slug="daerah")
    publish(title="Banjir di Bekasi", section=kanal)
    kanal.delete()
    assert SearchDocument.objects.count() == 0


def test_a_late_index_call_for_a_withdrawn_article_removes_it(publish):
    article = publish(title="Banjir di Bekasi")
    article.unpublish()
    SearchDocument.objects.create(article_id=article.pk, headline_terms=" banjir ")
    assert index_article(article.pk) is False
    assert not SearchDocument.objects.filter(article_id=article.pk).exists()


def test_body_blocks_and_tags_are_searched_but_linked_articles_are_not(
    publish, django_capture_on_commit_callbacks
):
    other = publish(title="Pemilu serentak", paragraphs=("Warga memilih.",))
    article = make_article(title="Kabar", paragraphs=("Paragraf biasa.",), tags=["Lingkungan"])
    article.body.append(("heading", {"text": "Sungai tercemar"}))
    article.body.append(("quote", {"quote": "Airnya hitam", "attribution": "Nelayan"}))
    article.body.append(("read_also", {"article": other, "label": "Baca Juga"}))
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article)
    for query in ("sungai", "hitam", "nelayan", "lingkungan", "paragraf"):
        assert _found(query) == ["Kabar"], query
    assert _found("pemilu") == ["Pemilu serentak"]


def test_reindex_command_rebuilds_everything(publish, capsys):
    publish(title="Banjir di Bekasi")
    withdrawn = publish(title="Banjir di Depok")
    SearchDocument.objects.all().delete()
    withdrawn.unpublish()
    SearchDocument.objects.create(article_id=withdrawn.pk, headline_terms=" banjir ")

    call_command("reindex_articles")

    assert "1 berita" in capsys.readouterr().out
    assert list(SearchDocument.objects.values_list("article__title", flat=True)) == [
        "Banjir di Bekasi"
    ]
    assert _found("banjir") == ["Banjir di Bekasi"]


def test_warta_reindex_articles_runs_this_command(monkeypatch):
    """``warta reindex-articles`` is ``manage.py reindex_articles`` (cli/main.py)."""
    ran = []
    monkeypatch.setattr(
        "django.core.management.execute_from_command_line", lambda argv: ran.append(argv)
    )
    assert cli.main(["reindex-articles"]) == 0
    assert ran == [["warta", "reindex_articles"]]
    assert get_commands()["reindex_articles"] == "warta.search"


@pytest.mark.postgres
def test_postgres_stems_with_its_indonesian_configuration(publish):
    article = publish(title="Pembicaraan kerja sama", paragraphs=("Hal itu dibicarakan.",))
    document = SearchDocument.objects.get(article=article)
    # Stored as text by psycopg: the lexemes PostgreSQL's stemmer made.
    assert "'bicara'" in document.document_vector
    assert "'rjasama'" in document.document_vector  # the compound token
    assert "'bicara'" in document.headline_vector and "dibicarakan" not in (
        document.headline_vector
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "select indexdef from pg_indexes where tablename = 'search_searchdocument' "
            "and indexdef ilike '%%using gin%%'"
        )
        assert cursor.fetchall(), "document_vector has no GIN index"


@pytest.mark.postgres
def test_python_and_postgres_stemmers_agree():
    """Compound tokens are stemmed in Python and compared with PostgreSQL's stems."""
    from warta.search.indonesian import stem

    vocabulary = (  # noqa: SIM905
        "pembicaraan dibicarakan kerjasama bekerjasama bertanggung pertanggungjawaban "
        "kebakaran terbakar keadilan kesehatan menaikkan kedatangan rumahnya bacalah "
        "siapakah pemerintahan kementerian berpatroli diperbaiki mengungsi"
    ).split()
    with connection.cursor() as cursor:
        cursor.execute(
            "select w, (ts_lexize('indonesian_stem', w))[1] from unnest(%s::text[]) as w",
            [vocabulary],
        )
        postgres = dict(cursor.fetchall())
    assert {w: stem(w) for w in vocabulary} == postgres
