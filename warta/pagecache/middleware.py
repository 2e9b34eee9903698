"""Serve readers' pages from the page cache, and store them there.

Sits right after WhiteNoise, so a hit costs no session, auth or template work. It
bypasses (never reads nor stores) anything that is not an anonymous reader's GET or
HEAD: a session or messages cookie (editors, previews, password-protected pages), an
Authorization header, the admin, the read beacon, media and documents. A response is
stored only if it is a 200, 301, 404 (briefly) or 410 (a takedown notice), set no
cookie, used no CSRF token (a form) and did not ask for privacy itself.

What it promises:

- One entry per canonical address. The key is the exact path the view sees; a path
  with ``//`` (typed, or ``%2F`` decoded) is answered with a 301 to its collapsed
  form and never looked up; a ``Host`` not in its normal form (case, trailing dot,
  port zeros, default port) is rendered and never stored, here or downstream.
- A removed page (hard purge) is never served: every request renders until a fresh
  entry is stored. An updated page (soft purge) or an expired one is rebuilt by one
  request while the others get the stale copy.
- A cache error never serves a stale copy: if the lock or the save fails, the page
  is rendered and served fresh. A 5xx from the view is replaced by the stale copy of
  a page that was not removed (``X-Cache: STALE-IF-ERROR``).
- Entries stored under another Redis run or database generation are never served
  (see ``store.py``).
"""

from __future__ import annotations

import itertools
import logging
import re
import time

from django.conf import settings
from django.http import (
    HttpResponse,
    HttpResponseNotModified,
    HttpResponsePermanentRedirect,
    QueryDict,
)
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.http import urlencode

from warta.pagecache import keys, store, tagging

logger = logging.getLogger(__name__)

STORED_STATUSES = {200, 301, 404, 410}
SKIPPED_PREFIXES = ("/admin/", "/baca/", "/dokumen/", "/media/", "/static/")
MAX_QUERY_LENGTH = 1024  # longer whitelisted queries are served, never stored
MAX_CONTENT_BYTES = 4 * 1024 * 1024
_SKIPPED_HEADERS = {"set-cookie", "x-cache", "age", "etag"}
_SLASHES = re.compile(r"/{2,}")
_SERVABLE_ON_ERROR = (store.EXPIRED, store.PURGED)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.WARTA_PAGE_CACHE or not _cacheable_request(request):
            return _mark_private(request, self.get_response(request))
        if "//" in request.path:
            return _collapsed_redirect(request)
        if not _host_is_normal(request):
            return _never_stored(self.get_response(request))
        query = keys.kept_query(request)
        if len(urlencode(query)) > MAX_QUERY_LENGTH:
            return self.get_response(request)
        key = keys.page_key(request, query)
        try:
            entry = store.load(key)
            state = store.state(entry) if entry is not None else None
        except Exception:  # the cache is down: serve from the database
            logger.warning("Page cache unreachable; rendering %s", request.path, exc_info=True)
            return self.get_response(request)
        if state == store.FRESH:
            return _from_entry(request, entry, "HIT")
        # A removed (gone) or foreign (invalid) entry is never served, not even on error.
        fallback = entry if state in _SERVABLE_ON_ERROR else None
        locked = False
        if fallback is not None:
            try:
                locked = store.acquire_rebuild(key)
            except Exception:
                # Redis refuses writes (full, read-only): render fresh, store nothing.
                logger.warning("Page cache lock failed; rendering %s", request.path, exc_info=True)
                return self._render_uncached(request, query, fallback)
            if not locked:
                return _from_entry(request, entry, "STALE")
        return self._rebuild(request, key, query, locked, fallback)

    def _render(self, request, query):
        # The view sees only the whitelisted parameters: what it renders is exactly
        # what the key describes.
        request.META["QUERY_STRING"] = urlencode(query)
        request.GET = QueryDict(request.META["QUERY_STRING"])
        return self.get_response(request)

    def _render_uncached(self, request, query, fallback):
        response = self._render(request, query)
        if response.status_code >= 500 and fallback is not None:
            return _from_entry(request, fallback, "STALE-IF-ERROR")
        response["X-Cache"] = "MISS"
        return response

    def _rebuild(self, request, key, query, locked: bool, fallback):
        clock = _try(store.read_clock)
        stamp = _try(store.current_stamp)
        response = self._render(request, query)
        if response.status_code >= 500 and fallback is not None:
            # The lock stays until it expires: meanwhile readers get the stale copy
            # instead of all retrying against a sick database.
            return _from_entry(request, fallback, "STALE-IF-ERROR")
        content = _content(response)
        if None not in (clock, stamp) and content is not None and _storable(request, response):
            fresh = (
                settings.WARTA_PAGE_CACHE_404_SECONDS
                if response.status_code == 404
                else settings.WARTA_PAGE_CACHE_SECONDS
            )
            now = time.time()
            entry = store.Entry(
                status=response.status_code,
                headers=[
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in _SKIPPED_HEADERS
                ],
                content=content,
                tags=tagging.tags_for(request, response),
                clock=clock,
                stored_at=now,
                fresh_until=now + fresh,
                generation=stamp.generation,
                identity=stamp.identity,
            )
            stored = bool(_try(store.save, key, entry, fresh))
            _public_headers(response, entry, fresh)
            if stored:
                response["ETag"] = entry.etag
        elif (
            request.method == "GET"
            and response.status_code in STORED_STATUSES
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True, no_store=True)
        response["X-Cache"] = "MISS"
        if locked and response.status_code < 500:
            _try(store.release_rebuild, key)
        return response


