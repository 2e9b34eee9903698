"""Sitemaps: what search engines should crawl, written out while it is read.

An archive grows to millions of articles, so nothing here builds a list of pages or
of model instances. Each sitemap file is one query of the few columns it needs, read
with ``.iterator()`` and turned into XML text row by row; the views hand that text to
a ``StreamingHttpResponse`` in chunks, so memory stays flat whatever the archive size.

**Paging: by ranges of each kind's own primary key.** Page *n* of a kind lists the rows
with ``(n - 1) * PAGE_SIZE < id <= n * PAGE_SIZE``. Ids only grow, so a new article
always lands in the last page and the contents of the earlier pages never shift: a
crawler that read page 3 yesterday finds the same URLs there today, and the index's
``lastmod`` for page 3 moves only when one of *its* articles changes. A page holds at
most ``PAGE_SIZE`` (50,000) URLs by construction. Ranges with nothing to list (every
article in them unpublished, or ids taken by other page types, which share
``wagtailcore_page``'s ids) are left out of the index and answer 404. Paging by month
was the alternative; it gives readable names but a busy month can pass 50,000
articles, and back-dated imports would change old months.

What each kind lists, and its ``lastmod``:

- ``articles``: every live, public article of the site; its last publication (updates
  included), never before its publication time; the lead image (its largest lead
  rendition, or the original while that is not made yet) as ``image:image``.
- ``sections``: the home page and every kanal (the site's pages that are not
  articles); the newest publication below the page, or the page's own last publish.
- ``tags`` and ``authors``: tags and contributors with at least one live article; the
  newest publication among those articles.

The Google News sitemap is the live articles of the last ``NEWS_WINDOW`` (48 hours),
newest first, at most ``NEWS_LIMIT`` (1,000).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db.models import (
    BigIntegerField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Length, Substr
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import filepath_to_uri
from wagtail.models import Page, PageViewRestriction, Site

from warta.articles.models import ArticleAuthor, ArticlePage, ArticleTag
from warta.images.models import WartaRendition
from warta.images.services import LEAD_SPECS
from warta.masthead.models import SiteSettings
from warta.masthead.zones import IndonesianZone, isoformat

log = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

PAGE_SIZE = 50_000  # URLs per sitemap file: the protocol's limit
MAX_BYTES = 50 * 1024 * 1024  # bytes per file, uncompressed: the protocol's other limit
MAX_LOC = 2048  # longest <loc> the schema accepts
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
CHUNK_ROWS = 2000  # rows per database fetch
IMAGE_SPEC = LEAD_SPECS[0]  # the largest lead rendition, made on upload and on publish

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 does not allow at all; a pasted headline can carry them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Path characters left as they are; everything else (Unicode slugs) is percent-encoded.
_PATH_SAFE = "/-_.~!$'()*+,;=:@"
_NEEDS_QUOTING = re.compile(r"[^A-Za-z0-9/_.~-]")


def xml_text(value: str) -> str:
    """``value`` as XML character data."""
    value = _XML_INVALID.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The site a sitemap is for -------------------------------------------------------


@dataclass(frozen=True)
class SiteContext:
    """What every sitemap of one request needs to know about the site, read once."""

    base_url: str  # scheme and host of the request, e.g. "https://warta.example"
    root_path: str  # treebeard path of the site's home page
    root_url_path: str  # its url_path, e.g. "/home/"
    serve_prefix: str  # where Wagtail serves pages, "/"
    zone: IndonesianZone
    site_name: str  # the masthead's name: the publication in Google News
    restricted_paths: tuple[str, ...]  # private sections (view restrictions)

    @classmethod
    def for_request(cls, request) -> SiteContext:
        """Three queries: the site with its home page, its settings, view restrictions."""
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("Situs tidak dikenal.")
        root = site.root_page
        masthead = SiteSettings.for_site(site)
        return cls(
            base_url=f"{request.scheme}://{request.get_host()}",
            root_path=root.path,
            root_url_path=root.url_path,
            serve_prefix=reverse("wagtail_serve", args=("",)),
            zone=masthead.zone,
            site_name=masthead.site_name,
            restricted_paths=tuple(
                PageViewRestriction.objects.values_list("page__path", flat=True)
            ),
        )

    def url(self, path: str) -> str:
        """Absolute URL of a path on this site (a path from ``reverse``)."""
        return self.base_url + path

    def page_url(self, url_path: str) -> str:
        """Absolute URL of a page of this site, from its ``url_path``."""
        relative = url_path[len(self.root_url_path) :]
        if _NEEDS_QUOTING.search(relative):
            relative = quote(relative, safe=_PATH_SAFE)
        return f"{self.base_url}{self.serve_prefix}{relative}"

    def file_urls(self, storage) -> Callable[[str], str]:
        """A function giving the absolute URL of a file in ``storage``, as XML text.

        Files on disk are the common case and one row in two needs one, so their
        URL is built here from the storage's base URL, as ``FileSystemStorage.url``
        builds it, at a tenth of the cost; other storages are asked each time.
        """
        if storage.__class__.url is FileSystemStorage.url:  # __class__ sees through lazy ones
            prefix = xml_text(self._absolute(storage.base_url))
            # filepath_to_uri leaves nothing in the name that XML would need escaped.
            return lambda name: prefix + filepath_to_uri(name).lstrip("/")
        return lambda name: xml_text(self._absolute(storage.url(name)))

    def _absolute(self, url: str) -> str:
        return url if "://" in url else self.base_url + url

    def w3c(self, moment: datetime) -> str:
        """W3C datetime in the site's zone: '2026-01-14T12:13:00+07:00'."""
        return isoformat(moment, self.zone)

    def visible_pages_q(self, prefix: str = "") -> Q:
        """Live pages of this site outside private sections, via ``prefix`` if given."""
        q = Q(**{f"{prefix}live": True, f"{prefix}path__startswith": self.root_path})
        for path in self.restricted_paths:
            q &= ~Q(**{f"{prefix}path__startswith": path})
        return q

    def visible_articles_q(self, prefix: str = "") -> Q:
        return self.visible_pages_q(prefix) & Q(**{f"{prefix}published_at__isnull": False})


