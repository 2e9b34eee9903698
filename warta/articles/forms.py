"""Forms of the press council's rules: a correction, a takedown reason."""

from __future__ import annotations

from django import forms

from warta.articles.models import TakedownReason


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label="Isi ralat",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ralat tidak dapat diubah atau dihapus setelah disimpan.",
    )


class TakedownForm(forms.Form):
    reason = forms.ChoiceField(
        label="Alasan pencabutan",
        choices=[("", "— Pilih alasan —"), *TakedownReason.choices],
    )
    text = forms.CharField(
        label="Keterangan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wajib bila memilih “Alasan lain”. Ditampilkan kepada pembaca.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == TakedownReason.LAINNYA and not cleaned.get("text", "").strip():
            self.add_error("text", "Jelaskan alasan pencabutan bila memilih alasan lain.")
        return cleaned
