"""Reads on newsroom accounts: who holds which role and edits which kanal."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from warta.sections.models import SectionPage
from warta.users import roles


def editor_sections(user) -> QuerySet[SectionPage]:
    """The kanal this user is an editor of, in tree order."""
    return SectionPage.objects.filter(desk__group__user=user).order_by("path")


def newsroom_users() -> QuerySet:
    """Active accounts holding a newsroom role, by username, groups prefetched."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[r.name for r in roles.ROLES])
        .distinct()
        .order_by("username")
        .prefetch_related("groups")
    )


def sections_with_editors() -> list[tuple[SectionPage, list]]:
    """Every kanal in tree order with its active editors: two queries in all."""
    User = get_user_model()
    editors = User.objects.filter(is_active=True, groups__section_desk__isnull=False).values_list(
        "groups__section_desk__section_id", "pk"
    )
    by_section: dict[int, list[int]] = defaultdict(list)
    for section_id, user_id in editors:
        by_section[section_id].append(user_id)
    users = User.objects.in_bulk({pk for ids in by_section.values() for pk in ids})
    return [
        (section, sorted((users[pk] for pk in by_section[section.pk]), key=lambda u: u.username))
        for section in SectionPage.objects.order_by("path")
    ]


def role_names(user) -> list[str]:
    """The user's newsroom roles, in the order of ``roles.ROLES``."""
    held = {group.name for group in user.groups.all()}
    return [r.name for r in roles.ROLES if r.name in held]


def account_named(username: str):
    """The account with this username, or ``None``."""
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()
