"""The sign-in forms: Wagtail's password form with Warta's limits, and the code form."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms.auth import LoginForm

from warta.security.backends import refusal_of

INVALID_LOGIN = "Nama pengguna atau kata sandi salah. Silakan coba lagi."


class SignInForm(LoginForm):
    """One message for a wrong password and an unknown name; another, just as
    uninformative about the account, when the limits refuse the attempt."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["password"].label = "Kata sandi"

    def get_invalid_login_error(self):
        refusal = refusal_of(self.request)
        if refusal is not None:
            return forms.ValidationError(refusal.message, code="throttled")
        return forms.ValidationError(INVALID_LOGIN, code="invalid_login")


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Kode 6 angka",
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": "",
            }
        ),
        error_messages={"required": "Masukkan kode 6 angka dari aplikasi autentikator."},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Kode terdiri dari 6 angka.")
        return code
