"""The public reply form: plain text only, with messages a reader understands."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from warta.replies.models import CONTACT_MAX, NAME_MAX, TEXT_MAX, TEXT_MIN

# Anything that looks like markup: a tag, a comment or a character reference.
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]*$")
PHONE_DIGITS = (8, 15)


def _plain(value: str, label: str) -> str:
    if MARKUP.search(value):
        raise ValidationError(f"{label} harus berupa teks biasa, tanpa kode HTML atau tag.")
    return value.strip()


class ReplyForm(forms.Form):
    name = forms.CharField(
        label="Nama lengkap",
        max_length=NAME_MAX,
        error_messages={
            "required": "Tuliskan nama Anda.",
            "max_length": f"Nama paling panjang {NAME_MAX} karakter.",
        },
    )
    contact = forms.CharField(
        label="Surel atau nomor telepon",
        max_length=CONTACT_MAX,
        help_text="Hanya untuk redaksi menghubungi Anda; tidak akan dimuat.",
        error_messages={
            "required": (
                "Tuliskan alamat surel atau nomor telepon agar redaksi dapat menghubungi Anda."
            ),
            "max_length": f"Kontak paling panjang {CONTACT_MAX} karakter.",
        },
    )
    text = forms.CharField(
        label="Isi hak jawab",
        widget=forms.Textarea(attrs={"rows": 12}),
        min_length=TEXT_MIN,
        max_length=TEXT_MAX,
        strip=True,
        error_messages={
            "required": "Tuliskan isi hak jawab Anda.",
            "min_length": f"Isi hak jawab terlalu pendek (paling sedikit {TEXT_MIN} karakter).",
            "max_length": f"Isi hak jawab paling panjang {TEXT_MAX} karakter.",
        },
    )
    # A honeypot: hidden from people by CSS and aria-hidden; bots fill every field.
    website = forms.CharField(label="Situs web", required=False)

    def clean_name(self) -> str:
        return _plain(self.cleaned_data["name"], "Nama")

    def clean_text(self) -> str:
        return _plain(self.cleaned_data["text"], "Isi hak jawab")

    def clean_contact(self) -> str:
        value = _plain(self.cleaned_data["contact"], "Kontak")
        if "@" in value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValidationError("Alamat surel tidak valid, contoh: nama@contoh.id.") from None
            return value
        digits = re.sub(r"\D", "", value)
        if not PHONE.match(value) or not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
            raise ValidationError(
                "Tuliskan alamat surel (contoh: nama@contoh.id) atau nomor telepon "
                "(8-15 angka, contoh: 0812 3456 7890)."
            )
        return value

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())
