"""The editor's desk: the review queue on the dashboard and what "approve" says.

- ``ReviewQueuePanel`` replaces Wagtail's "Awaiting your review" panel: the same
  rows (Wagtail's own query), with visible Indonesian columns (judul, penulis,
  kanal, dikirim) and, for whoever may approve, first on the dashboard.
- ``approve_label`` names the approve action after what it will do: publish now
  ("Setujui dan terbitkan") or, when the draft has a go-live time ahead,
  schedule ("Setujui dan jadwalkan"). The review task's actions, the dashboard's
  buttons and the editor's action menu all use it; ``static/articles/review.js``
  follows the go-live field while the editor changes it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

# Above the scheduler (80) and read statistics (90) panels for those who approve.
FIRST_ORDER = 10


def is_scheduled(go_live_at: datetime | None) -> bool:
    return bool(go_live_at and go_live_at > timezone.now())


def approve_label(go_live_at: datetime | None, *, with_comment: bool = False) -> str:
    """'Setujui dan terbitkan', 'Setujui dengan komentar dan jadwalkan', ..."""
    verb = "jadwalkan" if is_scheduled(go_live_at) else "terbitkan"
    return f"Setujui dengan komentar dan {verb}" if with_comment else f"Setujui dan {verb}"


def may_approve(user) -> bool:
    """Can this user approve anything at all (Editor, Redaktur)?"""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    from warta.articles.models import ArticlePage
    from warta.users.permissions import page_type_allows

    publishes_articles = page_type_allows(user, ArticlePage, "publish")
    return publishes_articles and PagePermissionPolicy().user_has_permission(user, "publish")


def revision_go_live(revision) -> datetime | None:
    """The go-live time the submitted revision carries (not the live record's)."""
    value = (revision.content or {}).get("go_live_at") if revision else None
    if isinstance(value, str):
        value = parse_datetime(value)
    return value


def relabel_approve_items(menu_items, request, context) -> None:
    """The editor's action menu: Wagtail appends "and Publish" to the task's approve
    label on the last task ("Setujui dan terbitkan dan Publikasikan"); say instead
    what approving will do with this draft."""
    page = context.get("page")
    if page is None:
        return
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = approve_label(page.go_live_at, with_comment=bool(item.launch_modal))


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """'Menunggu tinjauan Anda': submitted articles this user may approve."""

    name = "warta_review_queue"
    template_name = "articles/admin/review_queue_panel.html"

    class Media:
        css = {"all": ["articles/review.css"]}

    def __init__(self, request):
        self.order = FIRST_ORDER if may_approve(request.user) else super().order

    def get_context_data(self, parent_context: Any = None) -> dict:
        context = super().get_context_data(parent_context)
        pages = [state["obj"] for state in context["states"] if isinstance(state["obj"], Page)]
        parents = _parents(pages)
        for state in context["states"]:
            obj, revision = state["obj"], state["revision"]
            go_live = revision_go_live(revision)
            state["go_live_at"] = go_live if is_scheduled(go_live) else None
            state["actions"] = [
                (
                    name,
                    approve_label(go_live, with_comment=modal) if name == "approve" else label,
                    modal,
                )
                for name, label, modal in state["actions"]
            ]
            state["kanal"] = parents.get(getattr(obj, "pk", None), "")
            state["byline"] = _byline(obj)
        return context


def _parents(pages: list[Page]) -> dict[int, str]:
    """Each page's parent title (the kanal), in one query."""
    parent_paths = {page.pk: page.path[: -Page.steplen] for page in pages if page.depth > 1}
    titles = dict(
        Page.objects.filter(path__in=set(parent_paths.values())).values_list("path", "title")
    )
    return {pk: titles.get(path, "") for pk, path in parent_paths.items()}


def _byline(obj) -> str:
    """The article's byline names (the queue is short: a query or two per row)."""
    authors = getattr(obj, "authors", None)
    if authors is None:
        return ""
    return ", ".join(credit.person.name for credit in authors.all())


def scheduled_approval_message(page) -> str:
    when = timezone.localtime(page.go_live_at).strftime("%d/%m/%Y %H:%M")
    title = page.get_admin_display_title()
    return f"Halaman “{title}” disetujui dan dijadwalkan tayang {when} WIB."


def say_approval_scheduled(request, page) -> None:
    """After an approve in the editor: Wagtail says only "Halaman ... telah diperbarui";
    when approving scheduled the page (its go-live is ahead), say so, with the time."""
    if request.method != "POST" or request.POST.get("workflow-action-name") != "approve":
        return
    revision = page.revisions.filter(approved_go_live_at__isnull=False).first()
    if revision is None or not is_scheduled(revision.approved_go_live_at):
        return  # not the last task, or published now: Wagtail's message stands
    page.go_live_at = revision.approved_go_live_at
    storage = messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", [])
    queued[:] = [m for m in queued if m.level != messages.SUCCESS]
    messages.success(request, scheduled_approval_message(page))
