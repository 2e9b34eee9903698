"""The review workflow "Tinjauan redaksi": a writer submits, the kanal's editor decides.

Everything goes through the admin's own URLs: the writer's Submit button, the
editor's Approve / Request changes actions, the dashboard and the reports.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, Workflow, WorkflowState

from warta.users.roles import REVIEW_TASK, REVIEW_WORKFLOW
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import article_form, client_for, draft, make_user

pytestmark = pytest.mark.django_db


def submit(client, article):
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", article_form(article, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    return WorkflowState.objects.for_instance(article).get(status="in_progress")


def act(client, article, state, action, comment=""):
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state.pk}/"
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302
    state.refresh_from_db()
    article.refresh_from_db()


def log_actions(article) -> list[tuple[str, str]]:
    entries = PageLogEntry.objects.filter(page=article).order_by("timestamp", "pk")
    return [(entry.action, entry.user.username if entry.user else "") for entry in entries]


def test_every_article_is_under_the_review_workflow(newsroom):
    article = draft(newsroom.olahraga, newsroom.penulis)
    workflow = article.get_workflow()
    assert workflow.name == REVIEW_WORKFLOW
    assert [task.name for task in workflow.tasks] == [REVIEW_TASK]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_submit_then_approve_publishes_and_is_logged(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis, title="Banjir di pesisir utara")
    writer, editor = client_for(newsroom.penulis), client_for(newsroom.editor)

    state = submit(writer, article)
    act(editor, article, state, "approve")

    assert state.status == WorkflowState.STATUS_APPROVED
    assert article.live
    assert article.published_at is not None
    actions = log_actions(article)
    assert ("wagtail.workflow.start", "penulis") in actions
    assert ("wagtail.workflow.approve", "editor") in actions
    assert ("wagtail.publish", "editor") in actions
    start = actions.index(("wagtail.workflow.start", "penulis"))
    assert start < actions.index(("wagtail.workflow.approve", "editor"))


def test_editor_schedules_while_approving(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis)
    state = submit(client_for(newsroom.penulis), article)
    go_live = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    form = article_form(
        article,
        go_live_at=go_live,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )

    editor = client_for(newsroom.editor)
    response = editor.post(f"/admin/pages/{article.pk}/edit/", form)

    assert response.status_code == 302
    article.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert not article.live
    assert article.scheduled_revision is not None
    assert ("wagtail.publish.schedule", "editor") in log_actions(article)
    # The message says it is scheduled, and when (not only "telah diperbarui").
    page = editor.get(response["Location"]).content.decode()
    when = go_live.replace("-", "/").split(" ")
    when = f"{'/'.join(reversed(when[0].split('/')))} {when[1]}"
    assert f"“{article.title}” disetujui dan dijadwalkan tayang {when}" in page
    assert "telah diperbarui" not in page


def test_request_changes_reaches_the_writer_with_the_comment(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis, title="Harga beras naik")
    writer, editor = client_for(newsroom.penulis), client_for(newsroom.editor)
    comment = "Tambahkan tanggapan dari Bulog dan sumber data harga."

    state = submit(writer, article)
    act(editor, article, state, "reject", comment)

    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not article.live
    # The writer sees it on the edit page, at the top and in the workflow status...
    page = writer.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Sari Editor meminta perubahan:" in page
    assert comment in page
    # ...and in the page history.
    history = writer.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert comment in history
    entry = PageLogEntry.objects.get(page=article, action="wagtail.workflow.reject")
    assert entry.user == newsroom.editor
    assert entry.data["comment"] == comment


def test_writer_fixes_and_resubmits_then_editor_approves(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis)
    writer, editor = client_for(newsroom.penulis), client_for(newsroom.editor)
    state = submit(writer, article)
    act(editor, article, state, "reject", "Judulnya terlalu panjang.")

    # Back with the writer: the lock is gone, they edit and submit again.
    response = writer.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(article, title="Judul lebih pendek", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    act(editor, article, state, "approve")

    assert article.live and article.title == "Judul lebih pendek"
    actions = [action for action, _ in log_actions(article)]
    assert actions.index("wagtail.workflow.reject") < actions.index("wagtail.workflow.resume")
    assert actions.index("wagtail.workflow.resume") < actions.index("wagtail.workflow.approve")


def test_writer_cannot_change_an_article_while_it_is_in_review(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis, title="Judul yang diajukan")
    writer = client_for(newsroom.penulis)
    submit(writer, article)

    writer.post(f"/admin/pages/{article.pk}/edit/", article_form(article, title="Diam-diam"))

    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "Judul yang diajukan"


def test_review_queue_holds_only_the_editors_kanal(newsroom):
    sport_editor = make_user("editor_olahraga", first_name="Raka")
    set_editor_sections(sport_editor, [newsroom.olahraga])
    writer = client_for(newsroom.penulis)
    national = draft(newsroom.nasional, newsroom.penulis, title="Sidang kabinet paripurna")
    sport = draft(newsroom.olahraga, newsroom.penulis, title="Final liga voli putri")
    submit(writer, national)
    submit(writer, sport)

    for user, mine, theirs in (
        (newsroom.editor, national.title, sport.title),
        (sport_editor, sport.title, national.title),
    ):
        client = client_for(user)
        dashboard = client.get("/admin/").content.decode()
        assert mine in dashboard and theirs not in dashboard, user
        report = client.get("/admin/reports/workflow_tasks/?reviewable=true").content.decode()
        assert mine in report and theirs not in report, user

    redaktur_dashboard = client_for(newsroom.redaktur).get("/admin/").content.decode()
    assert national.title in redaktur_dashboard and sport.title in redaktur_dashboard


def test_writer_sees_no_review_actions(newsroom):
    article = draft(newsroom.nasional, newsroom.penulis_lain)
    state = submit(client_for(newsroom.penulis_lain), article)
    task = state.current_task_state.task.specific

    assert task.get_actions(article, newsroom.penulis) == []
    assert task.get_actions(article, newsroom.penulis_lain) == []
    assert [name for name, *_ in task.get_actions(article, newsroom.editor)] == [
        "reject",
        "approve",
        "approve",
    ]
