"""The sitemap index, its pages and the Google News sitemap, streamed.

Query strings are never read: a sitemap's address is its path, so caches and
crawlers see one document per URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from django.http import Http404, StreamingHttpResponse
from django.views.decorators.http import require_safe

from warta.syndication import sitemaps
from warta.syndication.sitemaps import SiteContext

CONTENT_TYPE = "application/xml; charset=utf-8"


def _stream(request, head: str, entries: Iterator[str], tail: str, label: str, empty_ok=False):
    """Send the document while it is read; a 404 when there is nothing to list.

    The first entry is read before answering, which runs the page's query, so the
    status is known without a separate count. A HEAD gets the headers only.
    """
    first = next(entries, None)
    if first is None and not empty_ok:
        raise Http404("Peta situs ini kosong.")
    if request.method == "HEAD":
        return StreamingHttpResponse(iter(()), content_type=CONTENT_TYPE)
    entries = chain([first], entries) if first is not None else iter(())
    return StreamingHttpResponse(
        sitemaps.encode(head, entries, tail, label), content_type=CONTENT_TYPE
    )


@require_safe
def sitemap_index(request):
    context = SiteContext.for_request(request)
    entries = sitemaps.index_entries(context)
    return _stream(request, sitemaps.INDEX_HEAD, entries, sitemaps.INDEX_TAIL, request.path)


@require_safe
def sitemap_page(request, kind: str, page: str):
    sitemap = sitemaps.KINDS.get(kind)
    if sitemap is None:
        raise Http404("Jenis peta situs tidak dikenal.")
    context = SiteContext.for_request(request)
    entries = sitemap.urls(context, int(page))
    head = sitemaps.urlset_head(sitemap.namespaces)
    return _stream(request, head, entries, sitemaps.URLSET_TAIL, request.path)


@require_safe
def news_sitemap(request):
    """Google News sitemap. With nothing published in the window it is an empty
    ``urlset`` (a 200): it is listed in robots.txt, and a 404 there reads as an error
    in Search Console, while a quiet weekend is not one."""
    context = SiteContext.for_request(request)
    entries = sitemaps.news_urls(context)
    head = sitemaps.urlset_head(f' xmlns:news="{sitemaps.NEWS_NS}"')
    return _stream(request, head, entries, sitemaps.URLSET_TAIL, request.path, empty_ok=True)
