"""Two editors on one article, and an expired login, in a real browser (Warta issue 3).

Wagtail 8 autosaves the edit form about half a second after each change and pings
the server with the editor's session (``WAGTAIL_EDITING_SESSION_PING_INTERVAL``,
lowered here). What these tests pin, through Chromium:

- the second editor sees the first one in the editing-sessions list, is told that a
  newer version was saved (the sessions list, the paused autosave and the
  confirmation dialog on Simpan), and a save made anyway from the stale copy is
  refused by ``warta.articles.editing`` (409): the first editor's text stays the
  latest revision and the second editor's text stays in her form;
- an editor whose login expires keeps what she typed: Wagtail sends the post to the
  login page, ``editing.keep_expired_edit`` keeps it, and after logging in the form
  comes back filled; Simpan then stores it;
- an editor who logs in again in another tab can still save from the editor she left
  open (``articles/editing.js`` gives its posts the renewed CSRF token).

Without ``articles/editing.js`` even a plain save after one's own autosave would be
refused as stale: the first test pins that too.
"""

from __future__ import annotations

import time

import pytest
from django.contrib.sessions.models import Session
from wagtail.models import Revision

from warta.articles.models import ArticlePage
from warta.testing.factories import make_article, make_section
from warta.users.roles import REDAKTUR
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.sqlite_pass,  # the browser keeps the text: the same on either database
    # serialized_rollback: the next transactional test starts from the migrated rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # make_user's
DEADLINE = 15  # seconds, for anything the browser or the server does on its own

# Wagtail's editor reports what it does through DOM events; the tests wait on them.
EDITOR_EVENTS = """
window.__warta = {baselines: [], autosaved: 0, autosaveErrors: [], events: []};
for (const name of ['w-unsaved:add', 'w-unsaved:clear', 'w-autosave:save', 'w-autosave:success',
                    'w-autosave:error', 'w-unsaved:watch-edits']) {
  document.addEventListener(name, () => { window.__warta.events.push(name); });
}
document.addEventListener('w-unsaved:watch-edits', () => {
  window.__warta.baselines.push(performance.now());
});
document.addEventListener('w-autosave:success', () => { window.__warta.autosaved += 1; });
document.addEventListener('w-autosave:error', (event) => {
  window.__warta.autosaveErrors.push(event.detail.text);
});
"""


@pytest.fixture
def editing(settings):
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000
    nasional = make_section("Nasional", slug="nasional")
    sari = make_user("sari", first_name="Sari", last_name="Editor")
    set_editor_sections(sari, [nasional])
    make_user("dewi", REDAKTUR, first_name="Dewi", last_name="Redaktur")
    return make_article(title="Banjir di Jakarta", section=nasional, summary="Ringkasan pertama.")


@pytest.fixture
def open_editor(browser, live_server):
    """Opens the article's edit page for an editor, in a browser context (a session) of her own."""
    contexts, in_flight = [], set()

    def open_editor(username: str, article):
        context = browser.new_context(locale="id-ID")
        contexts.append(context)
        context.add_init_script(EDITOR_EVENTS)
        # Only the live server: avatars would otherwise be fetched from gravatar.com.
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        context.on("request", lambda request: in_flight.add(request))
        context.on("requestfinished", lambda request: in_flight.discard(request))
        context.on("requestfailed", lambda request: in_flight.discard(request))
        page = context.new_page()
        page.set_default_timeout(DEADLINE * 1000)
        page.goto(f"{live_server.url}/admin/login/?next=/admin/pages/{article.pk}/edit/")
        _log_in(page, username)
        _wait_until_watching(page)
        return page

    yield open_editor
    # The database is emptied after the test: let no ping or beacon reach it meanwhile.
    for context in contexts:
        context.route("**/*", lambda route: route.abort())
    deadline = time.monotonic() + DEADLINE
    while in_flight and time.monotonic() < deadline:
        contexts[0].pages[0].wait_for_timeout(50)
    for context in contexts:
        context.close()


def _log_in(page, username: str):
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/admin/login/" not in page.url


def _wait_until_watching(page):
    """Until Wagtail compares the form against its final copy of the loaded form.

    Wagtail 8.0.1 takes that copy twice, each two seconds after a call made while the
    editor starts (the unsaved-changes check connecting, then autosave setting its
    interval). On a busy machine the second copy can come after the test has begun
    typing, and then takes the typed text for the loaded form: no change is seen and
    nothing is autosaved. So: both copies, or one and four quiet seconds after it.
    """
    page.locator("#id_summary").wait_for()
    page.wait_for_function(
        """() => { const b = window.__warta.baselines;
            return b.length >= 2 || (b.length === 1 && performance.now() - b[0] > 4000); }"""
    )


