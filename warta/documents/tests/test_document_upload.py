"""Documents uploaded through the real admin views (single add form and multiple
upload) as a Redaktur: files that are not what their name says, or are cut off, are
an Indonesian form error and nothing is stored; whole files are accepted."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from warta.testing.photos import png_bytes
from warta.users.roles import REDAKTUR

pytestmark = pytest.mark.django_db

MULTIPLE_URL = "/admin/documents/multiple/add/"
SINGLE_URL = "/admin/documents/add/"

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.fixture
def redaktur_client(client):
    user = get_user_model().objects.create_user("redaktur-dok", "r@example.com", "rahasia-123")
    user.groups.add(Group.objects.get(name=REDAKTUR))
    client.force_login(user)
    return client


BAD = [
    ("laporan.pdf", b"Ini teks biasa, bukan PDF.\n", "bukan PDF"),
    ("gambar.pdf", png_bytes(), "isinya gambar PNG"),
    ("terpotong.pdf", PDF[:60], "terpotong"),
    ("surat.docx", PDF, "isinya PDF"),
    ("tabel.xlsx", DOCX, "arsip ZIP jenis lain"),
    ("naskah.odt", DOCX, "arsip ZIP jenis lain"),
    ("rusak.docx", DOCX[: len(DOCX) // 2], "terpotong"),
    ("data.csv", b"kolom,nilai\n\x00\x01\x02", "bukan teks biasa"),
    ("catatan.txt", PDF, "bukan teks biasa"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_multiple_upload_refuses_mislabelled_or_broken_documents(
    redaktur_client, name, data, message
):
    response = redaktur_client.post(
        MULTIPLE_URL, {"files[]": SimpleUploadedFile(name, data), "title": name}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False
    assert message in body["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_single_add_form_refuses_mislabelled_or_broken_documents(
    redaktur_client, name, data, message
):
    response = redaktur_client.post(
        SINGLE_URL, {"title": "Dokumen", "file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


def test_empty_document_is_refused_in_indonesian(redaktur_client):
    response = redaktur_client.post(
        SINGLE_URL, {"title": "Kosong", "file": SimpleUploadedFile("kosong.pdf", b"")}
    )
    assert response.status_code == 200
    assert "kosong" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("laporan.pdf", PDF),
        ("surat.docx", DOCX),
        ("tabel.xlsx", XLSX),
        ("naskah.odt", ODT),
        ("data.csv", b"kota,jumlah\nBandung,3\n"),
        ("catatan.txt", "Catatan redaksi: ©2026, “kutipan”.".encode()),
    ],
)
def test_whole_documents_are_accepted(redaktur_client, name, data):
    response = redaktur_client.post(
        MULTIPLE_URL, {"files[]": SimpleUploadedFile(name, data), "title": name}
    )
    assert response.json()["success"] is True, response.json()
    assert get_document_model().objects.count() == 1
