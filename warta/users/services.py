"""Writes on newsroom accounts: the first administrator, roles, kanal desks."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from warta.users import roles
from warta.users.models import SectionDesk

GENERATED_PASSWORD_BYTES = 15  # 20 URL-safe characters


@dataclass(frozen=True)
class AdminAccount:
    """What ``ensure_admin_account`` did, for the caller to tell the person at the terminal.

    ``password`` is the password this call set — generated or taken from
    ``WARTA_ADMIN_PASSWORD`` — and is ``None`` when the account already existed,
    because an existing account's password is never touched.
    """

    username: str
    email: str
    created: bool
    password: str | None
    generated: bool

    def __repr__(self) -> str:  # keep the password out of logs and tracebacks
        return (
            f"AdminAccount(username={self.username!r}, created={self.created}, "
            f"generated={self.generated})"
        )


def generate_password() -> str:
    return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)


def ensure_admin_account(
    username: str | None = None,
    email: str | None = None,
    password: str | None = None,
) -> AdminAccount:
    """Make sure the first administrator exists; create it only if it does not.

    Defaults come from the ``WARTA_ADMIN_USERNAME``, ``WARTA_ADMIN_EMAIL`` and
    ``WARTA_ADMIN_PASSWORD`` settings. Without a password one is generated and
    returned, so the caller can show it once. An existing account is left exactly as
    it is: its password is reset with ``warta changepassword <username>``.
    """
    username = username or settings.WARTA_ADMIN_USERNAME
    email = email if email is not None else settings.WARTA_ADMIN_EMAIL
    password = password or settings.WARTA_ADMIN_PASSWORD or None
    User = get_user_model()

    if User.objects.filter(username=username).exists():
        return AdminAccount(username, email or "", created=False, password=None, generated=False)

    generated = password is None
    if generated:
        password = generate_password()
    try:
        with transaction.atomic():
            User.objects.create_superuser(username=username, email=email, password=password)
    except IntegrityError:
        # Another process (a second node starting at the same moment) created it first.
        return AdminAccount(username, email or "", created=False, password=None, generated=False)
    return AdminAccount(username, email or "", created=True, password=password, generated=generated)


# Roles --------------------------------------------------------------------------
#
# These functions take an ``apps`` registry so the same code runs in the ``users``
# migrations (historical models) and after every ``migrate`` (see
# ``signal_handlers.py``); without one they use the project's models.


def sync_roles(apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Make the role groups hold exactly what ``roles.py`` defines; return what is missing.

    Creates the model permissions first (Django otherwise makes them only after the
    last migration). A permission of a model that does not exist yet in ``apps``
    (a migration older than the model) is left out and returned; the next sync
    adds it. The kanal desks get ``DESK_PAGE_PERMISSIONS`` again.
    """
    _create_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    missing: list[str] = []
    home = _home_page(apps, using)
    for definition in roles.ROLES:
        group, _ = Group.objects.using(using).get_or_create(name=definition.name)
        names = list(definition.permissions)
        if definition.all_page_types:
            names += _page_type_permission_names(apps)
        found, lacking = _permissions(apps, names, using)
        missing += lacking
        group.permissions.set(found)
        found, lacking = _permissions(apps, definition.collection_permissions, using)
        missing += lacking
        _set_collection_permissions(apps, group, found, using)
        if home is not None:
            _set_page_permissions(apps, group, home, definition.page_permissions, using)
    SectionDesk = apps.get_model("users", "SectionDesk")
    for desk in SectionDesk.objects.using(using).select_related("group", "section"):
        _set_page_permissions(apps, desk.group, desk.section, roles.DESK_PAGE_PERMISSIONS, using)
    return missing


