"""A newsroom's day in Chromium, typed and clicked as people do (Warta issue 12, item 3).

Only the bare site (home page, an older article to point "Baca Juga" at) and the first
Redaktur account come from factories. Everything after is typed or clicked in the
admin and on the public site, in one browser with a context (a session) per person:

1. Redaktur (desktop) logs in, opens two desks (kanal Nasional and Ekonomi), creates
   a Penulis and an Editor, gives the Editor the Nasional desk, and a "Redaksi" byline.
2. Penulis (a 390 px phone) creates her own contributor profile, then writes an
   article with only headline, summary, body (paragraph, subheading, an image uploaded
   from disk, quote, Baca Juga), her byline, tags and kanal; saves it, submits it.
3. Editor (desktop) finds it in her review queue and asks for a change with a comment.
4. Penulis reads the comment, adds what was asked, submits again.
5. Editor sets a go-live time (the next whole minute at least 12 s ahead: the admin's
   picker takes minutes, so the test waits up to 72 s) and approves: scheduled, not
   live, and a scheduler pass leaves it alone. At that time the one-shot pass
   (``publish_due``, what ``warta publish-due`` and the serving process's loop run)
   publishes it; she sees it live.
6. A reader reads it; the Editor adds a ralat, which the reader then sees.
7. A reader sends a hak jawab from the public form; the Editor publishes it as an
   article and links it in the Hak Jawab queue; both reader pages link each other.
8. The Editor takes the article down with a reason; its address answers 410 with
   the reason.

Along the way the test fails (all problems listed at the end, with the screen) on any
English string on a screen it looks at (``language.english_strings``), any console
error or uncaught page error, any failed request, and any response >= 400 except the
expected 410. Screenshots of each step go to ``screenshots_dir`` (day-NN-*.png).
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.browser.language import english_strings, share_indonesian
from warta.articles.models import ArticlePage, Takedown
from warta.replies.models import Reply, ReplyStatus
from warta.scheduling.services import publish_due
from warta.testing.factories import make_article, make_section
from warta.users.roles import REDAKTUR
from warta.users.services import assign_role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # the first Redaktur's
NEW_PASSWORD = "Kopi-Tubruk-2026!"  # what the Redaktur types for the new accounts
WIB = ZoneInfo("Asia/Jakarta")  # the site's zone: the admin shows and reads times in it
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
DEADLINE = 15_000  # ms, for anything the browser or the server does on its own

HEADLINE = "Banjir rob merendam Muara Baru"
REQUESTED = "Tambahkan jumlah pengungsi menurut BPBD."
CARRIER = "Hak jawab Pelindo atas berita banjir rob Muara Baru"


class Day:
    """The browser contexts of the day and everything that went wrong in them."""

    def __init__(self, browser, live_server, screenshots_dir):
        self.browser = browser
        self.url = live_server.url
        self.shots = screenshots_dir
        self.problems: list[str] = []
        self.screens: list[tuple[str, float]] = []  # (screen, share of Indonesian)
        self.expected_gone: set[str] = set()  # addresses that must answer 410
        self.contexts = []
        self.in_flight = set()
        self.closing = False
        self.step = 0

    def open(self, who: str, viewport=DESKTOP):
        context = self.browser.new_context(locale="id-ID", viewport=viewport)
        self.contexts.append(context)
        # Nothing leaves this machine; a request that tries is a failed request.
        context.route(lambda url: not url.startswith(self.url), lambda route: route.abort())
        page = context.new_page()
        page.set_default_timeout(DEADLINE)
        page.on("console", lambda msg: self._console(who, page, msg))
        page.on("pageerror", lambda error: self.problems.append(f"{who}: page error {error}"))
        page.on("requestfailed", lambda request: self._failed(who, request))
        page.on("response", lambda response: self._response(who, response))
        page.on("request", lambda request: self.in_flight.add(request))
        page.on("requestfinished", lambda request: self.in_flight.discard(request))
        page.on("requestfailed", lambda request: self.in_flight.discard(request))
        return page

    def _console(self, who, page, msg):
        if msg.type != "error" or self.closing:
            return
        where = msg.location.get("url", "") if msg.location else ""
        if where in self.expected_gone and "410" in msg.text:
            return  # the browser logs the expected 410 of a pulled article
        self.problems.append(f"{who}: console error on {page.url}: {msg.text}")

    def _failed(self, who, request):
        if self.closing:
            return
        failure = request.failure or ""
        # A request the browser dropped because the page navigated on is no failure.
        if failure == "net::ERR_ABORTED" and request.url.startswith(self.url):
            return
        self.problems.append(f"{who}: request failed ({failure}): {request.method} {request.url}")

    def _response(self, who, response):
        if response.status < 400:
            return
        if response.status == 410 and response.url in self.expected_gone:
            return
        try:
            said = (
                " ".join(response.text().split())[:300] if response.request.method == "POST" else ""
            )
        except Exception:  # the page navigated on before the body was read
            said = ""
        self.problems.append(
            f"{who}: {response.status} for {response.request.method} {response.url} {said}"
        )

    def look(self, page, name: str, allow=()) -> None:
        """A screen a person looks at: screenshot it and check it is all Indonesian."""
        self.step += 1
        page.wait_for_load_state()
        page.screenshot(path=str(self.shots / f"day-{self.step:02d}-{name}.png"))
        english = english_strings(page, allow=allow)
        self.screens.append((name, share_indonesian(page, allow=allow)))
        for text in english:
            self.problems.append(f"English on {name} ({page.url}): {text!r}")

    def close(self):
        """Stop every page from talking to the server (autosaves, pings, read beacons)
        and let what is on its way finish: the database is emptied after the test."""
        self.closing = True
        for context in self.contexts:
            context.route("**/*", lambda route: route.abort())
        deadline = time.monotonic() + DEADLINE / 1000
        while self.in_flight and time.monotonic() < deadline and self.contexts:
            self.contexts[0].pages[0].wait_for_timeout(50)
        for context in self.contexts:
            context.close()


@pytest.fixture
def day(browser, live_server, screenshots_dir, settings):
    settings.WARTA_PAGE_CACHE = True  # readers get cached pages, as in production
    rina = get_user_model().objects.create_user(
        "rina", "rina@warta.test", PASSWORD, first_name="Rina", last_name="Redaktur"
    )
    assign_role(rina, REDAKTUR)
    older = make_section("Metropolitan", slug="metropolitan")
    make_article(title="Tanggul laut Jakarta retak", section=older, summary="Tanggul retak.")
    day = Day(browser, live_server, screenshots_dir)
    yield day
    day.close()
    if day.problems:  # shown with a failure, whichever assertion stopped the day
        print("\nProblems seen so far:\n" + "\n".join(day.problems))


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "banjir-muara-baru.jpg"
    PILImage.new("RGB", (1600, 900), (30, 110, 160)).save(path, format="JPEG")
    return path


# Small steps people take ---------------------------------------------------------


def log_in(day: Day, page, username: str, password: str):
    page.goto(f"{day.url}/admin/login/")
    day.look(page, f"login-{username}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/admin/login/" not in page.url, f"{username} could not log in"


def submit(page, locator):
    """Click a button that posts the page's form and wait for where it leads; the
    form must have been accepted."""
    if page.locator("#w-autosave-indicator").count():
        let_autosave_settle(page)
    with page.expect_navigation():
        locator.click()
    page.wait_for_load_state()
    errors = form_errors(page)
    assert not errors, f"form refused on {page.url}: {errors}"


def let_autosave_settle(page):
    """A person reads over what she typed before pressing a button: by then Wagtail's
    autosave (half a second after the last change) has gone out and come back.

    Without this pause a test clicks while that autosave is on its way, which on a
    new page (the create view) makes the page twice: see the report of issue 12.
    """
    page.wait_for_timeout(1000)
    page.wait_for_function(
        """() => document.querySelector('#w-autosave-indicator')
            .getAttribute('data-w-autosave-state-value') !== 'saving'"""
    )


def form_errors(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.w-field__errors, .error-message, .form-errors')]
            .filter((e) => e.innerText.trim())
            .map((e) => (e.id || e.className) + ': ' + e.innerText.trim())"""
    )


