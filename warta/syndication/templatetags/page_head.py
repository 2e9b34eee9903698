"""The page head's link-preview tags and structured data.

``{% article_head %}`` on article pages: Open Graph, Twitter card, the NewsArticle and
the BreadcrumbList. ``{% page_head title description %}`` on every other reader page:
canonical link (unless the listing's pager links give it), Open Graph and Twitter
card. ``{% site_structured_data %}`` on the home page: WebSite with its search box,
and the publisher. All read the page's context and add no query beyond the lead
image's rendition look-up, which the rendition cache answers after the first render.
"""

from __future__ import annotations

from django import template
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from warta.articles.templatetags.articles import writers
from warta.masthead import zones
from warta.masthead.models import SiteSettings
from warta.sections.queries import child_sections
from warta.syndication import structured_data as sd

register = template.Library()

SITE_LOCALE = "id_ID"


def _script(data) -> SafeString:
    return format_html('<script type="application/ld+json">{}</script>', sd.json_ld(data))


def _meta(pairs: list[tuple[str, str, object]]) -> SafeString:
    """<meta property|name=... content=...> for each (attribute, key, value) with a value."""
    return format_html_join(
        "\n",
        '<meta {}="{}" content="{}">',
        [(attr, key, value) for attr, key, value in pairs if value not in (None, "")],
    )


def _common(request, masthead, *, kind: str, title: str, description: str, url: str):
    return [
        ("property", "og:type", kind),
        ("property", "og:site_name", masthead.site_name),
        ("property", "og:locale", SITE_LOCALE),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
    ]


def _image_tags(image: sd.ImageRef | None, alt: str, *, large: bool):
    if image is None:
        return [("name", "twitter:card", "summary")]
    return [
        ("property", "og:image", image.url),
        ("property", "og:image:width", image.width),
        ("property", "og:image:height", image.height),
        ("property", "og:image:alt", alt),
        ("name", "twitter:card", "summary_large_image" if large else "summary"),
        ("name", "twitter:image", image.url),
        ("name", "twitter:image:alt", alt),
    ]


def _masthead(context):
    return context.get("masthead") or SiteSettings.for_request(context.get("request"))


def _section_trail(request, section) -> list:
    """The kanal from the top of the tree down to ``section``: the top kanal come
    from the menu's own read, so only a kanal three levels deep costs a query."""
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    if root is None or not section.path.startswith(root.path) or section.depth <= root.depth:
        return []
    if section.depth - root.depth > 2:
        return list(section.get_ancestors(inclusive=True).filter(depth__gt=root.depth).specific())
    trail = [
        kanal
        for kanal in child_sections(request, root)
        if section.path.startswith(kanal.path) and kanal.path != section.path
    ]
    return [*trail, section]


def _canonical(request, keep: str) -> str:
    params = QueryDict(mutable=True)
    for name in filter(None, (n.strip() for n in keep.split(","))):
        if value := request.GET.get(name):
            params[name] = value
    query = params.urlencode()
    return sd.absolute_url(request, f"{request.path}?{query}" if query else request.path)


@register.simple_tag(takes_context=True)
def article_head(context) -> SafeString:
    request = context["request"]
    page = context["page"]
    masthead = _masthead(context)
    zone = masthead.zone
    url = page.get_full_url(request)
    description = page.search_description or page.summary
    section = context.get("section")
    tags = context.get("tags") or []
    images = sd.lead_images(request, page.lead_image)
    corrections = context.get("corrections") or []

    published, modified = page.publication_time, page.last_updated or page.publication_time
    tags_out = _common(
        request, masthead, kind="article", title=page.title, description=description, url=url
    )
    tags_out += _image_tags(images.open_graph, images.alt, large=True)
    tags_out += [
        ("property", "article:published_time", published and zones.isoformat(published, zone)),
        ("property", "article:modified_time", modified and zones.isoformat(modified, zone)),
        ("property", "article:section", section.title if section else ""),
    ]
    tags_out += [("property", "article:tag", tag.name) for tag in tags]

    article = sd.news_article(
        request,
        page,
        masthead=masthead,
        url=url,
        description=description,
        section=section,
        tags=tags,
        authors=writers(page.byline),
        images=images,
        corrections=corrections,
    )
    trail = [("Beranda", "/")]
    if section is not None:
        trail += [
            (kanal.title, kanal.get_full_url(request)) for kanal in _section_trail(request, section)
        ]
    trail.append((page.title, url))
    return mark_safe(
        "\n".join([_meta(tags_out), _script(article), _script(sd.breadcrumbs(request, trail))])
    )


@register.simple_tag(takes_context=True)
def page_head(
    context, title: str, description: str, canonical: bool = True, keep: str = ""
) -> SafeString:
    """Link-preview tags of a page that is not an article. Listings pass
    ``canonical=False``: their pager links already carry the canonical address.
    Other pages' address is their path with only the parameters named in ``keep``
    (so campaign tags and the like never make a second address)."""
    request = context["request"]
    masthead = _masthead(context)
    listing = context.get("articles")
    url = getattr(listing, "canonical_url", None) or _canonical(request, keep)
    logo = sd.publisher_logo(request, masthead)
    parts = []
    if canonical:
        parts.append(format_html('<link rel="canonical" href="{}">', url))
    parts.append(
        _meta(
            _common(
                request, masthead, kind="website", title=title, description=description, url=url
            )
            + _image_tags(logo, masthead.site_name, large=False)
        )
    )
    return mark_safe("\n".join(parts))


@register.simple_tag(takes_context=True)
def site_structured_data(context) -> SafeString:
    return _script(sd.website(context["request"], _masthead(context)))
