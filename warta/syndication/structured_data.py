"""Structured data (schema.org JSON-LD) and link-preview data of reader pages.

Plain dicts built from what the page's context already holds, so the page head adds
no query of its own; ``json_ld`` turns one into the body of a
``<script type="application/ld+json">``, the only inline script the CSP allows.

Images only ever use renditions that ``images.services.prepare_renditions`` made
on upload or publish: a reader's request looks them up and never makes one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import Filter
from wagtail.models import Site

from warta.images.services import AS_UPLOADED_SPEC, OPEN_GRAPH_SPEC, STRUCTURED_DATA_SPECS
from warta.masthead import zones

SCHEMA = "https://schema.org"
# Shown when no logo image is uploaded; Google wants a raster logo, not an SVG.
FALLBACK_LOGO = ("warta/logo-512.png", 512, 512)
# The escapes of django.utils.html.json_script: no "</script>" or comment can end the
# element early, whatever an editor types into a headline.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class ImageRef:
    url: str
    width: int
    height: int


def json_ld(data: dict[str, Any]) -> SafeString:
    """``data`` as JSON safe to place inside a script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


def existing_renditions(image, specs) -> dict[str, Any]:
    """The renditions of ``image`` among ``specs`` that already exist, by spec.

    ``find_existing_renditions`` reads the prefetched renditions, the rendition cache,
    then the database (one query for all specs), and never makes a missing one. What
    it found goes back into the cache, as ``Image.get_renditions`` does, so the next
    render of the page costs no query.
    """
    if image is None:
        return {}
    filters = [Filter(spec=spec) for spec in specs]
    found = image.find_existing_renditions(*filters)
    rendition_model = image.get_rendition_model()
    rendition_model.cache_backend.set_many(
        {
            rendition_model.construct_cache_key(image, f.get_cache_key(image), f.spec): rendition
            for f, rendition in found.items()
            if not getattr(rendition, "_from_cache", False)
        }
    )
    return {f.spec: rendition for f, rendition in found.items()}


def absolute_url(request, link: str) -> str:
    """``link`` on the site's public address (``Site.root_url``, set by
    ``warta set-site-address``), like canonical links, feeds and sitemaps; a link that
    is already absolute (media on another host) stays as it is."""
    if "://" in link:
        return link
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri(link)
    return site.root_url + link


def _image_ref(request, rendition) -> ImageRef:
    return ImageRef(absolute_url(request, rendition.url), rendition.width, rendition.height)


@dataclass(frozen=True)
class LeadImages:
    """The lead image's link-preview rendition and its NewsArticle renditions."""

    open_graph: ImageRef | None
    structured_data: list[ImageRef]
    alt: str = ""


def lead_images(request, image) -> LeadImages:
    renditions = existing_renditions(image, (OPEN_GRAPH_SPEC, *STRUCTURED_DATA_SPECS))
    og = renditions.get(OPEN_GRAPH_SPEC)
    return LeadImages(
        open_graph=_image_ref(request, og) if og else None,
        structured_data=[
            _image_ref(request, renditions[spec])
            for spec in STRUCTURED_DATA_SPECS
            if spec in renditions
        ],
        alt=image.default_alt_text if image is not None else "",
    )


def publisher_logo(request, masthead) -> ImageRef:
    """The uploaded logo when it is a raster image, else the bundled PNG."""
    logo = getattr(masthead, "logo", None)
    if logo is not None and not logo.is_svg():
        # The original is never public: the bounded copy prepared on upload, if made.
        found = logo.find_existing_renditions(Filter(AS_UPLOADED_SPEC))
        rendition = next(iter(found.values()), None)
        if rendition is not None:
            return ImageRef(absolute_url(request, rendition.url), rendition.width, rendition.height)
    path, width, height = FALLBACK_LOGO
    return ImageRef(absolute_url(request, static(path)), width, height)


def home_url(request) -> str:
    return absolute_url(request, "/")


def organization(request, masthead) -> dict[str, Any]:
    logo = publisher_logo(request, masthead)
    return {
        "@type": "Organization",
        "@id": home_url(request) + "#organisasi",
        "name": masthead.site_name,
        "url": home_url(request),
        "logo": {
            "@type": "ImageObject",
            "url": logo.url,
            "width": logo.width,
            "height": logo.height,
        },
    }


def website(request, masthead) -> dict[str, Any]:
    """The home page's WebSite with its search box and the publisher."""
    search = absolute_url(request, reverse("search:results"))
    return {
        "@context": SCHEMA,
        "@graph": [
            {
                "@type": "WebSite",
                "@id": home_url(request) + "#situs",
                "url": home_url(request),
                "name": masthead.site_name,
                "inLanguage": "id",
                **({"description": masthead.tagline} if masthead.tagline else {}),
                "publisher": {"@id": home_url(request) + "#organisasi"},
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": f"{search}?q={{search_term_string}}",
                    },
                    "query-input": "required name=search_term_string",
                },
            },
            organization(request, masthead),
        ],
    }


def person(request, contributor) -> dict[str, Any]:
    return {
        "@type": "Person",
        "name": contributor.name,
        "url": absolute_url(request, contributor.get_absolute_url()),
    }


def _based_on(page) -> dict[str, Any] | None:
    """The original of a story republished from another outlet."""
    if not page.source_name and not page.source_url:
        return None
    original: dict[str, Any] = {"@type": "CreativeWork"}
    if page.source_url:
        original["url"] = page.source_url
    if page.source_name:
        original["publisher"] = {"@type": "Organization", "name": page.source_name}
    return original


def news_article(
    request,
    page,
    *,
    masthead,
    url: str,
    description: str,
    section,
    tags,
    authors,
    images: LeadImages,
    corrections=(),
) -> dict[str, Any]:
    """The NewsArticle of an article page. Dates carry the offset of the site's zone
    and are the very instants the page prints."""
    zone = masthead.zone
    published = page.publication_time
    modified = page.last_updated or published
    data: dict[str, Any] = {
        "@context": SCHEMA,
        # Sponsored content is not news: schema.org's own type for it (Dewan Pers
        # guideline: advertorials are labelled as such wherever they appear).
        "@type": "AdvertiserContentArticle" if page.is_advertorial else "NewsArticle",
        "@id": url + "#berita",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": page.title,
        "description": description,
        "inLanguage": "id",
    }
    if images.structured_data:
        data["image"] = [image.url for image in images.structured_data]
    if published:
        data["datePublished"] = zones.isoformat(published, zone)
        data["dateModified"] = zones.isoformat(modified, zone)
    if authors:
        data["author"] = [person(request, contributor) for contributor in authors]
    data["publisher"] = organization(request, masthead)
    if section is not None:
        data["articleSection"] = section.title
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    if based_on := _based_on(page):
        data["isBasedOn"] = based_on
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": zones.isoformat(correction.created_at, zone),
            }
            for correction in corrections
        ]
    return data


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A BreadcrumbList of (name, URL or path) from the home page down."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(request, link),
            }
            for position, (name, link) in enumerate(trail, start=1)
        ],
    }
