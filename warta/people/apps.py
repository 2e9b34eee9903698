from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "warta.people"
    label = "people"

    def ready(self):
        # Registered before any admin code asks for the policy (Wagtail would
        # otherwise make a plain model-permission one).
        from wagtail.permissions import register_permission_policy

        from warta.people.models import Person
        from warta.users.permissions import OwnRecordPermissionPolicy

        register_permission_policy(Person, OwnRecordPermissionPolicy(Person, owner_field="user"))
