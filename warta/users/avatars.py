"""Admin avatars drawn by Warta: the account's uploaded photo, or its initials.

Wagtail draws an avatar from Gravatar by default, which leaks each editor's e-mail
hash to a third party and shows nothing offline. ``settings.py`` turns Gravatar off
(``WAGTAIL_GRAVATAR_PROVIDER_URL = None``), and the ``get_avatar_url`` hook in
``wagtail_hooks.py`` answers every ``{% avatar_url %}`` with :func:`avatar_url`:

- the photo uploaded on the account page ("Unggah foto profil"), served from /media/;
- otherwise a small SVG of the account's initials, inlined as a ``data:`` URL, so the
  admin makes no request at all for it.

The account page's photo form is Wagtail's with two fixes (:class:`AvatarForm`, wired
in ``apps.py``): "Reset to default" really goes back to the initials, and an uploaded
photo goes through the image library's checks (stored without its EXIF and GPS).
"""

from __future__ import annotations

import base64
import zlib
from xml.sax.saxutils import escape

from django.core.exceptions import ObjectDoesNotExist
from django.core.files.uploadedfile import UploadedFile
from wagtail.admin.forms.account import AvatarPreferencesForm

# Backgrounds for the initials: each has a contrast of at least 4.5:1 with white.
PALETTE = (
    "#1d4ed8",  # blue
    "#047857",  # green
    "#b91c1c",  # red
    "#6d28d9",  # violet
    "#a16207",  # amber
    "#0e7490",  # cyan
    "#be185d",  # pink
    "#374151",  # grey
)


def avatar_url(user, size: int = 50) -> str:
    """The URL an ``<img>`` shows for ``user``: the uploaded photo or the initials."""
    return uploaded_photo_url(user) or initials_avatar_url(user, size)


def uploaded_photo_url(user) -> str | None:
    """The URL of the photo the account uploaded in the admin, if any."""
    try:
        profile = user.wagtail_userprofile
    except (AttributeError, ObjectDoesNotExist):
        return None
    return profile.avatar.url if profile.avatar else None


def initials(user) -> str:
    """One or two capital letters: first and last name, else the one name, else the
    username ("Sari Editor" -> "SE", "Sukarno" -> "S", no name -> from the username)."""
    first = (getattr(user, "first_name", "") or "").strip()
    last = (getattr(user, "last_name", "") or "").strip()
    words = f"{first} {last}".split()
    if not words:
        words = (getattr(user, "get_username", lambda: "")() or "").split()
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def background(user) -> str:
    """A colour from the palette, stable for an account (chosen by its id, never by
    anything personal such as the e-mail address)."""
    key = str(getattr(user, "pk", None) or getattr(user, "get_username", lambda: "")())
    return PALETTE[zlib.crc32(key.encode()) % len(PALETTE)]


def initials_svg(user, size: int = 50) -> str:
    letters = initials(user)
    font_size = 44 if len(letters) == 1 else 38
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{int(size)}" height="{int(size)}" '
        f'viewBox="0 0 100 100"><rect width="100" height="100" fill="{background(user)}"/>'
        f'<text x="50" y="50" dy=".35em" text-anchor="middle" fill="#fff" '
        f'font-family="system-ui, sans-serif" font-size="{font_size}" font-weight="600">'
        f"{escape(letters)}</text></svg>"
    )


def initials_avatar_url(user, size: int = 50) -> str:
    """The initials as a ``data:`` URL: nothing to fetch, nothing leaves the site."""
    encoded = base64.b64encode(initials_svg(user, size).encode()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


class AvatarForm(AvatarPreferencesForm):
    """Wagtail's profile-picture form, fixed.

    - Ticking "Reset to default" (the field's clear box) clears the photo. Wagtail's
      ``clean_avatar`` treats the cleared value like "nothing uploaded" and keeps it.
    - A new photo is checked and rewritten without metadata (``images.forms``), so an
      editor's phone photo does not publish where it was taken; then Wagtail shrinks
      it to 400 px.
    """

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if upload is False:  # the clear box, Django's convention for "remove the file"
            return False
        if isinstance(upload, UploadedFile):
            from warta.images.forms import cleaned_upload

            self.cleaned_data["avatar"] = cleaned_upload(upload)
        return super().clean_avatar()


def use_avatar_form() -> None:
    """Give the account page's "Profile picture" panel :class:`AvatarForm`. Wagtail
    builds that panel itself (no setting or hook replaces its form), hence the class
    attribute, set once from ``UsersConfig.ready()``."""
    from wagtail.admin.views.account import AvatarSettingsPanel

    AvatarSettingsPanel.form_class = AvatarForm
