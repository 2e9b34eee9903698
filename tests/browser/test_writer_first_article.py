"""A new Penulis's first minutes, in Chromium (Warta issue 12): she creates her byline
typing only her name, then a new article typing only the headline and one paragraph,
and "Simpan konsep" saves it. Nobody types a slug: it follows the name and the
headline (Wagtail's w-sync, and the forms when it is left empty). Autosave never
gets a 400 on the way, and no English error shows. The byline is typed on a phone
(390 px), the article at 1280 px; both screens are photographed at both widths.
The article's byline row already names her profile (an empty row would not stop
the draft either: warta/articles/tests/test_slug_autofill.py).
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from warta.articles.models import ArticlePage
from warta.people.models import Person
from warta.testing.factories import make_section
from warta.users.roles import PENULIS
from warta.users.services import assign_role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.sqlite_pass,  # screens and layout: the same on either database
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"
DEADLINE = 15_000  # ms
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
ENGLISH_ERRORS = (
    "could not be created",
    "could not be saved",
    "validation errors",
    "Autosave is paused",
    "This field is required",
    "Go to the first error",
)
AUTOSAVE_EVENTS = """
window.__warta = {autosaved: 0, autosaveErrors: [], baselines: []};
document.addEventListener('w-unsaved:watch-edits', () => {
  window.__warta.baselines.push(performance.now());
});
document.addEventListener('w-autosave:success', () => { window.__warta.autosaved += 1; });
document.addEventListener('w-autosave:error', (e) => {
  window.__warta.autosaveErrors.push(e.detail && e.detail.text);
});
"""


@pytest.fixture
def newsroom():
    section = make_section("Nasional", slug="nasional")
    writer = get_user_model().objects.create_user(
        "sri", "sri@example.com", PASSWORD, first_name="Sri", last_name="Wahyuni"
    )
    assign_role(writer, PENULIS)
    return section, writer


def _shoot(page, path):
    for name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=f"{path}-{name}.png", full_page=False)


def _wait_until_watching(page):
    """Until Wagtail has taken its copy of the loaded form (see test_newsroom_editing):
    what is typed before that is taken for the loaded form and never autosaved."""
    page.wait_for_function(
        """() => { const b = window.__warta.baselines;
            return b.length >= 2 || (b.length === 1 && performance.now() - b[0] > 4000); }"""
    )


def _no_english_error(page):
    text = page.locator("body").inner_text()
    for phrase in ENGLISH_ERRORS:
        assert phrase not in text, phrase


def test_penulis_creates_her_byline_and_saves_a_first_draft(
    newsroom, browser, live_server, screenshots_dir
):
    section, writer = newsroom
    context = browser.new_context(locale="id-ID", viewport=PHONE)
    context.add_init_script(AUTOSAVE_EVENTS)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    failed = []
    context.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.request.method} {r.url}") if r.status >= 400 else None
        ),
    )
    context.on("requestfailed", lambda r: failed.append(f"failed {r.method} {r.url}"))
    page = context.new_page()
    page.set_default_timeout(DEADLINE)
    try:
        page.goto(f"{live_server.url}/admin/login/?next=/admin/snippets/people/person/add/")
        page.fill("#id_username", "sri")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.locator("form button[type=submit]").first.click()

        # Her byline, on the phone: only the name is typed; the slug follows it.
        page.locator("#id_name").press_sequentially("Sri Wahyuni")
        expect(page.locator("#id_slug")).to_have_value("sri-wahyuni")
        assert page.locator("#id_user").count() == 0  # the account is hers, not a choice
        with page.expect_navigation():
            page.get_by_role("button", name="Simpan", exact=True).click()
        _no_english_error(page)
        person = Person.objects.get(user=writer)
        assert (person.name, person.slug) == ("Sri Wahyuni", "sri-wahyuni")
        _shoot(page, screenshots_dir / "writer-byline-saved")

        # Her first article, at 1280 px: headline and one paragraph, nothing else.
        page.set_viewport_size(DESKTOP)
        page.goto(f"{live_server.url}/admin/pages/add/articles/articlepage/{section.pk}/")
        _wait_until_watching(page)
        page.locator("#id_title").press_sequentially("Banjir Rendam Kemang")
        expect(page.locator("#id_slug")).to_have_value("banjir-rendam-kemang")
        page.locator("#body-root .c-sf-add-button").first.click()
        page.get_by_role("option", name="Paragraf").click()
        editor = page.locator("#body-root [role=textbox]").first
        editor.click()
        editor.press_sequentially("Air setinggi lutut merendam permukiman warga.")
        try:
            page.wait_for_function(
                "() => window.__warta.autosaved > 0 || window.__warta.autosaveErrors.length > 0"
            )
        except Exception:
            pytest.fail(f"no autosave: {page.evaluate('window.__warta')} {failed}")
        assert page.evaluate("window.__warta.autosaveErrors") == [], failed
        _shoot(page, screenshots_dir / "writer-article-typed")

        with page.expect_navigation():
            page.get_by_role("button", name="Simpan konsep").click()
        _no_english_error(page)
        _shoot(page, screenshots_dir / "writer-article-saved")
    finally:
        context.route("**/*", lambda route: route.abort())
        page.wait_for_timeout(200)
        context.close()

    assert failed == []
    article = ArticlePage.objects.get(slug="banjir-rendam-kemang")
    assert not article.live and article.owner == writer
    draft = article.get_latest_revision_as_object()
    assert [b.block_type for b in draft.body] == ["paragraph"]
    assert "Air setinggi lutut" in str(draft.body[0].value)
    # Her byline was already in the article's first byline row.
    assert [credit.person_id for credit in draft.authors.all()] == [person.pk]
