"""Two people editing one page: a save made on a stale copy is held back, not applied.

Wagtail 8 warns the second editor in the browser (the editing-session ping reports
the newer revision, and the Save button then asks for confirmation) and refuses a
stale *autosave*, but a plain form post made from a stale copy is saved over the
newer revision. ``refuse_stale_save`` closes that gap on the server: when the
posted ``loaded_revision_id``/``loaded_revision_created_at`` (or the session's
``overwrite_revision_id``) no longer name the latest revision, nothing is saved and
the edit form comes back (HTTP 409) with the editor's own input and a warning. The
form it returns names the latest revision, so saving again is a deliberate,
informed overwrite. That form does not autosave: only the editor's own click on
Simpan may put her copy over the newer one.

In the browser, Wagtail's autosave makes new revisions while the form's
``loaded_revision_*`` inputs keep naming the one the page was opened with;
``static/articles/editing.js`` moves them on after each autosave, so a save after
the editor's own autosave is not mistaken for a stale one. It also gives every post
the current CSRF token, so an editor who logged in again in another tab can still
save from the editor she left open.

An expired login: Wagtail answers the form post with a redirect to the login page
and the typed work would be gone. ``keep_expired_edit`` (called by
``middleware.KeepUnsavedEditMiddleware``) keeps that post in the new, anonymous
session, which logging in keeps; the edit page it returns to then shows the form
filled with the kept post, saved only when the editor presses Simpan
(``restore_kept_edit``). A kept post is the editor's, not the browser's: opening an
edit page sets a signed ``warta_editor`` cookie (``remember_editor``), the post is
kept under that user and shown only to that user after logging in; a post without
it, one not made from a revision of that page, or one over ``KEEP_MAX_CHARS`` is
not kept (an anonymous visitor cannot park data in sessions).

A failed save (the database down: a 503, see ``warta.operations.outage``) or a failed
autosave: ``editing.js`` keeps the form in the browser's ``localStorage`` before each
save and autosave and after each failure, and offers it back when the editor opens
the page again. Pulihkan posts the copy back with ``warta_restore``;
``restore_browser_copy`` (and ``restore_browser_copy_of_new_page`` for a page not
created yet) answer it like a kept edit: the form filled with the copy and a warning,
nothing saved. A full save that succeeded (a redirect, not to the login page) carries
the copy's token back in the ``warta_saved`` cookie (``mark_saved_copy``), so the
browser drops exactly that copy: no clock of the browser is compared with the
server's.
"""

from __future__ import annotations

import re
import time

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Revision

_CHECKED = "_warta_stale_save_checked"
_KEPT = "warta_unsaved_edit"
KEEP_SECONDS = 12 * 3600  # a post kept this long after the login expired is dropped
KEEP_MAX_CHARS = 1_000_000  # a bigger post is not kept (a long article is ~50,000)
EDITOR_COOKIE = "warta_editor"
_EDITOR_SALT = "warta.articles.editing.editor"
RESTORE_FIELD = "warta_restore"  # a post of the copy kept in the browser: show, never save
COPY_FIELD = "warta_copy"  # the kept copy's token, posted with a full save
SAVED_COOKIE = "warta_saved"  # the token of the copy whose save succeeded
_TOKEN = re.compile(r"^[A-Za-z0-9-]{8,64}$")


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


def restored_message() -> str:
    return (
        "Sesi login Anda sempat berakhir sehingga perubahan terakhir Anda belum disimpan. "
        "Isian Anda dipulihkan di formulir ini; periksa, lalu tekan Simpan."
    )


