"""When is a re-publication an update ("Diperbarui") for readers?

Only when the story itself changed: its headline, summary, lead image (and its
caption and credit) or body. Ticking "Advertorial", adding a tag or changing a
setting re-publishes the article, but readers were told nothing new, so the
"Diperbarui" time stays where it was.

The comparison is between the revision being published and the revision that was
live before it, found in Wagtail's own publication log (each publication is
logged with its revision).
"""

from __future__ import annotations

import json
from typing import Any

from wagtail.models import PageLogEntry, Revision

# The parts of an article that make its story; a change to any of them is an update.
STORY_FIELDS = (
    "title",
    "summary",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
    "body",
)
# Log actions Wagtail and the scheduler record when a revision goes live.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def _normalised(value: Any) -> Any:
    """A StreamField is stored in revisions as a JSON string: compare it parsed."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def story_of(content: dict) -> dict:
    """The story's parts of a revision's content."""
    return {name: _normalised(content.get(name)) for name in STORY_FIELDS}


def previous_live_revision(page_id: int, revision: Revision | None) -> Revision | None:
    """The revision published before ``revision`` (None for a first publication).

    Called while ``revision`` is being published: Wagtail logs that publication
    after ``page_published`` is sent, so the latest publication log entry is the
    previous one."""
    entries = PageLogEntry.objects.filter(
        page_id=page_id, action__in=PUBLISH_ACTIONS, revision__isnull=False
    )
    if revision is not None:
        entries = entries.exclude(revision_id=revision.pk)
    entry = entries.select_related("revision").order_by("-timestamp", "-pk").first()
    return entry.revision if entry else None


def story_changed(page_id: int, revision: Revision | None) -> bool:
    """Does publishing ``revision`` change what the story says?

    False for a first publication (there is nothing to update) and when only
    flags, labels, tags or settings changed."""
    if revision is None:
        return False
    previous = previous_live_revision(page_id, revision)
    if previous is None:
        return False
    return story_of(previous.content) != story_of(revision.content)