def _type_summary(page, text: str):
    """Typed as an editor types: key by key, so every listener of the field sees it."""
    field = page.locator("#id_summary")
    field.click()
    field.press("Control+a")
    field.press_sequentially(text)


def _wait_for_autosave(page):
    """Until Wagtail's autosave has saved what was typed (and is not saving again)."""
    try:
        page.wait_for_function(
            """() => window.__warta.autosaveErrors.length > 0 || (window.__warta.autosaved > 0
                && document.querySelector('#w-autosave-indicator')
                     .getAttribute('data-w-autosave-state-value') === 'saved')"""
        )
    except Exception:
        state = page.evaluate(
            """() => ({warta: window.__warta, summary: document.querySelector('#id_summary').value,
                indicator: document.querySelector('#w-autosave-indicator')
                    .getAttribute('data-w-autosave-state-value')})"""
        )
        pytest.fail(f"no autosave within {DEADLINE} s: {state}")
    assert page.evaluate("window.__warta.autosaveErrors") == []


def _save(page) -> int:
    """Press Simpan konsep, confirm Wagtail's dialog if it asks; the HTTP status of the post.

    302: saved (back to the edit page) or sent to the login page; 409: refused as stale.
    """
    posts = []
    page.on(
        "response",
        lambda r: (
            posts.append(r.status)
            if r.request.method == "POST" and r.request.resource_type == "document"
            else None
        ),
    )
    page.get_by_role("button", name="Simpan konsep").click()
    dialog = page.locator("#w-save-confirmation-dialog")
    deadline = time.monotonic() + DEADLINE
    while not posts:
        assert time.monotonic() < deadline, "the save was never posted"
        if dialog.is_visible():
            dialog.locator("[data-w-dialog-target=confirm]").click()
        page.wait_for_timeout(50)
    page.wait_for_load_state()
    return posts[0]


def _latest(article) -> ArticlePage:
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def _revisions(article) -> int:
    return Revision.objects.filter(object_id=str(article.pk)).count()


def test_the_second_editor_is_warned_and_cannot_silently_overwrite(editing, open_editor):
    article = editing
    sari = open_editor("sari", article)
    dewi = open_editor("dewi", article)

    # Dewi sees that Sari has the article open.
    sessions = dewi.locator("#w-editing-sessions")
    sessions.locator(".w-editing-sessions__session").hover()
    dewi.get_by_text("Sari Editor").wait_for()
    dewi.mouse.move(0, 0)  # Wagtail holds back updates to the list while it is in use

    # Sari changes the summary: autosaved, then saved.
    _type_summary(sari, "Versi Sari.")
    _wait_for_autosave(sari)
    assert _save(sari) == 302  # saved: back to the edit page
    assert sari.url.endswith(f"/admin/pages/{article.pk}/edit/")
    assert _latest(article).summary == "Versi Sari."
    saved_revisions = _revisions(article)

    # Before saving, Dewi is told that Sari saved a newer version ...
    saved = dewi.locator(".w-editing-sessions__session--saved")
    saved.wait_for()
    assert saved.locator("button").get_attribute("aria-label") == (
        "Sari Editor menyimpan versi baru"  # Wagtail's text, Warta's translation (issue 10)
    )
    # ... and when she types, Wagtail's autosave refuses to put her copy over it.
    _type_summary(dewi, "Versi Dewi.")
    dewi.wait_for_function("window.__warta.autosaveErrors.length > 0")
    assert dewi.evaluate("window.__warta.autosaveErrors") == [
        "Menyimpan akan menimpa versi yang lebih baru."
    ]
    assert (
        dewi.locator("#w-autosave-indicator").get_attribute("data-w-autosave-state-value")
        == "paused"
    )

    # Pressing Simpan, she is asked first ...
    dewi.get_by_role("button", name="Simpan konsep").click()
    dialog = dewi.locator("#w-save-confirmation-dialog")
    dialog.wait_for()
    assert "Sari Editor menyimpan versi baru" in dialog.inner_text()
    assert "perubahan yang dibuat Sari Editor akan tertimpa." in dialog.inner_text()
    # ... and saving anyway from the stale copy is refused by the server.
    with dewi.expect_response(
        lambda r: r.request.method == "POST" and r.request.resource_type == "document"
    ) as refused:
        dialog.locator("[data-w-dialog-target=confirm]").click()
    assert refused.value.status == 409
    dewi.wait_for_load_state()
    assert "sudah disimpan oleh Sari Editor" in dewi.locator(".messages").inner_text()
    assert dewi.locator("#id_summary").input_value() == "Versi Dewi."  # her work is kept

    # Nothing of Sari's is lost, and the returned form does not autosave over it.
    _wait_for_pings(dewi, 2)
    assert _latest(article).summary == "Versi Sari."
    assert _revisions(article) == saved_revisions
    assert dewi.evaluate("window.__warta.autosaved") == 0

    # Warned, Dewi saves again: now it is her informed choice, and it is kept.
    assert _save(dewi) == 302
    assert _latest(article).summary == "Versi Dewi."
    assert "sudah disimpan oleh" not in dewi.locator(".messages").inner_text()


