"""What a cached page is stored under, and the names of the tags it carries.

The key is the scheme, the host in its normal form (:func:`normal_host`), the exact
path the view sees, and only the query parameters some reader page reads, sorted: a
random query string can neither fill the cache with copies nor bypass it, and no
address can store a response under another address (a path with ``//`` is
redirected by the middleware, never looked up). Tags name what a page shows, so a
publish purges exactly those pages.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlencode

from django.conf import settings

ALL = "all"  # every cached page carries it: purge_all() empties the page cache
HOME = "home"
LISTING = "listing"
FEED = "feed"
SITEMAP = "sitemap"
SEARCH = "search"

_SLASHES = re.compile(r"/{2,}")


def article_tag(article_id) -> str:
    return f"article:{article_id}"


def page_tag(page_id) -> str:
    return f"page:{page_id}"


def section_tag(section_id) -> str:
    return f"section:{section_id}"


def topic_tag(slug: str) -> str:
    return f"tag:{slug}"


def author_tag(slug: str) -> str:
    """Authors are tagged by slug: their page's address carries it, so no query."""
    return f"author:{slug}"


def indeks_tag(day: date) -> str:
    return f"indeks:{day.isoformat()}"


def path_tag(path: str) -> str:
    """Whatever was cached at an address (a 404, a redirect) before an article lived
    there: publishing the article purges it, on every host name. Hashed, because a
    path may hold characters a Surrogate-Key header cannot."""
    digest = hashlib.sha256(normalised_path(path).encode("utf-8", "surrogateescape"))
    return f"path:{digest.hexdigest()[:24]}"


def normalised_path(path: str) -> str:
    return _SLASHES.sub("/", path)


def kept_query(request) -> list[tuple[str, str]]:
    """The whitelisted query parameters of ``request``, sorted (repeats kept)."""
    allowed = set(settings.WARTA_PAGE_CACHE_QUERY_PARAMS)
    pairs = [
        (name, value) for name, values in request.GET.lists() if name in allowed for value in values
    ]
    return sorted(pairs)


DEFAULT_PORTS = {"http": "80", "https": "443"}


def normal_host(host: str, scheme: str) -> str:
    """``host`` lowercased, without a trailing dot, leading zeros of its port or the
    scheme's default port: ``WARTA.example.:0080`` is ``warta.example`` over http."""
    host = host.lower()
    name, port = host, ""
    if host.startswith("["):  # an IPv6 literal: the port follows the bracket
        end = host.find("]")
        if end != -1:
            name, port = host[: end + 1], host[end + 1 :].removeprefix(":")
    elif ":" in host:
        name, port = host.rsplit(":", 1)
    name = name.rstrip(".")
    if port.isdigit():
        port = port.lstrip("0") or "0"
    if port in ("", DEFAULT_PORTS.get(scheme)):
        return name
    return f"{name}:{port}"


def page_key(request, query: list[tuple[str, str]]) -> str:
    """The key of exactly what the view renders: its path is not rewritten here."""
    host = normal_host(request.get_host(), request.scheme)
    raw = f"{request.scheme}://{host}{request.path}?{urlencode(query)}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{digest}"


def tag_key(tag: str) -> str:
    return f"pagecache:tag:{tag}"


def gone_key(tag: str) -> str:
    """The clock value of the last hard purge (a removal) of ``tag``; absent if none."""
    return f"pagecache:gone:{tag}"
