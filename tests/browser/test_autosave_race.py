"""A click on "Simpan konsep" while the first autosave of a new article is on its way
(Warta issue 12): the click waits for the autosave (editing.js), and the article is
made once, with the click's save on it. The server's side of the race:
warta/articles/tests/test_autosave_race.py."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from warta.articles.models import ArticlePage
from warta.testing.factories import make_section
from warta.users.roles import PENULIS
from warta.users.services import assign_role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"
EVENTS = """
window.__warta = {saving: 0, baselines: []};
document.addEventListener('w-unsaved:watch-edits', () => {
  window.__warta.baselines.push(performance.now());
});
document.addEventListener('w-autosave:save', () => { window.__warta.saving += 1; });
"""


def test_save_clicked_during_the_first_autosave_makes_one_article(browser, live_server):
    section = make_section("Nasional", slug="nasional")
    writer = get_user_model().objects.create_user("sri", "sri@example.com", PASSWORD)
    assign_role(writer, PENULIS)
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    context.add_init_script(EVENTS)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(15_000)
    statuses = []
    page.on("response", lambda r: statuses.append((r.status, r.request.method, r.url)))
    create_url = f"/admin/pages/add/articles/articlepage/{section.pk}/"

    def slow_autosave(route):
        # The autosave's answer takes a while: the click comes before it.
        if route.request.method == "POST" and "json" in route.request.headers.get("accept", ""):
            page.wait_for_timeout(1500)
        route.continue_()

    try:
        page.goto(f"{live_server.url}/admin/login/?next={create_url}")
        page.fill("#id_username", "sri")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.locator("form button[type=submit]").first.click()
        page.wait_for_function(
            """() => { const b = window.__warta.baselines;
                return b.length >= 2 || (b.length === 1 && performance.now() - b[0] > 4000); }"""
        )
        assert page.locator("input[name=warta_create_form]").count() == 1
        page.route(f"**{create_url}", slow_autosave)
        page.locator("#id_title").press_sequentially("Banjir rendam Kemang")
        page.wait_for_function("() => window.__warta.saving > 0")

        # (The autosave's answer moves the address to the edit URL without loading it.)
        def saved(response):
            return response.request.method == "POST" and response.status == 302

        with page.expect_response(saved):
            page.get_by_role("button", name="Simpan konsep").click()
        page.wait_for_load_state()
        assert "/edit/" in page.url
        assert "Banjir rendam Kemang" in page.locator("#id_title").input_value()
    finally:
        context.close()

    assert not [s for s in statuses if s[0] >= 500], statuses
    assert ArticlePage.objects.filter(slug="banjir-rendam-kemang").count() == 1
    article = ArticlePage.objects.get(slug="banjir-rendam-kemang")
    # The click waited and posted to the autosaved page's edit URL itself: the create
    # URL had one post (the autosave), not a second one sent on by the server.
    posts = [(s[0], s[2].split(live_server.url)[1]) for s in statuses if s[1] == "POST"]
    assert [p for p in posts if p[1] == create_url] == [(200, create_url)], posts
    # (An autosave of what was typed during the first may go before it, to the edit URL.)
    assert [p for p in posts if p[0] == 302][-1] == (302, f"/admin/pages/{article.pk}/edit/")
    assert article.revisions.count() >= 2  # the autosave's, then the click's
