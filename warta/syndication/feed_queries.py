"""Reads for the RSS and Atom feeds.

A feed is answered in two steps: a cheap fingerprint of its newest items (ids and
times, one small query) decides whether a reader's copy is still fresh, and only a
stale copy loads the items themselves, with everything they show, in a fixed number
of queries whatever the number of items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from taggit.models import Tag
from wagtail.models import Site

from warta.articles.models import ArticlePage, ArticleTag
from warta.articles.queries import (
    articles_by_person,
    articles_in_section,
    articles_with_tag,
    attach_sections,
    live_articles,
    with_bylines,
)
from warta.images.models import WartaImage, WartaRendition
from warta.images.services import LEAD_SPECS
from warta.people.models import Person
from warta.sections.models import SectionPage

# How many of the newest articles a feed carries.
FEED_LENGTH = 50
# Renditions the feeds point at: both are made on upload (images.services.ALL_SPECS),
# so a feed never resizes an image inside a reader's request.
LEAD_IMAGE_SPEC = LEAD_SPECS[0]  # 1200x675, what aggregators show large
BODY_IMAGE_SPEC = "fill-800x450|format-webp"  # what the article page's body images use

# A slug as Wagtail and taggit write them (Unicode letters allowed); ``\w`` leaves out
# NUL and the other characters a database would reject or a path would misread.
_SLUG = re.compile(r"[-\w]{1,255}")
_TAG_SLUG_MAX = 100  # taggit's column

SITE, KANAL, TAG, PENULIS = "site", "kanal", "tag", "penulis"
KINDS = (SITE, KANAL, TAG, PENULIS)


@dataclass(frozen=True)
class FeedScope:
    """What a feed covers: the whole site, one kanal (its sub-kanal included), one
    tag or one contributor."""

    kind: str
    target: SectionPage | Tag | Person | None = None

    def articles(self) -> QuerySet[ArticlePage]:
        if self.kind == KANAL:
            return articles_in_section(self.target)
        if self.kind == TAG:
            return articles_with_tag(self.target)
        if self.kind == PENULIS:
            return articles_by_person(self.target)
        return live_articles()

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.target.pk if self.target is not None else ''}"


def find_scope(request, kind: str, slug: str = "") -> FeedScope | None:
    """The scope a feed URL names, or None when nothing live answers to it."""
    if kind == SITE:
        return FeedScope(SITE)
    if kind == KANAL:
        section = section_at(Site.find_for_request(request), slug)
        return FeedScope(KANAL, section) if section else None
    if kind == TAG:
        if len(slug) > _TAG_SLUG_MAX or not _SLUG.fullmatch(slug):
            return None
        tag = Tag.objects.filter(slug=slug).first()
        return FeedScope(TAG, tag) if tag else None
    if kind == PENULIS:
        if not _SLUG.fullmatch(slug):
            return None
        person = Person.objects.filter(slug=slug).first()
        return FeedScope(PENULIS, person) if person else None
    return None


def section_at(site: Site | None, slug_path: str) -> SectionPage | None:
    """The live kanal whose page is at ``/<slug_path>/`` on ``site``: the same address
    as the kanal page, so a sub-kanal slug that repeats elsewhere is never ambiguous."""
    segments = slug_path.split("/")
    if site is None or not all(_SLUG.fullmatch(segment) for segment in segments):
        return None
    url_path = f"{site.root_page.url_path}{'/'.join(segments)}/"
    return SectionPage.objects.live().filter(url_path=url_path).first()


@dataclass(frozen=True)
class Stamp:
    """The times of one item that decide whether a copy of the feed is stale."""

    pk: int
    published_at: datetime
    updated_at: datetime | None
    last_published_at: datetime | None


def newest_stamps(scope: FeedScope) -> list[Stamp]:
    """Ids and times of the feed's items, newest first: one query on the
    ``published_at`` index, no joins beyond the scope's own."""
    rows = scope.articles().values_list("pk", "published_at", "updated_at", "last_published_at")[
        :FEED_LENGTH
    ]
    return [Stamp(*row) for row in rows]


def feed_articles(scope: FeedScope) -> list[ArticlePage]:
    """The feed's items with their bylines, tags, kanal and lead image rendition, in
    five queries however many items there are."""
    articles = (
        with_bylines(scope.articles())
        .prefetch_related(
            Prefetch(
                "tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("pk")
            ),
            Prefetch(
                "lead_image__renditions",
                queryset=WartaRendition.objects.filter(filter_spec=LEAD_IMAGE_SPEC),
            ),
        )
        .order_by("-published_at", "-pk")[:FEED_LENGTH]
    )
    return attach_sections(list(articles))


def body_images(ids) -> dict[int, WartaImage]:
    """The images that article bodies show, with their feed rendition, in two queries."""
    ids = set(ids)
    if not ids:
        return {}
    images = WartaImage.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("renditions", queryset=WartaRendition.objects.filter(filter_spec=BODY_IMAGE_SPEC))
    )
    return {image.pk: image for image in images}


def live_articles_by_id(ids) -> dict[int, ArticlePage]:
    """The live articles among ``ids`` (what 'Baca Juga' blocks point at), one query."""
    ids = set(ids)
    if not ids:
        return {}
    articles = live_articles().filter(pk__in=ids).defer_streamfields()
    return {article.pk: article for article in articles}
