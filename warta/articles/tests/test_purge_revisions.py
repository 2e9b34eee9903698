"""``warta purge-revisions --keep N``: old revisions go, the ones still in use stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from warta.articles.revisions import purge_revisions
from warta.testing.factories import make_article
from warta.users.tests.conftest import make_user

pytestmark = pytest.mark.django_db


def _saves(article, n: int) -> list[Revision]:
    made = []
    for i in range(n):
        article.title = f"{article.title.split(' #')[0]} #{i}"
        made.append(article.save_revision())
    return made


def _ids(article) -> set[int]:
    return set(article.revisions.values_list("pk", flat=True))


def test_keeps_the_newest_n_and_the_live_revision():
    article = make_article()
    live = article.live_revision_id
    drafts = _saves(article, 5)
    other = make_article()
    _saves(other, 1)
    result = purge_revisions(2)
    assert _ids(article) == {live, drafts[-2].pk, drafts[-1].pk}
    assert result.deleted == 3
    assert len(_ids(other)) == 2  # had two, keeps two
    article.refresh_from_db()
    assert article.live_revision_id == live
    assert article.latest_revision_id == drafts[-1].pk
    assert article.get_latest_revision_as_object().title.endswith("#4")


def test_never_deletes_a_scheduled_revision():
    article = make_article()
    go_live = timezone.now() + timedelta(days=1)
    article.go_live_at = go_live
    scheduled = article.save_revision(approved_go_live_at=go_live)
    newer = _saves(article, 3)
    purge_revisions(1)
    assert scheduled.pk in _ids(article)
    assert newer[0].pk not in _ids(article)
    assert Revision.objects.get(pk=scheduled.pk).approved_go_live_at == go_live


def test_never_deletes_a_revision_in_review():
    writer = make_user("penulis_uji", "Penulis")
    article = make_article(publish=False, live=False, owner=writer)
    submitted = article.save_revision(user=writer)
    state = article.get_workflow().start(article, writer)
    assert state.current_task_state.revision_id == submitted.pk
    newer = _saves(article, 3)
    purge_revisions(1)
    assert submitted.pk in _ids(article)
    assert newer[0].pk not in _ids(article)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision_id == submitted.pk

    state.cancel(user=writer)  # the review is over: its revision is an old one like any other
    purge_revisions(1)
    assert submitted.pk not in _ids(article)


def test_dry_run_deletes_nothing():
    article = make_article()
    _saves(article, 4)
    result = purge_revisions(1, dry_run=True)
    assert result.deleted == 3
    assert len(_ids(article)) == 5


def test_the_command(capsys):
    article = make_article()
    _saves(article, 4)
    call_command("purge_revisions", "--keep", "2")
    assert "Dihapus: 2 revisi" in capsys.readouterr().out
    assert len(_ids(article)) == 3  # two newest and the live one
    with pytest.raises(CommandError, match="paling sedikit 1"):
        call_command("purge_revisions", "--keep", "0")
    assert len(_ids(article)) == 3
