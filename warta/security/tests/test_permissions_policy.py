"""The Permissions-Policy header (issue 11, finding 6) on reader and admin pages."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from warta.pagecache import store
from warta.security.middleware import PERMISSIONS_POLICY
from warta.testing.factories import make_article, make_section

pytestmark = pytest.mark.django_db

MUST_DENY = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def policy_of(response) -> dict[str, str]:
    header = response.headers.get("Permissions-Policy", "")
    return dict(part.strip().split("=", 1) for part in header.split(",") if part.strip())


def test_the_policy_denies_the_powerful_features():
    policy = dict(part.split("=") for part in PERMISSIONS_POLICY.split(", "))
    for feature in MUST_DENY:
        assert policy[feature] == "()"
    # Left alone: the admin's copy buttons and fullscreen, a future share button.
    for feature in ("fullscreen", "clipboard-write", "web-share"):
        assert feature not in policy


def test_reader_pages_carry_it_also_from_the_page_cache(client, settings):
    settings.WARTA_PAGE_CACHE = True
    caches["default"].clear()
    store.forget_stamp()
    article = make_article(title="Banjir di Jakarta", section=make_section("Nasional"))
    url = article.url
    first = client.get(url)
    second = client.get(url)  # served from the page cache
    assert first.status_code == second.status_code == 200
    assert second.headers["X-Cache"] == "HIT"
    for response in (first, second, client.get("/"), client.get("/robots.txt")):
        policy = policy_of(response)
        assert all(policy.get(f) == "()" for f in MUST_DENY), response


def test_admin_pages_carry_it(client, django_user_model):
    assert policy_of(client.get("/admin/login/"))["camera"] == "()"
    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "sandi-uji-123")
    client.force_login(admin)
    assert policy_of(client.get("/admin/"))["microphone"] == "()"
