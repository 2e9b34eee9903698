"""The reference page, end to end in a real browser.

Import ../shared/reference/populer24-article.txt, publish it, open it in Chromium and
read, from the page's visible text, every part the reference shows, in its order.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from warta.advertising.models import AdSlot
from warta.analytics.buffers import hour_of
from warta.analytics.models import ArticleReads
from warta.articles.services import publish_article
from warta.importers.services import import_page_text
from warta.masthead.models import SiteSettings
from warta.notices.models import Notice
from warta.testing.factories import home_page, make_article, make_image, make_section

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "populer24-article.txt"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def reference_article():
    if not REFERENCE.exists():
        pytest.skip(f"the reference page is not here ({REFERENCE}); CI always has ../shared")
    site_settings = SiteSettings.for_site(home_page().get_site())
    site_settings.site_name = "Warta Nusantara"
    site_settings.save()
    section = make_section("Internasional", slug="internasional")
    Notice.objects.create(title="Pemberitahuan", text="Kami sedang menguji tampilan baru.")
    AdSlot.objects.create(
        name="Billboard",
        position="header_top",
        size="970x90",
        creative=make_image(width=970, height=90),
    )
    AdSlot.objects.create(
        name="Leaderboard",
        position="below_masthead",
        size="728x90",
        creative=make_image(width=728, height=90),
    )
    other = make_article(
        title="Diplomasi kawasan memasuki babak baru",
        section=section,
        tags=["diplomasi", "rusia"],
        lead_image=make_image(),
    )
    ArticleReads.objects.create(article=other, hour=hour_of(timezone.now()), reads=40)

    result = import_page_text(REFERENCE.read_text(encoding="utf-8"), section=section)
    article = result.article
    # The editor's part before publishing: tags and two subheadings for Daftar Isi.
    draft = article.get_latest_revision_as_object()
    body = list(draft.body.raw_data)
    body.insert(2, {"type": "heading", "value": {"text": "Pembicaraan lewat telepon"}})
    body.insert(6, {"type": "heading", "value": {"text": "Sikap Ankara soal drone"}})
    draft.body = body
    draft.tags.add("turki", "rusia")
    publish_article(draft)
    article.refresh_from_db()
    return article


def _visible_text(page) -> str:
    return " ".join(page.inner_text("body").split())


def _assert_in_order(text: str, parts: list[str]):
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after {text[position : position + 120]!r}"
        position = found + len(part)


REFERENCE_PARTS = [
    "Pemberitahuan",
    "×",
    "Iklan",
    "Iklan",
    "Indeks Berita",
    "Tag Terpopuler",
    "Sempat Memanas Akibat Konflik, Presiden Turki Dan Presiden Rusia Berjanji Meningkatkan "
    "Kembali Hubungan Bilateralnya",
    "Jumat, 14 Januari 2022 | 12:13 WIB",
    "Diperbarui Rabu, 14 Desember 2022 | 23:21 WIB",
    "Daftar Isi [Tampilkan]",
    "Sempat Memanas Akibat Konflik",
    "Vladmir Putin dan Recep Tayyip Erdogan | Foto: Instagram @telegraph.moldova",
    "Populer24 - Kerjasama baik nampaknya semakin ditunjukkan",
    "Dilansir dari AFP",
    "Oleh: Devi Novitasari",
    "Sumber Berita: ISLAMPOS",
]


def test_reference_article_in_chromium(live_server, browser, reference_article, screenshots_dir):
    """One test, on purpose: the browser tests are transactional and restore the
    migrated rows (site, home page) after each other (see docs/architecture.md,
    "Browser tests"), so each page check below sees what this test made."""
    _check_reference_parts(live_server, browser, reference_article, screenshots_dir)
    for viewport in (PHONE, DESKTOP):
        _check_ad_slots_do_not_shift_the_layout(
            live_server, browser, reference_article, screenshots_dir, viewport
        )
    _check_notice_returns_when_it_changes(live_server, browser, reference_article)


def _check_reference_parts(live_server, browser, reference_article, screenshots_dir):
    url = live_server.url + reference_article.url
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    page.goto(url)

    text = _visible_text(page)
    _assert_in_order(text, REFERENCE_PARTS)
    assert page.locator("h1").count() == 1
    assert page.locator("time.published").get_attribute("datetime") == "2022-01-14T12:13:00+07:00"
    assert "#diplomasi" in text or "#rusia" in text  # Tag Terpopuler lists real tags
    byline = page.get_by_role("link", name="Devi Novitasari")
    assert byline.get_attribute("href") == "/penulis/devi-novitasari/"
    page.screenshot(path=str(screenshots_dir / "reference-article-desktop.png"), full_page=True)

    # Daftar Isi: collapsed at first, opens and closes with its toggle.
    toc = page.locator("details.toc")
    assert not toc.evaluate("el => el.open")
    assert not page.get_by_role("link", name="Pembicaraan lewat telepon").is_visible()
    page.get_by_text("[Tampilkan]").click()
    assert page.get_by_text("[Sembunyikan]").is_visible()
    page.get_by_role("link", name="Pembicaraan lewat telepon").click()
    assert page.url.endswith("#pembicaraan-lewat-telepon")
    page.get_by_text("[Sembunyikan]").click()
    assert page.get_by_text("[Tampilkan]").is_visible()

    # The notice closes and stays closed in this browser after a reload.
    notice = page.locator(".notice-bar")
    assert notice.is_visible()
    page.get_by_role("button", name="Tutup pemberitahuan").click()
    assert not notice.is_visible()
    page.reload()
    assert not page.locator(".notice-bar").is_visible()
    assert "Kami sedang menguji tampilan baru." not in _visible_text(page)
    context.close()


def _check_notice_returns_when_it_changes(live_server, browser, reference_article):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_server.url + reference_article.url)
    page.get_by_role("button", name="Tutup pemberitahuan").click()
    notice = Notice.objects.get()
    notice.text = "Pemberitahuan yang sudah diperbarui."
    notice.changed_at = notice.changed_at + timedelta(seconds=5)
    notice.save()
    page.reload()
    assert page.locator(".notice-bar").is_visible()
    assert "Pemberitahuan yang sudah diperbarui." in _visible_text(page)
    context.close()


def _check_ad_slots_do_not_shift_the_layout(
    live_server, browser, reference_article, screenshots_dir, viewport
):
    """Hold the ad images back, measure, let them load, measure again: same boxes."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    held = []
    page.route("**/media/images/*.max-2000x2000.*", lambda route: held.append(route))
    page.goto(live_server.url + reference_article.url, wait_until="domcontentloaded")
    page.wait_for_function("() => document.querySelectorAll('.ad').length === 2")
    before = page.eval_on_selector_all(".ad, h1", _BOXES)
    for route in held:
        route.continue_()
    page.unroute("**/media/images/*.max-2000x2000.*")
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.ad img')].every(i => i.complete && i.naturalWidth)"
    )
    after = page.eval_on_selector_all(".ad, h1", _BOXES)
    assert before == after
    shift = page.evaluate(_LAYOUT_SHIFT)
    assert shift == 0, f"cumulative layout shift {shift}"
    name = "phone" if viewport is PHONE else "desktop"
    page.screenshot(path=str(screenshots_dir / f"reference-article-{name}-top.png"))
    page.screenshot(path=str(screenshots_dir / f"reference-article-{name}.png"), full_page=True)
    context.close()


_BOXES = """els => els.map(el => {
  const r = el.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height];
})"""
_LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""
