"""Telling readers apart without knowing who they are.

A read is counted once per reader and article within ``REPEAT_WINDOW``. To know
"the same reader", the beacon derives short-lived keys from the client's address
and user agent with an HMAC keyed by ``SECRET_KEY`` and a random salt that changes
every day. Only those keys go into the cache, with a timeout; the address and user
agent are never stored, and once the day's salt is gone nobody (us included) can
link a key back to an address. No cookies are set.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from warta.security.limits import Limit, claim, client_address

# A repeat read of the same article by the same reader within this long is not counted.
REPEAT_WINDOW = timedelta(minutes=30)

# Limits per client network (the IPv4 address or the IPv6 /64, never a header the
# client chooses; see ``security.limits``). Past them a beacon answers 204 like any
# read that is not counted.
# Beacons per minute before one is dropped without touching the database: a
# person opens a few articles a minute; a newsroom office or a carrier's NAT
# shares one address among many people, a flood sends thousands.
BEACON_FLOOD = Limit("read-beacon", count=600, seconds=60)
# New readers of one article counted per address per hour. "The same reader" is
# still the address + User-Agent (``first_read``), so 20 people behind one office
# or carrier address all count; a script rotating User-Agents from one address
# buys at most 20 reads an hour (480 a day) of an article.
READS_PER_ARTICLE = Limit("read-article", count=20, seconds=3600)

# Clients that run JavaScript without a person behind them. Plain crawlers rarely
# run the beacon at all; these are the ones that do, or that post to it directly.
BOT_USER_AGENT = re.compile(
    r"(?<!cu)bot\b|crawl|spider|slurp|archiver|curl|wget|python-requests|python-urllib|"
    r"aiohttp|httpx|go-http-client|okhttp|java/|libwww|scrapy|phantomjs|lighthouse|"
    r"pingdom|uptime|facebookexternalhit|bingpreview",
    re.IGNORECASE,
)
# Headless Chromium is how scrapers render pages, and how our own browser tests run:
# ``WARTA_COUNT_HEADLESS_READS`` lets the tests count their reads.
HEADLESS_USER_AGENT = re.compile(r"headless", re.IGNORECASE)

_SALT_TIMEOUT = 2 * 24 * 3600
_salt_lock = threading.Lock()
_SALT_RETRY = 10.0
# day -> (salt, whether the cache holds it, when it was asked)
_salt_memo: dict[str, tuple[str, bool, float]] = {}


@dataclass(frozen=True)
class Reader:
    """The pseudonymous keys of one client for today; holds no address or agent."""

    key: str  # the client (address + user agent), for "the same reader"
    salted: str  # the HMAC input prefix, itself a digest; combined with an article id

    def read_key(self, article_id: int) -> str:
        """A key for "this reader read this article", unlinkable across articles."""
        return _digest(self.salted, str(article_id))


def is_bot(user_agent: str) -> bool:
    if not user_agent.strip():
        return True  # every browser sends one
    if BOT_USER_AGENT.search(user_agent):
        return True
    return not settings.WARTA_COUNT_HEADLESS_READS and bool(HEADLESS_USER_AGENT.search(user_agent))


def reader_for(request: HttpRequest, today: date | None = None) -> Reader:
    salted = _digest(
        daily_salt(today),
        client_address(request),
        request.META.get("HTTP_USER_AGENT", "")[:512],
    )
    return Reader(key=_digest(salted, "client"), salted=salted)


def daily_salt(today: date | None = None) -> str:
    """Today's random salt, shared by every process through the cache.

    Kept for two days so keys made just before midnight still match their
    timeout; after that the salt, and any way to test an address against a key, is gone.
    While the cache fails, this process keeps a salt of its own (so a reader is
    still one reader here) and asks the cache again every ``_SALT_RETRY`` seconds.
    """
    day = (today or timezone.localdate()).isoformat()
    memo = _salt_memo.get(day)
    if memo is not None and (memo[1] or time.monotonic() - memo[2] < _SALT_RETRY):
        return memo[0]
    with _salt_lock:
        key = f"analytics:salt:{day}"
        mine = memo[0] if memo else secrets.token_hex(16)
        salt = cache.get_or_set(key, mine, timeout=_SALT_TIMEOUT)
        shared = cache.get(key) == salt
        _salt_memo.clear()
        _salt_memo[day] = (salt, shared, time.monotonic())
    return salt


def first_read(reader: Reader, article_id: int) -> bool:
    """True the first time in ``REPEAT_WINDOW`` that this reader reads this article.

    When the cache fails, this process remembers instead (``limits.claim``): a read
    in a Redis outage is counted, not taken for a repeat.
    """
    key = f"analytics:seen:{reader.read_key(article_id)}"
    return claim(key, int(REPEAT_WINDOW.total_seconds()))


def sent_from_this_site(request: HttpRequest) -> bool:
    """Whether the beacon comes from one of our own pages.

    The beacon is CSRF-exempt (it changes nothing a reader owns), so this stops
    other sites from making their visitors' browsers inflate our counts. Browsers
    say where a POST comes from in Sec-Fetch-Site and Origin; a beacon with neither
    Origin nor Referer (old browsers, no-referrer pages) is accepted, since scripts
    outside a browser can forge every header anyway: the repeat window, the limits
    per address and the bot check are what hold them back.
    """
    if request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return False
    ours = _our_hosts(request)
    origin = request.headers.get("Origin", "")
    if origin and origin != "null":
        return _host_of(origin) in ours
    referer = request.headers.get("Referer", "")
    if referer:
        return _host_of(referer) in ours
    # "null" comes from sandboxed frames and opaque origins, never from our pages.
    return not origin


def _our_hosts(request: HttpRequest) -> set[str]:
    hosts = {request.get_host().lower()}
    hosts.update(_host_of(origin) for origin in settings.CSRF_TRUSTED_ORIGINS)
    return hosts


def _host_of(url: str) -> str:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def _digest(*parts: str) -> str:
    message = "\x1f".join(parts).encode("utf-8", "surrogateescape")
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]
