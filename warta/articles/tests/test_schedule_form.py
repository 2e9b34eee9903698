"""A schedule in the past is refused in the admin with a clear message, and nothing changes."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Revision

from warta.articles.admin_forms import EXPIRE_BEFORE_GO_LIVE, EXPIRE_PAST, GO_LIVE_PAST
from warta.articles.models import ArticlePage
from warta.testing.factories import make_section
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import article_form, client_for, draft, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    """An Editor (the role, not a superuser) of the Nasional kanal, and a draft there."""
    nasional = make_section("Nasional", slug="nasional")
    editor = make_user("editor", first_name="Sari", last_name="Editor")
    set_editor_sections(editor, [nasional])
    article = draft(nasional, make_user("penulis"), title="Banjir rob di pesisir utara")
    return client_for(editor), article


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _nothing_changed(article, revisions_before: int) -> None:
    article.refresh_from_db()
    assert not article.live and article.first_published_at is None
    assert article.go_live_at is None and article.expire_at is None
    assert article.revisions.count() == revisions_before
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def _post(client, article, **fields):
    form = article_form(article, **fields)
    return client.post(f"/admin/pages/{article.pk}/edit/", form)


def test_publishing_with_a_go_live_time_in_the_past_is_refused(desk):
    client, article = desk
    before = article.revisions.count()
    past = timezone.now() - timedelta(hours=2)

    response = _post(client, article, go_live_at=_local(past), **{"action-publish": "1"})

    assert response.status_code == 200
    assert GO_LIVE_PAST in response.content.decode()
    _nothing_changed(article, before)


def test_saving_a_draft_with_a_go_live_time_in_the_past_is_refused(desk):
    client, article = desk
    before = article.revisions.count()
    past = timezone.now() - timedelta(days=1)

    response = _post(client, article, go_live_at=_local(past))

    assert response.status_code == 200
    assert GO_LIVE_PAST in response.content.decode()
    _nothing_changed(article, before)


def test_an_expiry_before_go_live_is_refused(desk):
    client, article = desk
    before = article.revisions.count()
    go_live = timezone.now() + timedelta(days=2)

    response = _post(
        client,
        article,
        go_live_at=_local(go_live),
        expire_at=_local(go_live - timedelta(days=1)),
        **{"action-publish": "1"},
    )

    assert response.status_code == 200
    assert EXPIRE_BEFORE_GO_LIVE in response.content.decode()
    _nothing_changed(article, before)


def test_an_expiry_in_the_past_is_refused_in_indonesian(desk):
    client, article = desk
    before = article.revisions.count()

    response = _post(
        client,
        article,
        expire_at=_local(timezone.now() - timedelta(hours=1)),
        **{"action-publish": "1"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert EXPIRE_PAST in html and "Expiry date/time must be in the future" not in html
    _nothing_changed(article, before)


def test_a_future_schedule_is_still_accepted(desk):
    client, article = desk
    go_live = timezone.now() + timedelta(days=1)

    response = _post(client, article, go_live_at=_local(go_live), **{"action-publish": "1"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert Revision.objects.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    ).exists()


def test_a_stored_past_go_live_time_does_not_block_later_edits(desk):
    """An article the scheduler published keeps its (now past) go-live time."""
    client, article = desk
    past = timezone.now() - timedelta(days=3)  # with seconds; the form shows minutes
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=past)
    article.refresh_from_db()
    article.save_revision()

    response = _post(client, article, go_live_at=_local(past), title="Banjir rob surut")

    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "Banjir rob surut"
