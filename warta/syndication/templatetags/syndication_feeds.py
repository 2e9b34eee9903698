"""``{% feed_links %}``: the feed autodiscovery links of a page head.

Always the site's RSS feed, plus the feed of what the page is about: the kanal
(``page`` is a SectionPage), the tag (``tag``) or the contributor (``person``). Reads
only what the page's context already holds, so it adds no query.
"""

from django import template
from django.utils.html import format_html_join
from taggit.models import Tag

from warta.masthead.models import SiteSettings
from warta.people.models import Person
from warta.sections.models import SectionPage
from warta.syndication.feed_queries import KANAL, PENULIS, SITE, TAG, FeedScope
from warta.syndication.feeds import RSS, channel_title, feed_path, kanal_slug_path

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context) -> str:
    request = context.get("request")
    masthead = context.get("masthead") or SiteSettings.for_request(request)
    site_name = masthead.site_name
    links = [(channel_title(FeedScope(SITE), site_name), feed_path(SITE, RSS))]

    page, tag, person = context.get("page"), context.get("tag"), context.get("person")
    if isinstance(page, SectionPage) and (slug := kanal_slug_path(page, request)):
        links.append(
            (channel_title(FeedScope(KANAL, page), site_name), feed_path(KANAL, RSS, slug=slug))
        )
    if isinstance(tag, Tag):
        links.append(
            (channel_title(FeedScope(TAG, tag), site_name), feed_path(TAG, RSS, slug=tag.slug))
        )
    if isinstance(person, Person):
        links.append(
            (
                channel_title(FeedScope(PENULIS, person), site_name),
                feed_path(PENULIS, RSS, slug=person.slug),
            )
        )
    return format_html_join(
        "\n", '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">', links
    )