def _id_range(page: int) -> tuple[int, int]:
    return (page - 1) * PAGE_SIZE, page * PAGE_SIZE


def _page_of(field: str) -> ExpressionWrapper:
    """The sitemap page number of a row, from its id: integer division in SQL."""
    return ExpressionWrapper(
        (F(field) - Value(1)) / Value(PAGE_SIZE) + Value(1), output_field=BigIntegerField()
    )


def _article_lastmod() -> Greatest:
    """When an article last changed: its last publication (updates and fix-ups
    included, Wagtail's ``last_published_at``), never before its publication time.

    Both columns are narrow ones (``published_at`` is indexed, ``last_published_at``
    sits in the page row), so the index's per-page maximum never reads the article
    rows with their bodies.
    """
    published = F("published_at")
    return Greatest(published, Coalesce(F("last_published_at"), published))


def _rows(queryset: QuerySet) -> Iterator[tuple]:
    return queryset.iterator(chunk_size=CHUNK_ROWS)


# Sitemap kinds ------------------------------------------------------------------


@dataclass(frozen=True)
class SitemapKind:
    """One kind of page in the sitemap index: how its pages are found and written.

    ``pages(context)`` yields ``(page number, lastmod)`` for every page with at least
    one URL, in order; ``urls(context, page)`` yields the ``<url>`` elements of one
    page (nothing for a page past the end).
    """

    name: str
    pages: Callable[[SiteContext], Iterable[tuple[int, datetime | None]]]
    urls: Callable[[SiteContext, int], Iterator[str]]
    namespaces: str = ""


def _article_pages(context: SiteContext):
    return _rows(
        ArticlePage.objects.filter(context.visible_articles_q())
        .annotate(sitemap_page=_page_of("pk"))
        .values("sitemap_page")
        .annotate(lastmod=Max(_article_lastmod()))
        .order_by("sitemap_page")
        .values_list("sitemap_page", "lastmod")
    )


def _article_urls(context: SiteContext, page: int) -> Iterator[str]:
    low, high = _id_range(page)
    rendition = (
        WartaRendition.objects.filter(image_id=OuterRef("lead_image_id"), filter_spec=IMAGE_SPEC)
        .order_by("-pk")
        .values("file")[:1]
    )
    rows = _rows(
        ArticlePage.objects.filter(context.visible_articles_q(), pk__gt=low, pk__lte=high)
        .annotate(lastmod=_article_lastmod(), rendition_file=Subquery(rendition))
        .order_by("pk")
        .values_list("url_path", "lastmod", "rendition_file")
    )
    rendition_url = context.file_urls(WartaRendition._meta.get_field("file").storage)
    page_url, w3c = context.page_url, context.w3c
    for url_path, lastmod, rendition_file in rows:
        image = ""
        if rendition_file:  # never the stored original: it is not public
            image = rendition_url(rendition_file)
            image = f"<image:image><image:loc>{image}</image:loc></image:image>"
        yield (
            f"<url><loc>{page_url(url_path)}</loc><lastmod>{w3c(lastmod)}</lastmod>{image}</url>\n"
        )


