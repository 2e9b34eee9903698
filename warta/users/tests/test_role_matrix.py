"""Every role against every newsroom action, through the admin's own HTTP endpoints.

Each action is done the way a browser does it (the same URLs and form posts) and
the test checks what happened in the database, not which buttons were shown: an
allowed action must have its effect, a refused one must leave no trace and must
not be a server error. The editor is an editor of Nasional only, so every page
action runs once inside their kanal and once outside (Olahraga).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site, WorkflowState

from warta.advertising.models import AdSlot
from warta.articles.models import ArticlePage
from warta.masthead.models import SiteSettings
from warta.notices.models import Notice
from warta.people.models import Person
from warta.sections.models import SectionPage
from warta.users.queries import editor_sections
from warta.users.tests.conftest import article_form, client_for, draft, live

pytestmark = pytest.mark.django_db

Y, N = True, False
ROLES = ("penulis", "editor", "redaktur")
PLACES = ("nasional", "olahraga")  # the editor holds Nasional, not Olahraga


class Attempt:
    """One actor's session: posts, and remembers every status code it got."""

    def __init__(self, room, role: str, place: str | None):
        self.room = room
        self.user = room.user(role)
        self.section = room.section(place) if place else None
        self.client = client_for(self.user)
        self.statuses: list[int] = []

    def post(self, url, data=None):
        response = self.client.post(url, data or {})
        self.statuses.append(response.status_code)
        return response


# Page actions ---------------------------------------------------------------------


def create_draft(a: Attempt) -> bool:
    a.post(f"/admin/pages/add/articles/articlepage/{a.section.pk}/", article_form(slug="matriks"))
    return ArticlePage.objects.filter(slug="matriks").exists()


def _edit(a: Attempt, article) -> bool:
    a.post(f"/admin/pages/{article.pk}/edit/", article_form(article, title="Judul disunting"))
    article.refresh_from_db()
    return article.get_latest_revision_as_object().title == "Judul disunting"


def edit_own_draft(a: Attempt) -> bool:
    return _edit(a, draft(a.section, a.user))


def edit_others_draft(a: Attempt) -> bool:
    return _edit(a, draft(a.section, a.room.penulis_lain))


def submit_for_review(a: Attempt) -> bool:
    article = draft(a.section, a.user)
    a.post(f"/admin/pages/{article.pk}/edit/", article_form(article, **{"action-submit": "1"}))
    return WorkflowState.objects.for_instance(article).filter(status="in_progress").exists()


def publish(a: Attempt) -> bool:
    article = draft(a.section, a.user)
    a.post(f"/admin/pages/{article.pk}/edit/", article_form(article, **{"action-publish": "1"}))
    article.refresh_from_db()
    return article.live


def schedule(a: Attempt) -> bool:
    article = draft(a.section, a.user)
    go_live = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    form = article_form(article, go_live_at=go_live, **{"action-publish": "1"})
    a.post(f"/admin/pages/{article.pk}/edit/", form)
    article.refresh_from_db()
    return not article.live and article.scheduled_revision is not None


def unpublish(a: Attempt) -> bool:
    article = live(a.section, a.room.penulis_lain)
    # A live article is pulled with a takedown reason (articles/wagtail_hooks.py).
    a.post(f"/admin/pages/{article.pk}/unpublish/", {"takedown": "1", "reason": "sara"})
    article.refresh_from_db()
    return not article.live


def delete(a: Attempt) -> bool:
    article = draft(a.section, a.user)
    a.post(f"/admin/pages/{article.pk}/delete/")
    return not ArticlePage.objects.filter(pk=article.pk).exists()


def bulk_delete(a: Attempt) -> bool:
    article = draft(a.section, a.user)
    a.post(f"/admin/bulk/wagtailcore/page/delete/?id={article.pk}")
    return not ArticlePage.objects.filter(pk=article.pk).exists()


def bulk_publish(a: Attempt) -> bool:
    article = draft(a.section, a.room.penulis_lain)
    a.post(f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}")
    article.refresh_from_db()
    return article.live


def bulk_unpublish(a: Attempt) -> bool:
    article = live(a.section, a.room.penulis_lain)
    a.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={article.pk}")
    article.refresh_from_db()
    return not article.live


def _submitted(a: Attempt):
    article = draft(a.section, a.room.penulis_lain)
    state = article.get_workflow().start(article, a.room.penulis_lain)
    return article, state


def approve_review(a: Attempt) -> bool:
    article, state = _submitted(a)
    task_state = state.current_task_state
    a.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""})
    article.refresh_from_db()
    return article.live


def request_changes(a: Attempt) -> bool:
    article, state = _submitted(a)
    task_state = state.current_task_state
    a.post(
        f"/admin/pages/workflow/action/{article.pk}/reject/{task_state.pk}/",
        {"comment": "Tambahkan sumber."},
    )
    state.refresh_from_db()
    return state.status == WorkflowState.STATUS_NEEDS_CHANGES


