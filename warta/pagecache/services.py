"""Purges: after a commit, invalidate exactly the pages that show an article.

``purge_article`` is what publishing, updating, correcting, the scheduler,
unpublishing, taking down and deleting call (through ``signal_handlers.py`` or
directly). An update is a *soft* purge (one reader rebuilds while the others get
the previous copy for a moment); a removal (unpublish, takedown, delete) is *hard*:
no copy of those pages is served again, stale or not (see ``store.py``). The purge
runs in ``transaction.on_commit``, so no reader can re-cache the old state between
the purge and the commit. A failing purge (Redis down, the CDN not answering) is
retried with a short backoff and then logged at error level; a page-cache purge
that still fails bumps the generation in the database, so every node drops every
cached page within ``WARTA_PAGE_CACHE_CHECK_SECONDS``.
"""

from __future__ import annotations

import logging
import time
import urllib.request
from collections.abc import Callable, Iterable
from functools import partial
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from warta.pagecache import keys, store, warming

logger = logging.getLogger(__name__)

ARTICLE_TAGS_KEY = "pagecache:article-tags:{}"


def article_tags(article) -> list[str]:
    """Every tag of the pages that show ``article`` in its current state."""
    from warta.scheduling.queries import site_zone
    from warta.sections.models import SectionPage

    tags = {
        keys.article_tag(article.pk),
        keys.page_tag(article.pk),
        keys.HOME,
        keys.FEED,
        keys.SITEMAP,
        keys.SEARCH,
    }
    if article.pk is not None and article.path:
        url = article.get_url()  # the site's root paths are cached: no query
        if url and url.startswith("/"):
            tags.add(keys.path_tag(url))
        sections = SectionPage.objects.ancestor_of(article).values_list("pk", flat=True)
        tags |= {keys.section_tag(pk) for pk in sections}
        tags |= {keys.topic_tag(slug) for slug in article.tags.values_list("slug", flat=True)}
        tags |= {
            keys.author_tag(slug)
            for slug in article.authors.filter(person__isnull=False).values_list(
                "person__slug", flat=True
            )
        }
    moment = article.published_at or article.first_published_at
    if moment is not None:
        zone = site_zone(article.get_site())
        tags.add(keys.indeks_tag(moment.astimezone(zone.tzinfo).date()))
    return sorted(tags)


def purge_article(article, *, hard: bool = False) -> None:
    """Purge the pages that show ``article`` (and showed it before), after the commit.

    Its tags are read now, while its rows exist (a delete removes them), together
    with those remembered from the last purge, so a removed tag or author loses the
    article as well. ``hard`` for a removal: those pages are never served stale.
    """
    tags = article_tags(article)
    remembered_key = ARTICLE_TAGS_KEY.format(article.pk)

    def after_commit():
        previous = _retrying("read previous tags", store.page_cache().get, remembered_key)
        purge_tags(set(tags) | set(previous if isinstance(previous, list) else ()), hard=hard)
        _retrying("remember tags", store.page_cache().set, remembered_key, tags, None)
        warming.warm_article_pages(article)  # before readers ask; never raises

    transaction.on_commit(after_commit)


def purge_all(*, hard: bool = False) -> None:
    """Empty the whole page cache (a kanal renamed, the menu or masthead changed)."""
    transaction.on_commit(partial(purge_tags, [keys.ALL], hard=hard))


def purge_tags(tags: Iterable[str], *, hard: bool = False) -> bool:
    """Invalidate ``tags`` now, in the page cache and at the CDN; True if all worked."""
    tags = sorted(set(tags))
    if not tags:
        return True
    what = ("hard purge " if hard else "purge ") + " ".join(tags)
    done = _retrying(what, partial(store.bump_tags, hard=hard), tags) is not None
    if not done:
        bump_generation()
    if settings.WARTA_CDN_PURGE_URL:
        for tag in tags:
            done &= _retrying(f"CDN purge {tag}", _cdn_purge, tag) is not None
    return done


def bump_generation() -> None:
    """Drop every cached page on every node: the page cache could not be purged."""
    from warta.pagecache.models import CacheGeneration

    try:
        generation = CacheGeneration.bump()
    except Exception:
        logger.exception("Page cache: generation could not be bumped either")
        return
    store.forget_stamp()
    logger.error(
        "Page cache: purge failed, generation bumped to %d: every cached page is dropped",
        generation,
    )


def _cdn_purge(tag: str) -> int:
    url = settings.WARTA_CDN_PURGE_URL.replace("{key}", quote(tag, safe=""))
    if not url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"WARTA_CDN_PURGE_URL must be an http(s) URL, not {url!r}")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, method=settings.WARTA_CDN_PURGE_METHOD, data=b""
    )
    request.add_header("Surrogate-Key", tag)
    timeout = settings.WARTA_CDN_PURGE_TIMEOUT
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return response.status


def _retrying(what: str, function: Callable, *args):
    """Call ``function`` up to WARTA_PAGE_CACHE_PURGE_ATTEMPTS times, backing off.

    Returns its result, or None after logging the last failure at error level.
    """
    attempts = max(1, settings.WARTA_PAGE_CACHE_PURGE_ATTEMPTS)
    delay = settings.WARTA_PAGE_CACHE_PURGE_BACKOFF
    for attempt in range(1, attempts + 1):
        try:
            result = function(*args)
            return True if result is None else result
        except Exception as error:
            if attempt == attempts:
                logger.error(
                    "Page cache: %s failed after %d attempts at %s: %s",
                    what,
                    attempts,
                    timezone.now().isoformat(),
                    error,
                )
                return None
            logger.warning("Page cache: %s failed (attempt %d), retrying: %s", what, attempt, error)
            time.sleep(delay * 2 ** (attempt - 1))
    return None
