"""The article edit form in the admin: a schedule must lie in the future.

Wagtail publishes at once a page whose ``go_live_at`` is already past, so an editor
who mistypes a date would publish instead of schedule. This form refuses such a
time (unless it is the one already stored, e.g. on an article published by the
scheduler earlier) and words Wagtail's own expiry checks in Indonesian. Nothing is
saved, published or scheduled when it refuses.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

GO_LIVE_PAST = (
    "Waktu “Tayang mulai” sudah lewat. Isi waktu yang akan datang, atau kosongkan "
    "bila berita hendak diterbitkan sekarang."
)
EXPIRE_PAST = "Waktu “Berakhir tayang” sudah lewat. Isi waktu yang akan datang."
EXPIRE_BEFORE_GO_LIVE = "Waktu “Berakhir tayang” harus sesudah waktu “Tayang mulai”."


class ArticleAdminForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The schedule as stored (latest revision), before the posted data touches it.
        self.stored_go_live_at = self.instance.go_live_at

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
        return self.cleaned_data

    def _is_stored_go_live(self, value) -> bool:
        """The admin's widget shows minutes only, so a stored time with seconds
        comes back truncated: that is still the stored time."""
        stored = self.stored_go_live_at
        return stored is not None and value == stored.replace(second=0, microsecond=0)
