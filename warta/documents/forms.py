"""Uploaded documents are checked against what their name claims before they are stored.

Wagtail checks only the extension, so a text file named ``laporan.pdf`` or a PDF cut
off half-way would be published as a broken download. Each accepted extension has a
cheap check of the bytes (magic number, end marker, the parts an office file must
hold); a mismatch is an Indonesian form error. Wired by ``WAGTAILDOCS_DOCUMENT_FORM_BASE``.
"""

from __future__ import annotations

import os
import zipfile

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

# How many bytes a document may be checked against; a longer file is read in parts.
TAIL_BYTES = 2048
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Parts an Office Open XML file of each kind must contain.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
KNOWN_BINARY = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP/dokumen Office",
    b"\x89PNG": "gambar PNG",
    b"\xff\xd8\xff": "gambar JPEG",
    b"GIF8": "gambar GIF",
    b"\x7fELF": "program",
    b"MZ": "program Windows",
    b"\xd0\xcf\x11\xe0": "dokumen Office lama (.doc/.xls)",
}
NAMES = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "odt": "OpenDocument (.odt)",
}


class DocumentRejected(ValueError):
    """The file is not what its name says; the message tells the editor why."""


def check_document(upload, name: str) -> None:
    """Raise DocumentRejected unless ``upload`` (a file object) holds what ``name``'s
    extension promises, whole."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    upload.seek(0, os.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    if size == 0:
        raise DocumentRejected("Berkas kosong (0 byte). Pilih berkas dokumen yang benar.")
    head = upload.read(1024)
    upload.seek(max(size - TAIL_BYTES, 0))
    tail = upload.read()
    upload.seek(0)
    if extension == "pdf":
        _check_pdf(head, tail, name)
    elif extension in OFFICE_PARTS or extension == "odt":
        _check_office(upload, head, name, extension)
    elif extension in ("csv", "txt"):
        _check_text(upload, head, name)
    upload.seek(0)


def _looks_like(head: bytes) -> str | None:
    return next((label for magic, label in KNOWN_BINARY.items() if head.startswith(magic)), None)


def _not_what_it_says(name: str, kind: str, head: bytes) -> DocumentRejected:
    found = _looks_like(head)
    actually = f"isinya {found}" if found else "isinya tidak dikenali"
    return DocumentRejected(
        f"Berkas “{name}” bukan {kind}: {actually}. Periksa berkasnya lalu unggah lagi."
    )


def _truncated(name: str) -> DocumentRejected:
    return DocumentRejected(
        f"Berkas “{name}” rusak atau terpotong (tidak lengkap). Simpan ulang dokumennya "
        "lalu unggah lagi."
    )


def _check_pdf(head: bytes, tail: bytes, name: str) -> None:
    if b"%PDF-" not in head:
        raise _not_what_it_says(name, "PDF", head)
    if b"%%EOF" not in tail:
        raise _truncated(name)


def _check_office(upload, head: bytes, name: str, extension: str) -> None:
    if not head.startswith(b"PK\x03\x04"):
        raise _not_what_it_says(name, f"dokumen {NAMES[extension]}", head)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension == "odt":
                info = archive.getinfo("mimetype") if "mimetype" in names else None
                ok = info is not None and info.file_size < 100
                ok = ok and archive.read("mimetype").strip() == ODT_MIMETYPE
            else:
                ok = OFFICE_PARTS[extension] in names
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        raise _truncated(name) from None
    if not ok:
        raise DocumentRejected(
            f"Berkas “{name}” bukan dokumen {NAMES[extension]}: isinya arsip ZIP jenis lain. "
            "Periksa berkasnya lalu unggah lagi."
        )


def _check_text(upload, head: bytes, name: str) -> None:
    found = _looks_like(head)
    if found:
        raise DocumentRejected(
            f"Berkas “{name}” bukan teks biasa: isinya {found}. Periksa berkasnya lalu unggah lagi."
        )
    while chunk := upload.read(64 * 1024):
        if b"\x00" in chunk:
            raise DocumentRejected(
                f"Berkas “{name}” bukan teks biasa: isinya data biner. Periksa berkasnya "
                "lalu unggah lagi."
            )


class WartaDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            try:
                check_document(upload, os.path.basename(upload.name))
            except DocumentRejected as exc:
                raise ValidationError(str(exc), code="invalid_document") from None
        return upload

    class Meta(BaseDocumentForm.Meta):
        pass
