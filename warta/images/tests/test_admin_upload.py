"""Uploading through the real admin views as an Editor: bad files are an Indonesian
form error (never a 500, nothing stored); good ones are stored, and every rendition
made from them, without GPS/EXIF, turned upright and with their colour profile."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import UploadedFile

from warta.images.models import WartaImage
from warta.images.services import ALL_SPECS
from warta.testing.photos import (
    animated_gif,
    is_upright_with_marker_top_right,
    metadata_left,
    phone_photo,
    png_bytes,
    srgb_profile,
    truncated_jpeg,
)
from warta.users.roles import EDITOR

pytestmark = pytest.mark.django_db

MULTIPLE_URL = "/admin/images/multiple/add/"
SINGLE_URL = "/admin/images/add/"


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_user("editor-foto", "e@example.com", "rahasia-123")
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client


def _bomb() -> bytes:
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")
    return out.getvalue()


BAD_FILES = [
    ("potong.jpg", truncated_jpeg, "rusak atau terpotong"),
    ("teks.jpg", lambda: b"Bukan foto, hanya teks.\n" * 40, "bukan gambar"),
    ("png-menyamar.jpg", png_bytes, "isinya gambar PNG"),
    ("kosong.jpg", lambda: b"", "kosong"),
    ("bom.png", _bomb, "terlalu besar"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES)
def test_multiple_upload_refuses_bad_file_in_indonesian(editor_client, name, make, message):
    upload = SimpleUploadedFile(name, make(), content_type="image/jpeg")
    response = editor_client.post(MULTIPLE_URL, {"files[]": upload, "title": name})
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False
    assert message in body["error_message"].lower() or message in body["error_message"]
    assert not WartaImage.objects.exists()


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES)
def test_single_add_form_refuses_bad_file_in_indonesian(editor_client, name, make, message):
    upload = SimpleUploadedFile(name, make(), content_type="image/jpeg")
    response = editor_client.post(SINGLE_URL, {"title": "Foto", "file": upload})
    assert response.status_code == 200
    text = response.content.decode()
    # Django's own check for an empty file answers first, in Indonesian too.
    expected = "kosong" if message == "kosong" else message
    assert expected in text, text[:2000]
    assert not WartaImage.objects.exists()


def _upload_photo(client, captured, data, name="ponsel.jpg"):
    with captured(execute=True):
        response = client.post(
            MULTIPLE_URL,
            {"files[]": SimpleUploadedFile(name, data, content_type="image/jpeg"), "title": name},
        )
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()
    return WartaImage.objects.get()


def test_uploaded_photo_and_every_rendition_lose_gps_and_stay_upright(
    editor_client, django_capture_on_commit_callbacks
):
    image = _upload_photo(editor_client, django_capture_on_commit_callbacks, phone_photo())
    with image.open_file() as f:
        original = f.read()
    assert metadata_left(original) == []
    assert is_upright_with_marker_top_right(original)
    assert (image.width, image.height) == (900, 1600)
    assert Image.open(io.BytesIO(original)).info.get("icc_profile") == srgb_profile()

    renditions = list(image.renditions.all())
    assert {r.filter_spec for r in renditions} == set(ALL_SPECS)
    for rendition in renditions:
        with rendition.file.open("rb") as f:
            data = f.read()
        assert metadata_left(data) == [], rendition.filter_spec
        assert Image.open(io.BytesIO(data)).info.get("icc_profile"), rendition.filter_spec
    upright = image.get_rendition("max-450x800|format-jpeg")
    with upright.file.open("rb") as f:
        assert is_upright_with_marker_top_right(f.read())


def test_single_add_form_stores_a_clean_photo(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            SINGLE_URL,
            {
                "title": "Foto ponsel",
                "file": SimpleUploadedFile("ponsel.webp", phone_photo("WEBP")),
            },
        )
    assert response.status_code == 302
    image = WartaImage.objects.get()
    with image.open_file() as f:
        assert metadata_left(f.read()) == []


def test_animated_gif_upload_keeps_working(editor_client, django_capture_on_commit_callbacks):
    image = _upload_photo(
        editor_client, django_capture_on_commit_callbacks, animated_gif(4), name="gerak.gif"
    )
    with image.open_file() as f:
        assert Image.open(io.BytesIO(f.read())).n_frames == 4
    assert image.renditions.count() == len(ALL_SPECS)


def test_replacing_the_file_on_the_edit_form_is_checked_too(
    editor_client, django_capture_on_commit_callbacks
):
    image = _upload_photo(editor_client, django_capture_on_commit_callbacks, phone_photo())
    response = editor_client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Foto", "file": SimpleUploadedFile("baru.jpg", truncated_jpeg())},
    )
    assert response.status_code == 200
    assert "rusak atau terpotong" in response.content.decode()


def test_upload_kept_for_later_because_of_another_field_is_clean_too(editor_client):
    """When a field other than the file fails (here the title), Wagtail keeps the
    request's file as an UploadedFile row to be finished later: it holds the cleaned
    bytes, and the image made from it later has no GPS either."""
    response = editor_client.post(
        MULTIPLE_URL,
        {
            "files[]": SimpleUploadedFile("ponsel.jpg", phone_photo()),
            "title": "Judul sangat panjang " * 20,  # over the title's 255 characters
        },
    )
    assert response.status_code == 200
    assert response.json()["success"] is True  # the edit form for the kept upload
    kept = UploadedFile.objects.get()
    with kept.file.open("rb") as f:
        assert metadata_left(f.read()) == []


def test_upload_written_to_a_temporary_file_is_cleaned_too(
    editor_client, settings, django_capture_on_commit_callbacks
):
    """Large uploads reach Django as a file on disk that storage moves into place."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000
    image = _upload_photo(editor_client, django_capture_on_commit_callbacks, phone_photo())
    with image.open_file() as f:
        data = f.read()
    assert metadata_left(data) == []
    assert image.file_size == len(data)
