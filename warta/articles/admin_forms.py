"""The article edit form in the admin: a schedule must lie in the future, and a
planned end needs a reason.

Wagtail publishes at once a page whose ``go_live_at`` is already past, so an editor
who mistypes a date would publish instead of schedule. This form refuses such a
time (unless it is the one already stored, e.g. on an article published by the
scheduler earlier) and words Wagtail's own expiry checks in Indonesian. An expiry
time ("Berakhir tayang") pulls the article when it comes, so, like any takedown
(Pedoman Pemberitaan Media Siber), it needs a reason from the list. Nothing is
saved, published or scheduled when the form refuses.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

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
