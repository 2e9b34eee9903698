"""Two-factor sign-in with real TOTP codes (RFC 6238, computed as an app would)."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from warta.security.models import LoginAttempt
from warta.security.tests.conftest import PASSWORD, sign_in, signed_in
from warta.users.roles import PENULIS
from warta.users.tests.conftest import make_user

pytestmark = pytest.mark.django_db


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or ``steps_ahead`` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """A code no app would show in the periods around now."""
    shown = {code_for(device, steps) for steps in (-1, 0, 1, 2)}
    return next(c for c in ("000000", "111111", "222222", "333333", "444444") if c not in shown)


def secret_from_page(html: str) -> str:
    return re.search(r"<code data-secret[^>]*>([A-Z2-7 ]+)</code>", html).group(1).replace(" ", "")


@pytest.fixture(autouse=True)
def _no_otp_pause(settings):
    """django-otp makes a device wait 1 s after a wrong code; the tests do not sleep."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def set_up(user) -> TOTPDevice:
    """As the user does it: open "Verifikasi dua langkah", scan, type the code."""
    client = Client()
    client.force_login(user)
    page = client.get("/admin/keamanan/2fa/").content.decode()
    assert "Pindai kode QR" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = secret_from_page(page)
    assert base64.b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    wrong = client.post("/admin/keamanan/2fa/", {"code": wrong_code(device)})
    assert "Kode tidak cocok" in wrong.content.decode()
    assert client.post("/admin/keamanan/2fa/", {"code": code_for(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert "aktif" in client.get("/admin/keamanan/2fa/").content.decode()
    return device


def test_a_redaktur_sets_up_codes_and_then_signs_in_with_one(redaktur):
    device = set_up(redaktur)
    client = Client()
    response = sign_in(client, "redaktur")
    assert response.status_code == 302 and response.url == "/admin/login/kode/"
    assert not signed_in(client)  # the password alone does not sign in
    assert client.get("/admin/").status_code == 302

    page = client.get("/admin/login/kode/").content.decode()
    assert "Kode 6 angka" in page
    wrong = client.post("/admin/login/kode/", {"code": wrong_code(device)})
    assert "Kode tidak cocok" in wrong.content.decode() and not signed_in(client)
    assert LoginAttempt.objects.filter(outcome=LoginAttempt.WRONG_CODE).count() == 1

    # The setup used this period's code; an app shows the next one 30 s later.
    done = client.post("/admin/login/kode/", {"code": code_for(device, 1)})
    assert done.status_code == 302 and done.url == "/admin/"
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200


def test_a_used_code_is_not_accepted_again(redaktur):
    device = set_up(redaktur)
    code = code_for(device, 1)
    first = Client()
    sign_in(first, "redaktur")
    first.post("/admin/login/kode/", {"code": code})
    assert signed_in(first)
    second = Client()
    sign_in(second, "redaktur")
    assert "Kode tidak cocok" in second.post("/admin/login/kode/", {"code": code}).content.decode()
    assert not signed_in(second)


def test_wrong_codes_count_against_the_account(redaktur, clock):
    device = set_up(redaktur)
    client = Client()
    sign_in(client, "redaktur")
    for _ in range(10):
        client.post("/admin/login/kode/", {"code": wrong_code(device)})
        clock.advance(seconds=20)
    refused = client.post("/admin/login/kode/", {"code": wrong_code(device)}).content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal" in refused
    assert (
        "Terlalu banyak percobaan masuk yang gagal"
        in sign_in(Client(), "redaktur").content.decode()
    )


def test_the_code_step_needs_a_password_first(redaktur):
    set_up(redaktur)
    client = Client()
    response = client.post("/admin/login/kode/", {"code": "123456"})
    assert response.status_code == 302 and response.url == "/admin/login/"
    assert not signed_in(client)


def test_required_for_a_role_sets_up_before_the_admin_opens(editor, settings):
    settings.WARTA_REQUIRE_2FA_FOR = ["Redaktur", "Editor"]
    client = Client()
    response = sign_in(client, "editor")
    assert response.url == "/admin/login/pasang-kode/"
    assert not signed_in(client)
    page = client.get("/admin/login/pasang-kode/").content.decode()
    assert "wajib" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    done = client.post("/admin/login/pasang-kode/", {"code": code_for(device)})
    assert done.status_code == 302 and signed_in(client)
    device.refresh_from_db()
    assert device.confirmed
    # Required: it cannot be turned off from the account page.
    page = client.get("/admin/keamanan/2fa/").content.decode()
    assert "tidak dapat dinonaktifkan" in page


def test_optional_by_default_and_only_for_redaktur_and_editor(editor):
    client = Client()
    sign_in(client, "editor")
    assert signed_in(client)  # no code asked
    penulis = make_user("penulis", PENULIS)
    writer = Client()
    writer.force_login(penulis)
    assert writer.get("/admin/keamanan/2fa/").status_code in (302, 403)
    assert not TOTPDevice.objects.filter(user=penulis).exists()


def test_a_session_without_the_code_is_signed_out(redaktur):
    """The front-end login asks for the password only: its session gets no admin."""
    set_up(redaktur)
    client = Client()
    client.post("/_util/login/", {"username": "redaktur", "password": PASSWORD})
    assert signed_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    assert not signed_in(client)


def test_a_redaktur_resets_a_lost_phone(redaktur, editor):
    device = set_up(editor)
    admin = Client()
    admin.force_login(redaktur)
    listing = admin.get("/admin/users/").content.decode()
    assert f"/admin/keamanan/2fa/atur-ulang/{editor.pk}/" in listing
    assert (
        "memakai verifikasi dua langkah"
        in admin.get(f"/admin/keamanan/2fa/atur-ulang/{editor.pk}/").content.decode()
    )
    assert admin.post(f"/admin/keamanan/2fa/atur-ulang/{editor.pk}/").status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    client = Client()
    sign_in(client, "editor")
    assert signed_in(client)


def test_an_editor_cannot_reset_anyone(redaktur, editor):
    device = set_up(redaktur)
    client = Client()
    client.force_login(editor)
    assert client.post(f"/admin/keamanan/2fa/atur-ulang/{redaktur.pk}/").status_code in (302, 403)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_turning_it_off_takes_a_code(editor):
    device = set_up(editor)
    client = Client()
    sign_in(client, "editor")
    client.post("/admin/login/kode/", {"code": code_for(device, 1)})
    assert signed_in(client)
    assert (
        "Kode tidak cocok"
        in client.post("/admin/keamanan/2fa/", {"code": wrong_code(device)}).content.decode()
    )
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()
    client.post("/admin/keamanan/2fa/", {"code": code_for(device, 2)})
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_misspelt_role_stops_start_up(settings):
    from warta.security.checks import required_roles_exist

    settings.WARTA_REQUIRE_2FA_FOR = ["Redaktur", "editor"]
    errors = required_roles_exist(None)
    assert [e.id for e in errors] == ["warta.security.E001"] and "editor" in errors[0].msg
    settings.WARTA_REQUIRE_2FA_FOR = ["Redaktur", "Editor"]
    assert required_roles_exist(None) == []


def test_a_malformed_code_is_told_in_indonesian(redaktur):
    set_up(redaktur)
    client = Client()
    sign_in(client, "redaktur")
    page = client.post("/admin/login/kode/", {"code": "12ab"}).content.decode()
    assert "Kode terdiri dari 6 angka." in page
    assert page.count("Kode terdiri dari 6 angka.") <= 2  # in the messages, maybe by the field
    assert not signed_in(client)
