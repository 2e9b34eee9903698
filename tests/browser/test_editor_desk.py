"""The editor's desk in Chromium: the review queue first on the dashboard, in
Indonesian, and an approve action that says it schedules (Warta issue 12).

Setup through factories; the editor logs in at 1280 px and at 390 px."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from warta.articles.models import TakedownReason
from warta.articles.services import take_down_article
from warta.testing.factories import make_article, make_section
from warta.users.roles import PENULIS
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.sqlite_pass,  # screens and layout: the same on either database
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # make_user's


@pytest.fixture
def submitted():
    nasional = make_section("Nasional", slug="nasional")
    editor = make_user("sari", first_name="Sari", last_name="Editor")
    set_editor_sections(editor, [nasional])
    writer = make_user("budi", PENULIS, first_name="Budi", last_name="Penulis")
    article = make_article(
        title="Pemilu daerah digelar serentak", section=nasional, publish=False, live=False
    )
    article.go_live_at = timezone.now() + timedelta(days=1)
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    pulled = make_article(title="Berita yang dicabut", section=nasional)
    take_down_article(pulled, TakedownReason.ANAK, "Identitas anak terlihat.")
    return article


def _log_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "sari")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/admin/login/" not in page.url


def _panel_tops(page) -> list[str]:
    """The dashboard's panels, top to bottom, by id."""
    return page.eval_on_selector_all(
        "section.w-panel--dashboard",
        "els => els.map(e => [e.getBoundingClientRect().top, e.id])"
        ".sort((a, b) => a[0] - b[0]).map(x => x[1])",
    )


def test_editor_sees_the_queue_first_and_approve_schedules(
    browser, live_server, submitted, screenshots_dir
):
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(locale="id-ID", viewport={"width": width, "height": height})
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        page = context.new_page()
        page.set_default_timeout(15000)
        try:
            _log_in(page, live_server.url)
            assert page.url.rstrip("/").endswith("/admin")
            panels = _panel_tops(page)
            assert panels[0] == "awaiting-review-section", panels
            queue = page.locator("#awaiting-review-section")
            assert "Menunggu tinjauan Anda" in queue.inner_text()
            headers = queue.locator("thead th").all_inner_texts()
            assert [h.strip() for h in headers[:5]] == [
                "Judul",
                "Penulis",
                "Kanal",
                "Dikirim",
                "Jadwal tayang",
            ]
            row = queue.locator("tbody tr").first
            assert "Pemilu daerah digelar serentak" in row.inner_text()
            assert "Nasional" in row.inner_text()
            page.screenshot(path=str(screenshots_dir / f"editor-desk-dashboard-{width}.png"))
            if width != 1280:
                continue

            with page.expect_navigation():
                row.get_by_role("link", name="Pemilu daerah digelar serentak").click()
            approve = page.locator('button[data-workflow-action-name="approve"]')
            labels = [" ".join(t.split()) for t in approve.all_text_contents()]
            assert labels == ["Setujui dan jadwalkan", "Setujui dengan komentar dan jadwalkan"]
            page.locator(".w-dropdown-button [data-w-dropdown-target='toggle']").last.click()
            page.get_by_role("button", name="Setujui dan jadwalkan").wait_for(state="visible")
            page.screenshot(path=str(screenshots_dir / "editor-desk-approve-menu-1280.png"))

            # Clearing "Tayang mulai" turns the label back to publishing now.
            assert page.locator('input[name="go_live_at"]').count() == 1, page.url
            page.eval_on_selector(
                'input[name="go_live_at"]',
                "el => { el.value = ''; el.dispatchEvent(new Event('change', {bubbles: true})); }",
            )
            labels = [" ".join(t.split()) for t in approve.all_text_contents()]
            assert labels == ["Setujui dan terbitkan", "Setujui dengan komentar dan terbitkan"]

            # The kanal's page listing: the taken-down article is "dicabut", with why.
            page.goto(f"{live_server.url}/admin/pages/{submitted.get_parent().pk}/")
            pulled = page.locator("tr", has_text="Berita yang dicabut")
            assert "dicabut" in pulled.inner_text() and "Melindungi anak" in pulled.inner_text()
            page.screenshot(path=str(screenshots_dir / "editor-desk-kanal-listing-1280.png"))
            with page.expect_navigation():
                pulled.get_by_role("link", name="Berita yang dicabut").first.click()
            header_status = page.locator("header .warta-takedown-status").inner_text()
            assert header_status.strip().lower() == "dicabut"
            page.screenshot(path=str(screenshots_dir / "editor-desk-pulled-edit-1280.png"))
        finally:
            context.close()