def _section_lastmods(context: SiteContext) -> dict[str, datetime]:
    """The newest publication below each page of the site, by tree path.

    One pass over the live articles grouped by their parent's path, then carried up
    the (small) kanal tree in Python.
    """
    steplen = Page.steplen
    by_parent = _rows(
        ArticlePage.objects.filter(context.visible_articles_q())
        .annotate(parent_path=Substr("path", 1, Length("path") - steplen))
        .values("parent_path")
        .annotate(newest=Max("published_at"))
        .order_by()
        .values_list("parent_path", "newest")
    )
    newest: dict[str, datetime] = {}
    for parent_path, moment in by_parent:
        for end in range(len(context.root_path), len(parent_path) + 1, steplen):
            path = parent_path[:end]
            if path not in newest or newest[path] < moment:
                newest[path] = moment
    return newest


def _section_rows(context: SiteContext, **filters) -> Iterator[tuple[int, str, datetime]]:
    """(id, url_path, lastmod) of the site's pages that are not articles."""
    newest = _section_lastmods(context)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    rows = _rows(
        Page.objects.filter(context.visible_pages_q(), **filters)
        .exclude(content_type=article_type)
        .order_by("pk")
        .values_list("pk", "path", "url_path", "last_published_at")
    )
    for pk, path, url_path, last_published_at in rows:
        moments = [m for m in (newest.get(path), last_published_at) if m is not None]
        yield pk, url_path, max(moments) if moments else None


def _section_pages(context: SiteContext):
    pages: dict[int, datetime | None] = {}
    for pk, _url_path, lastmod in _section_rows(context):
        page = (pk - 1) // PAGE_SIZE + 1
        pages.setdefault(page, None)
        if lastmod and (pages[page] is None or lastmod > pages[page]):
            pages[page] = lastmod
    return sorted(pages.items())


def _section_urls(context: SiteContext, page: int) -> Iterator[str]:
    low, high = _id_range(page)
    for _pk, url_path, lastmod in _section_rows(context, pk__gt=low, pk__lte=high):
        lastmod_xml = f"<lastmod>{context.w3c(lastmod)}</lastmod>" if lastmod else ""
        yield f"<url><loc>{context.page_url(url_path)}</loc>{lastmod_xml}</url>\n"


