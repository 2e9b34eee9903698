"""Two-factor sign-in with TOTP codes (django-otp), for Redaktur and Editor accounts.

Optional by default: a user turns it on from "Akun" in the admin. The setting
``WARTA_REQUIRE_2FA_FOR`` (role names, e.g. ``Redaktur,Editor``) makes it mandatory
for those roles: such a user sets it up right after the password, before the admin
opens. A Redaktur can reset another user's codes when a phone is lost.
"""

from __future__ import annotations

import segno
from django.conf import settings
from django.utils.safestring import mark_safe
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from warta.users.roles import EDITOR, REDAKTUR

# Roles that may turn on two-factor sign-in.
ROLES_WITH_2FA = (REDAKTUR, EDITOR)
DEVICE_NAME = "Aplikasi autentikator"


def confirmed_device(user) -> TOTPDevice | None:
    if not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def may_use(user) -> bool:
    """Redaktur, Editor and administrators may turn it on (and anyone it is required of)."""
    return (
        user.is_superuser
        or user.groups.filter(name__in=ROLES_WITH_2FA).exists()
        or required_for(user)
    )


def required_for(user) -> bool:
    """Whether ``WARTA_REQUIRE_2FA_FOR`` makes two-factor sign-in mandatory for this user."""
    roles = [r for r in getattr(settings, "WARTA_REQUIRE_2FA_FOR", []) if r]
    if not roles:
        return False
    if user.is_superuser and REDAKTUR in roles:
        return True
    return user.groups.filter(name__in=roles).exists()


def applies_to(user) -> bool:
    """Whether this user's sign-in needs a code (set up, or required)."""
    return confirmed_device(user) is not None or required_for(user)


NEEDED_SESSION_KEY = "warta_2fa_needed"


def remember_need(request, user) -> None:
    """At sign-in, note in the session whether it needs a code, with the rule it used,
    so the check on later requests costs no query."""
    request.session[NEEDED_SESSION_KEY] = [_rule(), applies_to(user)]


def needed_in_session(request, user) -> bool:
    noted = request.session.get(NEEDED_SESSION_KEY)
    if not noted or noted[0] != _rule():  # signed in before this rule: look again
        remember_need(request, user)
        noted = request.session[NEEDED_SESSION_KEY]
    return bool(noted[1])


def session_has_device(request) -> bool:
    """Whether this session's sign-in included a valid code (``django_otp.login``)."""
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


def _rule() -> str:
    return ",".join(sorted(r for r in getattr(settings, "WARTA_REQUIRE_2FA_FOR", []) if r))


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, made once so reloading keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def check_code(device: TOTPDevice, code: str) -> bool:
    """The code against the device, with django-otp's own slow-down and replay guard
    (a code once used, or an older one, is not accepted again)."""
    return device.verify_token("".join((code or "").split()))


def code_paused(device: TOTPDevice) -> bool:
    """Whether django-otp makes this device wait after wrong codes."""
    allowed, _ = device.verify_is_allowed()
    return not allowed


def confirm(device: TOTPDevice) -> None:
    """The code matched: this device is the user's, any other goes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    log(instance=device.user, action="warta.2fa_on", user=device.user)


def turn_off(user, *, by) -> None:
    """Remove the user's devices: the next sign-in asks for the password only
    (or for a new setup, where it is required)."""
    TOTPDevice.objects.filter(user=user).delete()
    log(instance=user, action="warta.2fa_off" if by == user else "warta.2fa_reset", user=by)


def secret_of(device: TOTPDevice) -> str:
    """The secret in base32, grouped by four, for typing into an app by hand."""
    import base64

    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no image request, no script)."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, omitsize=True)
    return mark_safe(svg)  # noqa: S308 - segno's own markup, built from our URL
