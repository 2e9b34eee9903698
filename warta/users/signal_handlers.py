"""Django makes model permissions only after ``migrate``; roles follow right after."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate

from warta.users.services import sync_roles


def sync_roles_after_migrate(sender, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    try:  # migrated back to before the roles existed: nothing to keep in line
        apps.get_model("users", "SectionDesk")
        apps.get_model("wagtailcore", "GroupPagePermission")
    except LookupError:
        return
    sync_roles(apps, using)


def connect(app_config):
    post_migrate.connect(
        sync_roles_after_migrate, sender=app_config, dispatch_uid="warta.users.sync_roles"
    )
