"""RSS 2.0 and Atom feeds of the newest articles: the whole site, a kanal (with its
sub-kanal), a tag or a contributor, as summaries or with the full text.

Built on Django's syndication framework; the generators below only add what it
lacks: every credited person (``dc:creator`` / one ``<author>`` each), the full text
(``content:encoded`` / ``<content>``) and the lead image as Media RSS
``media:content``. Every address in a feed is absolute on the Wagtail Site's root.

A feed's response depends only on its path: query strings are ignored, so
``/feed/rss/?utm_source=x`` is the same bytes as ``/feed/rss/``; the full text has
addresses of its own under ``/feed/full/``. Conditional requests are answered from
one small query (see :func:`feed_state`) before any item is loaded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import feedgenerator
from django.views.decorators.http import condition, require_safe
from wagtail.models import Site

from warta.articles.models import UPDATE_GRACE, WRITER_ROLES, ArticlePage
from warta.masthead.models import SiteSettings
from warta.sections.models import SectionPage
from warta.syndication import feed_queries
from warta.syndication.feed_content import FeedImage, full_bodies, lead_image, summary_html
from warta.syndication.feed_queries import KANAL, PENULIS, SITE, TAG, FeedScope, Stamp

# Part of every ETag: bump it when the feed markup changes, so readers holding a
# copy made by the old code fetch the new one.
FEED_MARKUP_VERSION = "1"
RSS, ATOM = "rss", "atom"
LANGUAGE = "id"

DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"


# Names and addresses ----------------------------------------------------------


def feed_path(kind: str, format: str = RSS, full: bool = False, slug: str = "") -> str:
    """The path of a feed; ``slug`` is the kanal's page path (``nasional/politik``), the
    tag's slug or the contributor's slug."""
    name = f"feeds:{kind}-{format}{'-full' if full else ''}"
    return reverse(name, kwargs={"slug": slug} if kind != SITE else None)


def kanal_slug_path(section: SectionPage, request=None) -> str:
    """``nasional/politik``: the kanal page's path on its site, as feed URLs take it."""
    parts = section.get_url_parts(request)
    return parts[2].strip("/") if parts else ""


def channel_title(scope: FeedScope, site_name: str) -> str:
    target = scope.target
    if scope.kind == KANAL:
        return f"{target.title} - {site_name}"
    if scope.kind == TAG:
        return f"#{target.name} - {site_name}"
    if scope.kind == PENULIS:
        return f"{target.name} - {site_name}"
    return site_name


def channel_description(scope: FeedScope, settings: SiteSettings) -> str:
    target, site_name = scope.target, settings.site_name
    if scope.kind == KANAL:
        return target.intro or f"Berita terbaru kanal {target.title} di {site_name}"
    if scope.kind == TAG:
        return f"Berita dengan tag {target.name} di {site_name}"
    if scope.kind == PENULIS:
        return f"Berita oleh {target.name} di {site_name}"
    return settings.tagline or f"Berita terbaru {site_name}"


# Times ------------------------------------------------------------------------


def item_times(published_at: datetime, updated_at: datetime | None) -> tuple[datetime, datetime]:
    """(published, updated) of an item to the second, as the article page shows them:
    an update counts only when it is clearly after publication."""
    updated = updated_at if updated_at and updated_at - published_at > UPDATE_GRACE else None
    published = published_at.replace(microsecond=0)
    return published, (updated or published_at).replace(microsecond=0)


# Conditional requests ---------------------------------------------------------


@dataclass
class FeedState:
    """What a feed is about and the fingerprint of its items, worked out once per
    request and shared by the ETag, Last-Modified and the view."""

    scope: FeedScope
    stamps: list[Stamp]
    etag: str
    last_modified: datetime | None


