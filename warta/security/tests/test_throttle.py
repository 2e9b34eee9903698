"""Sign-in limits on the admin login (issue 11, finding 1): 60 wrong passwords in a
row used to be accepted, and the right one right after."""

from __future__ import annotations

import pytest
from django.test import Client

from warta.security import throttle
from warta.security.models import LoginAttempt, SignInCounter
from warta.security.tests.conftest import PASSWORD, sign_in, signed_in

pytestmark = pytest.mark.django_db

LOCK_MESSAGE = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam"
WRONG_MESSAGE = "Nama pengguna atau kata sandi salah."


def test_sixty_wrong_passwords_lock_the_account_until_a_redaktur_lifts_it(
    client, redaktur, editor, clock
):
    answers = []
    for n in range(60):
        answers.append(sign_in(client, "editor", "salah-sekali").content.decode())
        clock.advance(seconds=20 if n < 10 else 5)  # past every growing delay, then quick
    assert sum(WRONG_MESSAGE in a for a in answers) == 10  # checked: the first ten
    assert all(LOCK_MESSAGE in a for a in answers[10:])
    assert "15 menit" in answers[10]

    refused = sign_in(client, "editor", PASSWORD)
    assert LOCK_MESSAGE in refused.content.decode()
    assert not signed_in(client)

    lock = SignInCounter.objects.get(
        scope=SignInCounter.ACCOUNT, key=throttle.account_key("editor")
    )
    admin = Client()
    admin.force_login(redaktur)
    index = admin.get("/admin/keamanan/kunci-masuk/")
    assert index.status_code == 200
    assert "Buka kunci" in index.content.decode() and "editor" in index.content.decode()
    assert admin.post(f"/admin/keamanan/buka-kunci/{lock.pk}/").status_code == 302
    assert not SignInCounter.objects.filter(pk=lock.pk).exists()

    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_lock_runs_out_by_itself(client, editor, clock):
    for _ in range(10):
        sign_in(client, "editor", "salah")
        clock.advance(seconds=20)
    assert LOCK_MESSAGE in sign_in(client, "editor", PASSWORD).content.decode()
    clock.advance(minutes=16)
    sign_in(client, "editor", PASSWORD)
    assert signed_in(client)


def test_the_delay_grows_after_five_failures_and_refuses_even_the_right_password(
    client, editor, clock
):
    for _ in range(5):
        assert WRONG_MESSAGE in sign_in(client, "editor", "salah").content.decode()
    refused = sign_in(client, "editor", PASSWORD).content.decode()
    assert f"{LOCK_MESSAGE} 1 detik." in refused
    clock.advance(seconds=1)
    sign_in(client, "editor", "salah")  # the 6th failure: now 2 seconds
    clock.advance(seconds=1)
    assert f"{LOCK_MESSAGE} 1 detik." in sign_in(client, "editor", PASSWORD).content.decode()
    clock.advance(seconds=1)
    sign_in(client, "editor", PASSWORD)
    assert signed_in(client)


def test_success_clears_the_accounts_counter(client, editor, clock):
    for _ in range(4):
        sign_in(client, "editor", "salah")
    sign_in(client, "editor", PASSWORD)
    assert signed_in(client)
    assert not SignInCounter.objects.filter(scope=SignInCounter.ACCOUNT).exists()
    client.logout()
    sign_in(client, "editor", "salah")
    assert WRONG_MESSAGE in sign_in(client, "editor", "salah").content.decode()


def test_unknown_and_known_names_get_the_same_answers(editor, clock):
    def answers(username):
        client = Client()
        texts = []
        for _ in range(12):
            response = sign_in(client, username, "salah")
            texts.append((response.status_code, _messages(response.content.decode())))
            clock.advance(seconds=20)
        return texts

    known = answers("editor")
    unknown = answers("tidak-ada")
    assert known == unknown
    assert LOCK_MESSAGE in known[-1][1]


def test_the_address_is_limited_across_usernames(client, clock):
    for n in range(50):
        sign_in(client, f"tebakan{n}", "salah")
        clock.advance(seconds=40)
    refused = sign_in(client, "nama-baru", "salah").content.decode()
    assert LOCK_MESSAGE in refused
    # Another address is not held back.
    assert (
        WRONG_MESSAGE in sign_in(Client(REMOTE_ADDR="198.51.100.9"), "x", "salah").content.decode()
    )


