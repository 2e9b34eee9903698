"""Admin avatars are the uploaded photo or the initials, never Gravatar (issue 12, item 7).

The browser side (no request leaves the site; uploading a photo on the account page)
is ``tests/browser/test_admin_avatars.py``.
"""

from __future__ import annotations

import base64
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from wagtail.users.models import UserProfile

from warta.testing.photos import metadata_left, phone_photo, png_bytes
from warta.users import avatars
from warta.users.roles import REDAKTUR
from warta.users.tests.conftest import client_for, make_user

SVG_PREFIX = "data:image/svg+xml;base64,"


def _svg(url: str) -> str:
    assert url.startswith(SVG_PREFIX), url
    return base64.b64decode(url.removeprefix(SVG_PREFIX)).decode()


def _avatar_tag(user, size=50) -> str:
    template = Template("{% load wagtailadmin_tags %}{% avatar_url user size %}")
    return template.render(Context({"user": user, "size": size}))


def test_gravatar_is_off():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"first_name": "Sari", "last_name": "Editor"}, "SE"),
        ({"first_name": "Sukarno"}, "S"),
        ({"first_name": "Siti Nurbaya", "last_name": ""}, "SN"),
        ({"first_name": "ayu", "last_name": "utami lestari"}, "AL"),
        ({}, "R"),  # no name: the username's first letter
    ],
)
def test_initials(django_user_model, fields, expected):
    assert avatars.initials(django_user_model(username="redaksi", **fields)) == expected


def test_the_admin_avatar_tag_draws_initials_without_a_request(db):
    user = make_user("sari", first_name="Sari", last_name="Editor")  # sari@example.com
    url = _avatar_tag(user)
    svg = _svg(url)
    assert ">SE</text>" in svg
    assert 'width="50"' in svg
    assert "sari@example.com" not in svg
    # The same colour every time for one account, and from the palette.
    assert avatars.background(user) in avatars.PALETTE
    assert _svg(_avatar_tag(user)) == svg


def test_a_name_cannot_break_out_of_the_svg(django_user_model):
    user = django_user_model(username="x", first_name="<script>", last_name="&amp")
    svg = _svg(avatars.initials_avatar_url(user))
    assert ">&lt;&amp;</text>" in svg


def test_an_uploaded_photo_is_the_avatar(db):
    user = make_user("foto", first_name="Foto", last_name="Grafer")
    profile = UserProfile.get_for_user(user)
    profile.avatar = SimpleUploadedFile("wajah.png", png_bytes(), content_type="image/png")
    profile.save()
    user.refresh_from_db()
    url = _avatar_tag(user)
    assert url.startswith(settings.MEDIA_URL + "avatar_images/"), url


def _avatar_form(profile, data=None, files=None):
    return avatars.AvatarForm(data or {}, files or {}, instance=profile, prefix="avatar")


def test_the_account_page_uses_warta_avatar_form():
    from wagtail.admin.views.account import AvatarSettingsPanel

    assert AvatarSettingsPanel.form_class is avatars.AvatarForm


def test_a_phone_photo_is_stored_small_and_without_where_it_was_taken(db):
    user = make_user("foto")
    profile = UserProfile.get_for_user(user)
    photo = SimpleUploadedFile("wajah.jpg", phone_photo(width=800, height=600))
    form = _avatar_form(profile, files={"avatar-avatar": photo})
    assert form.is_valid(), form.errors
    form.save()
    profile.refresh_from_db()
    with profile.avatar.open("rb") as stored:
        data = stored.read()
    assert metadata_left(data) == []
    assert max(profile.avatar.width, profile.avatar.height) == 400


def test_a_file_that_is_not_a_picture_is_refused_in_indonesian(db):
    profile = UserProfile.get_for_user(make_user("foto"))
    fake = SimpleUploadedFile("wajah.png", b"bukan gambar sama sekali" * 10)
    form = _avatar_form(profile, files={"avatar-avatar": fake})
    assert not form.is_valid()
    assert "Unggah" in " ".join(form.errors["avatar"]) or "gambar" in str(form.errors)


def test_reset_to_default_goes_back_to_the_initials(db):
    user = make_user("foto", first_name="Foto", last_name="Grafer")
    profile = UserProfile.get_for_user(user)
    profile.avatar = SimpleUploadedFile("wajah.png", png_bytes(), content_type="image/png")
    profile.save()
    # Saving the page without touching the photo keeps it...
    form = _avatar_form(profile, data={})
    assert form.is_valid(), form.errors
    form.save()
    profile.refresh_from_db()
    assert profile.avatar
    # ...ticking "Reset to default" removes it: the initials are back.
    form = _avatar_form(profile, data={"avatar-avatar-clear": "on"})
    assert form.is_valid(), form.errors
    form.save()
    user.refresh_from_db()
    assert not user.wagtail_userprofile.avatar
    assert ">FG</text>" in _svg(_avatar_tag(user))


def _image_sources(html: str) -> list[str]:
    return re.findall(r"<img\b[^>]*?\ssrc=\"([^\"]*)\"", html)


def test_admin_pages_show_no_image_from_outside_the_site(db):
    redaktur = make_user("redaktur", REDAKTUR, first_name="Rina", last_name="Redaktur")
    make_user("penulis", first_name="Budi", last_name="Penulis")
    client = client_for(redaktur)
    for path in ("/admin/users/", "/admin/account/"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert "gravatar" not in html.lower(), path
        sources = _image_sources(html)
        outside = [src for src in sources if not src.startswith(("/", "data:")) or "//" in src[:2]]
        assert outside == [], (path, outside)
        if path == "/admin/users/":
            # Each listed account wears its own initials.
            drawn = {_svg(src).rsplit("</text>", 1)[0][-2:] for src in sources if "svg" in src}
            assert {"RR", "BP"} <= drawn, drawn
    # The sidebar (a React component fed JSON) shows the signed-in account's initials.
    sidebar = re.search(r'"avatarUrl": "([^"]+)"', html)
    assert sidebar, "no avatarUrl in the sidebar props"
    assert ">RR</text>" in _svg(sidebar.group(1))
