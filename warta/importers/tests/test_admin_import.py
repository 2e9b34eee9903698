"""The admin's "Impor teks" form, driven through the test client."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from warta.articles.models import ArticlePage, WireAgency
from warta.images.models import WartaImage
from warta.people.models import Person
from warta.testing.factories import make_section

DATA = Path(__file__).parent / "data"
URL = "/admin/impor-teks/"


def row_counts() -> tuple[int, int, int, int]:
    return (
        ArticlePage.objects.count(),
        WartaImage.objects.count(),
        Person.objects.count(),
        WireAgency.objects.count(),
    )


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (DATA / name).read_bytes(), content_type="text/plain")


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktur", "r@example.com", "rahasia-123")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_form_is_listed_in_the_menu_and_shown(editor_client):
    make_section()
    home = editor_client.get("/admin/")
    assert URL in home.content.decode()
    response = editor_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Impor teks" in page
    assert 'enctype="multipart/form-data"' in page
    assert "Impor jadi draf" in page


@pytest.mark.django_db
def test_upload_creates_a_draft_and_lands_on_its_edit_page(editor_client):
    section = make_section("Ekonomi", slug="ekonomi")
    response = editor_client.post(
        URL, {"text_file": upload("nelayan-wita.txt"), "section": section.pk}, follow=True
    )
    article = ArticlePage.objects.get()
    assert response.redirect_chain == [(f"/admin/pages/{article.pk}/edit/", 302)]
    assert response.status_code == 200
    assert not article.live and article.get_parent().pk == section.pk
    assert article.owner.username == "redaktur"
    page = response.content.decode()
    assert "dibuat dari teks (4 paragraf)" in page
    assert "Gambar utama belum ada di teks" in page


@pytest.mark.django_db
def test_pasted_text_with_unknown_lines_reports_them(editor_client):
    section = make_section()
    text = (DATA / "nelayan-wita.txt").read_text(encoding="utf-8") + "Editor: Bambang\n"
    response = editor_client.post(URL, {"text": text, "section": section.pk}, follow=True)
    assert ArticlePage.objects.count() == 1
    assert "Tak dikenali, baris 29: Editor: Bambang" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, message",
    [
        ("kosong.txt", "Berkas kosong"),
        ("bukan-utf8.txt", "bukan teks UTF-8"),
        ("tanpa-waktu.txt", "Baris waktu terbit tidak ditemukan"),
    ],
)
def test_bad_file_shows_the_error_and_creates_nothing(editor_client, name, message):
    section = make_section()
    before = row_counts()
    response = editor_client.post(URL, {"text_file": upload(name), "section": section.pk})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert row_counts() == before


@pytest.mark.django_db
def test_neither_or_both_inputs_are_refused(editor_client):
    section = make_section()
    response = editor_client.post(URL, {"section": section.pk})
    assert "Unggah berkas teks atau tempel teks" in response.content.decode()
    both = {"text_file": upload("nelayan-wita.txt"), "text": "Judul", "section": section.pk}
    response = editor_client.post(URL, both)
    assert "Pilih salah satu" in response.content.decode()
    assert ArticlePage.objects.count() == 0


@pytest.mark.django_db
def test_repeat_import_needs_the_again_box(editor_client):
    section = make_section()
    editor_client.post(URL, {"text_file": upload("nelayan-wita.txt"), "section": section.pk})
    response = editor_client.post(
        URL, {"text_file": upload("nelayan-wita.txt"), "section": section.pk}
    )
    assert "sudah pernah diimpor" in response.content.decode()
    assert ArticlePage.objects.count() == 1
    editor_client.post(
        URL, {"text_file": upload("nelayan-wita.txt"), "section": section.pk, "again": "on"}
    )
    assert ArticlePage.objects.count() == 2


@pytest.mark.django_db
def test_users_who_cannot_add_pages_are_turned_away(client):
    make_section()
    user = get_user_model().objects.create_user("tamu", "t@example.com", "rahasia-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert URL not in client.get("/admin/").content.decode()
    response = client.get(URL)
    assert response.status_code == 302
    assert client.post(URL, {"text": "Judul"}).status_code == 302
    assert ArticlePage.objects.count() == 0


@pytest.mark.django_db
def test_photo_upload_becomes_the_lead_image(editor_client):
    section = make_section()
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), (200, 120, 40)).save(buffer, format="PNG")
    photo = SimpleUploadedFile("perahu.png", buffer.getvalue(), content_type="image/png")
    data = {"text_file": upload("nelayan-wita.txt"), "section": section.pk, "image": photo}
    response = editor_client.post(URL, data, follow=True)
    image = ArticlePage.objects.get().lead_image
    assert (image.width, image.height) == (1200, 675)
    assert image.file.name.endswith(".png")
    assert "Gambar utama belum ada di teks" not in response.content.decode()
