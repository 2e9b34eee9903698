"""A Redaktur, an Editor, and a clock the sign-in limits read instead of sleeping."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from warta.security import throttle
from warta.users.roles import EDITOR, REDAKTUR
from warta.users.tests.conftest import make_user

PASSWORD = "sandi-uji-123"  # make_user's


class Clock:
    def __init__(self):
        self.at = timezone.now()

    def __call__(self):
        return self.at

    def advance(self, **delta):
        self.at += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(throttle, "now", clock)
    return clock


@pytest.fixture
def redaktur(db):
    return make_user("redaktur", REDAKTUR)


@pytest.fixture
def editor(db):
    return make_user("editor", EDITOR)


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session
