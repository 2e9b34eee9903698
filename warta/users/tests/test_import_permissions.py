"""``warta import-text --publish``: the command line obeys the same roles as the admin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from warta.articles.models import ArticlePage

pytestmark = pytest.mark.django_db

PAGE = Path(__file__).resolve().parents[2] / "importers" / "tests" / "data" / "nelayan-wita.txt"


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_text", str(PAGE), *args, stdout=out, no_color=True)
    return out.getvalue()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--publish"], "--publish memerlukan --user USERNAME"),
        (["--publish", "--user", "siapa"], "Pengguna 'siapa' tidak ditemukan"),
        (
            ["--publish", "--user", "penulis"],
            "'penulis' tidak berhak menerbitkan di kanal Nasional",
        ),
        (
            ["--publish", "--user", "editor", "--section", "olahraga"],
            "'editor' tidak berhak menerbitkan di kanal Olahraga",
        ),
    ],
)
def test_publish_is_refused_without_a_publisher(newsroom, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not ArticlePage.objects.exists()


def test_inactive_account_is_refused(newsroom):
    newsroom.redaktur.is_active = False
    newsroom.redaktur.save()
    with pytest.raises(CommandError, match="tidak aktif"):
        run("--publish", "--user", "redaktur")


@pytest.mark.parametrize("username, section", [("editor", "nasional"), ("redaktur", "olahraga")])
def test_publisher_publishes_and_owns_the_article(newsroom, username, section):
    output = run("--publish", "--user", username, "--section", section)

    article = ArticlePage.objects.get()
    assert article.live
    assert article.owner.username == username
    assert article.get_parent().slug == section
    assert "Diterbitkan di kanal" in output


def test_writer_imports_a_draft_of_their_own(newsroom):
    run("--user", "penulis", "--section", "olahraga")

    article = ArticlePage.objects.get()
    assert not article.live
    assert article.owner == newsroom.penulis
    assert article.permissions_for_user(newsroom.penulis).can_edit()
