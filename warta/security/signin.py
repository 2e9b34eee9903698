"""The half-finished sign-in: password right, code still to come.

Between the two steps the session holds only the user's id, the backend, where to
go afterwards and when the password was given; nobody is signed in until the code
matches. It runs out after ``PENDING_FOR``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import django_otp
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.utils import timezone

SESSION_KEY = "warta_signin_pending"
PENDING_FOR = timedelta(minutes=10)


@dataclass
class Pending:
    user: object
    backend: str
    remember: bool
    next_url: str


def start(request, user, *, remember: bool, next_url: str) -> None:
    request.session[SESSION_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "remember": bool(remember),
        "next": next_url,
        "at": timezone.now().timestamp(),
    }


def pending(request) -> Pending | None:
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    if timezone.now().timestamp() - data["at"] > PENDING_FOR.total_seconds():
        del request.session[SESSION_KEY]
        return None
    user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
    if user is None:
        return None
    return Pending(user, data["backend"], data["remember"], data["next"])


def finish(request, state: Pending, device) -> None:
    """Sign in for real, with the device that gave the code marked on the session."""
    request.session.pop(SESSION_KEY, None)
    login(request, state.user, backend=state.backend)
    django_otp.login(request, device)
    request.session.set_expiry(settings.SESSION_COOKIE_AGE if state.remember else 0)
