"""Which tags a rendered page carries.

Views may add tags themselves with :func:`tag`. Everything else is read off the
request after the render, without a query: the Wagtail page served (recorded by the
``before_serve_page`` hook in ``wagtail_hooks.py``), the URL name of a non-page view
and its arguments, and the articles in a template response's context.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.template.response import SimpleTemplateResponse
from django.utils import timezone

from warta.pagecache import keys

_ATTR = "_pagecache_tags"
PAGE_ATTR = "_pagecache_page"


def tag(request, *tags: str) -> None:
    """Add ``tags`` to the page being rendered for ``request`` (no-op when uncached)."""
    collected = getattr(request, _ATTR, None)
    if collected is None:
        collected = set()
        setattr(request, _ATTR, collected)
    collected.update(tags)


def record_page(request, page) -> None:
    setattr(request, PAGE_ATTR, page)


def tags_for(request, response) -> list[str]:
    found: set[str] = {keys.ALL, keys.path_tag(request.path), *getattr(request, _ATTR, ())}
    page = getattr(request, PAGE_ATTR, None)
    if page is not None:
        found |= _page_tags(page)
    match = getattr(request, "resolver_match", None)
    if match is not None:
        found |= _view_tags(request, match)
    context = getattr(response, "context_data", None)
    if isinstance(response, SimpleTemplateResponse) and isinstance(context, dict):
        found |= {keys.article_tag(pk) for pk in _article_ids(context.values())}
        if page is not None and _is_article(page):
            found |= {keys.topic_tag(t.slug) for t in context.get("tags") or ()}
    return sorted(found)


def _is_article(page) -> bool:
    from warta.articles.models import ArticlePage

    return isinstance(page, ArticlePage)


def _page_tags(page) -> set[str]:
    from warta.articles.models import ArticlePage
    from warta.frontpage.models import HomePage
    from warta.sections.models import SectionPage

    found = {keys.page_tag(page.pk)}
    if isinstance(page, HomePage):
        found.add(keys.HOME)
    elif isinstance(page, SectionPage):
        found |= {keys.section_tag(page.pk), keys.LISTING}
    elif isinstance(page, ArticlePage):
        found.add(keys.article_tag(page.pk))
        # The byline is a cached_property the template has already filled.
        found |= {keys.author_tag(credit.person.slug) for credit in page.byline}
    return found


def _view_tags(request, match) -> set[str]:
    name = match.view_name or ""
    kwargs = match.kwargs
    if name == "archive:index":
        return {keys.LISTING, keys.indeks_tag(_indeks_day(request))}
    if name == "topics:tag":
        return {keys.LISTING, keys.topic_tag(kwargs.get("slug", ""))}
    if name == "people:person":
        return {keys.LISTING, keys.author_tag(kwargs.get("slug", ""))}
    if name == "search:results":
        return {keys.SEARCH}
    if name.startswith("feeds:"):
        return {keys.FEED}
    if name.startswith("sitemap"):
        return {keys.SITEMAP}
    if name:
        return {f"view:{name}"}
    return set()


def _indeks_day(request) -> date:
    raw = request.GET.get("tanggal")
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    from warta.masthead.models import SiteSettings

    zone = SiteSettings.for_request(request).zone  # cached on the request by the view
    return timezone.now().astimezone(zone.tzinfo).date()


def _article_ids(values: Iterable) -> set[int]:
    from warta.articles.models import ArticlePage

    ids: set[int] = set()
    for value in values:
        if isinstance(value, ArticlePage):
            ids.add(value.pk)
        elif isinstance(value, (list, tuple)) or hasattr(value, "object_list"):
            items = getattr(value, "object_list", value)
            if isinstance(items, (list, tuple)):
                ids |= _article_ids(items)
    return ids