def feed_state(request, kind: str, format: str, full: bool, slug: str = "") -> FeedState:
    """Resolve the feed (404 for anything unknown) and fingerprint its newest items.

    The ETag covers the items' ids and their publication times (Wagtail's
    ``last_published_at`` changes on every publish, even a quick fix-up), so a new
    article, an edit or an unpublished one each make a new ETag. Last-Modified is the
    newest item's update or publication time, as the feed itself states it. What the
    fingerprint leaves out (a renamed kanal, tag or contributor, new site settings)
    reaches readers with the next publish in the feed, or at once after bumping
    ``FEED_MARKUP_VERSION``.
    """
    cached = getattr(request, "_warta_feed_state", None)
    if cached is not None:
        return cached
    scope = feed_queries.find_scope(request, kind, slug)
    if scope is None:
        raise Http404("Feed tidak ditemukan.")
    stamps = feed_queries.newest_stamps(scope)
    if scope.kind == TAG and not stamps:
        # Like the tag page: a tag with no live article is not a page worth keeping.
        raise Http404("Tag tidak dikenal.")
    fingerprint = "|".join(
        [FEED_MARKUP_VERSION, scope.key, format, str(full)]
        + [f"{s.pk}:{s.published_at}:{s.updated_at}:{s.last_published_at}" for s in stamps]
    )
    etag = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    last_modified = max((item_times(s.published_at, s.updated_at)[1] for s in stamps), default=None)
    state = FeedState(scope, stamps, etag, last_modified)
    request._warta_feed_state = state
    return state


def _etag(request, **kwargs) -> str:
    return feed_state(request, **kwargs).etag


def _last_modified(request, **kwargs) -> datetime | None:
    return feed_state(request, **kwargs).last_modified


# Generators -------------------------------------------------------------------


def _add_media_content(handler, image: FeedImage | None) -> None:
    if image is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "type": image.mime_type,
            "medium": "image",
            "width": str(image.width),
            "height": str(image.height),
            "fileSize": str(image.length),
        },
    )
    # The caption goes in media:title, not media:description: feedparser (and the
    # readers built on it) files media:description as the entry's content, so a
    # summary feed would show the caption as the article's text.
    if image.caption:
        handler.addQuickElement("media:title", image.caption, {"type": "plain"})
    if image.credit:
        handler.addQuickElement("media:credit", image.credit)
    handler.endElement("media:content")


# What XML 1.0 cannot carry at all (Django's XML writer raises on it): C0 controls
# but tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """``value`` with the characters XML 1.0 forbids dropped, in every string it holds
    (strings, lists, dicts and our dataclasses); emoji and every script stay."""
    if isinstance(value, str):
        return _XML_FORBIDDEN.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(v) for v in value)
    if isinstance(value, dict):
        return {key: xml_safe(v) for key, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


class XmlSafeFeedMixin:
    """Pasted text may hold control characters: clean the channel and each item once,
    so a feed is always well-formed instead of a 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = xml_safe(self.feed)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = xml_safe(self.items[-1])


