"""The contributor form in the admin: the slug comes from the name when left empty
(a saved profile keeps its own), and a writer's own profile is linked to her account.

A Penulis sees no "Akun" field (its panel needs ``people.change_person``): the
profile she creates is hers (``user`` = herself), and the permission policy
(``users.permissions.OwnRecordPermissionPolicy``) lets her edit only that one.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm


class PersonAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = "Bagian alamat halaman profil. Kosongkan untuk membuatnya dari nama."

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and "slug" not in self._errors and not cleaned_data.get("slug"):
            stored = self.instance.pk and type(self.instance).objects.get(pk=self.instance.pk).slug
            name = cleaned_data.get("name") or ""
            if stored:
                cleaned_data["slug"] = stored  # the profile keeps its address
            elif name:
                cleaned_data["slug"] = type(self.instance).unique_slug_for(
                    name, exclude=self.instance
                )
        user = self.for_user
        if (
            "user" not in self.fields
            and self.instance.user_id is None
            and user is not None
            and user.is_authenticated
        ):
            self.instance.user = user  # her own profile
        return cleaned_data
