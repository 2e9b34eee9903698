"""Sign-in throttling: a delay that grows after a few failures, then a lockout.

Counted per account (the username as typed, whether or not it exists, so an unknown
name behaves exactly like a known one) and per client address. Both counters live
in the database (``SignInCounter``) so they hold across workers and nodes.

Per account: from the 5th failure within an hour the next attempt must wait 1 s,
then 2, 4, 8, 16 s; the 10th failure locks the account for 15 minutes. Per address
the same, with room for a newsroom behind one NAT: 20 and 50. A lock runs out by
itself, a Redaktur can lift it earlier, and a successful sign-in clears the
account's counter. While refused, the password is not even checked.

The check and the count are two statements, so a burst of parallel attempts can get
a few more tries in before the lock lands; never more than one per worker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from warta.security.addresses import keyed_digest, limit_key, shown_network
from warta.security.models import LoginAttempt, SignInCounter


@dataclass(frozen=True)
class Limit:
    delay_after: int  # failures before attempts must wait
    lock_after: int  # failures that lock
    window: timedelta  # failures older than this are forgotten
    lock_for: timedelta
    max_delay: timedelta = timedelta(minutes=5)

    def wait(self, failures: int) -> timedelta:
        if failures < self.delay_after:
            return timedelta(0)
        return min(timedelta(seconds=2 ** (failures - self.delay_after)), self.max_delay)


LIMITS = {
    SignInCounter.ACCOUNT: Limit(5, 10, timedelta(hours=1), timedelta(minutes=15)),
    SignInCounter.ADDRESS: Limit(20, 50, timedelta(hours=1), timedelta(minutes=15)),
}
KEEP_ATTEMPTS = timedelta(days=90)
FORGET_COUNTERS = timedelta(days=1)

REFUSAL_MESSAGE = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {wait}."


def now() -> datetime:
    """The clock of this module; tests move it instead of sleeping."""
    return timezone.now()


def account_key(username: str) -> str:
    """The username's counter key: an HMAC, since a "username" is sometimes a password
    typed into the wrong field."""
    return keyed_digest("account", (username or "").strip().casefold())


def shown_username(username: str) -> str:
    """The username for the log and the lock list: as typed when such an account
    exists, else only its first two characters and its length (it may be a password
    typed into the wrong field). Only the Redaktur sees the difference."""
    username = (username or "").strip()[:150]
    User = get_user_model()
    field = f"{User.USERNAME_FIELD}__iexact"
    if username and User.objects.filter(**{field: username}).exists():
        return username
    if not username:
        return "(kosong)"
    return f"{username[:2]}… ({len(username)} huruf, tidak dikenal)"


@dataclass(frozen=True)
class Refusal:
    until: datetime

    @property
    def message(self) -> str:
        return REFUSAL_MESSAGE.format(wait=describe_wait(self.until - now()))


def describe_wait(wait: timedelta) -> str:
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 60:
        return f"{seconds} detik"
    return f"{math.ceil(seconds / 60)} menit"


def _keys(request: HttpRequest, username: str, *, labels: bool = False):
    """(scope, key, label) of the two counters; labels only when a row may be written."""
    return [
        (SignInCounter.ACCOUNT, account_key(username), shown_username(username) if labels else ""),
        (SignInCounter.ADDRESS, limit_key(request), shown_network(request)),
    ]


def _is_stale(counter: SignInCounter, at: datetime) -> bool:
    if counter.locked_until is not None:
        return counter.locked_until <= at
    return counter.window_started_at + LIMITS[counter.scope].window <= at


def refusal_for(request: HttpRequest, username: str) -> Refusal | None:
    """Why this attempt may not go ahead now, or ``None`` if it may."""
    at = now()
    until = None
    for scope, key, _label in _keys(request, username):
        counter = SignInCounter.objects.filter(scope=scope, key=key).first()
        if counter is None or _is_stale(counter, at):
            continue
        if counter.locked_until is not None:
            blocked = counter.locked_until
        elif counter.last_failure_at is not None:
            blocked = counter.last_failure_at + LIMITS[scope].wait(counter.failures)
        else:
            continue
        if blocked > at and (until is None or blocked > until):
            until = blocked
    return Refusal(until) if until else None


def record_failure(request: HttpRequest, username: str, outcome: str = LoginAttempt.FAILED):
    """Count a wrong password or code against the account and the address, and log it."""
    at = now()
    with transaction.atomic():
        for scope, key, label in _keys(request, username, labels=True):
            counter = _locked_row(scope, key, label, at)
            if _is_stale(counter, at):
                counter.failures, counter.window_started_at = 0, at
                counter.locked_until = None
            counter.failures += 1
            counter.last_failure_at = at
            limit = LIMITS[scope]
            if counter.failures >= limit.lock_after:
                counter.locked_until = at + limit.lock_for
            counter.save()
        # Rows whose window and lock ran out long ago hold nothing back: let them go.
        SignInCounter.objects.filter(last_failure_at__lt=at - FORGET_COUNTERS).delete()
    log_attempt(request, username, outcome)


def _locked_row(scope: str, key: str, label: str, at: datetime) -> SignInCounter:
    rows = SignInCounter.objects.select_for_update()
    try:
        with transaction.atomic():
            row, _ = rows.get_or_create(
                scope=scope, key=key, defaults={"label": label, "window_started_at": at}
            )
            return row
    except IntegrityError:  # created meanwhile by another worker
        return rows.get(scope=scope, key=key)


def record_refusal(request: HttpRequest, username: str) -> None:
    log_attempt(request, username, LoginAttempt.REFUSED)


def record_success(request: HttpRequest, username: str) -> None:
    """A full sign-in (password, and code if any): the account starts afresh."""
    SignInCounter.objects.filter(scope=SignInCounter.ACCOUNT, key=account_key(username)).delete()
    log_attempt(request, username, LoginAttempt.SUCCESS)


def log_attempt(request: HttpRequest, username: str, outcome: str) -> None:
    at = now()
    LoginAttempt.objects.create(
        at=at,
        username=shown_username(username),
        network=shown_network(request),
        outcome=outcome,
    )
    LoginAttempt.objects.filter(at__lt=at - KEEP_ATTEMPTS).delete()


def lift(counter: SignInCounter) -> None:
    """A Redaktur's "Buka kunci": the account or address may try again at once."""
    counter.delete()


def lift_account(username: str) -> bool:
    """Lift the lock of one username; whether there was anything to lift."""
    deleted, _ = SignInCounter.objects.filter(
        scope=SignInCounter.ACCOUNT, key=account_key(username)
    ).delete()
    return bool(deleted)


def active_counters():
    """Counters that still hold someone back (locked or waiting), newest first."""
    at = now()
    window = max(limit.window for limit in LIMITS.values())
    return SignInCounter.objects.filter(failures__gt=0).filter(
        Q(locked_until__gt=at) | Q(locked_until__isnull=True, window_started_at__gt=at - window)
    )
