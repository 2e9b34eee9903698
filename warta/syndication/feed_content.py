"""The HTML of an article inside a feed: its body with every address absolute and no
theme markup (no srcset, lazy loading or classes a feed reader cannot use).

Bodies are rendered from the StreamField's raw data for all items at once, so that
the images, 'Baca Juga' articles and rich-text page links of fifty articles cost the
same few queries as those of one; iterating ``article.body`` would load each
article's images and pages on its own.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import unescape

from django.utils.html import escape, format_html, strip_tags
from django.utils.text import Truncator
from wagtail.images.models import Filter
from wagtail.rich_text import expand_db_html

from warta.articles.dateline import with_dateline
from warta.articles.models import ArticlePage
from warta.syndication.feed_queries import (
    BODY_IMAGE_SPEC,
    LEAD_IMAGE_SPEC,
    body_images,
    live_articles_by_id,
)

SUMMARY_WORDS = 50
_MIME_TYPES = {
    "webp": "image/webp",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "avif": "image/avif",
}
# A root-relative address in an opening <a> or <img> tag (not "//host/..." ones).
_RELATIVE_ADDRESS = re.compile(r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")(/(?!/))')


@dataclass(frozen=True)
class FeedImage:
    """An image file as a feed announces it: where, how big, what type."""

    url: str
    length: int
    mime_type: str
    width: int
    height: int
    caption: str = ""
    credit: str = ""


def absolute(root_url: str, url: str) -> str:
    """``url`` on the site's root when it is root-relative (MEDIA_URL may be a CDN)."""
    if url.startswith("/") and not url.startswith("//"):
        return root_url.rstrip("/") + url
    return url


def absolute_links(html: str, root_url: str) -> str:
    root = root_url.rstrip("/")
    return _RELATIVE_ADDRESS.sub(lambda m: m.group(1) + root + m.group(2), html)


def _mime_type(name: str) -> str:
    return _MIME_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def _file_size(field_file) -> int:
    # The RSS profile asks for 0 when the size cannot be known; a missing file must
    # not take the whole feed down.
    try:
        return field_file.size
    except (OSError, ValueError):
        return 0


def feed_image(
    image, spec: str, root_url: str, caption: str = "", credit: str = ""
) -> FeedImage | None:
    """``image`` as the prepared rendition ``spec``, found among its prefetched
    renditions and never made here; None when none was prepared (the stored original
    is never public, so it cannot stand in)."""
    found = image.find_existing_renditions(Filter(spec))
    rendition = next(iter(found.values()), None)
    if rendition is None:
        return None
    return FeedImage(
        url=absolute(root_url, rendition.file.url),
        length=_file_size(rendition.file),
        mime_type=_mime_type(rendition.file.name),
        width=rendition.width,
        height=rendition.height,
        caption=caption,
        credit=credit,
    )


def lead_image(article: ArticlePage, root_url: str) -> FeedImage | None:
    if article.lead_image is None:
        return None
    return feed_image(
        article.lead_image,
        LEAD_IMAGE_SPEC,
        root_url,
        caption=article.lead_caption,
        credit=article.lead_credit,
    )


def _blocks(article: ArticlePage) -> list[dict]:
    return list(article.body.raw_data)


def summary_html(article: ArticlePage) -> str:
    """The item's description as HTML: the editor's summary, else the start of the
    first paragraph (imports often come without a summary)."""
    text = article.summary
    if not text:
        first = next((b for b in _blocks(article) if b["type"] == "paragraph"), None)
        text = unescape(strip_tags(first["value"])) if first else ""
        text = Truncator(" ".join(text.split())).words(SUMMARY_WORDS)
    return escape(text)


def full_bodies(
    articles: Iterable[ArticlePage],
    root_url: str,
    dateline_for: Callable[[ArticlePage], str],
    url_for: Callable[[ArticlePage], str],
) -> dict[int, str]:
    """The full body of each article as feed HTML, by article id."""
    articles = list(articles)
    raw = {article.pk: _blocks(article) for article in articles}
    blocks = [block for blocks in raw.values() for block in blocks]
    images = body_images(b["value"].get("image") for b in blocks if b["type"] == "image")
    linked = live_articles_by_id(
        b["value"].get("article") for b in blocks if b["type"] == "read_also"
    )
    paragraphs = iter(
        _expand_all([b["value"] for b in blocks if b["type"] == "paragraph"], root_url)
    )
    bodies = {}
    for article in articles:
        dateline = dateline_for(article)
        parts = []
        for block in raw[article.pk]:
            kind, value = block["type"], block["value"]
            if kind == "paragraph":
                html = next(paragraphs)
                if dateline:
                    html, dateline = with_dateline(html, dateline), ""
                parts.append(html)
            elif kind == "heading":
                parts.append(format_html("<h2>{}</h2>", value.get("text", "")))
            elif kind == "quote":
                parts.append(_quote(value))
            elif kind == "image" and value.get("image") in images:
                parts.append(_figure(images[value["image"]], value, root_url))
            elif kind == "read_also" and value.get("article") in linked:
                target = linked[value["article"]]
                parts.append(
                    format_html(
                        '<p><strong>{}:</strong> <a href="{}">{}</a></p>',
                        value.get("label") or "Baca Juga",
                        url_for(target),
                        target.title,
                    )
                )
        bodies[article.pk] = "\n".join(parts)
    return bodies


def _expand_all(sources: list[str], root_url: str) -> list[str]:
    """Expand the rich text of many paragraphs in one pass, so their page links are
    looked up together, then make their addresses absolute."""
    if not sources:
        return []
    marker = f"<!--{uuid.uuid4().hex}-->"
    expanded = expand_db_html(marker.join(sources)).split(marker)
    return [absolute_links(html, root_url) for html in expanded]


def _quote(value: dict) -> str:
    attribution = value.get("attribution")
    if attribution:
        return format_html(
            "<blockquote><p>{}</p><footer>— {}</footer></blockquote>",
            value.get("quote", ""),
            attribution,
        )
    return format_html("<blockquote><p>{}</p></blockquote>", value.get("quote", ""))


def _figure(image, value: dict, root_url: str) -> str:
    shown = feed_image(image, BODY_IMAGE_SPEC, root_url)
    if shown is None:
        return ""
    caption = value.get("caption") or image.caption
    credit = value.get("credit") or image.credit
    img = format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">',
        shown.url,
        shown.width,
        shown.height,
        image.default_alt_text,
    )
    if credit:
        caption = f"{caption} | Foto: {credit}" if caption else f"Foto: {credit}"
    if caption:
        return format_html("<figure>{}<figcaption>{}</figcaption></figure>", img, caption)
    return format_html("<figure>{}</figure>", img)