def test_forwarded_for_written_by_the_client_buys_nothing(client, settings, clock):
    settings.WARTA_PROXY_HOPS = 1
    for n in range(50):
        sign_in(
            client,
            f"tebakan{n}",
            "salah",
            HTTP_X_FORWARDED_FOR=f"10.0.{n}.1, 203.0.113.5",
        )
        clock.advance(seconds=40)
    refused = sign_in(client, "lain", "salah", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5")
    assert LOCK_MESSAGE in refused.content.decode()


def test_ipv6_counts_per_64(clock):
    for n in range(50):
        sign_in(Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}"), f"t{n}", "salah")
        clock.advance(seconds=40)
    same_64 = sign_in(Client(REMOTE_ADDR="2001:db8:1:2:ffff::1"), "lain", "salah")
    other_64 = sign_in(Client(REMOTE_ADDR="2001:db8:1:3::1"), "lain2", "salah")
    assert LOCK_MESSAGE in same_64.content.decode()
    assert WRONG_MESSAGE in other_64.content.decode()


def test_attempts_are_logged_without_password_or_full_address(client, editor, redaktur, clock):
    sign_in(client, "editor", "rahasia-salah", REMOTE_ADDR="203.0.113.77")
    # A password typed into the username field is not kept.
    sign_in(client, "Sandi-Rahasia-99", "editor", REMOTE_ADDR="203.0.113.77")
    sign_in(client, "editor", PASSWORD, REMOTE_ADDR="203.0.113.77")
    attempts = list(
        LoginAttempt.objects.order_by("at", "pk").values("username", "network", "outcome")
    )
    assert attempts == [
        {"username": "editor", "network": "203.0.113.0/24", "outcome": LoginAttempt.FAILED},
        {
            "username": "Sa… (16 huruf, tidak dikenal)",
            "network": "203.0.113.0/24",
            "outcome": LoginAttempt.FAILED,
        },
        {"username": "editor", "network": "203.0.113.0/24", "outcome": LoginAttempt.SUCCESS},
    ]
    stored = " ".join(
        str(v)
        for model in (SignInCounter, LoginAttempt)
        for row in model.objects.values()
        for v in row.values()
    )
    for secret in ("rahasia-salah", "Sandi-Rahasia-99", "sandi-rahasia-99", "203.0.113.77"):
        assert secret not in stored

    admin = Client()
    admin.force_login(redaktur)
    menu = admin.get("/admin/").content.decode()
    assert "/admin/keamanan/percobaan-masuk/" in menu and "/admin/keamanan/kunci-masuk/" in menu
    page = admin.get("/admin/keamanan/percobaan-masuk/").content.decode()
    assert "Percobaan masuk" in page and "203.0.113.0/24" in page and "gagal" in page


def test_only_redaktur_sees_the_log_and_lifts_locks(client, editor, clock):
    sign_in(client, "redaksi", "salah")
    counter = SignInCounter.objects.filter(scope=SignInCounter.ACCOUNT).get()
    editor_client = Client()
    editor_client.force_login(editor)
    assert "/admin/keamanan/" not in editor_client.get("/admin/").content.decode()
    assert editor_client.get("/admin/keamanan/percobaan-masuk/").status_code in (302, 403)
    assert editor_client.get("/admin/keamanan/kunci-masuk/").status_code in (302, 403)
    assert editor_client.post(f"/admin/keamanan/buka-kunci/{counter.pk}/").status_code in (302, 403)
    assert SignInCounter.objects.filter(pk=counter.pk).exists()


def test_no_write_views_on_the_log(redaktur, client, clock):
    sign_in(Client(), "x", "salah")
    attempt = LoginAttempt.objects.get()
    admin = Client()
    admin.force_login(redaktur)
    assert admin.get("/admin/keamanan/percobaan-masuk/new/").status_code in (302, 403)
    assert admin.get(f"/admin/keamanan/percobaan-masuk/edit/{attempt.pk}/").status_code in (
        302,
        403,
    )
    assert admin.post(f"/admin/keamanan/percobaan-masuk/delete/{attempt.pk}/").status_code in (
        302,
        403,
    )
    assert LoginAttempt.objects.filter(pk=attempt.pk).exists()


def test_the_front_end_login_is_limited_too(client, editor, clock):
    for _ in range(10):
        client.post("/_util/login/", {"username": "editor", "password": "salah"})
        clock.advance(seconds=20)
    client.post("/_util/login/", {"username": "editor", "password": PASSWORD})
    assert not signed_in(client)
    assert throttle.refusal_for(_request(), "editor") is not None


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")


def _messages(html: str) -> str:
    start = html.find('class="messages"')
    return html[start : html.find("</div>", start)]


def test_the_commands_for_when_no_redaktur_can_sign_in(client, editor, clock):
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for _ in range(10):
        sign_in(client, "editor", "salah")
        clock.advance(seconds=20)
    TOTPDevice.objects.create(user=editor, name="x", confirmed=True)
    call_command("unlock_signin", "editor")
    call_command("reset_2fa", "editor")
    assert not TOTPDevice.objects.filter(user=editor).exists()
    sign_in(client, "editor", PASSWORD)
    assert signed_in(client)
