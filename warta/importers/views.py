"""Admin "Impor teks": the same import as ``warta import-text``, from a form.

An editor uploads the page's text (or pastes it), picks a kanal and optionally
the photo; success lands on the new draft's edit page with what needs checking.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from warta.importers.page_text import PageTextError, decode_page_bytes
from warta.importers.queries import default_section, sections_for_user
from warta.importers.services import AlreadyImported, PageTextImportError, import_page_text
from warta.sections.models import SectionPage


def can_import(user) -> bool:
    """Importing creates a page, so it is for those who may add pages somewhere."""
    return PagePermissionPolicy().user_has_permission(user, "add")


class ImportTextForm(forms.Form):
    text_file = forms.FileField(
        label="Berkas teks",
        required=False,
        allow_empty_file=True,  # an empty file gets the importer's own clear message
        help_text="Berkas .txt (UTF-8) berisi teks halaman berita.",
    )
    text = forms.CharField(
        label="Atau tempel teksnya di sini",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    section = forms.ModelChoiceField(
        label="Kanal", queryset=SectionPage.objects.none(), empty_label=None
    )
    image = forms.ImageField(
        label="Foto utama",
        required=False,
        help_text="Tanpa foto, dibuat gambar pengganti yang bisa diganti nanti.",
    )
    again = forms.BooleanField(
        label="Impor lagi walau berita ini sudah pernah diimpor", required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        sections = sections_for_user(user)
        self.fields["section"].queryset = sections
        default = default_section()
        if default is not None and sections.filter(pk=default.pk).exists():
            self.fields["section"].initial = default.pk

    def clean(self):
        data = super().clean()
        upload, pasted = data.get("text_file"), data.get("text") or ""
        if upload is not None and pasted.strip():
            raise forms.ValidationError("Pilih salah satu: unggah berkas atau tempel teks.")
        if upload is None and not pasted.strip():
            raise forms.ValidationError("Unggah berkas teks atau tempel teks halaman berita.")
        if upload is not None:
            try:
                data["page_text"] = decode_page_bytes(upload.read())
            except PageTextError as exc:
                self.add_error("text_file", str(exc))
        else:
            data["page_text"] = pasted
        return data


class ImportTextView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportTextForm
    template_name = "importers/import_text.html"
    page_title = "Impor teks"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = "Impor jadi draf"
        context["submit_button_active_label"] = "Mengimpor…"
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            result = import_page_text(
                data["page_text"],
                section=data["section"],
                user=self.request.user,
                image_file=data.get("image"),
                again=data["again"],
            )
        except AlreadyImported as exc:
            form.add_error(None, f"{exc} Centang “Impor lagi” untuk membuat salinan baru.")
            return self.form_invalid(form)
        except PageTextImportError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _success_message(result))
        return redirect(result.edit_url)


def _success_message(result) -> str:
    notes = [*result.warnings, *(f"Tak dikenali, {line}" for line in result.unrecognised)]
    items = format_html_join("", "<li>{}</li>", ((note,) for note in notes))
    return format_html(
        "Draf “{}” dibuat dari teks ({} paragraf).{}",
        result.article.title,
        len(result.parsed.paragraphs),
        format_html("<ul>{}</ul>", items) if notes else "",
    )
