"""Publishing or withdrawing an article that carries, or receives, a hak jawab."""

from __future__ import annotations

from django.db.models import Q

from warta.replies.models import Reply
from warta.replies.services import purge_reply_pages


def purge_linked_pages(sender, instance, **kwargs):
    """The other side's link appears or disappears with this page: purge its cached page."""
    rows = Reply.objects.filter(
        Q(published_as_id=instance.pk) | Q(article_id=instance.pk), published_as__isnull=False
    ).values_list("article_id", "published_as_id")
    purge_reply_pages({pk for row in rows for pk in row})
