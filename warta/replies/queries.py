"""Reads for replies: the links an article page shows, and the editors' queue."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from warta.replies.models import OPEN_STATUSES, Reply, ReplyStatus


@dataclass
class ReplyLinks:
    """For one article: the articles carrying replies to it, and what it replies to."""

    replies: list = field(default_factory=list)  # articles that carry a reply to this one
    reply_to: list = field(default_factory=list)  # articles this one is a reply to


def reply_links(article) -> ReplyLinks:
    """Both directions in one query; only live articles are linked."""
    links = ReplyLinks()
    rows = (
        Reply.objects.filter(
            Q(article_id=article.pk) | Q(published_as_id=article.pk),
            status=ReplyStatus.DIMUAT,
            article__live=True,
            published_as__live=True,
        )
        .select_related("article", "published_as")
        .order_by("received_at")
    )
    for reply in rows:
        if reply.article_id == article.pk:
            links.replies.append(reply.published_as)
        else:
            links.reply_to.append(reply.article)
    return links


def open_replies():
    """Replies still waiting for the newsroom, the oldest (closest to its deadline) first."""
    return Reply.objects.filter(status__in=OPEN_STATUSES).order_by("received_at")
