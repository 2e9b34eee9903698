"""Admin wiring for contributors (Kontributor).

A Penulis creates her own profile (her byline) and edits only that one: the
permission policy (``users.permissions.OwnRecordPermissionPolicy``, registered in
``PeopleConfig.ready``) says which profile is whose, and the views below apply it
per profile, which Wagtail's generic snippet views do not (they ask per model).
"""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from warta.people.models import Person


class PersonIndexView(IndexView):
    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            return super().get_edit_url(instance)
        return None


class PersonEditView(EditView):
    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", person
        ):
            raise PermissionDenied
        return person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Kontributor"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]
    index_view_class = PersonIndexView
    edit_view_class = PersonEditView


register_snippet(PersonViewSet)