def _wait_for_pings(page, count: int):
    for _ in range(count):
        with page.expect_response(lambda r: "/admin/editing-sessions/ping/" in r.url):
            pass


def test_work_typed_after_the_login_expired_is_saved_after_logging_in_again(editing, open_editor):
    article = editing
    sari = open_editor("sari", article)
    _type_summary(sari, "Ditulis sebelum sesi habis.")
    _wait_for_autosave(sari)
    assert _latest(article).summary == "Ditulis sebelum sesi habis."

    Session.objects.all().delete()  # the login expires while Sari is writing
    revisions = _revisions(article)
    _type_summary(sari, "Ditulis setelah sesi habis.")
    # Wagtail's autosave can no longer save: it pauses and says so.
    sari.wait_for_function("window.__warta.autosaveErrors.length > 0")
    assert (
        sari.locator("#w-autosave-indicator").get_attribute("data-w-autosave-state-value")
        == "paused"
    )

    # Simpan: Wagtail sends her to the login page; nothing is saved.
    assert _save(sari) == 302
    assert f"/admin/login/?next=/admin/pages/{article.pk}/edit/" in sari.url
    assert _revisions(article) == revisions

    # She logs in again and is back in the editor, with what she typed.
    _log_in(sari, "sari")
    assert sari.url.endswith(f"/admin/pages/{article.pk}/edit/")
    assert "Isian Anda dipulihkan" in sari.locator(".messages").inner_text()
    assert sari.locator("#id_summary").input_value() == "Ditulis setelah sesi habis."
    assert _latest(article).summary == "Ditulis sebelum sesi habis."  # not saved for her

    assert _save(sari) == 302
    assert sari.url.endswith(f"/admin/pages/{article.pk}/edit/")
    assert _latest(article).summary == "Ditulis setelah sesi habis."
    sari.reload()
    assert sari.locator("#id_summary").input_value() == "Ditulis setelah sesi habis."


def test_logging_in_again_in_another_tab_lets_the_open_editor_save(editing, open_editor):
    """Logging in renews the CSRF token; the editor left open must still be able to save."""
    article = editing
    sari = open_editor("sari", article)
    Session.objects.all().delete()  # the login expires while Sari is writing
    _type_summary(sari, "Ditulis setelah sesi habis.")
    sari.wait_for_function("window.__warta.autosaveErrors.length > 0")
    assert _latest(article).summary == "Ringkasan pertama."

    # She logs in again in another tab and comes back to the open editor.
    other = sari.context.new_page()
    other.goto(sari.url.replace(f"/admin/pages/{article.pk}/edit/", "/admin/login/"))
    _log_in(other, "sari")
    other.close()

    # The paused autosave resumes by itself (articles/editing.js retries it, issue 10) ...
    sari.wait_for_function("window.__warta.autosaved > 0", timeout=35_000)
    assert _latest(article).summary == "Ditulis setelah sesi habis."
    # ... her next change is autosaved too, and Simpan saves.
    sari.evaluate("window.__warta.autosaveErrors = []; window.__warta.autosaved = 0")
    _type_summary(sari, "Ditulis setelah login lagi.")
    _wait_for_autosave(sari)
    assert _latest(article).summary == "Ditulis setelah login lagi."
    _type_summary(sari, "Ditulis setelah login lagi, lalu disimpan.")
    assert _save(sari) == 302
    assert sari.url.endswith(f"/admin/pages/{article.pk}/edit/")
    assert _latest(article).summary == "Ditulis setelah login lagi, lalu disimpan."
