"""What a newsroom role may do to a page, on top of Wagtail's page permissions.

Wagtail decides *where* a user may add, edit, publish or delete pages (page
permissions on a part of the tree). It does not look at the page *type*, and it
lets anyone who may add pages delete their own drafts. Warta adds one rule, the
page-type gate: an action on a page of type ``T`` also needs the model permission
``add_T``, ``change_T`` or ``delete_T`` (see ``roles.py``). ``wagtail_hooks.py``
applies it to every admin path that creates, edits, publishes, unpublishes, moves,
copies or deletes a page, including bulk actions; the import command asks
``may_publish_in`` before it writes.

``OwnRecordPermissionPolicy``: a Penulis creates and edits her own contributor
profile (byline), and no one else's.

Drafts are confidential: a user who may publish nowhere (a Penulis) does not see
other people's never-published pages (``hidden_drafts``), not even their titles.
``NewsroomPagePermissionPolicy`` takes them out of Wagtail's explorable pages, the
one query behind the page explorer, its side menu (admin API), the page search and
the site history (Riwayat); the page chooser has its own hook
(``wagtail_hooks.hide_others_drafts_in_chooser``). Editors and Redaktur see all.
"""

from __future__ import annotations

from django.contrib.auth import get_permission_codename, get_user_model
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, get_page_models
from wagtail.permission_policies import ModelPermissionPolicy
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


class OwnRecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus one record of her own for a user with ``add`` only.

    A user with ``change`` on the model (Editor, Redaktur) manages every record. A
    user with ``add`` but not ``change`` (a Penulis and her contributor profile) may
    create one record, which is linked to her through ``owner_field`` (the form sets
    it, see ``people.admin_forms``), and edit only that one; she may not delete it.
    """

    def __init__(self, model, owner_field: str = "user"):
        super().__init__(model)
        self.owner_field = owner_field

    def _manages_all(self, user) -> bool:
        return user.has_perm(self._get_permission_name("change"))

    def _may_own(self, user) -> bool:
        return user.has_perm(self._get_permission_name("add"))

    def owned_by(self, user):
        return self.model._default_manager.filter(**{self.owner_field: user})

    def user_has_permission(self, user, action):
        if action in ("add", "change") and not self._manages_all(user):
            if not (user.is_active and self._may_own(user)):
                return False
            # "change": there may be a record of hers; "add": only while there is none.
            return action == "change" or not self.owned_by(user).exists()
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "change" in actions:
            actions = {*actions, "add"}
        return super().users_with_any_permission(actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change" and not self._manages_all(user):
            owner_id = getattr(instance, f"{self.owner_field}_id", None)
            return self._may_own(user) and owner_id is not None and owner_id == user.pk
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(a != "change" and super().user_has_permission(user, a) for a in actions):
            return self.model._default_manager.all()
        if "change" in actions:
            if self._manages_all(user):
                return self.model._default_manager.all()
            if user.is_active and self._may_own(user):
                return self.owned_by(user)
        return self.model._default_manager.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission(actions)
        owner = getattr(instance, self.owner_field, None)
        if "change" in actions and owner is not None and self._may_own(owner):
            return get_user_model().objects.filter(Q(pk__in=users.values("pk")) | Q(pk=owner.pk))
        return users


def hidden_drafts(user) -> Q | None:
    """The pages this user must not see listed: other people's pages never published,
    for a user who may publish nowhere. None: she sees every page she may explore."""
    if not (user.is_active and user.is_authenticated) or user.is_superuser:
        return None
    if _may_publish_somewhere(user):
        return None
    return Q(live=False, first_published_at__isnull=True) & ~Q(owner_id=user.pk)


def _may_publish_somewhere(user) -> bool:
    cached = getattr(user, "_warta_may_publish", None)
    if cached is None:
        cached = user._warta_may_publish = PagePermissionPolicy().user_has_permission(
            user, "publish"
        )
    return cached


def without_hidden_drafts(pages, user):
    hidden = hidden_drafts(user)
    return pages if hidden is None else pages.exclude(hidden)


class NewsroomPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with others' drafts out of what a writer may explore."""

    def explorable_instances(self, user):
        return without_hidden_drafts(super().explorable_instances(user), user)


def register_page_policy() -> None:
    """Replace Wagtail's page policy (called from ``UsersConfig.ready``)."""
    from wagtail.models import AbstractPage
    from wagtail.permissions import policy_registry

    policy_registry.register(AbstractPage, NewsroomPagePermissionPolicy(Page))
