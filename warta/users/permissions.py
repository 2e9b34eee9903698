"""What a newsroom role may do to a page, on top of Wagtail's page permissions.

Wagtail decides *where* a user may add, edit, publish or delete pages (page
permissions on a part of the tree). It does not look at the page *type*, and it
lets anyone who may add pages delete their own drafts. Warta adds one rule, the
page-type gate: an action on a page of type ``T`` also needs the model permission
``add_T``, ``change_T`` or ``delete_T`` (see ``roles.py``). ``wagtail_hooks.py``
applies it to every admin path that creates, edits, publishes, unpublishes, moves,
copies or deletes a page, including bulk actions; the import command asks
``may_publish_in`` before it writes.
"""

from __future__ import annotations

from django.contrib.auth import get_permission_codename
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

# Page actions, and the model permission each needs on the page's type.
PAGE_ACTIONS = {
    "create": "add",
    "copy": "add",
    "edit": "change",
    "publish": "change",
    "unpublish": "change",
    "move": "change",
    "convert_alias": "change",
    "delete": "delete",
}
# Wagtail's bulk action names for pages, as page actions.
BULK_PAGE_ACTIONS = {
    "publish": "publish",
    "unpublish": "unpublish",
    "move": "move",
    "delete": "delete",
}

REFUSALS = {
    "create": "Anda tidak berhak membuat halaman jenis {type}.",
    "copy": "Anda tidak berhak membuat halaman jenis {type}.",
    "edit": "Anda tidak berhak menyunting halaman jenis {type}.",
    "publish": "Anda tidak berhak menerbitkan halaman jenis {type}.",
    "unpublish": "Anda tidak berhak menarik halaman jenis {type}.",
    "move": "Anda tidak berhak memindahkan halaman jenis {type}.",
    "convert_alias": "Anda tidak berhak menyunting halaman jenis {type}.",
    "delete": "Anda tidak berhak menghapus halaman jenis {type}.",
}


def page_type_allows(user, page_class, action: str) -> bool:
    """The page-type gate: may this user do ``action`` to pages of ``page_class``?"""
    if not (user.is_active and user.is_authenticated):
        return False
    opts = page_class._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(PAGE_ACTIONS[action], opts)}")


def refusal(page_class, action: str) -> str:
    return REFUSALS[action].format(type=page_class._meta.verbose_name)


def can_review(user, page) -> bool:
    """May this user approve or send back this page in review? Only if they may publish it."""
    page_class = page.specific_class or type(page)
    return page.permissions_for_user(user).can_publish() and page_type_allows(
        user, page_class, "publish"
    )


def may_publish_in(user, parent: Page, page_class) -> bool:
    """May this user create and publish a page of ``page_class`` under ``parent``?"""
    return (
        parent.permissions_for_user(user).can_publish_subpage()
        and page_type_allows(user, page_class, "create")
        and page_type_allows(user, page_class, "publish")
    )


def reviewable_pages(user):
    """The ids (as text, like WorkflowState.object_id) of pages this user may review."""
    if user.is_active and user.is_superuser:
        pages = Page.objects.all()
    else:
        pages = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
        types = [m for m in get_page_models() if page_type_allows(user, m, "publish")]
        pages = pages.filter(content_type__in=_content_types(types))
    return pages.values_list(Cast("id", output_field=CharField()), flat=True)


def _content_types(models):
    from django.contrib.contenttypes.models import ContentType

    return list(ContentType.objects.get_for_models(*models).values()) if models else []
