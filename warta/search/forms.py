"""The reader's search form: what ``/cari/`` accepts, checked before any query runs."""

from __future__ import annotations

from django import forms

DATE_ERROR = "Tanggal tidak dikenali; gunakan format TTTT-BB-HH."


class SearchForm(forms.Form):
    # No max_length: an over-long query is cut (``SearchTerms.parse``), not refused.
    q = forms.CharField(label="Kata kunci", required=False)
    # Looked up among the site's kanal in memory; an unknown one is a 404 (views.py).
    kanal = forms.CharField(label="Kanal", required=False)
    dari = forms.DateField(
        label="Dari tanggal",
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": DATE_ERROR},
    )
    sampai = forms.DateField(
        label="Sampai tanggal",
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": DATE_ERROR},
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("dari"), cleaned.get("sampai")
        if since and until and since > until:
            self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        return cleaned
