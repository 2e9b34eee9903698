"""Admin wiring for the newsroom roles.

- The page-type gate (``permissions.py``) on every admin path that creates, edits,
  publishes, unpublishes, moves, copies or deletes a page, bulk actions included.
  A refusal is a 403, the same answer Wagtail gives for its own page permissions.
- Administrator accounts stay out of reach of non-administrators.
- The reviewer's comment shown to the writer when an article comes back.
- "Editor kanal", where Redaktur decides which kanal each editor works in.
- Avatars: the uploaded photo or the initials, never Gravatar (``avatars.py``).
- Others' drafts hidden from a writer in the page chooser (``permissions.hidden_drafts``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, WorkflowState

from warta.users.avatars import avatar_url
from warta.users.permissions import (
    BULK_PAGE_ACTIONS,
    page_type_allows,
    refusal,
    without_hidden_drafts,
)
from warta.users.views import (
    EditorSectionsEditView,
    EditorSectionsIndexView,
    can_manage_editors,
)

# The page-type gate -------------------------------------------------------------


def _gate(user, page_class, action: str) -> None:
    if page_class is not None and not page_type_allows(user, page_class, action):
        raise PermissionDenied(refusal(page_class, action))


@hooks.register("before_create_page")
def gate_create_page(request, parent_page, page_class):
    _gate(request.user, page_class, "create")


@hooks.register("before_edit_page")
def gate_edit_page(request, page):
    _gate(request.user, page.specific_class, "edit")
    if request.method == "GET":
        _show_requested_changes(request, page)


@hooks.register("before_unpublish_page")
def gate_unpublish_page(request, page):
    _gate(request.user, page.specific_class, "unpublish")


@hooks.register("before_delete_page")
def gate_delete_page(request, page):
    _gate(request.user, page.specific_class, "delete")


@hooks.register("before_move_page")
def gate_move_page(request, page, destination):
    _gate(request.user, page.specific_class, "move")


@hooks.register("before_copy_page")
def gate_copy_page(request, page):
    _gate(request.user, page.specific_class, "copy")


@hooks.register("before_convert_alias_page")
def gate_convert_alias_page(request, page):
    _gate(request.user, page.specific_class, "convert_alias")


@hooks.register("before_bulk_action")
def gate_bulk_page_action(request, action_type, objects, action_class_instance):
    model = getattr(action_class_instance, "model", None)
    if not (isinstance(model, type) and issubclass(model, Page)):
        return
    action = BULK_PAGE_ACTIONS.get(action_type)
    if action is None:
        return
    for page in objects:
        _gate(request.user, page.specific_class, action)


@hooks.register("before_bulk_action")
def guard_administrators_in_bulk(request, action_type, objects, action_class_instance):
    model = getattr(action_class_instance, "model", None)
    if model is get_user_model() and any(user.is_superuser for user in objects):
        _guard_administrators(request, next(u for u in objects if u.is_superuser))


LISTING_URL_ACTIONS = {
    "wagtailadmin_pages:edit": "edit",
    "wagtailadmin_pages:delete": "delete",
    "wagtailadmin_pages:unpublish": "unpublish",
    "wagtailadmin_pages:move": "move",
    "wagtailadmin_pages:copy": "copy",
}


@hooks.register("construct_page_listing_buttons")
def hide_refused_listing_buttons(buttons, page, user, context=None):
    """Leave out of the page's "more" menu what the gate would refuse anyway."""
    page_class = page.specific_class
    if page_class is None:
        return
    refused = tuple(
        reverse(url_name, args=[page.pk])
        for url_name, action in LISTING_URL_ACTIONS.items()
        if not page_type_allows(user, page_class, action)
    )
    if not refused:
        return
    for button in buttons:
        dropdown = getattr(button, "dropdown_buttons", None)
        if dropdown:
            button.dropdown_buttons = [
                item for item in dropdown if not (item.url or "").startswith(refused)
            ]


# Administrator accounts ---------------------------------------------------------
#
# Wagtail lets anyone who may add or change users tick "Administrator", and edit or
# deactivate an administrator. Redaktur manages the newsroom's accounts, not the
# administrators': only an administrator may create, change or remove one.


def _guard_administrators(request, target=None) -> None:
    if request.user.is_superuser:
        return
    if target is not None and target.is_superuser:
        raise PermissionDenied("Hanya administrator yang dapat mengubah akun administrator.")
    if request.method == "POST" and request.POST.get("is_superuser"):
        raise PermissionDenied("Hanya administrator yang dapat menjadikan akun administrator.")


@hooks.register("before_create_user")
def guard_create_user(request):
    _guard_administrators(request)


@hooks.register("before_edit_user")
def guard_edit_user(request, user):
    _guard_administrators(request, user)


@hooks.register("before_delete_user")
def guard_delete_user(request, user):
    _guard_administrators(request, user)


# Review -------------------------------------------------------------------------


def _show_requested_changes(request, page) -> None:
    """The reviewer's comment, on top of the edit page, while the article awaits changes."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    if task_state is None:
        return
    reviewer = task_state.finished_by
    name = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "Editor"
    if task_state.comment:
        messages.warning(
            request, format_html("{} meminta perubahan: “{}”", name, task_state.comment)
        )
    else:
        messages.warning(request, f"{name} meminta perubahan.")


class EditorSectionsLogFormatter(LogFormatter):
    label = "Kanal editor diubah"

    def format_message(self, log_entry):
        titles = [s["title"] for s in log_entry.data.get("sections", [])]
        if titles:
            return f"Kanal editor diubah: {', '.join(titles)}"
        return "Peran Editor dicabut"


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    actions.register_action("warta.editor_sections")(EditorSectionsLogFormatter)


# Editor kanal -------------------------------------------------------------------


class EditorSectionsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_editors(request.user)


@hooks.register("register_admin_urls")
def register_editor_section_urls():
    return [
        path("editor-kanal/", EditorSectionsIndexView.as_view(), name="users_editor_sections"),
        path(
            "editor-kanal/<int:user_id>/",
            EditorSectionsEditView.as_view(),
            name="users_editor_sections_edit",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_editor_sections_menu_item():
    return EditorSectionsMenuItem(
        "Editor kanal", reverse("users_editor_sections"), icon_name="group", order=610
    )


@hooks.register("register_user_listing_buttons")
def user_listing_editor_sections_button(user, request_user):
    if can_manage_editors(request_user):
        yield Button(
            "Kanal editor",
            reverse("users_editor_sections_edit", args=[user.pk]),
            icon_name="group",
            priority=50,
        )


# Avatars ------------------------------------------------------------------------
# Gravatar is off (settings.py); every avatar is the uploaded photo or the initials.


@hooks.register("get_avatar_url")
def avatar_without_gravatar(user, size):
    return avatar_url(user, size)


# Others' drafts, out of a writer's sight ---------------------------------------
# The explorer, its side menu, the page search and Riwayat go through the page
# policy (permissions.NewsroomPagePermissionPolicy); the page chooser does not.


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_in_chooser(pages, request):
    return without_hidden_drafts(pages, request.user)