def set_up_review_workflow(apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the "Tinjauan redaksi" workflow on the home page (so every kanal) once.

    Its one task is a ``SectionEditorApprovalTask``: approved or sent back by whoever
    may publish the article (the kanal's editors, Redaktur). Wagtail's default
    "Moderators approval" workflow is switched off when nothing is in it.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("users", "SectionEditorApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    home = _home_page(apps, using)
    if home is None:
        return
    task_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="users", model="sectioneditorapprovaltask"
    )
    task = Task.objects.using(using).filter(name=roles.REVIEW_TASK).first()
    if task is None:
        task = Task.objects.using(using).create(
            name=roles.REVIEW_TASK, content_type=task_type, active=True
        )
    workflow, created = Workflow.objects.using(using).get_or_create(
        name=roles.REVIEW_WORKFLOW, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.using(using).create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.using(using).update_or_create(page=home, defaults={"workflow": workflow})
    _retire_wagtail_default_moderation(apps, using)


def _retire_wagtail_default_moderation(apps, using: str) -> None:
    """Remove Wagtail's sample "Editors"/"Moderators" groups and their workflow if unused.

    They hold page permissions on the whole tree, so leaving them is a trap: adding a
    reporter to "Editors" would let them edit every page.
    """
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")
    workflow = Workflow.objects.using(using).filter(name=roles.WAGTAIL_DEFAULT_WORKFLOW).first()
    if workflow is not None:
        states = WorkflowState.objects.using(using).filter(workflow=workflow)
        if not states.filter(status__in=("in_progress", "needs_changes")).exists():
            workflow.workflow_pages.all().delete()
            workflow.active = False
            workflow.save(update_fields=["active"])
            Task.objects.using(using).filter(
                workflow_tasks__workflow=workflow, name=roles.WAGTAIL_DEFAULT_WORKFLOW
            ).update(active=False)
    Group.objects.using(using).filter(
        name__in=roles.WAGTAIL_DEFAULT_GROUPS, user__isnull=True
    ).delete()


def _create_permissions(apps, using: str) -> None:
    from django.contrib.auth.management import create_permissions

    historical = apps is not global_apps
    for app_config in apps.get_app_configs():
        if historical:  # migration state: the stub has no models module of its own
            app_config.models_module = True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            if historical:
                app_config.models_module = None


def _home_page(apps, using: str = DEFAULT_DB_ALIAS):
    Site = apps.get_model("wagtailcore", "Site")
    site = (
        Site.objects.using(using).filter(is_default_site=True).select_related("root_page").first()
    )
    return site.root_page if site else None


PAGE_TYPE_ACTIONS = ("add", "change", "delete")


def _page_type_permission_names(apps) -> list[str]:
    Page = apps.get_model("wagtailcore", "Page")
    names = []
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            opts = model._meta
            names += [
                f"{opts.app_label}.{action}_{opts.model_name}" for action in PAGE_TYPE_ACTIONS
            ]
    return names


def _permissions(apps, names, using: str):
    """The Permission rows for ``app_label.codename`` names, and the names not found."""
    Permission = apps.get_model("auth", "Permission")
    found, missing = [], []
    for name in names:
        app_label, codename = name.split(".", 1)
        permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if permission is None:
            missing.append(name)
        else:
            found.append(permission)
    return found, missing


def _set_page_permissions(apps, group, page, names, using: str) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted, _ = _permissions(apps, [f"wagtailcore.{name}" for name in names], using)
    current = GroupPagePermission.objects.using(using).filter(group=group)
    current.exclude(page=page, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.using(using).get_or_create(
            group=group, page=page, permission=permission
        )


def _set_collection_permissions(apps, group, permissions, using: str) -> None:
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.using(using).filter(depth=1).first()
    current = GroupCollectionPermission.objects.using(using).filter(group=group)
    if root is None:
        return
    current.exclude(collection=root, permission__in=permissions).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection=root, permission=permission
        )


def assign_role(user, role_name: str) -> None:
    """Give the user one of the roles in ``roles.ROLES`` (a group; others are kept)."""
    roles.role(role_name)  # an unknown name is a programming error: fail loudly
    user.groups.add(Group.objects.get(name=role_name))


def desk_for(section) -> Group:
    """The kanal's desk group, created with its page permissions the first time."""
    desk = SectionDesk.objects.select_related("group").filter(section=section).first()
    if desk is None:
        group = Group.objects.create(name=_free_desk_name(section))
        desk = SectionDesk.objects.create(section=section, group=group)
        permissions, _ = _permissions(
            global_apps,
            [f"wagtailcore.{name}" for name in roles.DESK_PAGE_PERMISSIONS],
            DEFAULT_DB_ALIAS,
        )
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=section, permission=permission)
            for permission in permissions
        )
    return desk.group


def _free_desk_name(section) -> str:
    """ "Editor: Nasional", or with the parent kanal when two kanal share a title."""
    name = f"{roles.DESK_GROUP_PREFIX}{section.title}"[:150]
    if Group.objects.filter(name=name).exists():
        parent = section.get_parent()
        name = f"{roles.DESK_GROUP_PREFIX}{parent.title} / {section.title}"[:140]
        base, n = name, 2
        while Group.objects.filter(name=name).exists():
            name, n = f"{base} ({n})", n + 1
    return name


@transaction.atomic
def set_editor_sections(user, sections, *, by=None) -> None:
    """Make ``user`` the editor of exactly these kanal (none: no longer an editor).

    Membership of the kanal desks is the grant; the Editor role group comes with
    the first kanal and goes with the last. The change is written to the audit log.
    """
    sections = list(sections)
    wanted = {desk_for(section).pk for section in sections}
    current = set(user.groups.filter(section_desk__isnull=False).values_list("pk", flat=True))
    if current - wanted:
        user.groups.remove(*(current - wanted))
    if wanted - current:
        user.groups.add(*(wanted - current))
    editor_group = Group.objects.get(name=roles.EDITOR)
    if sections:
        user.groups.add(editor_group)
    else:
        user.groups.remove(editor_group)
    log(
        instance=user,
        action="warta.editor_sections",
        user=by,
        data={"sections": [{"id": s.pk, "title": s.title} for s in sections]},
    )
