"""Sign-in limits and two-factor codes, typed into the real admin login (issue 11).

- Wrong passwords typed one after another until the Indonesian lockout message
  shows; the right password is refused too while locked.
- An Editor turns on two-factor sign-in from the account page (QR code and secret),
  signs out, and signs in again typing the 6-digit code an authenticator app shows.
- The Permissions-Policy header leaves no console message in Chromium (an unknown
  feature name would be one on every page).

The sign-in limits read ``throttle.now``; the live server runs in this process, so
the test moves that clock past the growing delays instead of sleeping.
"""

from __future__ import annotations

import base64
import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import TOTP

from warta.security import throttle
from warta.security.models import SignInCounter
from warta.users.roles import EDITOR, REDAKTUR
from warta.users.tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.sqlite_pass,  # screens and layout: the same on either database
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "sandi-uji-123"  # make_user's
LOCKED = "Terlalu banyak percobaan masuk yang gagal"
WIDTHS = ((390, 844), (1280, 900))


@pytest.fixture
def clock(monkeypatch):
    state = {"at": timezone.now()}
    monkeypatch.setattr(throttle, "now", lambda: state["at"])

    def advance(seconds):
        state["at"] += timedelta(seconds=seconds)

    return advance


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_messages = []
    page.on("console", lambda message: page.console_messages.append(message.text))
    yield page
    context.close()


def _shoot(page, screenshots_dir, name, *, reload=False):
    """At a phone's width and a laptop's; a GET page is loaded afresh at each width so
    the admin lays itself out as it would on that screen."""
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        if reload:
            page.reload()
        page.wait_for_timeout(300)
        page.screenshot(path=screenshots_dir / f"signin-{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _submit(page, username, password):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("form.login-form button[type=submit]").click()


def test_wrong_passwords_until_the_lockout_message(page, live_server, clock, screenshots_dir):
    make_user("sari", EDITOR)
    page.goto(f"{live_server.url}/admin/login/")
    typed = 0
    while LOCKED not in page.locator(".messages").inner_text():
        assert typed < 20, "no lockout after 20 wrong passwords"
        _submit(page, "sari", f"salah-{typed}")
        typed += 1
        if LOCKED not in page.locator(".messages").inner_text():
            assert "Nama pengguna atau kata sandi salah" in page.locator(".messages").inner_text()
        clock(20)  # past each growing delay: only the lockout stops it
    assert typed == 11  # ten failures checked, the eleventh refused
    assert "15 menit" in page.locator(".messages").inner_text()
    _shoot(page, screenshots_dir, "locked")

    _submit(page, "sari", PASSWORD)
    assert LOCKED in page.locator(".messages").inner_text()
    assert "/admin/login/" in page.url

    # An unknown name gets the same answers.
    page.goto(f"{live_server.url}/admin/login/")
    for n in range(11):
        _submit(page, "tidak-ada", f"salah-{n}")
        clock(20)
    assert "15 menit" in page.locator(".messages").inner_text()
    assert not [m for m in page.console_messages if "Permissions-Policy" in m]

    # The Redaktur sees both locks and lifts Sari's.
    make_user("dewi", REDAKTUR)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/keamanan/kunci-masuk/")
    clock(30)  # the address (20 failures) asks for a second's wait; the accounts stay locked
    _submit(page, "dewi", PASSWORD)
    assert page.url.endswith("/admin/keamanan/kunci-masuk/")
    listing = page.locator("main").inner_text()
    assert "sari" in listing and "tidak dikenal" in listing and "Terkunci sampai" in listing
    _shoot(page, screenshots_dir, "locks", reload=True)

    lock = SignInCounter.objects.get(scope=SignInCounter.ACCOUNT, label="sari")
    page.goto(f"{live_server.url}/admin/keamanan/buka-kunci/{lock.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Buka kunci").click()
    assert "Kunci dibuka" in page.locator(".messages").inner_text()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    _submit(page, "sari", PASSWORD)
    assert page.url.rstrip("/").endswith("/admin")


def _code(secret: str, steps_ahead: int = 0) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key, 30, 0, 6)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def test_an_editor_turns_on_codes_and_signs_in_with_one(page, live_server, screenshots_dir):
    make_user("sari", EDITOR, first_name="Sari")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/keamanan/2fa/")
    _submit(page, "sari", PASSWORD)
    assert page.url.endswith("/admin/keamanan/2fa/")
    assert page.locator(".warta-2fa-qr svg").is_visible()
    _shoot(page, screenshots_dir, "setup-qr", reload=True)
    secret = re.sub(r"\s", "", page.locator("[data-secret]").inner_text())

    page.fill("#id_code", _code(secret))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "Verifikasi dua langkah aktif" in page.content()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    _submit(page, "sari", PASSWORD)
    assert page.url.endswith("/admin/login/kode/")
    page.fill("#id_code", "000000" if _code(secret, 1) != "000000" else "111111")
    with page.expect_navigation():
        page.locator("form.login-form button[type=submit]").click()
    assert "Kode tidak cocok" in page.locator(".messages").inner_text()
    _shoot(page, screenshots_dir, "code-wrong")

    page.fill("#id_code", _code(secret, 1))  # the app's next code: this one was used
    with page.expect_navigation():
        page.locator("form.login-form button[type=submit]").click()
    assert page.url.rstrip("/").endswith("/admin")
    assert page.locator("#main").is_visible()
    assert not [m for m in page.console_messages if "Permissions-Policy" in m]
