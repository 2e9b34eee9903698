"""Paginated article listings for kanal, tag and author pages.

Each page of a listing has one stable, shareable address: page 1 is the bare URL,
page n is ``?page=n``. Anything else that names a page either redirects there for
good (``?page=1``, ``?page=02``) or is a 404, never a 500.
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict

from warta.articles.queries import attach_sections

# Longer than any real page number; also keeps int() away from huge inputs.
MAX_PAGE_DIGITS = 9


def _page_number(raw: str) -> int:
    if not raw.isascii() or not raw.isdigit() or len(raw.lstrip("0")) > MAX_PAGE_DIGITS:
        raise Http404("Halaman tidak ada")
    number = int(raw)
    if number < 1:
        raise Http404("Halaman tidak ada")
    return number


def page_url(request, number: int, keep_params: bool = False) -> str:
    """The canonical address of page ``number`` of this listing. Links and the
    canonical tag carry only the page; a redirect keeps what else the reader sent
    (campaign tags, say)."""
    params = request.GET.copy() if keep_params else QueryDict(mutable=True)
    params.pop("page", None)
    if number > 1:
        params["page"] = str(number)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def canonical_page_redirect(request) -> HttpResponsePermanentRedirect | None:
    """A 301 to the canonical address when ``?page=`` names a page another way."""
    values = request.GET.getlist("page")
    if not values:
        return None
    number = _page_number(values[-1])
    if number > 1 and values == [str(number)]:
        return None
    return HttpResponsePermanentRedirect(page_url(request, number, keep_params=True))


def paginate_articles(request, queryset, per_page: int = 20) -> Page:
    """The requested page of ``queryset``, with its own address as ``url`` and
    ``canonical_url`` and its neighbours' as ``previous_url``/``next_url``; a bad or
    out-of-range ``?page=`` is a 404.

    Callers send :func:`canonical_page_redirect` first; here a non-canonical number
    is still read as the page it names.
    """
    values = request.GET.getlist("page")
    number = _page_number(values[-1]) if values else 1
    try:
        # No card shows the body: leave it out of the sort (see listed_articles).
        page = Paginator(queryset.defer("body"), per_page).page(number)
    except EmptyPage:
        raise Http404("Halaman tidak ada") from None
    page.object_list = attach_sections(list(page.object_list))
    page.url = page_url(request, page.number)
    # On the site's public address, never the Host a client sent.
    page.canonical_url = _public_url(request, page.url)
    page.previous_url = page_url(request, number - 1) if page.has_previous() else None
    page.next_url = page_url(request, number + 1) if page.has_next() else None
    return page


def _public_url(request, path: str) -> str:
    """``path`` on the site's address (``Site.root_url``, set by ``warta
    set-site-address``), as canonical links are: a client's Host header never shows."""
    from warta.syndication.structured_data import absolute_url

    return absolute_url(request, path)