@dataclass(frozen=True)
class _Listing:
    """A listing page per row of another model (tag, contributor), found through the
    relation that ties it to articles, with the newest publication as lastmod."""

    relation: type  # the through model: ArticleTag, ArticleAuthor
    article: str  # its field to the article
    target: str  # its field to the listed row
    url_name: str  # reverse() name of the listing page, with a ``slug`` argument

    def _related(self, context: SiteContext) -> QuerySet:
        return self.relation.objects.filter(context.visible_articles_q(f"{self.article}__"))

    def pages(self, context: SiteContext) -> Iterator[tuple[int, datetime]]:
        """Each page's lastmod: the newest visible article tied to any row of its range.

        Grouping the whole relation by page would read every article row (seconds at
        a million articles); instead, per page, the ``published_at`` index is walked
        from the newest article down to the first one tied to the range, usually the
        first. One query for the id span, then one per page (a page is 50,000 tags).
        """
        target_model = self.relation._meta.get_field(self.target).related_model
        top = target_model.objects.aggregate(top=Max("pk"))["top"] or 0
        visible = ArticlePage.objects.filter(context.visible_articles_q())
        for page in range(1, (top - 1) // PAGE_SIZE + 2):
            low, high = _id_range(page)
            tied = self.relation.objects.filter(
                **{
                    f"{self.article}_id": OuterRef("pk"),
                    f"{self.target}_id__gt": low,
                    f"{self.target}_id__lte": high,
                }
            )
            newest = (
                visible.filter(Exists(tied))
                .order_by("-published_at")
                .values_list("published_at", flat=True)
                .first()
            )
            if newest is not None:
                yield page, newest

    def urls(self, context: SiteContext, page: int) -> Iterator[str]:
        slug = f"{self.target}__slug"
        rows = _rows(
            self._related(context)
            # By page number, as the index counts them, and grouped by slug (unique):
            # with an id range or grouping by id, SQLite walks the relation in id
            # order through its index and jumps between article rows on disk; this
            # way it reads the relation in stored order, four times faster.
            .annotate(sitemap_page=_page_of(f"{self.target}_id"))
            .filter(sitemap_page=page)
            .values(slug)
            .annotate(lastmod=Max(f"{self.article}__published_at"))
            .order_by(slug)
            .values_list(slug, "lastmod")
        )
        # reverse() once, not once per row: the slug goes where the placeholder was.
        placeholder = "sitemap-slug-placeholder"
        before, after = reverse(self.url_name, kwargs={"slug": placeholder}).split(placeholder)
        for slug, lastmod in rows:
            loc = context.url(f"{before}{quote(slug, safe='')}{after}")
            yield f"<url><loc>{loc}</loc><lastmod>{context.w3c(lastmod)}</lastmod></url>\n"


_tags = _Listing(ArticleTag, "content_object", "tag", "topics:tag")
_authors = _Listing(ArticleAuthor, "article", "person", "people:person")

KINDS: dict[str, SitemapKind] = {
    kind.name: kind
    for kind in (
        SitemapKind("articles", _article_pages, _article_urls, f' xmlns:image="{IMAGE_NS}"'),
        SitemapKind("sections", _section_pages, _section_urls),
        SitemapKind("tags", _tags.pages, _tags.urls),
        SitemapKind("authors", _authors.pages, _authors.urls),
    )
}


# Documents ----------------------------------------------------------------------


def urlset_head(namespaces: str = "") -> str:
    return f'{XML_DECLARATION}<urlset xmlns="{SITEMAP_NS}"{namespaces}>\n'


URLSET_TAIL = "</urlset>\n"
INDEX_HEAD = f'{XML_DECLARATION}<sitemapindex xmlns="{SITEMAP_NS}">\n'
INDEX_TAIL = "</sitemapindex>\n"


def index_entries(context: SiteContext) -> Iterator[str]:
    """The ``<sitemap>`` elements of the index: every page of every kind."""
    for kind in KINDS.values():
        for page, lastmod in kind.pages(context):
            loc = context.url(reverse("sitemap-page", kwargs={"kind": kind.name, "page": page}))
            lastmod_xml = f"<lastmod>{context.w3c(lastmod)}</lastmod>" if lastmod else ""
            yield f"<sitemap><loc>{loc}</loc>{lastmod_xml}</sitemap>\n"


def news_urls(context: SiteContext) -> Iterator[str]:
    """The ``<url>`` elements of the Google News sitemap."""
    since = timezone.now() - NEWS_WINDOW
    rows = _rows(
        ArticlePage.objects.filter(context.visible_articles_q(), published_at__gte=since)
        .order_by("-published_at", "-pk")
        .values_list("url_path", "title", "published_at")[:NEWS_LIMIT]
    )
    publication_xml = (
        f"<news:publication><news:name>{xml_text(context.site_name)}</news:name>"
        f"<news:language>{xml_text(news_language())}</news:language></news:publication>"
    )
    for url_path, title, published_at in rows:
        yield (
            f"<url><loc>{context.page_url(url_path)}</loc><news:news>{publication_xml}"
            f"<news:publication_date>{context.w3c(published_at)}</news:publication_date>"
            f"<news:title>{xml_text(title)}</news:title></news:news></url>\n"
        )


def news_language() -> str:
    """The site language as Google News wants it: 'id' (ISO 639, no region)."""
    return settings.LANGUAGE_CODE.split("-")[0].lower()


def encode(head: str, entries: Iterable[str], tail: str, label: str) -> Iterator[bytes]:
    """The document as UTF-8 chunks of about 64 KB, kept within the protocol's limits.

    An entry whose ``<loc>`` is too long for the schema is left out, and entries past
    ``MAX_BYTES`` are dropped, each with an error in the log: a crawler rejects a whole
    file that breaks the limits, so one bad row must not cost the other 49,999.
    """
    head_bytes, tail_bytes = head.encode(), tail.encode()
    budget = MAX_BYTES - len(head_bytes) - len(tail_bytes)
    chunk: list[bytes] = [head_bytes]
    chunk_size = len(head_bytes)
    for entry in entries:
        data = entry.encode()
        if len(entry) > MAX_LOC and _loc_too_long(entry):
            log.error("%s: left out an entry with a <loc> over %d characters", label, MAX_LOC)
            continue
        if len(data) > budget:
            log.error("%s: over %d bytes, the rest of the entries were left out", label, MAX_BYTES)
            break
        budget -= len(data)
        chunk.append(data)
        chunk_size += len(data)
        if chunk_size >= 65536:
            yield b"".join(chunk)
            chunk, chunk_size = [], 0
    chunk.append(tail_bytes)
    yield b"".join(chunk)


def _loc_too_long(entry: str) -> bool:
    return any(len(loc) > MAX_LOC for loc in re.findall(r"<(?:image:)?loc>([^<]*)</", entry))
