"""Who sees the sign-in log and lifts locks: Redaktur (and administrators).

Redaktur is the role that manages the newsroom's accounts (``users.change_user``);
that permission, not a new one, decides, so the roles in ``warta/users/roles.py``
stay as they are. The log is read-only for everyone.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

MANAGE_PERMISSION = "users.change_user"


def can_manage(user) -> bool:
    return bool(user.is_active and user.has_perm(MANAGE_PERMISSION))


class RedakturOnlyPolicy(BasePermissionPolicy):
    """The given actions for those who may manage accounts; nothing for anyone else."""

    def __init__(self, model, actions=("view",)):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and can_manage(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        app_label, codename = MANAGE_PERMISSION.split(".")
        granted = Q(
            user_permissions__content_type__app_label=app_label,
            user_permissions__codename=codename,
        ) | Q(
            groups__permissions__content_type__app_label=app_label,
            groups__permissions__codename=codename,
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(granted | Q(is_superuser=True))
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)