def messages(page) -> str:
    box = page.locator(".messages")
    return box.inner_text() if box.count() else ""


def more_actions(page):
    """Open the footer's dropdown of save/publish/workflow actions."""
    page.locator("footer .w-dropdown__toggle").first.click()


def header_action(page, label: str):
    """Open the page header's "..." menu and follow one of its items."""
    page.locator("header .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.locator("header .w-dropdown__content").get_by_role("link", name=label).click()


def open_modal(page, button):
    """Click what opens a Wagtail modal; wait until it is shown and has the focus (it
    takes the focus when its fade-in ends: keys typed before would go nowhere)."""
    button.click()
    modal = page.locator(".modal-content")
    modal.wait_for()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.closest('.modal.in')"
    )
    return modal


def choose_in_modal(page, button, search: str, pick: str):
    """A Wagtail chooser: open it, search, click the item."""
    modal = open_modal(page, button)
    modal.locator("input[name=q]").press_sequentially(search)
    modal.get_by_role("link", name=pick).first.click()
    modal.wait_for(state="hidden")


def create_kanal(day: Day, page, title: str):
    page.goto(f"{day.url}/admin/pages/")
    page.locator("header a[href$='/add_subpage/']").first.click()
    page.wait_for_load_state()
    page.locator("#id_title").press_sequentially(title)
    page.locator("#id_title").blur()
    day.look(page, f"kanal-{title.lower()}")
    more_actions(page)
    submit(page, page.locator("button[name=action-publish]"))
    assert f"'{title}'" in messages(page) or title in messages(page)


