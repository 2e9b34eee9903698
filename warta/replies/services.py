"""Writes for replies: receiving one from a reader, and the rate limit that guards it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.http import HttpRequest

from warta.replies.models import Reply, ReplyStatus
from warta.security import limits

# Form posts one address may make per hour. A person who corrects a few mistakes
# stays well under it; a bot flooding the form does not.
POSTS_PER_HOUR = 10
POST_LIMIT = limits.Limit("hak-jawab", count=POSTS_PER_HOUR, seconds=3600)


def submit_reply(*, article, name: str, contact: str, text: str) -> Reply:
    return Reply.objects.create(article=article, name=name, contact=contact, text=text)


def mark_reply_published(reply: Reply, carrier) -> Reply:
    """Link the reply to the article that carries it; both pages then link to each other."""
    before = {reply.article_id, reply.published_as_id}
    reply.published_as = carrier
    reply.status = ReplyStatus.DIMUAT
    reply.full_clean()
    reply.save(update_fields=["published_as", "status"])
    purge_reply_pages(before | {carrier.pk})
    return reply


def reply_tag(article_id: int) -> str:
    """The page-cache tag of an article page's hak jawab links (``templatetags/replies.py``)."""
    return f"replies:{article_id}"


def purge_reply_pages(article_ids: Iterable[int | None]) -> None:
    """After the commit, drop the cached pages of these articles so their links are current."""
    from warta.pagecache.services import purge_tags

    tags = [reply_tag(pk) for pk in set(article_ids) if pk]
    if tags:
        transaction.on_commit(partial(purge_tags, tags))


def over_post_limit(request: HttpRequest) -> bool:
    """Count this post against the client network's hour; True past the limit.

    The shared limiter (``security.limits``) keys on the address our proxy saw (the
    /64 for IPv6), never on a header the client chooses, and stores only an HMAC of it.
    """
    return not limits.allow(POST_LIMIT, request)
