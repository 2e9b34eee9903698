"""An editor at work while PostgreSQL restarts, in Chromium (Warta issue 10).

The database really goes away: the test database stops taking connections
(``ALLOW_CONNECTIONS false``, which binds superusers too) and every backend on it is
terminated, as in a restart; the live server then fails on connecting. What this pins:

- an autosave during the outage gets the 503 of ``warta.operations.outage``; Wagtail's
  indicator and footer say so in Indonesian (``articles/editing.js`` and the project's
  translations), never "Autosave is paused"; the form is kept in localStorage;
- when the database is back, the autosave saves by itself, with no key pressed;
- Simpan during the outage gets the Indonesian maintenance page (503, Retry-After);
  back on the edit page the kept text is offered, Pulihkan puts it in the form,
  Simpan stores it, and the copy is gone afterwards.

PostgreSQL only: the live server on SQLite shares the test's in-memory database.
"""

from __future__ import annotations

import contextlib
import time

import pytest
from django.db import connections

from warta.articles.models import ArticlePage
from warta.testing.factories import make_article, make_section
from warta.users.services import set_editor_sections
from warta.users.tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # make_user's
DEADLINE = 15  # seconds, for anything the browser or the server does on its own
RESUME_DEADLINE = 45  # the retry after an outage waits up to 30 s by design
ENGLISH = ("Autosave is paused", "A server error occurred", "Autosave is")

EDITOR_EVENTS = """
window.__warta = {baselines: [], autosaved: 0, autosaveErrors: []};
document.addEventListener('w-unsaved:watch-edits', () => {
  window.__warta.baselines.push(performance.now());
});
document.addEventListener('w-autosave:success', () => { window.__warta.autosaved += 1; });
document.addEventListener('w-autosave:error', (event) => {
  window.__warta.autosaveErrors.push(event.detail.text);
});
"""


@contextlib.contextmanager
def database_down():
    """The test database refuses connections and its sessions are cut, until the block ends."""
    import psycopg

    default = connections["default"]
    name = default.settings_dict["NAME"]
    params = dict(default.get_connection_params())
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
            connections.close_all()  # this thread's connection was cut too


@pytest.fixture
def article():
    nasional = make_section("Nasional", slug="nasional")
    sari = make_user("sari", first_name="Sari", last_name="Editor")
    set_editor_sections(sari, [nasional])
    return make_article(title="Banjir di Jakarta", section=nasional, summary="Ringkasan awal.")


@pytest.fixture
def editor_page(browser, live_server, article):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    context.add_init_script(EDITOR_EVENTS)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(DEADLINE * 1000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/pages/{article.pk}/edit/")
    page.fill("#id_username", "sari")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    _wait_until_watching(page)
    yield page
    context.route("**/*", lambda route: route.abort())
    page.wait_for_timeout(200)
    context.close()


def _wait_until_watching(page):
    """Until Wagtail has taken its final copy of the loaded form (see test_newsroom_editing)."""
    page.locator("#id_summary").wait_for()
    page.wait_for_function(
        """() => { const b = window.__warta.baselines;
            return b.length >= 2 || (b.length === 1 && performance.now() - b[0] > 4000); }"""
    )


def _type_summary(page, text: str):
    field = page.locator("#id_summary")
    field.click()
    field.press("Control+a")
    field.press_sequentially(text)


def _indicator_state(page) -> str:
    return page.locator("#w-autosave-indicator").get_attribute("data-w-autosave-state-value")


def _kept_copy(page, article) -> str:
    return page.evaluate(
        f"() => window.localStorage.getItem('warta.unsaved:/admin/pages/{article.pk}/edit/')"
    )


def _latest_summary(article) -> str:
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().summary


def _shoot(page, screenshots_dir, name: str, hover: str | None = None):
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        if hover:
            page.mouse.move(0, 0)
            page.locator(hover).hover()
        page.wait_for_timeout(400)
        page.screenshot(path=screenshots_dir / f"outage-{name}-{width}.png", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})


