"""Admin avatars in Chromium: initials or an uploaded photo, nothing fetched from
outside the site (Warta issue 12, item 7).

Other browser tests abort requests that leave the live server, which is how Gravatar
went unnoticed: here each one is recorded, and the test fails on any. A Redaktur signs
in (initials in the sidebar), uploads a profile photo on her account page (the photo
becomes her avatar and loads), then resets it (initials again).
"""

from __future__ import annotations

import base64

import pytest

from warta.testing.photos import png_bytes
from warta.users.roles import REDAKTUR
from warta.users.tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.sqlite_pass,  # screens and layout: the same on either database
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # make_user's
SVG = "data:image/svg+xml;base64,"
SIDEBAR_AVATAR = ".sidebar-footer img"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.outside = []
    page.failed = []

    def leave_nothing(route):
        page.outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith((live_server.url, "data:")), leave_nothing)
    page.on("requestfailed", lambda request: page.failed.append(request.url))
    page.on("response", lambda r: page.failed.append(r.url) if r.status >= 400 else None)
    yield page
    context.close()


def _images(page) -> list[dict]:
    return page.eval_on_selector_all(
        "img",
        "imgs => imgs.map(i => ({src: i.currentSrc || i.src, loaded: i.complete"
        " && i.naturalWidth > 0, lazy: i.loading === 'lazy'}))",
    )


def _sidebar_avatar(page) -> str:
    avatar = page.locator(SIDEBAR_AVATAR)
    avatar.wait_for()
    page.wait_for_function(
        f"document.querySelector('{SIDEBAR_AVATAR}').complete"
        f" && document.querySelector('{SIDEBAR_AVATAR}').naturalWidth > 0"
    )
    return avatar.get_attribute("src")


def _initials_in(src: str) -> str:
    assert src.startswith(SVG), src
    svg = base64.b64decode(src.removeprefix(SVG)).decode()
    return svg.rsplit("</text>", 1)[0].rsplit(">", 1)[1]


def _save_account(page):
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    # Wagtail comes back to the account page with a success message.
    assert page.url.endswith("/admin/account/"), page.url
    assert page.locator(".messages .success").count() == 1


def test_avatars_are_initials_or_the_uploaded_photo_and_nothing_leaves_the_site(
    page, live_server, tmp_path, screenshots_dir
):
    make_user("rina", REDAKTUR, first_name="Rina", last_name="Redaktur")
    make_user("budi", first_name="Budi", last_name="Penulis")
    photo = tmp_path / "wajah-rina.png"
    photo.write_bytes(png_bytes(120, 120))

    page.goto(f"{live_server.url}/admin/login/?next=/admin/users/")
    page.fill("#id_username", "rina")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert _initials_in(_sidebar_avatar(page)) == "RR"

    # The account list: every account wears its initials, drawn without a request.
    listed = [img["src"] for img in _images(page) if img["src"].startswith(SVG)]
    assert {"RR", "BP"} <= {_initials_in(src) for src in listed}
    page.screenshot(path=screenshots_dir / "avatars-users-1280.png", full_page=True)

    # Her own photo, uploaded from disk on the account page.
    page.goto(f"{live_server.url}/admin/account/")
    page.set_input_files("#id_avatar-avatar", str(photo))
    _save_account(page)
    src = _sidebar_avatar(page)
    assert src.startswith("/media/avatar_images/"), src

    # On the account page: the photo, and the initials she would return to.
    panel = page.locator(".w-avatar-panel")
    assert _initials_in(panel.locator("img.gravatar").get_attribute("src")) == "RR"
    assert panel.locator(".avatar-span img").get_attribute("src").startswith("/media/")
    panel.scroll_into_view_if_needed()
    page.screenshot(path=screenshots_dir / "avatars-account-photo-1280.png")
    page.locator("#avatar-avatar-clear_id").check()
    page.screenshot(path=screenshots_dir / "avatars-account-reset-1280.png")
    _save_account(page)
    assert _initials_in(_sidebar_avatar(page)) == "RR"

    for image in _images(page):
        assert image["src"].startswith((live_server.url, SVG)), image
        assert image["loaded"] or image["lazy"], image
    assert page.outside == []
    assert page.failed == []
