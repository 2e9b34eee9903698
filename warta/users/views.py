"""Admin "Editor kanal": Redaktur decides which kanal each editor works in."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from warta.sections.models import SectionPage
from warta.users.queries import editor_sections, newsroom_users, role_names, sections_with_editors
from warta.users.services import set_editor_sections

MANAGE_PERMISSION = "users.change_user"


def can_manage_editors(user) -> bool:
    return user.has_perm(MANAGE_PERMISSION)


class ManageEditorsMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_editors(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class SectionLabelField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        depth = max(obj.depth - 3, 0)  # root, home page, then kanal
        return f"{'— ' * depth}{obj.title}"


class EditorSectionsForm(forms.Form):
    sections = SectionLabelField(
        label="Kanal",
        queryset=SectionPage.objects.order_by("path"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Editor menyunting, menerbitkan, menjadwalkan dan menarik berita di kanal yang "
            "dicentang, dan menyetujui ajuan penulis di sana. Kosongkan semua untuk "
            "mencabut peran Editor."
        ),
    )


class EditorSectionsIndexView(ManageEditorsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "users/editor_sections_index.html"
    page_title = "Editor kanal"
    header_icon = "group"

    def get_breadcrumbs_items(self):
        # Wagtail's slim header shows the last breadcrumb: without this one, "Beranda".
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections_with_editors()
        context["people"] = [
            (person, role_names(person), list(editor_sections(person)))
            for person in newsroom_users()
        ]
        return context


class EditorSectionsEditView(ManageEditorsMixin, WagtailAdminTemplateMixin, FormView):
    form_class = EditorSectionsForm
    template_name = "users/editor_sections_form.html"
    header_icon = "group"
    submit_button_label = "Simpan"

    def setup(self, request, *args, user_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.person = get_object_or_404(get_user_model(), pk=user_id)

    @property
    def page_title(self):
        return f"Kanal untuk {self.person.get_full_name() or self.person.get_username()}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("users_editor_sections"), "label": "Editor kanal"},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return {"sections": editor_sections(self.person)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["person"] = self.person
        context["submit_button_label"] = self.submit_button_label
        context["submit_button_active_label"] = "Menyimpan…"
        return context

    def form_valid(self, form):
        sections = form.cleaned_data["sections"]
        set_editor_sections(self.person, sections, by=self.request.user)
        name = self.person.get_full_name() or self.person.get_username()
        if sections:
            titles = ", ".join(section.title for section in sections)
            messages.success(self.request, f"{name} kini editor kanal: {titles}.")
        else:
            messages.success(self.request, f"{name} bukan lagi editor kanal mana pun.")
        return redirect("users_editor_sections")