def create_account(day: Day, page, username, first, last, group):
    page.goto(f"{day.url}/admin/users/new/")
    page.locator("#id_username").press_sequentially(username)
    page.locator("#id_email").press_sequentially(f"{username}@warta.test")
    page.locator("#id_first_name").press_sequentially(first)
    page.locator("#id_last_name").press_sequentially(last)
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    day.look(page, f"akun-{username}")
    page.get_by_role("tab").nth(1).click()  # roles
    page.get_by_role("checkbox", name=group, exact=True).check()
    day.look(page, f"akun-{username}-peran")
    submit(page, page.locator("main form button[type=submit]").last)
    assert username in page.locator("main").inner_text()


def add_block(page, body, label: str):
    """Insert a block at the end of the body through the "+" menu."""
    blocks = body.locator("[data-streamfield-child]")
    count = blocks.count()
    body.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    return blocks.last


def type_paragraph(block, text: str):
    editor = block.locator("[contenteditable=true]")
    editor.click()
    editor.press_sequentially(text)
    expect(editor).to_contain_text(text)
    # Draftail copies what was typed into the form 250 ms after the last key; a person
    # takes longer than that to reach the save button, a test does not.
    expect(block.locator("input[name$='-value']")).to_have_value(re.compile(re.escape(text)))


def add_tag(page, text: str):
    field = page.locator("#panel-child-konten-tags-section .ui-autocomplete-input")
    field.click()
    field.press_sequentially(text)
    field.press("Enter")


# The day --------------------------------------------------------------------------


