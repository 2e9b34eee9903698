"""Writes on newsroom accounts."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

GENERATED_PASSWORD_BYTES = 15  # 20 URL-safe characters


@dataclass(frozen=True)
class AdminAccount:
    """What ``ensure_admin_account`` did, for the caller to tell the person at the terminal.

    ``password`` is the password this call set — generated or taken from
    ``WARTA_ADMIN_PASSWORD`` — and is ``None`` when the account already existed,
    because an existing account's password is never touched.
    """

    username: str
    email: str
    created: bool
    password: str | None
    generated: bool

    def __repr__(self) -> str:  # keep the password out of logs and tracebacks
        return (
            f"AdminAccount(username={self.username!r}, created={self.created}, "
            f"generated={self.generated})"
        )


def generate_password() -> str:
    return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)


def ensure_admin_account(
    username: str | None = None,
    email: str | None = None,
    password: str | None = None,
) -> AdminAccount:
    """Make sure the first administrator exists; create it only if it does not.

    Defaults come from the ``WARTA_ADMIN_USERNAME``, ``WARTA_ADMIN_EMAIL`` and
    ``WARTA_ADMIN_PASSWORD`` settings. Without a password one is generated and
    returned, so the caller can show it once. An existing account is left exactly as
    it is: its password is reset with ``warta changepassword <username>``.
    """
    username = username or settings.WARTA_ADMIN_USERNAME
    email = email if email is not None else settings.WARTA_ADMIN_EMAIL
    password = password or settings.WARTA_ADMIN_PASSWORD or None
    User = get_user_model()

    if User.objects.filter(username=username).exists():
        return AdminAccount(username, email or "", created=False, password=None, generated=False)

    generated = password is None
    if generated:
        password = generate_password()
    try:
        with transaction.atomic():
            User.objects.create_superuser(username=username, email=email, password=password)
    except IntegrityError:
        # Another process (a second node starting at the same moment) created it first.
        return AdminAccount(username, email or "", created=False, password=None, generated=False)
    return AdminAccount(username, email or "", created=True, password=password, generated=generated)
