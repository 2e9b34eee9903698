"""The admin's "Impor teks" takes a lead photo too: the same checks as the image forms
(an Indonesian error, nothing stored) and the same metadata stripping."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from warta.articles.models import ArticlePage
from warta.images.models import WartaImage
from warta.testing.factories import make_section
from warta.testing.photos import metadata_left, phone_photo, png_bytes, truncated_jpeg

pytestmark = pytest.mark.django_db

URL = "/admin/impor-teks/"
TEXT = Path(__file__).resolve().parents[2] / "importers" / "tests" / "data" / "nelayan-wita.txt"


@pytest.fixture
def redaktur_client(client):
    user = get_user_model().objects.create_superuser("redaktur-impor", "r@example.com", "x-123")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("foto.jpg", truncated_jpeg(), "rusak atau terpotong"),
        ("foto.jpg", png_bytes(), "isinya gambar PNG"),
        ("foto.jpg", b"bukan gambar" * 10, "Unggah gambar yang valid"),  # Django's own check
    ],
)
def test_bad_lead_photo_is_an_indonesian_error(redaktur_client, name, data, message):
    section = make_section()
    response = redaktur_client.post(
        URL,
        {
            "text": TEXT.read_text(encoding="utf-8"),
            "section": section.pk,
            "image": SimpleUploadedFile(name, data, content_type="image/jpeg"),
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ArticlePage.objects.exists()
    assert not WartaImage.objects.exists()


def test_imported_lead_photo_loses_its_gps(redaktur_client):
    section = make_section()
    response = redaktur_client.post(
        URL,
        {
            "text": TEXT.read_text(encoding="utf-8"),
            "section": section.pk,
            "image": SimpleUploadedFile("ponsel.jpg", phone_photo(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302
    image = WartaImage.objects.get()
    with image.open_file() as f:
        assert metadata_left(f.read()) == []
    assert (image.width, image.height) == (900, 1600)
