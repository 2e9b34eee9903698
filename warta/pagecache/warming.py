"""Warm the pages that show an article right after their purge.

A purge only drops pages; the first reader to ask for each then waits for a render,
and under load every reader gets the previous copy (or waits) until that one render
ends. So after a publish, update or removal the publishing process itself asks for
those pages again, as an anonymous reader of the site's canonical address would,
through the app's own WSGI handler: the page cache middleware renders each page
and stores it for every node, usually before any reader asks.

Bounded on purpose: a few addresses per article (the article, the home page, its
kanal pages, its Indeks day, its first two tags), one background thread per process
working through a short queue. The thread is not a daemon, so a command
(``warta take-down``, the scheduler) finishes warming before it exits. Warming never
breaks publishing: every failure is logged and dropped. With the page cache off it
does nothing.
"""

from __future__ import annotations

import io
import logging
import threading
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

MAX_URLS_PER_ARTICLE = 8
MAX_QUEUED_URLS = 64  # past this, new addresses are dropped (readers rebuild them)
WARM_TIMEOUT = 10.0  # seconds a caller of wait_idle() waits at most, by default

_lock = threading.Lock()
_queue: dict[str, None] = {}  # addresses in order, no repeats
_running = False  # a worker thread is at work (set and cleared under _lock)
_handler = None
_idle = threading.Event()
_idle.set()


def warm_article_pages(article) -> None:
    """Queue the pages that show ``article`` for a fresh render; never raises.

    Called after the purge has committed (``services.purge_article``).
    """
    if not (settings.WARTA_PAGE_CACHE and getattr(settings, "WARTA_PAGE_CACHE_WARM", True)):
        return
    try:
        queue_urls(pages_showing(article))
    except Exception:
        logger.exception("Page cache: warming the pages of article %s failed", article.pk)


def pages_showing(article) -> list[str]:
    """The site-relative addresses to warm for ``article``, most read first.

    The article's own address too when it was removed: its 410 notice is then
    stored at once, like any page.
    """
    urls = [_path(article), "/"]
    urls.extend(_section_paths(article))
    urls.extend(_indeks_paths(article))
    urls.extend(_tag_paths(article))
    unique = [url for url in dict.fromkeys(urls) if url and url.startswith("/")]
    return unique[:MAX_URLS_PER_ARTICLE]


def queue_urls(urls: list[str]) -> None:
    """Add ``urls`` to the queue and make sure the one worker thread runs."""
    global _running
    with _lock:
        for url in urls:
            if len(_queue) >= MAX_QUEUED_URLS:
                logger.warning("Page cache: warming queue full, %s left to readers", url)
                continue
            _queue.setdefault(url, None)
        if not _queue or _running:
            return
        _running = True
        _idle.clear()
        threading.Thread(target=_work, name="warta-pagecache-warming", daemon=False).start()


def wait_idle(timeout: float = WARM_TIMEOUT) -> bool:
    """Wait until the queue is empty (tests, commands that exit); True if it is."""
    return _idle.wait(timeout)


def _work() -> None:
    global _running
    from django.db import connections

    try:
        while True:
            with _lock:
                if not _queue:
                    # Decided under the lock: a URL queued from now on starts a new thread.
                    connections.close_all()
                    _running = False
                    _idle.set()
                    return
                url = next(iter(_queue))
                del _queue[url]
            try:
                status = warm(url)
                logger.debug("Page cache: warmed %s (%s)", url, status)
            except Exception:
                logger.exception("Page cache: warming %s failed", url)
    except BaseException:
        with _lock:
            _running = False
            _idle.set()
        raise


def warm(url: str) -> int:
    """One anonymous GET of ``url`` on the canonical address, through the app."""
    global _handler
    if _handler is None:
        from django.core.handlers.wsgi import WSGIHandler

        _handler = WSGIHandler()
    scheme, host = canonical_address()
    parts = urlsplit(url)
    name, _, port = host.partition(":")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path or "/",
        "QUERY_STRING": parts.query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": name,
        "SERVER_PORT": port or ("443" if scheme == "https" else "80"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "HTTP_USER_AGENT": "warta-pagecache-warming",
        "HTTP_ACCEPT": "text/html",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        environ[header] = secure_value if scheme == "https" else scheme
    answer: list[tuple[str, list]] = []
    sent = dict(environ)
    response = _handler(
        environ, lambda status, headers, exc_info=None: answer.append((status, headers))
    )
    try:
        for _chunk in response:
            pass
    finally:
        close = getattr(response, "close", None)
        if close is not None:
            close()
    status = int(answer[0][0].split()[0]) if answer else 0
    served = dict(answer[0][1]).get("X-Cache", "") if answer else ""
    if status >= 500 or served == "STALE-IF-ERROR":
        # The render failed (the previous copy may have been served instead).
        logger.warning(
            "Page cache: warming %s failed (%s %s); left to readers", url, status, served
        )
        _release_rebuild(sent)
        return max(status, 500)
    return status


def _release_rebuild(environ: dict) -> None:
    """Give back the rebuild lock a failed warm render keeps.

    The middleware keeps the lock of a failed rebuild, so readers get the previous
    copy meanwhile instead of retrying against a sick database. A warm render can
    fail for reasons of this process alone (a command, not a web node), and must
    not hold readers of every node on the previous copy: the next reader rebuilds.
    """
    from django.core.handlers.wsgi import WSGIRequest

    from warta.pagecache import keys, store

    environ["wsgi.input"] = io.BytesIO(b"")
    request = WSGIRequest(environ)
    try:
        store.release_rebuild(keys.page_key(request, keys.kept_query(request)))
    except Exception:
        logger.warning("Page cache: could not release the rebuild lock of %s", request.path)


def canonical_address() -> tuple[str, str]:
    """The scheme and ``Host`` readers use: the default Wagtail site's root URL.

    The page cache keys pages by host, so warming another host would fill entries no
    reader asks for (``warta set-site-address`` keeps the site on the public address).
    """
    from wagtail.models import Site

    from warta.pagecache.keys import normal_host

    site = Site.objects.filter(is_default_site=True).first()
    root = urlsplit(site.root_url if site else settings.WAGTAILADMIN_BASE_URL)
    scheme = root.scheme or "http"
    return scheme, normal_host(root.netloc, scheme)


def _path(page) -> str:
    url = page.get_url()
    return urlsplit(url).path if url else ""


def _section_paths(article) -> list[str]:
    from warta.sections.models import SectionPage

    if not article.path:
        return []
    sections = SectionPage.objects.ancestor_of(article).live().order_by("-depth")
    return [_path(section) for section in sections[:3]]


def _tag_paths(article) -> list[str]:
    if article.pk is None:
        return []
    slugs = article.tags.order_by("name").values_list("slug", flat=True)[:2]
    return [f"/tag/{slug}/" for slug in slugs]


def _indeks_paths(article) -> list[str]:
    from django.utils import timezone

    from warta.scheduling.queries import site_zone

    moment = getattr(article, "published_at", None) or article.first_published_at
    if moment is None:
        return []
    zone = site_zone(article.get_site())
    day = moment.astimezone(zone.tzinfo).date()
    paths = [f"/indeks/?tanggal={day.isoformat()}"]
    if day == timezone.now().astimezone(zone.tzinfo).date():
        paths.insert(0, "/indeks/")
    return paths