def _try(function, *args):
    try:
        return function(*args)
    except Exception:
        logger.warning("Page cache unreachable (%s)", function.__name__, exc_info=True)
        return None


def _collapsed_redirect(request):
    """``/tag//banjir/`` to ``/tag/banjir/``: one address per page, and a relative
    Location that can never read as another host (``//host``, ``/\\host``)."""
    location = escape_uri_path(_SLASHES.sub("/", request.path))
    query = request.META.get("QUERY_STRING", "")
    if query:
        location += "?" + iri_to_uri(query)
    response = HttpResponsePermanentRedirect(location)
    patch_cache_control(response, public=True, max_age=settings.WARTA_PAGE_CACHE_SECONDS)
    return response


def _host_is_normal(request) -> bool:
    host = request.get_host()
    return host == keys.normal_host(host, request.scheme)


def _never_stored(response):
    """A render for a non-canonical Host: no cache here, in nginx or a browser may keep it."""
    response["Cache-Control"] = "private, no-store"
    response["X-Cache"] = "BYPASS"
    return response


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(SKIPPED_PREFIXES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _storable(request, response) -> bool:
    if request.method != "GET" or response.status_code not in STORED_STATUSES:
        return False  # a HEAD's body may have been dropped on the way
    if response.cookies or "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
        return False  # a cookie was set or a form's CSRF token used
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _content(response) -> bytes | None:
    """The body, read from a stream (sitemaps stream) up to MAX_CONTENT_BYTES.

    None when the body is larger: the response then streams on from where the
    reading stopped, and is not stored.
    """
    if not response.streaming:
        return response.content if len(response.content) <= MAX_CONTENT_BYTES else None
    chunks: list[bytes] = []
    size = 0
    stream = iter(response.streaming_content)
    for chunk in stream:
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_CONTENT_BYTES:
            response.streaming_content = itertools.chain(chunks, stream)
            return None
    body = b"".join(chunks)
    response.streaming_content = [body]
    return body


def _public_headers(response, entry: store.Entry, fresh: int) -> None:
    response["Cache-Control"] = (
        f"public, max-age={min(settings.WARTA_PAGE_CACHE_BROWSER_SECONDS, fresh)}, "
        f"s-maxage={fresh}, "
        f"stale-while-revalidate={settings.WARTA_PAGE_CACHE_STALE_SECONDS}"
    )
    response["Surrogate-Key"] = " ".join(entry.tags)


def _from_entry(request, entry: store.Entry, state: str):
    fresh = max(1, round(entry.fresh_until - entry.stored_at))
    if entry.etag and entry.status == 200 and request.headers.get("If-None-Match") == entry.etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry.content, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
    _public_headers(response, entry, fresh)
    if entry.etag:
        response["ETag"] = entry.etag
    response["Age"] = str(max(0, int(time.time() - entry.stored_at)))
    response["X-Cache"] = state
    return response


def _mark_private(request, response):
    """Editors' and forms' responses must never be kept by a browser cache or a CDN."""
    if response.has_header("Cache-Control"):
        return response
    cookies = request.COOKIES
    if (
        settings.SESSION_COOKIE_NAME in cookies
        or response.cookies
        or "CSRF_COOKIE_NEEDS_UPDATE" in request.META
    ):
        patch_cache_control(response, private=True, no_store=True)
    return response