def _no_english(page):
    text = page.locator("body").inner_text()
    for phrase in ENGLISH:
        assert phrase not in text, phrase


def test_autosave_pauses_in_indonesian_and_resumes_by_itself(editor_page, article, screenshots_dir):
    page = editor_page
    _type_summary(page, "Sebelum gangguan.")
    page.wait_for_function("() => window.__warta.autosaved >= 1")
    saved_before = page.evaluate("window.__warta.autosaved")

    with database_down():
        _type_summary(page, "Ditulis saat basis data mati.")
        page.wait_for_function("() => window.__warta.autosaveErrors.length >= 1")
        assert _indicator_state(page) == "paused"
        error = page.evaluate("window.__warta.autosaveErrors[0]")
        assert "pemeliharaan" in error and "dicoba lagi" in error
        footer = page.locator(".footer__save-warning")
        footer.wait_for()
        assert "Simpan otomatis dijeda" in footer.inner_text()
        assert "Ditulis saat basis data mati." in (_kept_copy(page, article) or "")
        _no_english(page)
        _shoot(page, screenshots_dir, "autosave-paused", hover="#w-autosave-indicator")

    # No key pressed from here on: the autosave tries again and saves.
    page.mouse.move(0, 0)
    page.wait_for_function(
        f"() => window.__warta.autosaved > {saved_before}", timeout=RESUME_DEADLINE * 1000
    )
    assert _indicator_state(page) == "saved"
    assert _latest_summary(article) == "Ditulis saat basis data mati."
    assert _kept_copy(page, article) is None  # the server has it now
    _no_english(page)


def test_a_save_during_the_outage_keeps_the_text_and_offers_it_back(
    editor_page, article, screenshots_dir
):
    page = editor_page
    with database_down():
        _type_summary(page, "Teks yang tidak boleh hilang.")
        page.wait_for_function("() => window.__warta.autosaveErrors.length >= 1")
        statuses = []
        page.on(
            "response",
            lambda r: statuses.append(r.status) if r.request.resource_type == "document" else None,
        )
        page.get_by_role("button", name="Simpan konsep").click()
        deadline = time.monotonic() + DEADLINE
        while not statuses:
            assert time.monotonic() < deadline, "the save was never posted"
            page.wait_for_timeout(50)
        page.wait_for_load_state()
        assert statuses[0] == 503
        page.get_by_role("heading", name="Sedang dalam pemeliharaan").wait_for()
        assert "Perubahan Anda belum tersimpan di server" in page.content()
        _shoot(page, screenshots_dir, "save-maintenance-page")

    assert _latest_summary(article) == "Ringkasan awal."
    page.get_by_role("link", name="Kembali ke halaman sunting").click()
    offer = page.locator("[data-warta-kept-copy]")
    offer.wait_for()
    assert "Ada teks yang belum tersimpan dari" in offer.inner_text()
    assert page.locator("#id_summary").input_value() == "Ringkasan awal."
    _shoot(page, screenshots_dir, "offer-kept-text")

    with page.expect_navigation():
        offer.get_by_role("button", name="Pulihkan").click()
    assert page.locator("#id_summary").input_value() == "Teks yang tidak boleh hilang."
    assert "dipulihkan" in page.locator(".messages").inner_text()
    _shoot(page, screenshots_dir, "restored")
    assert _latest_summary(article) == "Ringkasan awal."  # shown, not saved

    with page.expect_navigation():
        page.get_by_role("button", name="Simpan konsep").click()
    assert _latest_summary(article) == "Teks yang tidak boleh hilang."
    page.reload()
    page.locator("#id_summary").wait_for()
    page.wait_for_timeout(300)
    assert page.locator("[data-warta-kept-copy]").count() == 0
    assert _kept_copy(page, article) is None
    _no_english(page)