def edit_kanal(a: Attempt) -> bool:
    section = a.section
    form = {
        "title": "Kanal disunting",
        "slug": section.slug,
        "intro": "",
        "nav_order": "100",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    a.post(f"/admin/pages/{section.pk}/edit/", form)
    section.refresh_from_db()
    return section.get_latest_revision_as_object().title == "Kanal disunting"


def create_kanal(a: Attempt) -> bool:
    form = {"title": "Sub kanal", "slug": "sub-kanal", "intro": "", "nav_order": "100"}
    a.post(f"/admin/pages/add/sections/sectionpage/{a.section.pk}/", form)
    return SectionPage.objects.filter(slug="sub-kanal").exists()


PAGE_ACTIONS = {
    # action: (penulis, editor in Nasional, editor in Olahraga, redaktur)
    create_draft: (Y, Y, N, Y),
    edit_own_draft: (Y, Y, N, Y),
    edit_others_draft: (N, Y, N, Y),
    submit_for_review: (Y, Y, N, Y),
    publish: (N, Y, N, Y),
    schedule: (N, Y, N, Y),
    unpublish: (N, Y, N, Y),
    delete: (N, N, N, Y),
    bulk_delete: (N, N, N, Y),
    bulk_publish: (N, Y, N, Y),
    bulk_unpublish: (N, N, N, N),  # live articles: one by one, with a takedown reason
    approve_review: (N, Y, N, Y),
    request_changes: (N, Y, N, Y),
    edit_kanal: (N, N, N, Y),
    create_kanal: (N, N, N, Y),
}


def expected(allowed: tuple, role: str, place: str) -> bool:
    penulis, editor_in, editor_out, redaktur = allowed
    if role == "penulis":
        return penulis
    if role == "redaktur":
        return redaktur
    return editor_in if place == "nasional" else editor_out


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", PAGE_ACTIONS, ids=lambda f: f.__name__)
def test_page_action(newsroom, action, role, place):
    attempt = Attempt(newsroom, role, place)
    allowed = expected(PAGE_ACTIONS[action], role, place)

    happened = action(attempt)

    assert happened == allowed, f"{role} {action.__name__} in {place}: {attempt.statuses}"
    assert all(status < 500 for status in attempt.statuses), attempt.statuses
    if not allowed:
        # Refused by a permission check (403), or Wagtail fell back to a plain save.
        assert set(attempt.statuses) <= {200, 302, 403}, attempt.statuses


# Site-wide actions ----------------------------------------------------------------


def edit_site_settings(a: Attempt) -> bool:
    site = Site.objects.get(is_default_site=True)
    form = {
        "site_name": "Warta Baru",
        "logo_text": "",
        "tagline": "",
        "logo": "",
        "dateline": "",
        "time_zone": "WIB",
    }
    a.post(f"/admin/settings/masthead/sitesettings/{site.pk}/", form)
    return SiteSettings.for_site(site).site_name == "Warta Baru"


def manage_users(a: Attempt) -> bool:
    form = {
        "username": "wartawan_baru",
        "email": "baru@example.com",
        "first_name": "Wartawan",
        "last_name": "Baru",
        "password1": "kopi-tubruk-pagi-2022",
        "password2": "kopi-tubruk-pagi-2022",
    }
    a.post("/admin/users/new/", form)
    return get_user_model().objects.filter(username="wartawan_baru").exists()


def create_administrator(a: Attempt) -> bool:
    form = {
        "username": "admin_baru",
        "email": "admin@example.com",
        "first_name": "Admin",
        "last_name": "Baru",
        "password1": "kopi-tubruk-pagi-2022",
        "password2": "kopi-tubruk-pagi-2022",
        "is_superuser": "on",
    }
    a.post("/admin/users/new/", form)
    return get_user_model().objects.filter(username="admin_baru", is_superuser=True).exists()


def edit_notices(a: Attempt) -> bool:
    form = {
        "title": "Pemberitahuan",
        "text": "Situs dalam pemeliharaan malam ini.",
        "link_url": "",
        "link_text": "",
        "starts_at": "",
        "ends_at": "",
        "is_active": "on",
    }
    a.post("/admin/snippets/notices/notice/add/", form)
    return Notice.objects.filter(text__startswith="Situs dalam pemeliharaan").exists()


def edit_ad_slots(a: Attempt) -> bool:
    form = {
        "name": "Leaderboard beranda",
        "position": "below_masthead",
        "size": "728x90",
        "label": "Iklan",
        "creative": "",
        "link_url": "",
        "advertiser": "",
        "is_active": "on",
        "sort_order": "0",
    }
    a.post("/admin/snippets/advertising/adslot/add/", form)
    return AdSlot.objects.filter(name="Leaderboard beranda").exists()


def edit_contributors(a: Attempt) -> bool:
    """Another person's profile; a Penulis's own profile is always linked to her
    (people/tests/test_own_profile.py)."""
    other = a.room.penulis_lain
    form = {"name": "Dewi Lestari", "slug": "dewi-lestari", "role": "reporter", "bio": ""}
    a.post("/admin/snippets/people/person/add/", {**form, "user": other.pk})
    return Person.objects.filter(slug="dewi-lestari", user=other).exists()


def grant_editor_kanal(a: Attempt) -> bool:
    target = a.room.penulis_lain
    a.post(f"/admin/editor-kanal/{target.pk}/", {"sections": [a.room.olahraga.pk]})
    return list(editor_sections(target)) == [a.room.olahraga]


SITE_ACTIONS = {
    # action: (penulis, editor, redaktur)
    edit_site_settings: (N, N, Y),
    manage_users: (N, N, Y),
    create_administrator: (N, N, N),
    edit_notices: (N, N, Y),
    edit_ad_slots: (N, N, Y),
    edit_contributors: (N, Y, Y),
    grant_editor_kanal: (N, N, Y),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", SITE_ACTIONS, ids=lambda f: f.__name__)
def test_site_action(newsroom, action, role):
    attempt = Attempt(newsroom, role, None)
    allowed = SITE_ACTIONS[action][ROLES.index(role)]

    happened = action(attempt)

    assert happened == allowed, f"{role} {action.__name__}: {attempt.statuses}"
    assert all(status < 500 for status in attempt.statuses), attempt.statuses
