"""Two people editing one page: a save made on a stale copy is held back, not applied.

Wagtail 8 warns the second editor in the browser (the editing-session ping reports
the newer revision, and the Save button then asks for confirmation) and refuses a
stale *autosave*, but a plain form post made from a stale copy is saved over the
newer revision. ``refuse_stale_save`` closes that gap on the server: when the
posted ``loaded_revision_id``/``loaded_revision_created_at`` (or the session's
``overwrite_revision_id``) no longer name the latest revision, nothing is saved and
the edit form comes back (HTTP 409) with the editor's own input and a warning. The
form it returns names the latest revision, so saving again is a deliberate,
informed overwrite.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Revision

_CHECKED = "_warta_stale_save_checked"


def is_stale(post, latest: Revision | None) -> bool:
    """Whether a posted edit form was loaded from a revision that is no longer the latest."""
    if latest is None:
        return False
    if overwrite := post.get("overwrite_revision_id"):
        return overwrite != str(latest.pk)
    loaded = post.get("loaded_revision_id")
    if not loaded:
        return False  # not sent by Wagtail's edit form: nothing to compare
    return (
        loaded != str(latest.pk)
        or post.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
    )


def conflict_message(latest: Revision) -> str:
    who = get_user_display_name(latest.user) if latest.user else "sistem"
    when = timezone.localtime(latest.created_at).strftime("%d/%m/%Y %H:%M")
    return (
        f"Halaman ini sudah disimpan oleh {who} pada {when}, setelah Anda membukanya. "
        "Perubahan Anda belum disimpan agar tidak menimpa versi itu tanpa sepengetahuan "
        "Anda; isian Anda masih ada di formulir ini. Periksa versi terbaru di Riwayat, "
        "lalu tekan Simpan lagi bila Anda tetap ingin menyimpan versi Anda."
    )


class StaleSaveEditView(EditView):
    """Wagtail's edit view, whose POST shows the posted form with a warning and saves nothing."""

    def post(self, request, *args, **kwargs):
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        messages.warning(request, conflict_message(self.latest_revision))
        self.has_unsaved_changes = True
        response = self.render_to_response(self.get_context_data())
        response.status_code = 409
        return response


@hooks.register("before_edit_page")
def refuse_stale_save(request, page):
    if request.method != "POST" or getattr(request, _CHECKED, False):
        return None
    if not request.accepts("text/html"):
        return None  # autosave: Wagtail refuses a stale one itself ("invalid_revision")
    if request.POST.get("action-cancel-workflow"):
        return None  # saves no content
    match = request.resolver_match
    if match is None or match.url_name != "edit":
        return None  # reverting from the history is a deliberate choice of a revision
    latest = page.get_latest_revision()
    if not is_stale(request.POST, latest):
        return None
    setattr(request, _CHECKED, True)
    viewset = page_viewset_registry.get_by_type(page.specific_class)
    return viewset.construct_view(StaleSaveEditView)(request, page_id=page.pk)