class WartaRssFeed(XmlSafeFeedMixin, feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with a ``dc:creator`` per author, ``content:encoded`` and Media RSS."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": DC_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for person in item["creators"]:
            handler.addQuickElement("dc:creator", person.name)
        for person in item["contributors"]:
            handler.addQuickElement("dc:contributor", person.name)
        if item["content"] is not None:
            handler.addQuickElement("content:encoded", item["content"])
        _add_media_content(handler, item["image"])


class WartaAtomFeed(XmlSafeFeedMixin, feedgenerator.Atom1Feed):
    """Atom 1.0 with an ``<author>`` per author, ``<content>`` and Media RSS."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for element, people in (
            ("author", item["creators"]),
            ("contributor", item["contributors"]),
        ):
            for person in people:
                handler.startElement(element, {})
                handler.addQuickElement("name", person.name)
                handler.addQuickElement("uri", person.url)
                handler.endElement(element)
        if item["content"] is not None:
            handler.addQuickElement("content", item["content"], {"type": "html"})
        _add_media_content(handler, item["image"])


# What the feed says -------------------------------------------------------------


@dataclass(frozen=True)
class Credit:
    name: str
    url: str


@dataclass
class FeedEntry:
    """One item, worked out in full before the generator sees it, so the Feed
    instances (shared by every request) hold no per-request state."""

    title: str
    link: str
    guid: str
    summary: str
    published: datetime
    updated: datetime
    creators: list[Credit]
    contributors: list[Credit]
    categories: list[str]
    image: FeedImage | None
    content: str | None = None


@dataclass
class FeedChannel:
    title: str
    link: str
    description: str
    feed_url: str
    author_name: str
    entries: list[FeedEntry] = field(default_factory=list)


def _credits(article: ArticlePage, root_url: str) -> tuple[list[Credit], list[Credit]]:
    """(creators, contributors): the writers and reporters, then everyone else
    credited; when nobody wrote it, everyone credited is a creator. Each person once."""
    seen, writers, others = set(), [], []
    for credit in article.authors.all():
        if credit.person_id in seen:
            continue
        seen.add(credit.person_id)
        person = Credit(credit.person.name, root_url + credit.person.get_absolute_url())
        (writers if credit.role in WRITER_ROLES else others).append(person)
    return (writers, others) if writers else (others, [])


def _categories(article: ArticlePage) -> list[str]:
    names = [article.section.title] if getattr(article, "section", None) else []
    names += [tagged.tag.name for tagged in article.tagged_items.all()]
    return list(dict.fromkeys(names))


def _guid(article: ArticlePage, host: str) -> str:
    """``tag:<host>,<date of first publication>:artikel/<id>``: stable across edits,
    new titles and moves to another kanal."""
    first = article.first_published_at or article.published_at
    return f"tag:{host},{first:%Y-%m-%d}:artikel/{article.pk}"


def build_channel(request, state: FeedState, format: str, full: bool) -> FeedChannel:
    site = Site.find_for_request(request)
    if site is None:  # no default site and a host no site answers to
        raise Http404("Situs tidak dikenal.")
    settings = SiteSettings.for_request(request)
    root_url = site.root_url
    zone = settings.zone.tzinfo
    scope = state.scope

    if scope.kind == KANAL:
        link = scope.target.get_full_url(request)
        slug = kanal_slug_path(scope.target, request)
    elif scope.kind == TAG:
        link = root_url + reverse("topics:tag", args=[scope.target.slug])
        slug = scope.target.slug
    elif scope.kind == PENULIS:
        link = root_url + scope.target.get_absolute_url()
        slug = scope.target.slug
    else:
        link, slug = root_url + "/", ""

    articles = feed_queries.feed_articles(scope)
    urls = {article.pk: article.get_full_url(request) for article in articles}
    bodies = (
        full_bodies(
            articles,
            root_url,
            dateline_for=lambda article: article.dateline_for(settings),
            url_for=lambda article: article.get_full_url(request),
        )
        if full
        else {}
    )
    entries = []
    for article in articles:
        published, updated = item_times(article.published_at, article.updated_at)
        creators, contributors = _credits(article, root_url)
        entries.append(
            FeedEntry(
                title=article.title,
                link=urls[article.pk],
                guid=_guid(article, site.hostname),
                summary=summary_html(article),
                published=published.astimezone(zone),
                updated=updated.astimezone(zone),
                creators=creators,
                contributors=contributors,
                categories=_categories(article),
                image=lead_image(article, root_url),
                content=bodies.get(article.pk),
            )
        )
    return FeedChannel(
        title=channel_title(scope, settings.site_name),
        link=link,
        description=channel_description(scope, settings),
        feed_url=root_url + feed_path(scope.kind, format, full, slug),
        author_name=settings.site_name,
        entries=entries,
    )


class ArticleFeed(Feed):
    """Reads everything from the FeedChannel that the view builds."""

    language = LANGUAGE
    item_guid_is_permalink = False

    def get_object(self, request, channel: FeedChannel):
        return channel

    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.link

    def description(self, channel):
        return channel.description

    def feed_url(self, channel):
        return channel.feed_url

    def feed_guid(self, channel):
        return channel.feed_url

    def author_name(self, channel):
        # Atom asks for an author on the feed for entries that credit nobody.
        return channel.author_name

    def items(self, channel):
        return channel.entries

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.summary

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        image = entry.image
        if image is None:
            return []
        return [feedgenerator.Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, entry):
        return {
            "creators": entry.creators,
            "contributors": entry.contributors,
            "content": entry.content,
            "image": entry.image,
        }


class RssArticleFeed(ArticleFeed):
    feed_type = WartaRssFeed


class AtomArticleFeed(ArticleFeed):
    feed_type = WartaAtomFeed


_FEEDS = {RSS: RssArticleFeed(), ATOM: AtomArticleFeed()}


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def article_feed(request, kind: str, format: str, full: bool, slug: str = ""):
    """A feed, or 304 when the reader's copy is current; never reads the query string."""
    state = feed_state(request, kind=kind, format=format, full=full, slug=slug)
    channel = build_channel(request, state, format, full)
    return _FEEDS[format](request, channel=channel)
