"""The article edit form in the admin: a schedule must lie in the future, and a
planned end needs a reason; an empty slug is made from the headline.

Wagtail publishes at once a page whose ``go_live_at`` is already past, so an editor
who mistypes a date would publish instead of schedule. This form refuses such a
time (unless it is the one already stored, e.g. on an article published by the
scheduler earlier) and words Wagtail's own expiry checks in Indonesian. An expiry
time ("Berakhir tayang") pulls the article when it comes, so, like any takedown
(Pedoman Pemberitaan Media Siber), it needs a reason from the list. Nothing is
saved, published or scheduled when the form refuses.

A writer need not fill in the slug (tab "Promosikan"): left empty, it is made
from the headline, unique among the kanal's pages (``-2``, ``-3``...), on every
save and autosave, and sent back to the open editor with the autosave's field
updates; a page once published keeps its stored slug. In the browser,
``TitleFieldPanel`` (models.py) fills it as the headline is typed. Likewise the
byline: a new article's first row names the writer's own profile, and a draft may
be saved with the row left empty (submitting or publishing still needs a name).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.models import Page

SLUG_MAX_BASE = 200  # room for a "-N" suffix within the slug's 255 characters
SLUG_HELP = "Bagian alamat halaman. Kosongkan untuk membuatnya dari judul berita."

GO_LIVE_PAST = (
    "Waktu “Tayang mulai” sudah lewat. Isi waktu yang akan datang, atau kosongkan "
    "bila berita hendak diterbitkan sekarang."
)
EXPIRE_PAST = "Waktu “Berakhir tayang” sudah lewat. Isi waktu yang akan datang."
EXPIRE_BEFORE_GO_LIVE = "Waktu “Berakhir tayang” harus sesudah waktu “Tayang mulai”."
EXPIRE_WITHOUT_REASON = (
    "Berita yang berakhir tayang ditarik dari situs, jadi perlu alasan pencabutan "
    "(Pedoman Pemberitaan Media Siber): isi “Alasan berakhir tayang”, atau kosongkan "
    "waktu “Berakhir tayang”."
)
EXPIRY_REASON_REQUIRED = "Wajib diisi bila waktu “Berakhir tayang” diisi."
EXPIRY_TEXT_REQUIRED = "Jelaskan alasan berakhir tayang bila memilih “Alasan lain”."
TAG_WITHOUT_LETTERS = "Tag {tags} tidak berisi huruf atau angka; tag perlu alamat /tag/…/ sendiri."


class ArticleAdminForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The schedule as stored (latest revision), before the posted data touches it.
        self.stored_go_live_at = self.instance.go_live_at
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = SLUG_HELP
        self.slug_made = False
        self._posted_rows = {}  # byline rows dropped from a draft save: prefix -> posted data
        self._credit_the_writer()

    def _credit_the_writer(self) -> None:
        """A new article's first byline row names the writer's own profile, if she has one."""
        formset = self.formsets.get("authors")
        if formset is None or self.is_bound or self.instance.pk or formset.initial_extra:
            return
        person = getattr(self.for_user, "person", None) if self.for_user else None
        if person is not None:
            formset.initial_extra = [{"person": person.pk, "role": "penulis"}]

    def defer_required_fields(self):
        """A draft (and an autosave) may be saved before anyone is credited: a byline
        row left empty, with no contributor chosen, is dropped instead of refused (as
        if its delete box were ticked). Submitting or publishing still needs one (the
        panel's ``min_num``)."""
        super().defer_required_fields()
        formset = self.formsets.get("authors")
        if formset is None or not formset.is_bound or not formset.can_delete:
            return
        for form in formset.forms:
            if not form["person"].value() and not form["id"].value():
                self._posted_rows[form.prefix] = form.data
                data = form.data.copy()
                data[form.add_prefix(DELETION_FIELD_NAME)] = "on"
                form.data = data

    def restore_required_fields(self):
        """A refused form comes back with the empty rows as posted, not deleted."""
        formset = self.formsets.get("authors")
        if formset is not None:
            for form in formset.forms if self._posted_rows else ():
                form.data = self._posted_rows.get(form.prefix, form.data)
        self._posted_rows = {}
        super().restore_required_fields()

    def clean_tags(self):
        """A tag of punctuation only gets no slug, so no /tag/<slug>/ address: every
        page that links it would fail. Refuse it here, in the newsroom's words."""
        tags = self.cleaned_data.get("tags") or []
        bad = [name for name in tags if not slugify(name, allow_unicode=True)]
        if bad:
            shown = ", ".join(f"“{name}”" for name in bad)
            raise forms.ValidationError(TAG_WITHOUT_LETTERS.format(tags=shown), code="slug")
        return tags

    def clean(self):
        self._fill_slug()
        cleaned_data = super().clean()
        go_live_at = cleaned_data.get("go_live_at")
        expire_at = cleaned_data.get("expire_at")
        # Replace Wagtail's English schedule errors with ours (only where the field
        # itself parsed; a malformed date keeps its own message).
        for name, value in (("go_live_at", go_live_at), ("expire_at", expire_at)):
            if value is not None:
                self._errors.pop(name, None)
        now = timezone.now()
        if go_live_at and go_live_at <= now and not self._is_stored_go_live(go_live_at):
            self.add_error("go_live_at", forms.ValidationError(GO_LIVE_PAST, code="past"))
        if expire_at and expire_at <= now:
            self.add_error("expire_at", forms.ValidationError(EXPIRE_PAST, code="past"))
        elif go_live_at and expire_at and expire_at <= go_live_at:
            self.add_error("expire_at", forms.ValidationError(EXPIRE_BEFORE_GO_LIVE, code="order"))
        if expire_at:
            self._require_expiry_reason(cleaned_data)
        return self.cleaned_data

    def _fill_slug(self) -> None:
        """An empty slug: the stored one of a page ever published (its address stays),
        else one made from the headline, unique among the parent's children."""
        if "slug" not in self.fields or "slug" in self._errors:
            return
        if self.cleaned_data.get("slug"):
            return
        instance = self.instance
        if instance.pk and instance.slug and (instance.live or instance.first_published_at):
            self.cleaned_data["slug"] = instance.slug
        else:
            title = self.cleaned_data.get("title") or ""
            parent = self.parent_page or (instance.get_parent() if instance.pk else None)
            slug = unique_page_slug(title, parent, instance if instance.pk else None)
            if not slug:
                return  # no headline either: the headline's own error says what is missing
            self.cleaned_data["slug"] = slug
        self.slug_made = True

    def get_field_updates_for_resave(self):
        """After an autosave, the open editor's empty slug field gets the slug made."""
        updates = super().get_field_updates_for_resave()
        if self.slug_made:
            updates.append(("slug", self.instance.slug))
        return updates

    def _require_expiry_reason(self, cleaned_data) -> None:
        """The error goes on "Berakhir tayang" too: Wagtail's status panel flags the
        schedule dialog only for errors on its own two fields."""
        # Imported here: the models module imports this form.
        from warta.articles.models import TakedownReason

        if "expiry_reason" not in self.fields:
            return
        reason = cleaned_data.get("expiry_reason")
        if not reason:
            if "expiry_reason" not in self._errors:
                self.add_error("expiry_reason", EXPIRY_REASON_REQUIRED)
            self.add_error("expire_at", forms.ValidationError(EXPIRE_WITHOUT_REASON, "reason"))
        elif (
            reason == TakedownReason.LAINNYA
            and not cleaned_data.get("expiry_reason_text", "").strip()
        ):
            self.add_error("expiry_reason_text", EXPIRY_TEXT_REQUIRED)
            self.add_error("expire_at", forms.ValidationError(EXPIRE_WITHOUT_REASON, "reason"))

    def _is_stored_go_live(self, value) -> bool:
        """The admin's widget shows minutes only, so a stored time with seconds
        comes back truncated: that is still the stored time."""
        stored = self.stored_go_live_at
        return stored is not None and value == stored.replace(second=0, microsecond=0)


def unique_page_slug(title: str, parent: Page | None, page: Page | None = None) -> str:
    """A slug made from ``title``, free among ``parent``'s children other than ``page``:
    ``judul``, else ``judul-2``, ``judul-3``... Empty when the title has no letters."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    base = slugify(title, allow_unicode=allow_unicode)[:SLUG_MAX_BASE].strip("-")
    if not base or parent is None:
        return base
    candidate, n = base, 2
    while not Page._slug_is_available(candidate, parent, page):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class HeadlineInput(AdminAutoHeightTextInput):
    """The headline field: a one-row textarea that grows with the text, so a long
    headline wraps and stays whole on a phone (a text input cuts it off). A headline
    is one line: line breaks typed or pasted into it are saved as spaces."""

    def __init__(self, attrs=None):
        super().__init__({"class": "warta-headline", **(attrs or {})})

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return " ".join(value.split()) if isinstance(value, str) else value
