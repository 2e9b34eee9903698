"""Security middleware: the Permissions-Policy header, and two-factor sign-in enforced.

``PermissionsPolicyMiddleware`` sits outside the page cache so cached pages carry
the header too. The list turns off every powerful feature Warta does not use, and
leaves alone the few it or the admin might (fullscreen, clipboard-write for the
admin's copy buttons, web-share, picture-in-picture). Only names Chromium knows are
listed: an unknown one ("bluetooth", "ambient-light-sensor" in Chromium 156) is a
console message on every page, which ``tests/browser/test_signin_security.py`` checks.

``TwoFactorMiddleware`` makes sure a session of a user whose sign-in needs a code
did get one: a session made another way (``/_util/login/``, an older session from
before the setting) is signed out at its next request.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from warta.security import twofactor

DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "clipboard-read",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "interest-cohort",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "window-management",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class TwoFactorMiddleware:
    # The steps of signing in, and what their pages load.
    OPEN_NAMES = (
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "security_signin_code",
        "security_signin_setup",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths: tuple[str, ...] | None = None

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and self._must_sign_out(request):
            logout(request)
            login = reverse("wagtailadmin_login")
            return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_sign_out(self, request) -> bool:
        user = request.user
        if not user.is_authenticated or request.path in self.open_paths():
            return False
        return twofactor.needed_in_session(request, user) and not twofactor.session_has_device(
            request
        )

    def open_paths(self) -> tuple[str, ...]:
        if self._open_paths is None:
            self._open_paths = tuple(reverse(name) for name in self.OPEN_NAMES)
        return self._open_paths
