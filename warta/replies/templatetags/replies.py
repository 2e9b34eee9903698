from django import template

from warta.pagecache.keys import page_tag
from warta.pagecache.tagging import tag
from warta.replies.queries import ReplyLinks, reply_links
from warta.replies.services import reply_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def replies_for(context, article) -> ReplyLinks:
    """``{% replies_for page as links %}``: one query for both directions.

    The cached page is tagged so that linking a reply, or publishing the article
    that carries it, or retitling a linked article, purges it.
    """
    links = reply_links(article)
    request = context.get("request")
    if request is not None:
        linked = [page.pk for page in (*links.replies, *links.reply_to)]
        tag(request, reply_tag(article.pk), *(page_tag(pk) for pk in linked))
    return links
