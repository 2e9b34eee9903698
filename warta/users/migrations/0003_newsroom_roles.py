"""The newsroom roles (Penulis, Editor, Redaktur) and the "Tinjauan redaksi" workflow.

The definitions live in ``warta/users/roles.py``; ``services.sync_roles`` writes
them and runs again after every ``migrate``, so later changes need no migration.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from warta.users.services import set_up_review_workflow, sync_roles

    using = schema_editor.connection.alias
    sync_roles(apps, using)
    set_up_review_workflow(apps, using)


def backwards(apps, schema_editor):
    from warta.users import roles

    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.using(using).filter(name=roles.REVIEW_WORKFLOW).delete()
    Task.objects.using(using).filter(name=roles.REVIEW_TASK).delete()
    Group.objects.using(using).filter(name__in=[r.name for r in roles.ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0002_section_desks_and_review_task"),
        ("frontpage", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("articles", "0002_initial"),
        ("people", "0002_initial"),
        ("notices", "0001_initial"),
        ("advertising", "0002_initial"),
        ("masthead", "0001_initial"),
        ("sections", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
