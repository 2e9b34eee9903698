"""Pruning page revisions without losing one that still matters.

Wagtail keeps a revision for every save, so a busy article gathers hundreds. For
each page ``purge_revisions`` keeps the newest ``keep`` revisions and deletes the
older ones, except a revision that is still in use:

- the live revision (what readers see) and the latest one (the current draft);
- a scheduled one (``approved_go_live_at`` set: the scheduler will publish it);
- one in review (a task state of a workflow that is in progress or waiting for
  changes points at it; deleting it would cascade to the review's history).

Wagtail's own ``purge_revisions`` (by age, which our command of the same name
replaces) keeps the same three kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page, Revision, WorkflowState

IN_REVIEW = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


@dataclass
class PurgeResult:
    pages: int = 0
    deleted: int = 0
    kept_protected: int = 0
    deleted_ids: list[int] = field(default_factory=list)


def protected_revision_ids(page_ids: list[int] | None = None) -> set[int]:
    """Ids of page revisions that must never be pruned (see the module docstring)."""
    pages = Page.objects.all()
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    protected: set[int] = set()
    for live, latest in pages.values_list("live_revision_id", "latest_revision_id"):
        protected.update(i for i in (live, latest) if i)
    revisions = Revision.objects.page_revisions()
    if page_ids is not None:
        revisions = revisions.filter(object_id__in=[str(i) for i in page_ids])
    protected.update(
        revisions.filter(
            Q(approved_go_live_at__isnull=False)
            | Q(task_states__workflow_state__status__in=IN_REVIEW)
        ).values_list("pk", flat=True)
    )
    return protected


def purge_revisions(keep: int, *, dry_run: bool = False) -> PurgeResult:
    """Delete all but the newest ``keep`` revisions of every page, sparing protected ones."""
    if keep < 1:
        raise ValueError("keep must be at least 1: the newest revision is the current draft")
    result = PurgeResult()
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.filter(base_content_type=page_type)
    by_page: dict[str, list[int]] = {}
    for object_id, pk in revisions.order_by("object_id", "-created_at", "-pk").values_list(
        "object_id", "pk"
    ):
        by_page.setdefault(object_id, []).append(pk)
    result.pages = len(by_page)
    candidates = [pk for ids in by_page.values() for pk in ids[keep:]]
    if not candidates:
        return result
    protected = protected_revision_ids([int(i) for i in by_page])
    doomed = [pk for pk in candidates if pk not in protected]
    result.kept_protected = len(candidates) - len(doomed)
    result.deleted_ids = doomed
    result.deleted = len(doomed)
    if not dry_run:
        with transaction.atomic():
            for start in range(0, len(doomed), 500):
                Revision.objects.filter(pk__in=doomed[start : start + 500]).delete()
    return result