class HeldEditView(EditView):
    """Wagtail's edit view showing a posted (or kept) form with a warning; it saves nothing."""

    data: QueryDict | None = None  # the kept post; None: this request's own POST
    message = ""
    status = 409

    def get(self, request, *args, **kwargs):
        return self._held()

    def post(self, request, *args, **kwargs):
        return self._held()

    def _held(self):
        data = self.request.POST if self.data is None else self.data
        self.form = self.form_class(
            data,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        messages.warning(self.request, self.message)
        self.has_unsaved_changes = True
        self.autosave_enabled = False  # only the editor's own click saves this copy
        response = self.render_to_response(self.get_context_data())
        response.status_code = self.status
        return response


def _held_edit(request, page, **initkwargs):
    setattr(request, _CHECKED, True)
    viewset = page_viewset_registry.get_by_type(page.specific_class)
    return viewset.construct_view(HeldEditView, **initkwargs)(request, page_id=page.pk)


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
    return _held_edit(request, page, message=conflict_message(latest))


# An expired login ------------------------------------------------------------------


def is_edit_view(request) -> bool:
    match = request.resolver_match
    return match is not None and match.view_name == "wagtailadmin_pages:edit"


def remember_editor(request, response) -> None:
    """Mark the browser with the user who opened an edit page (signed, admin only)."""
    if request.method != "GET" or response.status_code != 200 or not is_edit_view(request):
        return
    response.set_signed_cookie(
        EDITOR_COOKIE,
        str(request.user.pk),
        salt=_EDITOR_SALT,
        max_age=KEEP_SECONDS + 24 * 3600,
        path=reverse("wagtailadmin_home"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _editor_of(request) -> str | None:
    return request.get_signed_cookie(
        EDITOR_COOKIE, default=None, salt=_EDITOR_SALT, max_age=KEEP_SECONDS + 24 * 3600
    )


def keep_expired_edit(request, response) -> None:
    """Keep an edit form post that Wagtail sent to the login page, in the request's session."""
    if not is_edit_view(request):
        return
    if not request.accepts("text/html"):
        return  # autosave: the page is still open, its form still holds the work
    if not response.get("Location", "").startswith(reverse("wagtailadmin_login")):
        return
    editor = _editor_of(request)
    if editor is None:
        return  # not from a browser that opened this editor logged in
    page_id = request.resolver_match.kwargs["page_id"]
    loaded = request.POST.get("loaded_revision_id", "")
    if (
        not loaded.isdigit()
        or not Revision.page_revisions.filter(pk=int(loaded), object_id=str(page_id)).exists()
    ):
        return  # not made from this page's editor
    data = {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"}
    if sum(len(key) + sum(map(len, values)) for key, values in data.items()) > KEEP_MAX_CHARS:
        return
    request.session[_KEPT] = {"page": page_id, "editor": editor, "at": time.time(), "data": data}


@hooks.register("before_edit_page")
def restore_kept_edit(request, page):
    if request.method != "GET" or getattr(request, _CHECKED, False):
        return None
    kept = request.session.get(_KEPT)
    if not kept or kept.get("page") != page.pk:
        return None
    del request.session[_KEPT]
    if time.time() - kept.get("at", 0) > KEEP_SECONDS:
        return None
    if kept.get("editor") != str(request.user.pk):
        return None  # another user logged in on this browser: not theirs to see
    data = QueryDict(mutable=True)
    for key, values in kept["data"].items():
        data.setlist(key, values)
    latest = page.get_latest_revision()
    message = conflict_message(latest) if is_stale(data, latest) else restored_message()
    return _held_edit(request, page, data=data, message=message, status=200)


# A copy kept in the browser -----------------------------------------------------


def browser_copy_message() -> str:
    return (
        "Teks yang belum tersimpan dari peramban ini dipulihkan di formulir ini; "
        "periksa, lalu tekan Simpan."
    )


def _posted_copy(request) -> QueryDict:
    data = request.POST.copy()
    for key in (RESTORE_FIELD, COPY_FIELD, "csrfmiddlewaretoken"):
        data.pop(key, None)
    return data


def _is_restore(request) -> bool:
    return (
        request.method == "POST"
        and request.POST.get(RESTORE_FIELD) == "1"
        and not getattr(request, _CHECKED, False)
        and request.accepts("text/html")
    )


@hooks.register("before_edit_page", order=-1)
def restore_browser_copy(request, page):
    """Pulihkan: the edit form filled with the copy the browser kept; nothing is saved."""
    if not _is_restore(request) or not is_edit_view(request):
        return None
    data = _posted_copy(request)
    latest = page.get_latest_revision()
    message = conflict_message(latest) if is_stale(data, latest) else browser_copy_message()
    return _held_edit(request, page, data=data, message=message, status=200)


class HeldCreateView(CreateView):
    """Wagtail's create view showing a kept copy of a page not yet created; it saves nothing."""

    def post(self, request):
        self.form = self.form_class(
            _posted_copy(request),
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent_page,
            for_user=self.request.user,
        )
        messages.warning(self.request, browser_copy_message())
        self.has_unsaved_changes = True
        self.autosave_enabled = False  # only the editor's own click creates the page
        return self.render_to_response(self.get_context_data())


@hooks.register("before_create_page", order=-1)
def restore_browser_copy_of_new_page(request, parent_page, page_class):
    if not _is_restore(request):
        return None
    match = request.resolver_match
    if match is None or match.view_name != "wagtailadmin_pages:add":
        return None
    setattr(request, _CHECKED, True)
    viewset = page_viewset_registry.get_by_type(page_class)
    return viewset.construct_view(HeldCreateView)(request, **match.kwargs)


def is_create_view(request) -> bool:
    match = request.resolver_match
    return match is not None and match.view_name == "wagtailadmin_pages:add"


def mark_saved_copy(request, response) -> None:
    """After a full save that worked, tell the browser which kept copy it may drop."""
    if request.method != "POST" or response.status_code != 302:
        return
    if response.get("Location", "").startswith(reverse("wagtailadmin_login")):
        return  # sent to log in: saved nothing
    token = request.POST.get(COPY_FIELD, "")
    if not _TOKEN.match(token):
        return
    response.set_cookie(
        SAVED_COOKIE,
        token,
        max_age=24 * 3600,
        path=reverse("wagtailadmin_home"),
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )  # read by editing.js: not httponly; it names a token the browser made itself


# A save clicked while the first autosave of a new page is on its way -------------
#
# On the create page, Wagtail's first autosave creates the page; a click on Simpan
# konsep/Terbitkan while that autosave is in flight posts the form to the create
# URL again. Wagtail would then refuse the taken slug with an uncaught
# ValidationError (a 500) or, had it passed, make the article twice. ``editing.js``
# holds such a click until the autosave has answered; should one still arrive, it
# goes to the page the autosave made: a 307 to its edit URL (the POST is kept, so the
# click's save applies there). The page is found by the create form's own token
# (``CREATE_FORM_FIELD``, made by ``editing.js`` when the create page opens and posted
# by its autosaves and saves): the page made from that form is remembered in the cache
# (``remember_created_page``). A second create form, even with the same slug, has
# another token: it gets Wagtail's slug error, as before. A click whose autosave was
# still being saved (the slug check passed, the save then found the slug or the tree
# place taken) is caught in ``RaceSafeCreateView``.

CREATE_FORM_FIELD = "warta_create_form"
CREATED_SECONDS = 3600  # how long a create form's page is remembered
RACE_WAIT_SECONDS = 3.0  # a racing autosave's page is remembered right after its save
_RACE_CHECKED = "_warta_create_race_checked"


def _created_key(request) -> str | None:
    token = request.POST.get(CREATE_FORM_FIELD, "")
    if not _TOKEN.match(token):
        return None
    return f"warta:create-form:{request.user.pk}:{token}"


@hooks.register("after_create_page")
def remember_created_page(request, page):
    if key := _created_key(request):
        from django.core.cache import cache

        cache.set(key, page.pk, CREATED_SECONDS)


def created_from_this_form(request, parent_page, *, wait: float = 0.0):
    """The never-published page this create form (its autosave) already made."""
    from django.core.cache import cache

    key = _created_key(request)
    if key is None:
        return None
    deadline = time.monotonic() + wait
    while (pk := cache.get(key)) is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if pk is None:
        return None
    return (
        parent_page.get_children()
        .filter(pk=pk, owner=request.user, first_published_at__isnull=True)
        .first()
    )


def _to_twin(request, page):
    from django.http import HttpResponseRedirect
    from django.utils.http import urlencode

    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if next_url := request.GET.get("next"):
        url += "?" + urlencode({"next": next_url})
    response = HttpResponseRedirect(url)
    response.status_code = 307  # the browser posts the same form to the edit URL
    return response


class RaceSafeCreateView(CreateView):
    """Wagtail's create view; a slug or tree place taken while it saved is not a 500."""

    def form_valid(self, form):
        from django.core.exceptions import ValidationError
        from django.db import IntegrityError, transaction

        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ValidationError, IntegrityError) as error:
            twin = created_from_this_form(self.request, self.parent_page, wait=RACE_WAIT_SECONDS)
            if twin is not None:
                return _to_twin(self.request, twin)
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(
                    None,
                    "Halaman tidak dapat dibuat karena bersamaan dengan penyimpanan lain. "
                    "Periksa daftar halaman, lalu tekan Simpan lagi.",
                )
            form.restore_required_fields()
            return self.form_invalid(form)


@hooks.register("before_create_page", order=1)
def save_onto_autosaved_page(request, parent_page, page_class):
    if request.method != "POST" or getattr(request, _RACE_CHECKED, False):
        return None
    if getattr(request, _CHECKED, False) or not is_create_view(request):
        return None
    if not request.accepts("text/html"):
        return None  # the autosave itself (JSON)
    if twin := created_from_this_form(request, parent_page):
        return _to_twin(request, twin)
    setattr(request, _RACE_CHECKED, True)
    viewset = page_viewset_registry.get_by_type(page_class)
    return viewset.construct_view(RaceSafeCreateView)(request, **request.resolver_match.kwargs)