def test_a_newsroom_day_in_bahasa_indonesia(day, photo):
    started = time.monotonic()

    # 1. The Redaktur opens the desks and the accounts ------------------------------
    rina = day.open("Redaktur")
    log_in(day, rina, "rina", PASSWORD)
    day.look(rina, "dasbor-redaktur")
    create_kanal(day, rina, "Nasional")
    create_kanal(day, rina, "Ekonomi")
    create_account(day, rina, "putri", "Putri", "Lestari", "Penulis")
    create_account(day, rina, "eko", "Eko", "Saputra", "Editor")
    day.look(rina, "daftar-pengguna")

    rina.goto(f"{day.url}/admin/editor-kanal/")
    day.look(rina, "editor-kanal")
    row = rina.locator("main tr").filter(has_text="Eko Saputra")
    with rina.expect_navigation():
        row.get_by_role("link", name="Atur kanal").click()
    rina.get_by_role("checkbox", name="Nasional").check()
    submit(rina, rina.locator("main form button[type=submit]"))
    day.look(rina, "editor-kanal-disimpan")
    assert "Nasional" in rina.locator("main").inner_text()

    rina.goto(f"{day.url}/admin/snippets/people/person/add/")
    rina.locator("#id_name").press_sequentially("Redaksi Warta")
    rina.locator("#id_role").select_option(label="Editor")
    day.look(rina, "kontributor-redaksi")
    submit(rina, rina.locator("footer button[type=submit]").first)
    assert "Redaksi Warta" in messages(rina)

    # 2. The Penulis, on her phone, creates her byline and writes -------------------
    putri = day.open("Penulis", PHONE)
    log_in(day, putri, "putri", NEW_PASSWORD)
    day.look(putri, "dasbor-penulis")
    putri.goto(f"{day.url}/admin/snippets/people/person/")
    day.look(putri, "kontributor-penulis")
    putri.locator("main").get_by_role("link", name="Tambah kontributor").first.click()
    putri.locator("#id_name").press_sequentially("Putri Lestari")
    putri.locator("#id_name").blur()
    putri.locator("#id_bio").press_sequentially("Reporter desk Nasional.")
    day.look(putri, "profil-penulis")
    submit(putri, putri.locator("footer button[type=submit]").first)
    assert "Putri Lestari" in messages(putri)

    putri.goto(f"{day.url}/admin/berita/")
    day.look(putri, "berita-penulis")
    putri.get_by_role("link", name="Tambah berita").click()
    putri.wait_for_load_state()
    day.look(putri, "pilih-kanal")
    choose_in_modal(
        putri, putri.locator("main form button").filter(has_text="Kanal").first, "Nas", "Nasional"
    )
    submit(putri, putri.locator("main form button[type=submit]"))

    putri.locator("#id_title").click()
    putri.locator("#id_title").press_sequentially(HEADLINE)
    putri.locator("#id_summary").click()
    putri.locator("#id_summary").press_sequentially("Ratusan rumah di Penjaringan tergenang.")
    body = putri.locator("#panel-child-konten-body-section")
    type_paragraph(add_block(putri, body, "Paragraf"), "Air laut pasang menggenangi permukiman.")
    block = add_block(putri, body, "Subjudul")
    block.locator("input[type=text]").press_sequentially("Warga bertahan di lantai dua")
    block = add_block(putri, body, "Gambar")
    modal = open_modal(putri, block.locator("button").filter(has_text="gambar").first)
    modal.get_by_role("tab", name="Unggah").click()
    modal.locator("input[type=file]").set_input_files(photo)
    modal.locator("input[name$=caption]").press_sequentially("Genangan di Muara Baru")
    modal.locator("input[name$=credit]").press_sequentially("Warta/Putri Lestari")
    day.look(putri, "unggah-foto")
    modal.locator("button[type=submit]").click()
    modal.wait_for(state="hidden")
    block = add_block(putri, body, "Kutipan")
    block.locator("textarea").press_sequentially("Air naik lebih cepat dari tahun lalu.")
    block.locator("input[type=text]").press_sequentially("Sumarni, warga")
    block = add_block(putri, body, "Baca Juga")
    choose_in_modal(
        putri,
        block.locator("button").filter(has_text="Berita").first,
        "Tanggul",
        "Tanggul laut Jakarta retak",
    )
    byline = putri.locator("#panel-child-konten-penulis_dan_kontributor-section")
    if "Putri Lestari" not in byline.inner_text():
        choose_in_modal(
            putri,
            byline.locator("button").filter(has_text="kontributor").first,
            "Putri",
            "Putri Lestari",
        )
    add_tag(putri, "banjir rob")
    add_tag(putri, "Jakarta Utara")
    day.look(putri, "menulis")
    submit(putri, putri.get_by_role("button", name="Simpan konsep"))
    day.look(putri, "konsep-tersimpan")
    article = ArticlePage.objects.get(title=HEADLINE)
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == [
        "paragraph",
        "heading",
        "image",
        "quote",
        "read_also",
    ]
    assert sorted(tag.name for tag in draft.tags.all()) == ["Jakarta Utara", "banjir rob"]
    assert [credit.person.name for credit in draft.authors.all()] == ["Putri Lestari"]
    assert article.get_parent().title == "Nasional" and not article.live
    more_actions(putri)
    submit(putri, putri.locator("button[name=action-submit]"))
    day.look(putri, "diajukan")
    assert HEADLINE in messages(putri)

    # 3. The Editor reads her queue and asks for a change -------------------------
    eko = day.open("Editor")
    log_in(day, eko, "eko", NEW_PASSWORD)
    day.look(eko, "dasbor-editor-antrean")
    queue = eko.locator("main").get_by_role("link", name=HEADLINE).first
    with eko.expect_navigation():
        queue.click()
    day.look(eko, "tinjau-berita")
    more_actions(eko)
    modal = open_modal(eko, eko.locator("button[data-workflow-action-name=reject]"))
    comment = modal.locator("textarea")
    comment.click()
    comment.press_sequentially(REQUESTED)
    assert comment.input_value() == REQUESTED
    day.look(eko, "minta-perubahan")
    submit(eko, modal.locator("button[type=submit]"))
    day.look(eko, "perubahan-diminta")

    # 4. The Penulis answers ------------------------------------------------------
    putri.goto(f"{day.url}/admin/")
    day.look(putri, "dasbor-penulis-dikembalikan")
    with putri.expect_navigation():
        putri.locator("main").get_by_role("link", name=HEADLINE).first.click()
    assert REQUESTED in messages(putri)
    day.look(putri, "komentar-editor")
    body = putri.locator("#panel-child-konten-body-section")
    type_paragraph(add_block(putri, body, "Paragraf"), "BPBD DKI mencatat 412 warga mengungsi.")
    more_actions(putri)
    submit(putri, putri.locator("button[name=action-submit]"))
    day.look(putri, "diajukan-ulang")
    article.refresh_from_db()
    answered = article.get_latest_revision_as_object()
    assert "412 warga mengungsi" in str(answered.body[-1].value)

    # 5. The Editor approves with a schedule, and sees it go live ----------------
    eko.goto(f"{day.url}/admin/")
    with eko.expect_navigation():
        eko.locator("main").get_by_role("link", name=HEADLINE).first.click()
    eko.locator("[data-side-panel-toggle=status]").click()
    status = eko.locator("[data-side-panel=status]")
    status.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    dialog = eko.locator("#schedule-publishing-dialog")
    dialog.wait_for()
    # The admin takes minutes: the next whole minute at least 12 s away, in WIB.
    go_live = (datetime.now(WIB) + timedelta(seconds=72)).replace(second=0, microsecond=0)
    dialog.locator("#id_go_live_at").press_sequentially(go_live.strftime("%Y-%m-%d %H:%M"))
    dialog.locator("h2, .w-dialog__title").first.click()  # done typing: the picker closes
    day.look(eko, "jadwal")
    submit(eko, dialog.locator("button[type=submit]"))
    more_actions(eko)
    approve = eko.locator("button[data-workflow-action-name=approve]").first
    assert "jadwalkan" in approve.inner_text()
    day.look(eko, "setujui-dan-jadwalkan")
    submit(eko, approve)
    day.look(eko, "terjadwal")
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == go_live
    # In the kanal's listing the row has no link to a live page yet.
    row = eko.locator("main tr").filter(has_text=HEADLINE)
    live_link = row.locator(f"a[href='{article.url}']")
    assert live_link.count() == 0

    assert publish_due().published == []  # the scheduler leaves it until its time
    reader = day.open("Pembaca", PHONE)
    time.sleep(max(0.0, (go_live - datetime.now(WIB)).total_seconds()) + 0.5)
    assert publish_due().published == [str(article.pk)]
    article.refresh_from_db()
    assert article.live
    eko.reload()
    expect(live_link).to_have_count(1)  # her listing shows it live
    day.look(eko, "sudah-tayang")

    # 6. A reader reads it; a ralat ------------------------------------------------
    article_url = f"{day.url}{article.url}"
    reader.goto(article_url)
    day.look(reader, "berita-tayang", allow=[HEADLINE])
    page_text = reader.locator("main").inner_text()
    for text in (
        HEADLINE,
        "Air laut pasang menggenangi permukiman.",
        "Warga bertahan di lantai dua",
        "Air naik lebih cepat dari tahun lalu.",
        "Tanggul laut Jakarta retak",
        "412 warga mengungsi",
        "Putri Lestari",
        "Jakarta Utara",
    ):
        assert text in page_text, text
    assert reader.locator("main img[src*='/media/']").count() >= 1

    with eko.expect_navigation():
        row.get_by_role("link", name=HEADLINE).first.click()
    header_action(eko, "Ralat")
    eko.locator("#id_text").press_sequentially(
        "Sebelumnya tertulis 214 warga; yang benar 412 warga."
    )
    day.look(eko, "ralat")
    submit(eko, eko.locator("main form button[type=submit]"))
    day.look(eko, "ralat-dimuat")
    reader.reload()
    assert "yang benar 412 warga" in reader.locator("main").inner_text()
    day.look(reader, "berita-dengan-ralat")

    # 7. A hak jawab, from the public form to its published reply -----------------
    with reader.expect_navigation():
        reader.get_by_role("link", name="Ajukan hak jawab").click()
    day.look(reader, "form-hak-jawab")
    reader.get_by_label("Nama lengkap").press_sequentially("Hendra Wijaya")
    reader.get_by_label("Surel atau nomor telepon").press_sequentially("hendra@pelindo.test")
    reader.get_by_label("Isi hak jawab").press_sequentially(
        "Pelindo menegaskan tanggul pelabuhan tidak jebol; genangan berasal dari saluran warga."
    )
    submit(reader, reader.get_by_role("button", name="Kirim hak jawab"))
    day.look(reader, "hak-jawab-terkirim")
    assert Reply.objects.filter(article=article, name="Hendra Wijaya").exists()

    eko.goto(f"{day.url}/admin/berita/")
    eko.get_by_role("link", name="Tambah berita").click()
    eko.wait_for_load_state()
    if "choose_parent" in eko.url:
        choose_in_modal(
            eko, eko.locator("main form button").filter(has_text="Kanal").first, "Nas", "Nasional"
        )
        submit(eko, eko.locator("main form button[type=submit]"))
    eko.locator("#id_title").press_sequentially(CARRIER)
    body = eko.locator("#panel-child-konten-body-section")
    type_paragraph(add_block(eko, body, "Paragraf"), "Pelindo menegaskan tanggul tidak jebol.")
    byline = eko.locator("#panel-child-konten-penulis_dan_kontributor-section")
    choose_in_modal(
        eko,
        byline.locator("button").filter(has_text="kontributor").first,
        "Redaksi",
        "Redaksi Warta",
    )
    day.look(eko, "tulis-hak-jawab")
    more_actions(eko)
    submit(eko, eko.locator("button[name=action-publish]"))
    day.look(eko, "hak-jawab-terbit")
    carrier = ArticlePage.objects.get(title=CARRIER)
    assert carrier.live

    eko.goto(f"{day.url}/admin/hak-jawab/")
    day.look(eko, "antrean-hak-jawab")
    with eko.expect_navigation():
        eko.locator("main").get_by_role("link", name="Hendra Wijaya").first.click()
    eko.locator("#id_status").select_option(label="Dimuat")
    choose_in_modal(
        eko,
        eko.locator("main form button").filter(has_text="Berita").last,
        "Pelindo",
        CARRIER,
    )
    day.look(eko, "hak-jawab-dimuat")
    submit(eko, eko.locator("footer button[type=submit]").first)
    reply = Reply.objects.get(name="Hendra Wijaya")
    assert reply.status == ReplyStatus.DIMUAT and reply.published_as_id == carrier.pk

    reader.goto(article_url)
    reader.locator(".reply-links").get_by_role("link", name=CARRIER).click()
    reader.wait_for_load_state()
    day.look(reader, "hak-jawab-di-situs")
    assert f"Hak jawab atas: {HEADLINE}" in reader.locator("main").inner_text()

    # 8. The takedown ------------------------------------------------------------
    eko.goto(f"{day.url}/admin/pages/{article.pk}/edit/")
    header_action(eko, "Tarik")
    day.look(eko, "tarik-berita")
    eko.get_by_label("Alasan pencabutan").select_option(value="dewan_pers")
    eko.get_by_label("Keterangan").press_sequentially("Menjalankan rekomendasi Dewan Pers.")
    submit(eko, eko.locator("main form button[type=submit]"))
    day.look(eko, "berita-ditarik")
    assert Takedown.objects.filter(article=article, reason="dewan_pers").exists()

    day.expected_gone.add(article_url)
    response = reader.goto(article_url)
    assert response.status == 410
    day.look(reader, "pemberitahuan-pencabutan")
    notice = reader.locator("main").inner_text()
    assert "Berita ini telah dicabut" in notice
    assert "Menjalankan rekomendasi Dewan Pers." in notice

    elapsed = time.monotonic() - started
    print(f"\nnewsroom day: {elapsed:.0f} s; screens, share of Indonesian strings:")
    for name, share in day.screens:
        print(f"  {share:6.1%}  {name}")
    assert day.problems == [], "\n".join(day.problems)
