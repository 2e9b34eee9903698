"""The admin speaks Bahasa Indonesia on every screen a newsroom uses (issue 12).

One walk through Chromium at 1280 px, as an anonymous visitor on the login page and
then as an Editor: dashboard, a kanal in the page explorer, "add article" (choose
parent), the editor of an article under review with its status side panel and the
schedule dialog open and the block picker open, the page history, the review
reports, images (listing and upload), the Kontributor snippets, page search, the
account screens. On each screen ``tests.browser.language`` must find no English, and
the share of Indonesian strings is printed for the record.

Strings come from Wagtail's and Django's ``id`` catalogues, completed and corrected
by ``warta/locale/id`` (``make locale``); docs/glossary.md holds the vocabulary.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.language import describe, english_strings, share_indonesian
from warta.people.models import Person
from warta.testing.factories import make_article, make_image, make_person, make_section
from warta.users.roles import PENULIS
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.sqlite_pass,  # screens and layout: the same on either database
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # make_user's
TIMEOUT = 15_000


@pytest.fixture
def newsroom():
    nasional = make_section("Nasional", slug="nasional")
    editor = make_user("sari", first_name="Sari", last_name="Wulandari")
    set_editor_sections(editor, [nasional])
    writer = make_user("budi", PENULIS, first_name="Budi", last_name="Santoso")
    person = make_person("Budi Santoso")
    make_image(title="Banjir di pesisir")
    make_article(title="Banjir surut di pesisir utara", section=nasional, authors=[person])
    # A draft the writer submitted for review: the editor's queue and moderation state.
    article = make_article(
        title="Jalan tol baru dibuka",
        section=nasional,
        authors=[person],
        publish=False,
        live=False,
        owner=writer,
        go_live_at=timezone.now() + timedelta(days=2),
    )
    article.get_workflow().start(article, writer)
    return {"nasional": nasional, "article": article, "person": Person.objects.get()}


def test_admin_screens_speak_indonesian(browser, live_server, newsroom, screenshots_dir):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    nasional, article = newsroom["nasional"], newsroom["article"]
    found: dict[str, list[str]] = {}
    shares: dict[str, float] = {}

    def check(name: str):
        page.wait_for_load_state("load")
        page.screenshot(path=screenshots_dir / f"language-{name}.png", full_page=True)
        found[name] = english_strings(page)
        for text in found[name]:
            print(f"{name}: {text!r} in {describe(page, text)}")
        shares[name] = share_indonesian(page)

    def visit(name: str, path: str):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, (name, path, response.status)
        check(name)

    visit("login", "/admin/login/")
    page.fill("#id_username", "sari")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    check("dashboard")

    visit("explorer", f"/admin/pages/{nasional.pk}/")
    visit("berita", "/admin/berita/")
    visit("choose-parent", "/admin/berita/choose_parent/")

    visit("edit", f"/admin/pages/{article.pk}/edit/")
    page.locator("[data-side-panel-toggle='status']").click()
    page.locator("[data-side-panel='status']").wait_for()
    check("edit-status")
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    page.locator("#schedule-publishing-dialog").wait_for()
    check("edit-schedule")
    page.keyboard.press("Escape")
    page.locator("button[data-side-panel-toggle='status']").click()
    page.locator("button.c-sf-add-button").first.click()
    page.locator(".w-combobox").first.wait_for()
    check("edit-insert-block")
    page.keyboard.press("Escape")
    # The action menu of an article under review: Warta's approve label stands alone
    # (Wagtail's "%(label)s and Publish" made it "Setujui dan jadwalkan dan Publikasikan").
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    actions = page.locator("footer [data-w-dropdown-target='content']").first
    actions.wait_for()
    check("edit-actions")
    labels = actions.inner_text()
    assert "Setujui dan jadwalkan\n" in labels, labels
    assert "Publikasi" not in labels and "dan Terbitkan" not in labels, labels

    visit("history", f"/admin/pages/{article.pk}/history/")
    visit("workflow-report", "/admin/reports/workflow/")
    visit("workflow-tasks", "/admin/reports/workflow_tasks/")
    visit("images", "/admin/images/")
    visit("image-add", "/admin/images/multiple/add/")
    visit("kontributor", "/admin/snippets/people/person/")
    visit("search", "/admin/pages/search/?q=banjir")
    visit("account", "/admin/account/")
    context.close()

    for name, share in shares.items():
        print(f"{name:18} {share:6.1%} Indonesian  english={found[name]}")
    assert {name: strings for name, strings in found.items() if strings} == {}
